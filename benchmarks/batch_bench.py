"""Benchmark ``lawcheck batch`` on a generated folder of realistic reports.

usage: python benchmarks/batch_bench.py [--n 1000] [--size 10k] [--jobs 0] [--runs 3] [--profile] [--keep DIR]
       (--keep DIR: generate into DIR and keep it; a DIR already holding N reports is reused)

Generates N distinct reports (half .docx written with python-docx, half .txt)
from template sentences: bodies, years and figures vary, paragraphs are
shuffled, some reports lack a part (plans, shortcomings, the leaders' duty)
or an item (legal advisers, the three enforcement systems) or say it in the
negative; ``--size`` pads each report with more measures to about that many
bytes of text (10k, 1m...). Then it prints, in one run:

- lawcheck runs as installed, its bytecode cached (see ``as_installed``);
- the floor: ``benchmarks/floor.py`` in its own process, importing nothing of
  lawcheck (zipfile + lxml for .docx, utf-8 for .txt, one regex of seven key
  terms): what merely reading the reports costs;
- ``lawcheck batch DIR -o out.jsonl -o out.csv`` (the summary table on stdout
  sent to a file) with ``--jobs`` as given and with ``--jobs 1``, ``--runs``
  times each, every run right after a floor run of its own: the median
  seconds, the median ratio of the pairs to their floors (and its spread),
  reports/s, the largest sum of RSS over the batch's process tree (sampled
  from /proc every 50 ms) and its largest process. A shared machine drifts:
  a floor run alone moved "× the floor" by 40%, a pair measures both alike;
- the mean time to check one report in this process (no start-up or pool);
- with ``--startup``: ``lawcheck check`` on one small .txt against
  ``python -c "import docx"`` (median of 7 runs each);
- with ``--scaling``: ``lawcheck check`` on 1 MB and on 20 MB of ordinary
  report text, time and peak memory; and on one sentence of 90,000 and of
  900,000 characters of a run a pattern could start from anywhere (digits,
  【, 虽…): 10× the characters should take about 10× the time, not 100×.

``--profile`` also runs cProfile over checking a sample in this process and
prints the functions that take the largest share of the time. Nothing is
asserted: the figures are for reading.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import median

from docx import Document

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import check_path

# ---------------------------------------------------------------- report generation

PLACES = "青石 白沙 东湖 西岭 南塘 北关 金川 银杏 桃源 柳河 松溪 梅岭 竹园 荷塘 枫林 石桥 龙泉 凤山 云溪 星河".split()
KINDS = [("镇", "镇人民政府", "镇长", "镇党委书记"), ("街道", "街道办事处", "办事处主任", "街道党工委书记"),
         ("县", "县人民政府", "县长", "县委书记"), ("区", "区人民政府", "区长", "区委书记"),
         ("乡", "乡人民政府", "乡长", "乡党委书记")]

MEASURES = [
    "（一）加强组织领导",
    "{short}把法治政府建设纳入年度重点工作，调整充实依法行政工作领导小组，全年召开专题会议{a}次，制定工作要点{b}项。",
    "（二）落实行政执法三项制度",
    "{three}",
    "（三）发挥法律顾问作用",
    "{adviser}",
    "（四）规范重大行政决策",
    "全年作出重大行政决策{a}项，均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，收到意见建议{c}条。",
    "（五）加强规范性文件管理",
    "全年审核行政规范性文件{a}件，均在规定时间内报送备案，清理历年文件{b}件，废止{d}件。",
    "（六）推进政务公开",
    "通过门户网站主动公开各类政府信息{c}条，受理依申请公开{a}件，均按期答复。",
    "（七）依法化解矛盾纠纷",
    "健全调解网络，全年排查化解矛盾纠纷{c}件，调解成功率{p}%；办理行政复议案件{a}件，行政诉讼案件{b}件，负责人出庭应诉{d}次。",
    "（八）强化学法用法",
    "组织常务会议会前学法{b}次，举办法治培训{a}期共{c}人次，执法人员参加业务培训{d}人次。",
]
THREE_SYSTEMS = [
    "在执法公示平台开展事前公开，公开执法事项清单{c}项，全年事后公开行政处罚信息{b}件；配备执法记录仪{a}台，"
    "对现场检查、调查取证实行全过程记录；重大执法决定一律由司法所开展法制审核，全年审核{d}件。",
    "全面推行行政执法三项制度，执法队伍建设得到加强。",
    "执法过程中坚持亮证执法，配备执法记录仪{a}台，全年归档音像记录{c}条。",
]
ADVISERS = [
    "聘请常年法律顾问{a}名，法律顾问全年审核合同{c}份，列席重要会议{b}次，出具法律意见书{d}份。",
    "全面推行一村（社区）一法律顾问制度，村（社区）法律顾问为群众提供法律咨询{c}次。",
    "目前尚未聘请政府法律顾问，重大决策的法律把关还比较薄弱。",
]
PADDING = [
    "围绕优化营商环境，清理涉企收费事项{a}项，推行告知承诺制事项{b}项，办理涉企行政许可{c}件。",
    "开展安全生产、生态环境、食品药品等重点领域执法检查{c}次，发现并督促整改问题{b}个。",
    "推进“互联网+监管”，录入检查信息{c}条，双随机抽查覆盖率达到{p}%。",
    "组织法治宣传进社区、进企业、进学校活动{b}场，发放宣传资料{c}份，培育“法律明白人”{a}名。",
    "完善公共法律服务网络，建成服务站点{a}个，全年提供法律咨询{c}人次，办理法律援助案件{d}件。",
]
SHORTCOMINGS = ["二、存在的不足和原因",
                "一是执法人员数量不足，专业能力有待提升；二是部分干部程序意识不强；三是普法的针对性不够。"
                "原因是编制有限、培训不够系统。"]
FRP = ["三、党政主要负责人履行推进法治建设第一责任人职责情况",
       "{leader}和{head}认真履行推进法治建设第一责任人职责，主持召开会议研究法治工作{a}次，"
       "年终述职中专题述法，接受干部群众评议。"]
PLANS = ["四、{next}年推进法治政府建设的主要安排",
         "{next}年，将继续深化行政执法三项制度，加强法律顾问队伍建设，提升依法决策水平，推进基层依法治理。"]
OTHER = ["五、其他需要报告的情况", "无。"]


def numbers(rng: random.Random) -> dict[str, object]:
    return {"a": rng.randint(1, 30), "b": rng.randint(2, 80), "c": rng.randint(50, 3000),
            "d": rng.randint(1, 20), "p": rng.randint(85, 100)}


def report_text(i: int, size: int, rng: random.Random) -> list[str]:
    """The paragraphs of report ``i``: first the title, last the body and the date."""
    place = PLACES[i % len(PLACES)] + PLACES[(i // len(PLACES)) % len(PLACES)] + (str(i) if i >= 400 else "")
    short, org, head, leader = KINDS[i % len(KINDS)]
    year = rng.choice([2022, 2023, 2024])
    fill = {"short": place + short, "three": rng.choices(THREE_SYSTEMS, [6, 2, 2])[0],
            "adviser": rng.choices(ADVISERS, [6, 2, 2])[0], "leader": leader, "head": head, "next": year + 1}

    def f(text: str) -> str:
        return text.format(**fill, **numbers(rng)).format(**numbers(rng))

    paras = [f"{place}{short}{year}年法治政府建设情况报告",
             f"{year}年，{place}{short}坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下。",
             f"一、{year}年法治政府建设主要举措和成效"]
    blocks = [MEASURES[k:k + 2] for k in range(0, len(MEASURES), 2)]
    rng.shuffle(blocks)
    paras += [f(p) for block in blocks for p in block]
    while sum(len(p.encode()) for p in paras) < size - 600:
        paras.append(f(rng.choice(PADDING)))
    for part, keep in ((SHORTCOMINGS, 0.9), (FRP, 0.85), (PLANS, 0.85), (OTHER, 0.95)):
        if rng.random() < keep:
            paras += [f(p) for p in part]
    paras += [place + org, f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]
    return paras


def write_docx(path: Path, paras: list[str]) -> None:
    doc = Document()
    styles = {name: doc.styles[name] for name in ("Title", "Heading 1", "Heading 2", "Normal")}
    doc.add_paragraph(paras[0], style=styles["Title"])
    for p in paras[1:]:
        name = "Heading 1" if re.match(r"^[一二三四五六]、", p) else "Heading 2" if p.startswith("（") else "Normal"
        doc.add_paragraph(p, style=styles[name])
    doc.save(str(path))


def write_one(folder: Path, i: int, size: int, seed: int) -> int:
    """Write report ``i`` (its own random stream, so any worker writes the same file); return its text size."""
    paras = report_text(i, size, random.Random(seed * 1_000_003 + i))
    return save(folder, i, f"report-{i:05d}-{paras[0][:6]}", paras)


def save(folder: Path, i: int, name: str, paras: list[str]) -> int:
    """Report ``i`` written as ``name``: .docx for odd ``i``, else .txt; return its text size."""
    sub = folder / f"batch-{i // 500:03d}"
    sub.mkdir(exist_ok=True)
    text = "\n".join(paras) + "\n"
    if i % 2:
        write_docx(sub / f"{name}.docx", paras)
    else:
        (sub / f"{name}.txt").write_text(text, encoding="utf-8")
    return len(text.encode())


def _write_range(args: tuple[Path, range, int, int]) -> int:
    folder, indexes, size, seed = args
    return sum(write_one(folder, i, size, seed) for i in indexes)


def generate(folder: Path, n: int, size: int, seed: int = 2024) -> int:
    """Write ``n`` reports into ``folder`` (on every core); return their total text size in bytes."""
    step = 50
    tasks = [(folder, range(k, min(n, k + step)), size, seed) for k in range(0, n, step)]
    with ProcessPoolExecutor() as pool:
        return sum(pool.map(_write_range, tasks))


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"  # beside the project, read at run time


def write_real(folder: Path, i: int, originals: list[list[str]], seed: int) -> int:
    """Report ``i``: one of the full-length real reports with its page furniture, a tenth of its
    sentences dropped (its own draw), as .docx for odd ``i``; return its text size."""
    rng = random.Random(seed * 1_000_003 + i)
    paras = []
    for line in originals[i % len(originals)]:
        sentences = re.findall(r"[^。！？]+[。！？]?", line)
        if len(sentences) > 1:
            line = "".join(s for s in sentences if rng.random() >= 0.1)
        if line.strip():
            paras.append(line)
    return save(folder, i, f"real-{i:05d}", paras)


def _write_real_range(args: tuple[Path, range, int]) -> int:
    folder, indexes, seed = args
    originals = [p.read_text(encoding="utf-8").splitlines() for p in sorted(CORPUS.glob("*.txt"))]
    return sum(write_real(folder, i, originals, seed) for i in indexes)


def generate_real(folder: Path, n: int, seed: int = 2024) -> int:
    """Write ``n`` reports made from the whole real reports in ../shared/corpus into ``folder``."""
    if not list(CORPUS.glob("*.txt")):
        raise SystemExit(f"--real needs the real reports in {CORPUS}")
    tasks = [(folder, range(k, min(n, k + 50)), seed) for k in range(0, n, 50)]
    with ProcessPoolExecutor() as pool:
        return sum(pool.map(_write_real_range, tasks))


# ---------------------------------------------------------------- measuring

def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".docx"))


def as_installed(tmp: Path, paths: list[Path], out: Path) -> None:
    """Run lawcheck from here on as an installed copy runs: with its modules' bytecode cached.

    ``pip install .`` (the README's) compiles every module, as it did python-docx's
    and lxml's that the yardsticks import; a checkout run with PYTHONDONTWRITEBYTECODE
    set would instead compile lawcheck from source on every start and in no
    user's set-up. The cache goes to a temporary folder (PYTHONPYCACHEPREFIX), not
    into the tree; one warm-up run of each command fills it.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    lawcheck = str(Path(sys.executable).with_name("lawcheck"))
    small = [next(p for p in paths if p.suffix == suffix) for suffix in (".txt", ".docx")]
    for cmd in ([lawcheck, "check", str(small[0])], [lawcheck, "check", str(small[1]), "-f", "json"],
                [lawcheck, "batch", *map(str, small), "-o", str(out / "warm.jsonl"), "-o", str(out / "warm.csv")],
                [sys.executable, "-c", "import docx"]):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def floor(folder: Path) -> float:
    """Seconds for benchmarks/floor.py (its own process, nothing of lawcheck) to read every report."""
    start = time.perf_counter()
    subprocess.run([sys.executable, str(Path(__file__).with_name("floor.py")), str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def timed(cmd: list[str], runs: int) -> tuple[float, int]:
    """Median wall seconds of ``runs`` runs of ``cmd``, and the largest peak RSS (KB) among them."""
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss)
    return sorted(times)[len(times) // 2], peak


def startup(folder: Path) -> None:
    """``lawcheck check`` on one small .txt against ``python -c "import docx"``."""
    small = next(p for p in files_under(folder) if p.suffix == ".txt")
    lawcheck = str(Path(sys.executable).with_name("lawcheck"))
    check_s, _ = timed([lawcheck, "check", str(small)], 7)
    docx_s, _ = timed([sys.executable, "-c", "import docx"], 7)
    print(f"start:  lawcheck check one .txt {1000 * check_s:6.0f} ms; python -c 'import docx' "
          f"{1000 * docx_s:6.0f} ms; ratio {check_s / docx_s:5.2f} (median of 7)")


def scaling(tmp: Path) -> None:
    """``lawcheck check`` on one report of ordinary text at 1 MB and at 20 MB: time and peak memory."""
    lawcheck = str(Path(sys.executable).with_name("lawcheck"))
    rng = random.Random(7)
    paragraphs: list[str] = []
    i = 0
    while sum(len(p.encode()) + 1 for p in paragraphs) < 20 * 2**20:
        paragraphs.extend(report_text(i, 64 * 1024, rng))
        i += 1
    figures = {}
    for mb in (1, 20):
        path = tmp / f"r{mb}mb.txt"
        text, size = [], 0
        for p in paragraphs:
            if size >= mb * 2**20:
                break
            text.append(p)
            size += len(p.encode()) + 1
        path.write_text("\n".join(text), encoding="utf-8")
        figures[mb] = timed([lawcheck, "check", str(path), "-f", "json", "--max-size", str(60 * 2**20)], 3)
        seconds, peak = figures[mb]
        print(f"size:   {mb:2d} MB of text: {seconds:6.2f} s, peak {peak / 1024:5.0f} MB (median of 3)")
    print(f"size:   20 MB ÷ 1 MB: {figures[20][0] / figures[1][0]:.1f}× the time "
          f"(peak {figures[20][1] / 1024:.0f} MB against 10 × 20 MB + 60 MB = 260 MB)")
    long_sentences(tmp, lawcheck)


# Runs that a pattern could start from at every character: digits without a unit (figures),
# 【 without a 】 (placeholders), concession words without a turn (the concessive cue), and
# a few ordinary ones. A step that reads the run again from each character is quadratic.
RUNS = {"digits": "1", "【": "【", "虽": "虽", "未": "未", "《": "《", "，": "，", "一村": "一村", "问题": "问题"}


def long_sentences(tmp: Path, lawcheck: str) -> None:
    """``lawcheck check`` on one sentence of 90,000 and of 900,000 characters of each run."""
    worst = ("", 0.0)
    for name, run in RUNS.items():
        seconds = []
        for chars in (90_000, 900_000):  # a paragraph is refused past 1,000,000
            path = tmp / f"run-{chars}.txt"
            path.write_text("某镇2024年法治政府建设情况报告\n法律顾问审核合同，执法全过程记录"
                            + run * (chars // len(run)) + "。\n", encoding="utf-8")
            seconds.append(timed([lawcheck, "check", str(path), "-f", "json"], 1)[0])
        ratio = seconds[1] / seconds[0]
        worst = max(worst, (name, ratio), key=lambda w: w[1])
        print(f"long:   a sentence of {name}: 90,000 chars {seconds[0]:5.2f} s, 900,000 chars "
              f"{seconds[1]:5.2f} s ({ratio:.1f}×)")
    print(f"long:   at most {worst[1]:.1f}× the time for 10× the characters (a run of {worst[0]}; "
          f"start-up included)")


class TreeRss:
    """Samples the resident memory of a process and all its descendants from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.peak_root, self.stop = pid, 0, 0, threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> "TreeRss":
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join()

    def _loop(self) -> None:
        while not self.stop.wait(0.05):
            total, root = self._sample()
            self.peak, self.peak_root = max(self.peak, total), max(self.peak_root, root)

    def _sample(self) -> tuple[int, int]:
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
                rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                continue
        tree, frontier = {self.pid}, [self.pid]
        while frontier:
            parent = frontier.pop()
            kids = [p for p, pp in parents.items() if pp == parent and p not in tree]
            tree.update(kids)
            frontier.extend(kids)
        return sum(rss.get(p, 0) for p in tree), rss.get(self.pid, 0)


def run_batch(folder: Path, out: Path, jobs: int) -> tuple[float, int, TreeRss]:
    """Seconds, the largest single process of the run (KB) and the sampled memory of a batch run."""
    lawcheck = Path(sys.executable).with_name("lawcheck")
    cmd = [str(lawcheck), "batch", str(folder), "--jobs", str(jobs), "-o", str(out / "out.jsonl"),
           "-o", str(out / "out.csv")]
    start = time.perf_counter()
    with open(out / "summary.txt", "wb") as summary, open(out / "stderr.txt", "wb") as err:
        proc = subprocess.Popen(cmd, stdout=summary, stderr=err)
        with TreeRss(proc.pid) as tree:
            # wait4 gives this child's own usage (its workers included), not that of every child so far
            _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"lawcheck batch failed ({code}): {(out / 'stderr.txt').read_text()[:500]}")
    return elapsed, usage.ru_maxrss, tree


def per_report(paths: list[Path], sample: int = 20) -> float:
    """Mean seconds to check one report in this process (no start-up, no pool): for size scaling."""
    checklist = checklists.load(None)
    chosen = paths[:sample]
    check_path(chosen[0], checklist)  # warm the caches
    start = time.perf_counter()
    for path in chosen:
        check_path(path, checklist)
    return (time.perf_counter() - start) / len(chosen)


def profile(paths: list[Path], top: int = 15) -> None:
    checklist = checklists.load(None)
    sample = paths[:200]
    profiler = cProfile.Profile()
    profiler.enable()
    for path in sample:
        check_path(path, checklist)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    print(f"\nprofile of checking {len(sample)} reports in one process ({total:.2f} s of own time):")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    for (file, line, name), (_, calls, own, cum, _) in rows:
        where = f"{Path(file).parent.name}/{Path(file).name}:{line} {name}" if line else name
        print(f"  {100 * own / total:5.1f}% own  {cum:6.2f} s cum  {calls:>8} calls  {where}")


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kKmM]?)[bB]?", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text}")
    return int(float(m.group(1)) * {"": 1, "k": 1024, "m": 1024 * 1024}[m.group(2).lower()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of reports (default 1000)")
    parser.add_argument("--size", type=parse_size, default=parse_size("10k"), help="text size per report (10k, 1m)")
    parser.add_argument("--jobs", type=int, default=0, help="lawcheck batch --jobs (0: one per core)")
    parser.add_argument("--profile", action="store_true", help="profile checking a sample in this process")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--real", action="store_true",
                        help="make the reports of the whole real reports in ../shared/corpus (furniture kept, "
                             "a tenth of the sentences dropped in each, half .docx) instead of template sentences")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of each batch, each after a floor run of its own (default 3; medians printed)")
    parser.add_argument("--startup", action="store_true", help="also time lawcheck check against import docx")
    parser.add_argument("--scaling", action="store_true", help="also time one report of 1 MB and of 20 MB")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lawcheck-bench-") as tmp:
        folder = args.keep or Path(tmp) / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        out = Path(tmp) / "out"
        out.mkdir()
        start = time.perf_counter()
        paths = files_under(folder)
        if len(paths) != args.n:  # a kept folder with the right count is used again
            generate_real(folder, args.n) if args.real else generate(folder, args.n, args.size)
            paths = files_under(folder)
        text_kb = sum(p.stat().st_size for p in paths if p.suffix == ".txt") / max(1, (len(paths) + 1) // 2) / 1024
        kind = "copies of the whole real" if args.real else "generated"
        print(f"{len(paths)} {kind} reports ({text_kb:.1f} KB per .txt on average, half .docx) ready in "
              f"{time.perf_counter() - start:.1f} s; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
        as_installed(Path(tmp), paths, out)
        # Each batch run follows a floor run of its own and is divided by it: on a shared machine
        # whose speed drifts, a pair measures under the same conditions (the medians are printed).
        floors: list[float] = []
        for jobs in dict.fromkeys([args.jobs, 1]):
            pairs, peak_rss_kb, peak_tree = [], 0, 0
            for _ in range(max(1, args.runs)):
                floors.append(floor(folder))
                batch_s, max_rss_kb, tree = run_batch(folder, out, jobs)
                pairs.append((batch_s, floors[-1]))
                peak_rss_kb, peak_tree = max(peak_rss_kb, max_rss_kb), max(peak_tree, tree.peak)
            rows = sum(1 for _ in open(out / "out.jsonl", encoding="utf-8"))
            seconds = median(b for b, _ in pairs)
            ratios = sorted(b / f for b, f in pairs)
            print(f"batch --jobs {jobs}: {seconds:8.2f} s = {median(ratios):5.2f} × the floor  (median of {len(pairs)} "
                  f"pairs, {ratios[0]:.2f}–{ratios[-1]:.2f}×; {rows} results; {len(paths) / seconds:7.1f} reports/s; "
                  f"process tree at most {peak_tree / 2**20:.0f} MB, largest process {peak_rss_kb / 1024:.0f} MB)")
        floor_s = median(floors)
        print(f"floor:  {floor_s:8.2f} s  (benchmarks/floor.py: zipfile + lxml or utf-8, one regex, one "
              f"process; {1000 * floor_s / len(paths):6.1f} ms/report; median of {len(floors)}, "
              f"{min(floors):.2f}–{max(floors):.2f} s)")
        one = per_report(paths)
        print(f"check:  {1000 * one:8.1f} ms per report in one process (mean of {min(20, len(paths))}; "
              f"for size scaling)")
        print(f"memory: this script {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        if args.startup:
            startup(folder)
        if args.scaling:
            scaling(Path(tmp))
        print(f"load average after the run: {os.getloadavg()[0]:.1f} (other work on the machine slows both sides)")
        if args.profile:
            profile(paths)


if __name__ == "__main__":
    main()
