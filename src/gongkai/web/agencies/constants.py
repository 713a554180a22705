from django.db import models


class AgencyKind(models.TextChoices):
    """What an agency is; a county government supervises its departments and townships."""

    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府部门"
    TOWNSHIP = "township", "乡镇（街道）"
    OTHER = "other", "其他机关"
