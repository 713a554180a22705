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
    ("乌鲁木齐县交通运输局", "wlmqx-jtj", AgencyKind.DEPARTMENT),
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
