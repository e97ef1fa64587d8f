"""A complete report of our own, and ways to spoil it for one finding at a time.

``CLEAN_REPORT`` is a 2024 report of a (fictional) street office that holds
every required element, names its figures, plans 2025 and is dated before
1 April 2025: no consistency finding should be raised on it.
"""

from __future__ import annotations

CLEAN_REPORT = """\
白沙街道2024年法治政府建设年度报告
2024年，白沙街道坚持以习近平法治思想为指导，对照职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的目标，扎实推进法治政府建设。现将有关情况报告如下。
一、2024年推进法治政府建设的主要举措和成效
（一）健全工作机制
街道党工委全年召开专题会议研究法治建设5次，制定年度工作要点，将19项任务分解到各科室和社区。
（二）落实行政执法三项制度
街道综合行政执法队在区行政执法公示平台开展事前公开，公开执法事项清单88项；执法时亮证执法，处罚决定作出后7日内事后公开，全年公开处罚信息36件。执法队配备执法记录仪14台，对现场检查和调查取证实行全过程记录，归档音像记录510条。对重大执法决定一律开展法制审核，全年法制审核重大执法决定6件。
（三）发挥法律顾问作用
街道聘请律师事务所担任常年法律顾问，法律顾问全年列席党工委会议9次，审查合同41份，出具法律意见书12份，代理诉讼案件2件。
（四）规范重大行政决策
街道全年作出重大行政决策2项，均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。
二、存在的不足和原因
（一）执法队伍专业化程度不高。执法队员中法律专业人员仅3名，原因是近年人员调整频繁，培训不够系统。
（二）法治宣传形式单一。宣传以发放资料为主，原因是对群众需求调研不深。
三、党政主要负责人履行推进法治建设第一责任人职责情况
街道党工委书记、办事处主任认真履行推进法治建设第一责任人职责，做到亲自部署、亲自过问、亲自协调、亲自督办，全年主持研究法治工作6次，年终述职中专门进行述法。
四、2025年推进法治政府建设的主要安排
（一）提升执法队伍能力，全年组织执法人员培训4期。
（二）深化法治宣传，按不同群体需求开展精准普法。
五、其他需要报告的情况
2024年，街道未发生行政复议被撤销或行政诉讼败诉的案件。
白沙街道办事处
2025年3月18日
"""


def spoil(report: str, old: str, new: str) -> str:
    """``report`` with ``old`` (which must occur exactly once) replaced by ``new``."""
    assert report.count(old) == 1, f"{old!r} occurs {report.count(old)} times"
    return report.replace(old, new)
