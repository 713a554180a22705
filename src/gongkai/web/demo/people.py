"""Demo organisation: the seed report's county (乌鲁木齐县) with departments, townships and staff."""
from __future__ import annotations

from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind

COUNTY = ("乌鲁木齐县人民政府", "wlmqx", AgencyKind.GOVERNMENT)
CHILDREN = (
    ("乌鲁木齐县发展和改革委员会", "wlmqx-fgw", AgencyKind.DEPARTMENT),
    ("乌鲁木齐县教育局", "wlmqx-jyj", AgencyKind.DEPARTMENT),
    ("乌鲁木齐县自然资源局", "wlmqx-zrzyj", AgencyKind.DEPARTMENT),
    ("乌鲁木齐县住房和城乡建设局", "wlmqx-zjj", AgencyKind.DEPARTMENT),
    ("乌鲁木齐县公安局", "wlmqx-gaj", AgencyKind.DEPARTMENT),
    ("乌鲁木齐县水西沟镇人民政府", "wlmqx-sxg", AgencyKind.TOWNSHIP),
    ("乌鲁木齐县板房沟镇人民政府", "wlmqx-bfg", AgencyKind.TOWNSHIP),
    ("乌鲁木齐县永丰镇人民政府", "wlmqx-yf", AgencyKind.TOWNSHIP),
    ("乌鲁木齐县甘沟乡人民政府", "wlmqx-gg", AgencyKind.TOWNSHIP),
    ("乌鲁木齐县托里乡人民政府", "wlmqx-tl", AgencyKind.TOWNSHIP),
)
# 乌鲁木齐县's administrative division code (GB/T 2260), so demo 身份证号 look local.
ADDRESS_CODE = "650121"

DEMO_PASSWORD = "gongkai-demo-2026"
# County office: one login per role, named after it; the admin also gets the Django admin.
COUNTY_USERS = (
    ("clerk", "登记员 王芳", (Role.CLERK,)),
    ("reviewer", "审核员 李强", (Role.REVIEWER,)),
    ("handler", "承办人 张伟", (Role.HANDLER,)),
    ("head", "负责人 刘洋", (Role.HEAD,)),
    ("admin", "管理员 陈静", (Role.ADMIN,)),
)
# Every department and township: one officer doing intake and handling, and its head.
CHILD_USERS = (
    ("staff", "工作人员", (Role.CLERK, Role.REVIEWER, Role.HANDLER)),
    ("head", "负责人", (Role.HEAD,)),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰",
         "霞", "平", "刚", "桂英", "建华", "玉兰", "海燕", "志强", "红梅", "文", "斌", "亮", "阿依古丽", "买买提")
ORGANISATIONS = {
    "commercial": ("新疆天山建设工程有限公司", "乌鲁木齐县丰源农业科技有限公司", "新疆南山物流有限公司"),
    "research": ("新疆农业科学院农业经济研究所", "新疆大学城乡规划研究中心"),
    "social_welfare": ("乌鲁木齐市绿洲环保志愿者协会", "新疆助学公益基金会"),
    "legal_services": ("新疆天衡律师事务所", "新疆西域律师事务所", "乌鲁木齐县法律援助中心"),
    "other_org": ("水西沟镇东湾村村民委员会", "乌鲁木齐县个体劳动者协会"),
}
TOPICS = (
    "%(year)s年本县农村公路建设项目的招标文件及中标结果",
    "水西沟镇棚户区改造项目的房屋征收决定及补偿方案",
    "%(year)s年度城乡居民最低生活保障资金发放汇总情况",
    "县第一中学扩建工程的建设工程规划许可证及附图",
    "%(year)s年义务教育阶段学校招生划片方案",
    "东湾村集体土地征收的批准文件及征地补偿安置方案",
    "县城集中供暖价格调整的成本监审报告和听证材料",
    "南山旅游公路拓宽工程的环境影响评价批复",
    "本人承包地确权登记的相关档案",
    "%(year)s年县本级一般公共预算执行情况",
    "某养殖场排污许可证及自行监测数据",
    "板房沟镇高标准农田建设项目的验收报告",
    "县人民医院新院区建设项目的可行性研究报告批复",
    "永丰镇农村危房改造补助对象名单",
    "%(year)s年道路交通安全隐患点排查治理台账",
)
# Topics by agency code suffix; the county office also gets the general TOPICS.
AGENCY_TOPICS = {
    "fgw": ("%(year)s年县重点项目投资计划及项目清单", "南山旅游公路拓宽工程的可行性研究报告批复",
            "县城集中供暖价格调整的成本监审报告和听证材料", "天然气管网改造项目的立项批复文件"),
    "jyj": ("%(year)s年义务教育阶段学校招生划片方案", "县第一中学扩建工程的项目审批文件",
            "%(year)s年学前教育资助资金分配结果", "乡村教师生活补助发放标准及名单"),
    "zrzyj": ("东湾村集体土地征收的批准文件及征地补偿安置方案", "本人承包地确权登记的相关档案",
              "%(year)s年度国有建设用地供应计划", "某砂石料场采矿许可证及矿山地质环境恢复治理方案"),
    "gaj": ("%(year)s年道路交通安全隐患点排查治理台账", "县城区电子警察设置地点及审批文件",
            "%(year)s年户籍业务办理流程及收费依据", "某路段限速标志设置的依据文件"),
    "zjj": ("水西沟镇棚户区改造项目的房屋征收决定及补偿方案", "永丰镇农村危房改造补助对象名单",
            "县第一中学扩建工程的建设工程规划许可证及附图", "%(year)s年保障性住房分配结果"),
    "sxg": ("东湾村%(year)s年度村级财务公开资料", "水西沟镇%(year)s年草原生态补奖资金发放名单",
            "平西梁村道路硬化工程的招标文件及验收报告"),
    "bfg": ("板房沟镇高标准农田建设项目的验收报告", "板房沟镇%(year)s年度惠农补贴发放明细",
            "某养殖场排污许可证及自行监测数据"),
    "yf": ("永丰镇农村危房改造补助对象名单", "永丰镇%(year)s年度低保对象公示名单"),
    "gg": ("甘沟乡%(year)s年度护林员选聘结果", "甘沟乡牧民定居工程建设资金使用情况"),
    "tl": ("托里乡%(year)s年度农村饮水安全工程资金使用情况", "托里乡土地流转合同备案情况"),
}
# Requests too vague to answer; the office asks for a correction (第三十条).
VAGUE_TOPICS = ("有关征地的所有文件", "你单位近几年的全部项目资料", "与我家房子有关的文件",
                "有关补贴的政策和名单", "去年那个工程的相关材料")
CORRECTION_ASKS = ("请明确所需信息的名称、文号或者项目名称、地点及形成时间等特征描述",
                   "申请内容不明确，请说明所需文件涉及的具体项目和年度",
                   "请补充所需信息的具体名称或者便于查询的其他特征描述")
CORRECTION_NOTES = ("申请人补正：明确为%(topic)s", "申请人通过电子邮件补正，具体到%(topic)s")
PURPOSES = ("用于了解本村征地补偿标准", "用于学术研究", "用于维护本人合法权益", "用于企业投标准备",
            "用于核实补贴发放情况", "用于诉讼证据准备")
EXTENSION_REASONS = ("申请内容涉及多个年度的档案，需调档核查，正常期限内难以答复",
                     "所需信息数量较大，需逐页审查并作区分处理", "需与多个业务股室会商，正常期限内难以答复")
WITHDRAW_REASONS = ("申请人来电表示已通过其他途径获取，书面申请撤回", "申请人提交撤回申请书",
                    "申请人通过电子邮件撤回申请")
THIRD_PARTY_NOTES = ("第三方书面回复：不同意公开涉及其商业秘密的部分", "第三方书面回复：同意公开",
                     "第三方逾期未答复")
OTHER_BODY_NOTES = ("乌鲁木齐县人民政府办公室回复：同意公开", "相关部门回复：该信息属于过程性信息，建议不予公开")
# The reply's summary per report row (request-workflow.md: each reply is a written notice).
REPLY_SUMMARIES = {
    "granted": "经审查，您申请的信息属于公开范围，现按您要求的方式提供。",
    "partly_granted": "经审查，您申请的信息中部分内容涉及不予公开情形，已作区分处理后提供可以公开的部分（第三十七条）。",
    "withheld_state_secret": "经审查，您申请的信息属于国家秘密，依据第十四条不予公开。",
    "withheld_prohibited": "经审查，您申请的信息属于法律、行政法规禁止公开的信息，依据第十四条不予公开。",
    "withheld_security": "经审查，您申请的信息公开后可能危及社会稳定，依据第十四条不予公开。",
    "withheld_third_party": "经征求第三方意见，您申请的信息涉及商业秘密，公开会对第三方合法权益造成损害，依据第十五条不予公开。",
    "withheld_internal": "您申请的信息属于人事管理、后勤管理、内部工作流程等内部事务信息，依据第十六条第一款可不予公开。",
    "withheld_process": "您申请的信息属于讨论记录、过程稿等过程性信息，依据第十六条第二款可不予公开。",
    "withheld_enforcement_file": "您申请的信息属于行政执法案卷信息，依据第十六条第二款可不予公开。",
    "withheld_query": "您申请的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请按规定办理（第三十六条第七项）。",
    "unavailable_not_held": "经检索，本机关未制作或者获取您申请的信息，依据第三十六条第四项告知您该政府信息不存在。",
    "unavailable_needs_creation": "您申请的信息需要本机关对现有政府信息进行加工、分析，依据第三十八条不予提供。",
    "unavailable_unclear": "经补正后，您申请的信息内容仍不明确，本机关无法确定所需信息（第三十条）。",
    "rejected_petition": "您提出的事项属于信访、投诉、举报，依据第三十九条不作为政府信息公开申请处理，请通过相应渠道提出。",
    "rejected_duplicate": "您重复申请已答复的同一政府信息，依据第三十六条第六项不予重复处理。",
    "rejected_publication": "您申请的信息属于公开出版物，依据第三十九条请通过公开出版渠道获取。",
    "rejected_excessive": "您申请的数量、频次明显超过合理范围，且未能说明理由，依据第三十五条不予处理。",
    "rejected_confirmation": "您要求确认或者重新出具已获取的信息，不属于政府信息公开申请的范围，不予处理。",
    "other_misc": "您申请的事项已另行处理，特此告知。",
}
# The office's own legal basis, for the rows the 条例 names no article for (the 告知书 needs one).
LEGAL_BASES = {
    "rejected_confirmation": "《中华人民共和国政府信息公开条例》第二条、第二十七条",
    "other_misc": "《中华人民共和国政府信息公开条例》第二十七条",
}
