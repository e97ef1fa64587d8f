"""Annual reports of a few bodies over several years, written for the history and feedback tests.

Each report has the official five parts; ``leave_out`` drops the sentences of
some items (and their subheadings), so a body can improve or regress from one
year to the next. The wording is ours, not any real body's.
"""

from __future__ import annotations

from pathlib import Path

PIECES = {
    "publicity": "通过行政执法信息公示平台公开行政处罚决定{a}件，执法主体和依据全部上网。",
    "recording": "配备执法记录仪{b}台，现场检查和调查取证实行执法全过程记录。",
    "review": "作出重大执法决定前一律进行法制审核，全年审核重大执法决定{c}件。",
    "legal-adviser": "（二）发挥法律顾问作用\n政府法律顾问审查合同{d}份，列席常务会议{e}次，出具法律意见书{f}份。",
    "frp-duty": "三、党政主要负责人履行推进法治建设第一责任人职责情况\n{leader}认真履行推进法治建设第一责任人职责，"
                "主持召开专题会议{g}次研究法治政府建设，年终述职时专题述法。",
}


def report(body: str, short: str, leader: str, year: int, seed: int, leave_out: frozenset[str] = frozenset()) -> str:
    n = {k: (seed * 7 + i * 11) % 40 + 3 for i, k in enumerate("abcdefg")}
    parts = {k: v.format(leader=leader, **n) for k, v in PIECES.items() if k not in leave_out}
    lines = [
        f"{body}{year}年法治政府建设年度报告",
        f"{year}年，{short}坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下。",
        f"一、{year}年推进法治政府建设的主要举措和成效",
        "（一）严格规范公正文明执法",
        *(parts[k] for k in ("publicity", "recording", "review") if k in parts),
        *([parts["legal-adviser"]] if "legal-adviser" in parts else []),
        "（三）强化学法用法",
        f"组织常务会议会前学法{n['a'] % 9 + 2}次，举办执法人员培训{n['b'] % 5 + 1}期。",
        "二、存在的不足和原因",
        "一是基层执法力量不足；二是法治宣传方式较为单一。主要原因是培训投入不够、考核机制不完善。",
        *([parts["frp-duty"]] if "frp-duty" in parts else []),
        f"四、{year + 1}年推进法治政府建设的主要安排",
        "（一）年底前执法信息全部上网公示；（二）重大行政决策全部经合法性审查；（三）每季度组织一次集中学法。",
        "五、其他需要报告的情况",
        "无。",
        body,
        f"{year + 1}年1月{10 + seed % 15}日",
    ]
    return "\n".join(lines) + "\n"


# body, how it signs one year and the next, its head, and what it leaves out each year
BODIES = {
    "云岭镇": ("云岭镇人民政府", "云岭镇", "镇长", {2022: {"legal-adviser", "frp-duty", "review"},
                                              2023: {"frp-duty"}, 2024: set()}),  # improving
    "青禾街道": ("青禾街道办事处", "青禾街道", "街道党工委书记", {2022: set(), 2023: set(),
                                                     2024: {"legal-adviser", "review"}}),  # regressing
    "石门乡": ("石门乡人民政府", "石门乡", "乡长", {2022: {"recording"}, 2024: {"recording"}}),  # absent in 2023
}


def write_years(root: Path) -> dict[int, Path]:
    """A folder of reports per year under ``root``: {year: folder}."""
    folders = {}
    for year in (2022, 2023, 2024):
        folder = root / str(year)
        folder.mkdir(parents=True)
        for i, (short_key, (body, short, leader, years)) in enumerate(sorted(BODIES.items())):
            if year not in years:
                continue
            # one body signs with its short name one year: the history must still know it
            signed = short if (short_key == "青禾街道" and year == 2023) else body
            text = report(signed, short, leader, year, seed=year + i, leave_out=frozenset(years[year]))
            (folder / f"{short}-{year}.txt").write_text(text, encoding="utf-8")
        folders[year] = folder
    return folders
