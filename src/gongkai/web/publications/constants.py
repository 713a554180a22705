"""Choices of the 主动公开 catalogue (条例 第十九–二十六条), each defined once here."""
from __future__ import annotations

from django.db import models

# 第二十六条: published within 20 working days of being made or changed.
PUBLICATION_WORKDAYS = 20


class Category(models.TextChoices):
    """The fifteen kinds of information 条例 第二十条 requires to be published, with its wording."""

    REGULATIONS = "01", "（一）行政法规、规章和规范性文件"
    ORGANISATION = "02", "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"
    PLANNING = "03", "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策"
    STATISTICS = "04", "（四）国民经济和社会发展统计信息"
    LICENSING = "05", "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"
    ENFORCEMENT = "06", ("（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的"
                         "行政处罚决定")
    BUDGET = "07", "（七）财政预算、决算信息"
    FEES = "08", "（八）行政事业性收费项目及其依据、标准"
    PROCUREMENT = "09", "（九）政府集中采购项目的目录、标准及实施情况"
    PROJECTS = "10", "（十）重大建设项目的批准和实施情况"
    WELFARE = "11", "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"
    EMERGENCY = "12", "（十二）突发公共事件的应急预案、预警信息及应对情况"
    SUPERVISION = "13", "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"
    CIVIL_SERVICE = "14", "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"
    OTHER = "15", "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"


class DocumentKind(models.TextChoices):
    """What a document is for section 二 item1; the values are the row ids of the report spec."""

    RULES = "rules", "规章"
    NORMATIVE = "normative_documents", "行政规范性文件"
    OTHER = "other", "其他"


class Validity(models.TextChoices):
    """效力状态 of a 规章 or 规范性文件."""

    IN_FORCE = "in_force", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class Disclosure(models.TextChoices):
    """公开方式: published proactively, on request only, or withheld (with its reason)."""

    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


class ItemStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    IN_REVIEW = "in_review", "保密审查中"
    APPROVED = "approved", "已批准"
    PUBLISHED = "published", "已发布"
    REVOKED = "revoked", "已撤回"


S = ItemStatus
# The one table of allowed moves (STYLE E5). A reviewer may send an item back to draft.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.IN_REVIEW}),
    S.IN_REVIEW: frozenset({S.APPROVED, S.DRAFT}),
    S.APPROVED: frozenset({S.PUBLISHED}),
    S.PUBLISHED: frozenset({S.REVOKED}),
    S.REVOKED: frozenset(),
}


class Check(models.TextChoices):
    """The five checks of the 保密审查 before release (政治关、法律关、保密关、程序关、时效关)."""

    POLITICAL = "political", "政治关"
    LEGAL = "legal", "法律关"
    SECRECY = "secrecy", "保密关"
    PROCEDURE = "procedure", "程序关"
    TIMELINESS = "timeliness", "时效关"


class CheckResult(models.TextChoices):
    PASSED = "passed", "通过"
    FAILED = "failed", "不通过"


class Platform(models.TextChoices):
    WEIBO = "weibo", "微博"
    WECHAT = "wechat", "微信公众号"
    TOUTIAO = "toutiao", "今日头条"
    DOUYIN = "douyin", "抖音"
    OTHER = "other", "其他"


class AccountStatus(models.TextChoices):
    ACTIVE = "active", "运营中"
    SUSPENDED = "suspended", "暂停更新"
    CLOSED = "closed", "已关停"


ACTION_LABELS = {
    "create": "新建", "update": "修改", "submit": "提交审查", "check": "记录审查意见",
    "return": "退回修改", "approve": "批准", "publish": "发布", "revoke": "撤回",
    "newmedia": "管理政务新媒体",
}
