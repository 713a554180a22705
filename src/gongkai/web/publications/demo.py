"""The demo county's 主动公开 catalogue (issue 5 must-show): about 150 items across the fifteen
categories of 第二十条, made, reviewed, approved and published through the services.

Titles follow the county portal's habits (乌鲁木齐县2025年政府工作报告, 关于印发…的通知,
规范性文件 with 文号 乌政发〔2025〕N号). Most items are published, a few are revoked, under
review, approved or still drafts (some of them past the 20-working-day limit of 第二十六条).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from gongkai.calendar import WorkCalendar, add_workdays
from gongkai.web.accounts.constants import Role
from gongkai.web.publications import services
from gongkai.web.publications.constants import Category, Check, CheckResult, DocumentKind, ItemStatus
from gongkai.web.publications.models import SubCategory
from gongkai.web.publications.services import AccountFields, ItemContent

C = Category
S = ItemStatus
COUNTY_ITEMS = 110
CHILD_ITEMS = 6  # per department or township
MONTHS = range(1, 13)

# Topics of the county's 规范性文件 (乌政发 / 乌政办发).
NORMATIVE_TOPICS = (
    "城乡居民最低生活保障", "农村宅基地管理", "国有土地上房屋征收与补偿", "城市供热管理", "政府投资项目管理",
    "行政规范性文件制定和备案", "重大行政决策程序", "农村集体经济组织财务管理", "临时救助", "城市绿化管理",
    "建筑垃圾管理", "耕地保护补偿", "残疾人两项补贴", "高龄津贴发放", "招商引资优惠政策",
)
PROJECTS = ("南山旅游公路拓宽工程", "水西沟镇棚户区改造项目", "县第一中学扩建工程", "板房沟镇高标准农田建设项目",
            "县城集中供热管网改造工程", "托里乡农村饮水安全巩固提升工程", "甘沟乡乡村振兴示范村建设项目")
DEPARTMENTS = ("县发展和改革委员会", "县教育局", "县自然资源局", "县住房和城乡建设局", "县财政局", "县民政局")


def _titles(year: int, rng: random.Random) -> dict[str, list[str]]:
    """Plausible titles per category for ``year``."""
    month = rng.choice(MONTHS)
    project = rng.choice(PROJECTS)
    dept = rng.choice(DEPARTMENTS)
    return {
        C.ORGANISATION: [f"乌鲁木齐县{dept.removeprefix('县')}主要职责和内设机构", "乌鲁木齐县人民政府领导分工",
                         f"{dept}办公地址、办公时间和联系方式"],
        C.PLANNING: [f"乌鲁木齐县{year}年政府工作报告",
                     f"乌鲁木齐县{year}年国民经济和社会发展计划执行情况与{year + 1}年计划草案的报告",
                     "乌鲁木齐县国土空间总体规划（2021—2035年）", f"乌鲁木齐县“十五五”乡村振兴专项规划（{year}年征求意见稿）"],
        C.STATISTICS: [f"乌鲁木齐县{year}年{month}月主要经济指标", f"乌鲁木齐县{year - 1}年国民经济和社会发展统计公报",
                       f"{year}年上半年乌鲁木齐县经济运行情况"],
        C.LICENSING: [f"{year}年{month}月行政许可事项办理结果公示", "乌鲁木齐县政务服务事项清单",
                      f"关于{project}建设工程规划许可证的公示"],
        C.ENFORCEMENT: [f"行政处罚决定书（乌县综执罚〔{year}〕{rng.randint(10, 300)}号）",
                        "乌鲁木齐县行政执法事项清单", f"{year}年{month}月行政处罚案件信息公示"],
        C.BUDGET: [f"乌鲁木齐县{year}年县本级财政预算报告", f"{dept}{year}年部门预算公开说明",
                   f"{dept}{year - 1}年部门决算公开", f"乌鲁木齐县{year - 1}年“三公”经费决算情况"],
        C.FEES: [f"乌鲁木齐县行政事业性收费目录清单（{year}年版）", "关于调整县城集中供暖价格的通知"],
        C.PROCUREMENT: [f"乌鲁木齐县{year}年政府集中采购目录及标准", f"{project}监理服务采购结果公告",
                        f"{year}年第{rng.randint(1, 4)}季度政府采购意向公开"],
        C.PROJECTS: [f"关于{project}可行性研究报告的批复", f"{project}实施进展情况", f"{project}环境影响评价批复"],
        C.WELFARE: [f"{year}年{month}月城乡低保资金发放情况", f"关于做好{year}年高校毕业生就业创业工作的通知",
                    f"乌鲁木齐县{year}年义务教育阶段招生入学工作方案", f"{year}年城乡居民基本医疗保险参保缴费工作的通告"],
        C.EMERGENCY: ["乌鲁木齐县防汛抗旱应急预案", f"乌鲁木齐县{year}年森林草原防灭火工作方案",
                      f"乌鲁木齐县气象局发布大风蓝色预警信号（{year}年{month}月）"],
        C.SUPERVISION: [f"{year}年第{rng.randint(1, 4)}季度食品安全监督抽检结果", f"{year}年安全生产大检查情况通报",
                        f"{year}年{month}月生态环境质量状况"],
        C.CIVIL_SERVICE: [f"{year}年乌鲁木齐县考试录用公务员拟录用人员名单", f"{year}年乌鲁木齐县事业单位公开招聘工作人员公告"],
        C.OTHER: [f"乌鲁木齐县{year - 1}年法治政府建设年度报告", f"乌鲁木齐县{year - 1}年政府信息公开工作年度报告",
                  f"乌鲁木齐县人民政府关于{rng.choice(PROJECTS)}征收土地的公告"],
    }


def _child_titles(name: str, year: int, rng: random.Random) -> dict[str, list[str]]:
    """Titles a department or township publishes in its own name."""
    month = rng.choice(MONTHS)
    return {
        C.ORGANISATION: [f"{name}主要职责和内设机构", f"{name}办公地址、办公时间和联系方式"],
        C.PLANNING: [f"{name}{year}年工作要点", f"{name}{year - 1}年工作总结和{year}年工作计划"],
        C.STATISTICS: [f"{name}{year}年上半年主要业务数据"],
        C.LICENSING: [f"{name}{year}年{month}月行政许可事项办理结果公示", f"{name}政务服务事项办事指南"],
        C.ENFORCEMENT: [f"{name}{year}年{month}月行政处罚案件信息公示", f"{name}行政执法事项清单"],
        C.BUDGET: [f"{name}{year}年部门预算", f"{name}{year - 1}年部门决算"],
        C.FEES: [f"{name}行政事业性收费项目及标准"],
        C.PROCUREMENT: [f"{name}{year}年政府采购意向公开", f"{name}办公设备采购结果公告"],
        C.PROJECTS: [f"{name}{rng.choice(PROJECTS)}实施进展情况"],
        C.WELFARE: [f"{name}{year}年{month}月城乡低保资金发放情况", f"{name}{year}年公益性岗位招聘公告"],
        C.EMERGENCY: [f"{name}{year}年防汛抗旱应急预案", f"{name}森林草原防灭火应急预案"],
        C.SUPERVISION: [f"{name}{year}年安全生产检查情况通报", f"{name}{year}年第{rng.randint(1, 4)}季度食品安全检查情况"],
        C.CIVIL_SERVICE: [f"{name}{year}年公开遴选公务员公告"],
        C.OTHER: [f"{name}{year - 1}年政府信息公开工作年度报告", f"{name}{year - 1}年法治政府建设年度报告"],
    }


def _body(title: str, issuer: str, rng: random.Random) -> str:
    """A few paragraphs that read like the notice: the title's words are in the body too."""
    lines = [
        "各乡（镇）人民政府，县直各部门：" if title.startswith("关于") else f"{issuer}现将《{title}》予以公开。",
        (f"为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步做好{title.removeprefix('关于')}相关工作，"
         "根据有关法律法规和上级部门工作部署，结合本县实际，现就有关事项公开如下。"),
        rng.choice(["一、总体要求。坚持以人民为中心，依法依规、公开透明、便民高效。",
                    "一、基本情况。全县各项工作稳步推进，主要指标完成情况良好。",
                    "一、适用范围。本文件适用于本县行政区域内的相关单位和个人。"]),
        rng.choice(["二、工作措施。各乡镇、各部门要明确责任分工，加强协调配合，确保各项任务落到实处。",
                    "二、主要内容。详见附件，如有疑问请向承办部门咨询。",
                    "二、监督检查。县人民政府办公室将适时对落实情况进行督查。"]),
        f"联系电话：0991-58{rng.randint(10000, 99999)}",
    ]
    return "\n".join(lines)


@dataclass
class DemoCatalogue:
    items: int = 0
    by_status: dict = field(default_factory=dict)
    accounts: int = 0


def _people(staff_here: dict) -> dict[str, object]:
    """Who does what in one office: the clerk drafts, the reviewer checks, the head approves."""
    drafter = staff_here.get(Role.CLERK) or staff_here.get(Role.HANDLER)
    return {"drafter": drafter, "reviewer": staff_here[Role.REVIEWER], "head": staff_here[Role.HEAD]}


def _status(rng: random.Random, written_on: date, today: date) -> str:
    if (today - written_on).days < 40:  # recent items are still on their way
        return rng.choice([S.DRAFT, S.IN_REVIEW, S.APPROVED, S.PUBLISHED, S.PUBLISHED])
    roll = rng.random()
    if roll < 0.05:
        return S.REVOKED
    if roll < 0.08:
        return S.DRAFT  # forgotten: past the 20 working days of 第二十六条
    if roll < 0.11:
        return S.IN_REVIEW  # held up in the 保密审查, overdue as well
    return S.PUBLISHED


def _bring_to(item, status: str, who: dict, *, published_on: date, rng: random.Random) -> None:
    if status == S.DRAFT:
        return
    services.item_submit_for_review(item=item, acting_user=who["drafter"])
    if status == S.IN_REVIEW:
        # Partly reviewed: the reviewer has passed the first checks.
        for check in Check.values[:rng.randint(0, 3)]:
            services.item_record_check(item=item, check=check, result=CheckResult.PASSED, acting_user=who["reviewer"])
        return
    for check in Check.values:
        services.item_record_check(item=item, check=check, result=CheckResult.PASSED, acting_user=who["reviewer"])
    services.item_approve(item=item, acting_user=who["head"])
    if status == S.APPROVED:
        return
    services.item_publish(item=item, acting_user=who["drafter"], published_on=published_on)
    if status == S.REVOKED:
        services.item_revoke(item=item, acting_user=who["head"], revoked_on=published_on,
                             reason="内容有误，更正后重新发布")


def _written_on(rng: random.Random, today: date, earliest: date) -> date:
    day = earliest + timedelta(days=rng.randint(0, max(0, (today - earliest).days - 3)))
    return day - timedelta(days=max(0, day.weekday() - 4))  # documents are dated on weekdays


def _published_on(rng: random.Random, written_on: date, today: date, calendar: WorkCalendar) -> date:
    # Most within the 20 working days of 第二十六条, a few late.
    workdays = rng.choice([1, 2, 3, 5, 8, 12, 15, 19, 24])
    try:
        day = add_workdays(written_on, workdays, calendar=calendar)
    except Exception:  # noqa: BLE001 (a year the calendar has not loaded: count calendar days)
        day = written_on + timedelta(days=workdays)
    return min(day, today)


def demo_catalogue_load(*, agencies: list, staff: dict, today: date, calendar: WorkCalendar,
                        rng: random.Random) -> DemoCatalogue:
    """The catalogue of the county and its departments and townships, and their 政务新媒体 accounts."""
    summary = DemoCatalogue()
    county = agencies[0]
    earliest = date(today.year - 1, 1, 5)
    subs = {name: SubCategory.objects.create(agency=county, category=cat, name=name, position=i)
            for i, (cat, name) in enumerate([(C.REGULATIONS, "县政府文件"), (C.REGULATIONS, "县政府办公室文件"),
                                              (C.BUDGET, "财政预决算"), (C.BUDGET, "部门预决算")])}
    plan: list[tuple[object, ItemContent]] = []
    # 规范性文件 of the county: numbered per year, a few later repealed.
    serial: dict[tuple[str, int], int] = {}
    for topic in NORMATIVE_TOPICS:
        written = _written_on(rng, today, earliest)
        office = rng.choice(["乌政发", "乌政办发"])
        serial[(office, written.year)] = serial.get((office, written.year), 0) + rng.randint(1, 4)
        sub = subs["县政府文件" if office == "乌政发" else "县政府办公室文件"]
        # 城市供热管理 → 城市供热管理办法, never …管理管理办法.
        rule = f"{topic}办法" if topic.endswith("管理") else f"{topic}管理办法"
        title = rng.choice([f"乌鲁木齐县{rule}", f"关于印发《乌鲁木齐县{topic}实施办法》的通知",
                            f"乌鲁木齐县{topic}暂行规定"])
        issuer = "乌鲁木齐县人民政府" if office == "乌政发" else "乌鲁木齐县人民政府办公室"
        plan.append((county, ItemContent(
            title=title, issuer=issuer, written_on=written, category=C.REGULATIONS, subcategory_id=sub.pk,
            document_number=f"{office}〔{written.year}〕{serial[(office, written.year)]}号", topic=topic[:20],
            document_kind=DocumentKind.NORMATIVE, validity="in_force", effective_on=written,
            body=_body(title, issuer, rng))))
    other_categories = [c for c in Category.values if c != C.REGULATIONS]
    seen = {content.title for _, content in plan}
    while len(plan) < COUNTY_ITEMS:
        category = rng.choice(other_categories)
        written = _written_on(rng, today, earliest)
        title = rng.choice(_titles(written.year, rng)[category])
        if title in seen:  # a portal lists each document once
            continue
        seen.add(title)
        issuer = rng.choice(["乌鲁木齐县人民政府", "乌鲁木齐县人民政府办公室"])
        sub = rng.choice([subs["财政预决算"], subs["部门预决算"]]) if category == C.BUDGET else None
        plan.append((county, ItemContent(title=title, issuer=issuer, written_on=written, category=category,
                                         subcategory_id=sub.pk if sub else None, body=_body(title, issuer, rng))))
    for agency in agencies[1:]:
        for _ in range(CHILD_ITEMS):
            category = rng.choice(other_categories)
            written = _written_on(rng, today, earliest)
            title = rng.choice(_child_titles(agency.name, written.year, rng)[category])
            if title in seen:
                continue
            seen.add(title)
            plan.append((agency, ItemContent(title=title, issuer=agency.name, written_on=written, category=category,
                                             body=_body(title, agency.name, rng))))
    plan.sort(key=lambda pair: pair[1].written_on)  # 索引号 serials follow the order items were made
    normative = []
    for agency, content in plan:
        who = _people(staff[agency.code])
        item = services.item_create(agency=agency, content=content, acting_user=who["drafter"])
        status = _status(rng, content.written_on, today)
        published_on = _published_on(rng, content.written_on, today, calendar)
        _bring_to(item, status, who, published_on=published_on, rng=rng)
        summary.by_status[status] = summary.by_status.get(status, 0) + 1
        if status == S.PUBLISHED and content.document_kind == DocumentKind.NORMATIVE:
            normative.append((item, published_on))
    # Two county documents were repealed some months after publication.
    for item, published_on in normative[:2]:
        ended = min(today, published_on + timedelta(days=120))
        services.item_set_validity(item=item, validity="repealed", ended_on=ended,
                                   acting_user=_people(staff[county.code])["drafter"])
    summary.items = len(plan)
    summary.accounts = _accounts(agencies, staff)
    return summary


ACCOUNTS = (
    ("wechat", "乌鲁木齐县发布", "中共乌鲁木齐县委宣传部", date(2016, 3, 1)),
    ("weibo", "乌鲁木齐县发布", "中共乌鲁木齐县委宣传部", date(2014, 6, 1)),
    ("douyin", "乌鲁木齐县融媒", "乌鲁木齐县融媒体中心", date(2020, 8, 1)),
    ("toutiao", "乌鲁木齐县发布", "乌鲁木齐县融媒体中心", date(2019, 5, 1)),
)


def _accounts(agencies: list, staff: dict) -> int:
    county = agencies[0]
    admin = staff[county.code][Role.ADMIN]
    count = 0
    for platform, name, operator, opened in ACCOUNTS:
        services.newmedia_create(agency=county, acting_user=admin, fields=AccountFields(
            platform=platform, name=name, operator=operator, opened_on=opened))
        count += 1
    for agency in agencies[1:4]:
        head = staff[agency.code][Role.HEAD]
        services.newmedia_create(agency=agency, acting_user=head, fields=AccountFields(
            platform="wechat", name=f"{agency.name.removeprefix('乌鲁木齐县')}", operator=agency.name,
            opened_on=date(2021, 1, 1)))
        count += 1
    return count
