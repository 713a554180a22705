"""The 告知书 templates: one per outcome group of the annual report's section 三, as data.

Articles are those of /work/shared/spec/request-workflow.md ("Reply types … and the report
row each one feeds"), which is authoritative; 款 and 项 are added where the article has them.
Article texts quoted in the decisions follow 《中华人民共和国政府信息公开条例》 (2019 revision,
国务院令第711号). Remedies follow 《中华人民共和国行政复议法》 (2023 revision) 第二十条、第二十三条
and 《中华人民共和国行政诉讼法》 第四十五条、第四十六条.
"""
from __future__ import annotations

from dataclasses import dataclass

REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


@dataclass(frozen=True)
class RowClause:
    """What a notice says for one report row: the articles it rests on and the reason in words.

    ``articles`` empty means the spec names no article for the row (``—``): the office must
    give the legal basis itself (``NoticeData.legal_basis``).
    """

    articles: tuple[str, ...]
    reason: str
    # Other instruments cited after the regulation's articles (e.g. the fee measures, 109号).
    other_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeTemplate:
    """One outcome group: title, the decision sentence, and the remedies paragraph.

    ``decision`` is a ``str.format`` template over ``reason`` (the row's reason) and ``basis``
    (the articles, e.g. ``《…条例》第十四条``). ``review_first`` marks groups where the
    applicant must apply for 行政复议 before suing (行政复议法 第二十三条第一款第（四）项:
    申请政府信息公开，行政机关不予公开).
    """

    group: str
    title: str
    decision: str
    rows: dict[str, RowClause]
    # Articles of the regulation that say how this kind of reply is given, cited after the row's own.
    reply_articles: tuple[str, ...] = ()
    review_first: bool = False


GRANTED = NoticeTemplate(
    group="granted",
    title="政府信息公开申请答复告知书（予以公开）",
    decision="经审查，您申请获取的政府信息{reason}。根据{basis}的规定，本机关予以公开。",
    rows={
        # 第三十六条（一） already proactively disclosed / （二） can be disclosed: both feed `granted`.
        "granted": RowClause(("第三十六条第（一）项", "第三十六条第（二）项"),
                             "属于可以公开的政府信息，现向您提供，或告知获取该政府信息的方式、途径和时间"),
    },
)

PARTLY_GRANTED = NoticeTemplate(
    group="partly_granted",
    title="政府信息公开申请答复告知书（部分公开）",
    decision="经审查，您申请获取的政府信息{reason}。根据{basis}的规定，本机关对可以公开的部分予以公开，"
             "对不予公开的部分说明理由如下。",
    rows={
        # 第三十七条 区分处理; it wins over any other outcome in the report.
        "partly_granted": RowClause(("第三十七条",),
                                    "中含有不应当公开或者不属于政府信息的内容，但能够作区分处理"),
    },
    review_first=True,  # the part not disclosed is a refusal to disclose (行政复议法 第二十三条)
)

WITHHELD = NoticeTemplate(
    group="withheld",
    title="政府信息公开申请答复告知书（不予公开）",
    decision="经审查，您申请获取的政府信息{reason}。根据{basis}的规定，本机关决定不予公开。",
    rows={
        "withheld_state_secret": RowClause(("第十四条",), "属于依法确定为国家秘密的政府信息"),
        "withheld_prohibited": RowClause(("第十四条",), "属于法律、行政法规禁止公开的政府信息"),
        "withheld_security": RowClause(("第十四条",),
                                       "公开后可能危及国家安全、公共安全、经济安全、社会稳定"),
        "withheld_third_party": RowClause(("第十五条", "第三十二条"),
                                          "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害"),
        "withheld_internal": RowClause(("第十六条第一款",),
                                       "属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等）"),
        "withheld_process": RowClause(("第十六条第二款",),
                                      "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、"
                                      "请示报告等过程性信息"),
        "withheld_enforcement_file": RowClause(("第十六条第二款",), "属于行政执法案卷信息"),
        "withheld_query": RowClause(("第三十六条第（七）项",),
                                    "属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，"
                                    "请依照有关法律、行政法规的规定办理"),
    },
    # 第三十六条第（三）项: a refusal tells the applicant and states the reason.
    reply_articles=("第三十六条第（三）项",),
    review_first=True,
)

UNAVAILABLE = NoticeTemplate(
    group="unavailable",
    title="政府信息公开申请答复告知书（无法提供）",
    decision="经审查，您申请获取的政府信息{reason}。根据{basis}的规定，本机关无法提供。",
    rows={
        "unavailable_not_held": RowClause(("第三十六条第（四）项", "第三十六条第（五）项"),
                                          "经检索本机关不掌握，或者不属于本机关负责公开；能够确定负责公开该政府"
                                          "信息的行政机关的，其名称和联系方式见下文说明"),
        "unavailable_needs_creation": RowClause(("第三十八条",),
                                                "需要本机关对现有政府信息进行加工、分析才能形成"),
        "unavailable_unclear": RowClause(("第三十条",), "经补正后，申请内容仍不明确"),
    },
)

REJECTED = NoticeTemplate(
    group="rejected",
    title="政府信息公开申请答复告知书（不予处理）",
    decision="经审查，您提出的申请{reason}。根据{basis}的规定，本机关不作为政府信息公开申请处理。",
    rows={
        "rejected_petition": RowClause(("第三十九条第一款",),
                                       "是以政府信息公开申请的形式进行信访、投诉、举报等活动，请通过相应渠道提出"),
        "rejected_duplicate": RowClause(("第三十六条第（六）项",),
                                        "属于重复申请：所申请公开的信息本机关已经作出答复，不予重复处理"),
        "rejected_publication": RowClause(("第三十九条第二款",),
                                          "要求提供政府公报、报刊、书籍等公开出版物，请通过获取途径自行获取"),
        "rejected_excessive": RowClause(("第三十五条",),
                                        "申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理"),
        # request-workflow.md names no article for this row (—): the office supplies the basis.
        "rejected_confirmation": RowClause((), "是要求本机关确认或者重新出具已获取的信息"),
    },
)

OTHER = NoticeTemplate(
    group="other",
    title="政府信息公开申请处理告知书",
    decision="您提出的政府信息公开申请，{reason}。根据{basis}的规定，本机关不再处理该申请。",
    rows={
        "other_no_correction": RowClause(("第三十条",),
                                         "本机关已告知补正，您无正当理由逾期未补正，视为放弃申请"),
        "other_fee_unpaid": RowClause(("第四十二条",),
                                      "本机关已发出收费通知，您逾期未按收费通知要求缴纳信息处理费，视为放弃申请",
                                      other_sources=(FEE_MEASURES,)),
        # Withdrawn by the applicant, and anything else: no article in the spec (—).
        "other_misc": RowClause((), "已按下述情况处理"),
    },
)

NOTICE_TEMPLATES: tuple[NoticeTemplate, ...] = (GRANTED, PARTLY_GRANTED, WITHHELD, UNAVAILABLE, REJECTED, OTHER)
