"""Benchmark copy detection (``lawcheck.judge.similar``): how right, how fast, how much memory.

usage: python benchmarks/copies_bench.py [--sizes 1000,10000] [--model 10000] [--brute 1000] [--seed 7]

Two sets of reports, each with copies made the three ways towns make them:

- ``names``: the body's name changed everywhere (and its years and figures);
- ``reordered``: the paragraphs in another order;
- ``rewritten``: a third of the sentences replaced by sentences of other reports.

**Real**: the reports in ../shared/corpus (three whole reports and the openings), read at run
time (nothing of them is copied into the project), and copies of a third of them. Distinct real
reports are the hard negatives: one body's reports of consecutive years, reports of one
province's template.

**Scale**: N generated reports of about 8,000 characters under the official five headings, each
its own draw of about 150 sentences from the corpus's ~2,000 (read at run time), its body's name
and its figures its own: two reports share the headings, the set phrases and a tenth of their
sentences, as reports of one template and one province's officialese do, and one copy of every
tenth. Without the corpus, sentences are composed from small pools of subjects, acts and
objects instead: every report then shares most of its text with every other (the script says
so), which is no test of precision.

**Model**: N reports all copying one model report (a province's towns sending in the model they
were given), each with its own names and figures and its own tenth of the sentences left out:
every pair shares most of its text, so the LSH index meets every report from each. Only the
time, the memory and how many of the copies are said to copy another are printed.

For each set it prints the pairs expected (the reports of one family: an original and its
copies), the pairs lawcheck flags, precision and recall; the seconds to fingerprint a report
(on top of structuring it, which a batch does anyway); the seconds of ``similar.find`` over all
the fingerprints, and in a second run its peak memory (tracemalloc, which slows it). The baseline, **brute**, compares every pair
exactly (its own normalising, Python sets of 5-character shingles, nothing of lawcheck) for the
first ``--brute`` reports: its time, and its own precision and recall, show what the MinHash
estimate and the LSH index cost in accuracy and save in time. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

from lawcheck import readers
from lawcheck.judge import similar
from lawcheck.document import structure

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PLACES = "青石 白沙 东湖 西岭 南塘 北关 金川 银杏 桃源 柳河 松溪 梅岭 竹园 荷塘 枫林 石桥 龙泉 凤山 云溪 星河".split()
KINDS = ["镇人民政府", "街道办事处", "乡人民政府", "区人民政府", "县人民政府", "市司法局"]
SUBJECTS = ["镇政府", "党委", "司法所", "综合执法队", "信访办", "应急管理办公室", "自然资源所", "市场监管所",
            "财政所", "社会事务办", "农业综合服务中心", "城建办", "派出所", "人民调解委员会", "公共法律服务站"]
ACTS = ["组织开展", "深入推进", "全面落实", "持续深化", "统筹部署", "牵头实施", "扎实推进", "创新开展", "规范开展",
        "稳步推进", "集中开展", "探索建立", "不断完善", "严格执行", "专项整治"]
OBJECTS = ["行政执法公示", "执法全过程记录", "重大执法决定法制审核", "法律顾问参与合同审查", "矛盾纠纷排查化解",
           "规范性文件备案审查", "政务公开标准化", "领导干部会前学法", "执法人员资格管理", "行政复议应诉",
           "安全生产执法检查", "农村宅基地审批", "食品安全监管", "生态环境执法", "信访积案化解", "普法宣传进村",
           "法治乡村示范创建", "行政许可事项清理", "证明事项告知承诺", "营商环境优化"]
RESULTS = ["办理案件{n}件", "培训{n}人次", "审查合同{n}份", "化解纠纷{n}起", "公开信息{n}条", "检查企业{n}家",
           "出具意见{n}份", "开展活动{n}场", "覆盖村（社区）{n}个", "群众满意率达到{n}%", "整改问题{n}项",
           "发放资料{n}份"]
LINKS = ["，", "，并", "，同时", "，累计", "，全年", "，其中"]
HEADINGS = ["一、{y}年推进法治政府建设的主要举措和成效", "二、存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、{z}年推进法治政府建设的主要安排",
            "五、其他需要报告的情况"]


def sentence(rng: random.Random) -> str:
    parts = [rng.choice(SUBJECTS), rng.choice(ACTS), rng.choice(OBJECTS), "工作"]
    for _ in range(rng.randint(1, 3)):
        parts += [rng.choice(LINKS), rng.choice(ACTS), rng.choice(OBJECTS),
                  rng.choice(RESULTS).format(n=rng.randint(2, 900))]
    return "".join(parts) + "。"


def generated(i: int, rng: random.Random, pool: list[str]) -> tuple[str, str]:
    """A report of about 8,000 characters from its own draw of sentences: (text, body)."""
    body = rng.choice(PLACES) + rng.choice(PLACES) + rng.choice(KINDS)
    year = rng.choice([2022, 2023, 2024])
    lines = [f"{body}{year}年法治政府建设情况报告"]

    def said() -> str:
        text = rng.choice(pool) if pool else sentence(rng)
        return re.sub(r"\d+", lambda m: str(rng.randint(2, 900)), text)

    for k, heading in enumerate(HEADINGS):
        lines.append(heading.format(y=year, z=year + 1))
        for _ in range(rng.randint(22, 28) if k == 0 else rng.randint(3, 5)):
            lines.append("".join(said() for _ in range(rng.randint(3, 5))))
    lines += [body, f"{year + 1}年2月{rng.randint(1, 28)}日"]
    return "\n".join(lines) + "\n", body


def copies(text: str, body: str | None, pool: list[str], rng: random.Random) -> dict[str, str]:
    """The three copies of ``text``: names changed, paragraphs reordered, a third rewritten."""
    renamed = text
    if body:
        other = rng.choice(PLACES) + rng.choice(PLACES)
        for name in sorted({body, re.sub(r"(人民政府|办事处|政府)$", "", body)}, key=len, reverse=True):
            renamed = renamed.replace(name, other)
    renamed = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), renamed)
    lines = text.splitlines()
    head, body_lines = lines[:1], lines[1:]
    shuffled = body_lines[:]
    rng.shuffle(shuffled)
    sentences = re.split(r"(?<=。)", text)
    rewritten = "".join(rng.choice(pool) if s.strip() and rng.random() < 0.33 else s for s in sentences)
    return {"names": renamed, "reordered": "\n".join(head + shuffled) + "\n", "rewritten": rewritten}


def family_pairs(families: list[int]) -> set[tuple[int, int]]:
    return {(i, j) for i, j in itertools.combinations(range(len(families)), 2) if families[i] == families[j]}


def score(found: set[tuple[int, int]], expected: set[tuple[int, int]]) -> str:
    right = len(found & expected)
    precision = right / len(found) if found else 1.0
    recall = right / len(expected) if expected else 1.0
    return f"flagged {len(found):,}, expected {len(expected):,}: precision {precision:.3f}, recall {recall:.3f}"


def prints_of(texts: list[tuple[str, str | None]]) -> tuple[list[similar.Fingerprint], float, float]:
    """Fingerprints of the texts, the seconds per report to structure them and to fingerprint them."""
    structured, printing, out = 0.0, 0.0, []
    for n, (text, body) in enumerate(texts):
        start = time.perf_counter()
        doc = structure.build(readers.read_data(text.encode("utf-8"), f"r{n:05d}.txt"))
        middle = time.perf_counter()
        out.append(similar.fingerprint(doc, body, None))
        structured += middle - start
        printing += time.perf_counter() - middle
    return out, structured / len(texts), printing / len(texts)


def detect(prints: list[similar.Fingerprint]) -> tuple[set[tuple[int, int]], float, int]:
    index = {p.path: n for n, p in enumerate(prints)}
    start = time.perf_counter()
    pairs = similar.find(prints)
    seconds = time.perf_counter() - start
    tracemalloc.start()  # a second run for the memory: tracing slows it several times over
    similar.find(prints)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    found = {tuple(sorted((index[s.report.path], index[s.other.path]))) for s in pairs}
    return found, seconds, peak  # type: ignore[return-value]


_AWAY = re.compile(r"[0-9〇零一二三四五六七八九十百千万.%]+|[^\w]|_")


def brute(texts: list[tuple[str, str | None]], share: float = 0.5) -> tuple[set[tuple[int, int]], float]:
    """Every pair compared exactly: the share of the smaller report's shingles in the other's."""
    start = time.perf_counter()
    sets = []
    for text, body in texts:
        for name in ([body, re.sub(r"(人民政府|办事处|政府)$", "", body)] if body else []):
            text = text.replace(name, "")
        flat = _AWAY.sub("", text)
        sets.append({flat[i:i + 5] for i in range(len(flat) - 4)})
    found = set()
    for i, j in itertools.combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        if a and b and len(a & b) / min(len(a), len(b)) >= share:
            found.add((i, j))
    return found, time.perf_counter() - start


def corpus_sentences() -> list[str]:
    """The sentences of the reports in ../shared/corpus (none without it)."""
    if not CORPUS.is_dir():
        return []
    found = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "openings").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            found += [s.strip() for s in re.split(r"(?<=。)", line) if len(s.strip()) >= 15]
    return found


def real_set(rng: random.Random) -> tuple[list[tuple[str, str | None]], list[int]] | None:
    if not CORPUS.is_dir():
        return None
    from lawcheck.judge import checklist as checklists
    from lawcheck.judge.engine import judge

    checklist = checklists.load(None)
    originals = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "openings").glob("*.txt")):
        doc = structure.build(readers.read(path))
        originals.append((path.read_text(encoding="utf-8"), judge(doc, checklist).meta.org))
    pool = [s for text, _ in originals for s in re.split(r"(?<=。)", text) if len(s) > 20]
    texts, families = list(originals), list(range(len(originals)))
    KIND_OF.clear()
    for n in rng.sample(range(len(originals)), len(originals) // 3):
        for kind, made in copies(*originals[n], pool, rng).items():
            KIND_OF[len(texts)] = kind
            texts.append((made, None))  # a copy's body is what its own text says: not known here
            families.append(n)
    return texts, families


KIND_OF: dict[int, str] = {}  # the real set's copies: index -> how it was made


def scale_set(n: int, rng: random.Random, sentences: list[str]) -> tuple[list[tuple[str, str | None]], list[int]]:
    texts: list[tuple[str, str | None]] = [generated(i, rng, sentences) for i in range(n)]
    families = list(range(n))
    pool = sentences or [sentence(rng) for _ in range(2000)]
    kinds = ["names", "reordered", "rewritten"]
    for i in range(0, n, 10):
        made = copies(*texts[i], pool, rng)[kinds[(i // 10) % 3]]
        texts.append((made, None))
        families.append(i)
    return texts, families


def model_set(n: int, rng: random.Random, sentences: list[str]) -> list[tuple[str, str | None]]:
    """``n`` reports all copied from one model report, as a province's towns send in the model they
    were given: each with its own body's name and figures, and its own tenth of the sentences left out.
    Every pair shares most of its text: the LSH index meets every other report from each."""
    model, body = generated(0, rng, sentences)
    texts: list[tuple[str, str | None]] = []
    for _ in range(n):
        made = copies(model, body, sentences, rng)["names"]
        texts.append(("".join(s for s in re.split(r"(?<=。)", made) if rng.random() >= 0.1), None))
    return texts


def report(name: str, texts: list[tuple[str, str | None]], families: list[int], brute_max: int) -> None:
    chars = sum(len(t) for t, _ in texts) / len(texts)
    print(f"\n{name}: {len(texts):,} reports, {chars:,.0f} characters on average")
    prints, structured, printing = prints_of(texts)
    print(f"  fingerprint: {printing * 1000:.1f} ms a report (structuring it: {structured * 1000:.1f} ms)")
    found, seconds, peak = detect(prints)
    expected = family_pairs(families)
    print(f"  lawcheck: similar.find {seconds:.2f} s, peak {peak / 2**20:.1f} MB; {score(found, expected)}")
    if KIND_OF and name.startswith("real"):
        for kind in ("names", "reordered", "rewritten"):
            made = {i for i, k in KIND_OF.items() if k == kind}
            wanted = {(i, j) for i, j in expected if j in made and i not in KIND_OF}
            print(f"    copies by {kind}: {len(found & wanted)} of {len(wanted)} found")
    if len(texts) <= brute_max:
        exact, took = brute(texts)
        print(f"  brute (every pair, exact): {took:.2f} s; {score(exact, expected)}")
        print(f"  lawcheck against brute: {score(found, exact)}")
    else:
        print(f"  brute: not run over {brute_max:,} reports (every pair: {len(texts) ** 2 // 2:,} comparisons)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="generated reports per scale run")
    parser.add_argument("--brute", type=int, default=1200, help="largest set the exact baseline runs on")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--model", default="10000",
                        help="reports all copying one model report, per run (a province's towns; '' for none)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    real = real_set(rng)
    if real is None:
        print(f"(no corpus at {CORPUS}: the real set is skipped)", file=sys.stderr)
    else:
        report("real (../shared/corpus and copies of a third of it)", *real, args.brute)
    sentences = corpus_sentences()
    if not sentences:
        print("(no corpus: the scale set's sentences come from small pools; every report shares most of its "
              "text with every other, so its precision says nothing)", file=sys.stderr)
    else:
        print(f"\n(the scale set draws from {len(sentences):,} sentences of the corpus)")
    for n in (int(x) for x in args.sizes.split(",") if x):
        report(f"scale ({n:,} generated, and a copy of every tenth)", *scale_set(n, rng, sentences), args.brute)
    for n in (int(x) for x in args.model.split(",") if x):
        prints, _, _ = prints_of(model_set(n, rng, sentences))
        found, seconds, peak = detect(prints)
        print(f"\nmodel ({n:,} copies of one model report): similar.find {seconds:.2f} s, peak {peak / 2**20:.1f} MB; "
              f"{len(found):,} of the {n - 1:,} copies said to copy another")


if __name__ == "__main__":
    main()
