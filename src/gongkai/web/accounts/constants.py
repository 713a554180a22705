from django.db import models


class Role(models.TextChoices):
    """What a person may do for one agency (第四十五条: 登记、审核、办理、答复、归档)."""

    CLERK = "clerk", "登记"
    HANDLER = "handler", "承办"
    REVIEWER = "reviewer", "审核"
    HEAD = "head", "负责人"  # signs extensions and replies (第三十三条)
    ADMIN = "admin", "管理员"
