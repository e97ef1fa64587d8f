"""Copy detection: copies made the ways towns make them are found; distinct reports are not."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from lawcheck import readers
from lawcheck.judge import similar
from lawcheck.document import structure
from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import judge

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
YUNLING = (EXAMPLES / "yunling-town-2024.txt").read_text(encoding="utf-8")
QINGHE = (EXAMPLES / "src" / "qinghe-street-2024.txt").read_text(encoding="utf-8")
LINCHUAN = (EXAMPLES / "linchuan-county-traps-2024.txt").read_text(encoding="utf-8")


def printed(text: str, name: str) -> similar.Fingerprint:
    doc = structure.build(readers.read_data(text.encode("utf-8"), name))
    result = judge(doc, checklists.load(None))
    return similar.fingerprint(doc, result.meta.org, result.meta.year)


def renamed(text: str) -> str:
    """云岭镇's report sent by 石桥镇: the names changed, the figures too."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + 3), text.replace("云岭", "石桥"))


def reordered(text: str) -> str:
    lines = text.splitlines()
    body = lines[1:]
    random.Random(5).shuffle(body)
    return "\n".join(lines[:1] + body) + "\n"


def rewritten(text: str, other: str) -> str:
    """A third of the sentences replaced by another report's."""
    theirs = [s for s in re.split(r"(?<=。)", other) if len(s) > 20]
    rng = random.Random(3)
    return "".join(rng.choice(theirs) if s.strip() and n % 3 == 0 else s
                   for n, s in enumerate(re.split(r"(?<=。)", text)))


DISTINCT = [("yunling.txt", YUNLING), ("qinghe.txt", QINGHE), ("linchuan.txt", LINCHUAN)]


@pytest.mark.parametrize("made", [renamed, lambda t: reordered(renamed(t)), lambda t: rewritten(renamed(t), QINGHE)],
                         ids=["names-changed", "paragraphs-reordered", "a-third-rewritten"])
def test_a_copy_is_found_with_the_share_and_its_first_shared_sentence(made) -> None:  # type: ignore[no-untyped-def]
    prints = [printed(text, name) for name, text in DISTINCT] + [printed(made(YUNLING), "copy.txt")]
    found = similar.find(prints)
    assert [{s.report.path, s.other.path} for s in found] == [{"yunling.txt", "copy.txt"}]
    assert found[0].share >= 0.6 and found[0].sentence is not None


def test_distinct_reports_are_not_copies() -> None:
    assert similar.find([printed(text, name) for name, text in DISTINCT]) == []


def test_a_copy_is_said_of_the_later_report_and_of_the_current_one_against_the_history() -> None:
    last_year = printed(re.sub(r"2024", "2023", YUNLING), "2023/yunling.txt")
    this_year = printed(renamed(YUNLING), "2024/shiqiao.txt")
    [found] = similar.find([last_year, this_year])
    assert (found.report.path, found.other.path) == ("2024/shiqiao.txt", "2023/yunling.txt")
    recorded = similar.Fingerprint(**{**this_year.__dict__, "path": "old/shiqiao.txt", "year": 2025,
                                      "content": "abc"})
    [found] = similar.find([last_year], [recorded])  # the history's, though later: said of the current
    assert found.report.path == "2023/yunling.txt"


def test_one_bodys_two_files_of_a_year_are_not_a_copy() -> None:
    assert similar.find([printed(YUNLING, "a.txt"), printed(YUNLING, "b.txt")]) == []


def test_the_same_report_gives_the_same_fingerprint() -> None:
    assert printed(YUNLING, "a.txt").minhash == printed(YUNLING, "a.txt").minhash
    assert printed(YUNLING, "a.txt").sentences == printed(renamed(YUNLING), "a.txt").sentences  # names, figures aside


def test_the_index_finds_what_every_pair_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    prints = [printed(text, name) for name, text in DISTINCT] + [
        printed(renamed(YUNLING), "names.txt"), printed(reordered(renamed(QINGHE.replace("青禾", "石门"))), "order.txt")]
    every_pair = similar.find(prints)
    monkeypatch.setattr(similar, "EVERY_PAIR", 0)  # past it, the LSH index picks the pairs
    assert [(s.report.path, s.other.path, s.share) for s in similar.find(prints)] == \
        [(s.report.path, s.other.path, s.share) for s in every_pair]
    assert {s.report.path for s in every_pair} == {"names.txt", "order.txt"}


def test_the_index_meets_the_reports_datasketchs_lsh_meets() -> None:
    # The LSH index compares bucket numbers; its bands and what it finds must be those of
    # datasketch's MinHashLSH at the same threshold, which chose the bands.
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=similar.LSH_JACCARD, num_perm=similar.PERMUTATIONS)
    assert (lsh.b, lsh.r) == (similar.BANDS, similar.ROWS)
    # Families of reports whose bands each come from one of three model reports of the family,
    # and reports of their own: some pairs share a band or many, most share none.
    rng = np.random.RandomState(4)
    models = rng.randint(0, 1 << 32, size=(60, similar.PERMUTATIONS), dtype=np.uint64).astype(np.uint32)
    rows = []
    for n in range(120):
        family = 3 * (n % 20)
        picks = np.repeat(family + rng.randint(0, 3, size=-(-similar.PERMUTATIONS // similar.ROWS)), similar.ROWS)
        rows.append(models[picks[:similar.PERMUTATIONS], np.arange(similar.PERMUTATIONS)])
    rows += list(rng.randint(0, 1 << 32, size=(30, similar.PERMUTATIONS), dtype=np.uint64).astype(np.uint32))
    values = np.stack(rows)
    hashes = [MinHash(num_perm=similar.PERMUTATIONS, seed=similar.SEED, scheme="affine32", hashvalues=v) for v in values]
    for n, h in enumerate(hashes):
        lsh.insert(n, h)
    buckets = similar.bands(values)
    met = [set(np.flatnonzero((buckets == buckets[n]).any(axis=1)).tolist()) for n in range(len(values))]
    assert met == [set(lsh.query(h)) for h in hashes]
    assert 150 < sum(map(len, met)) < 150 * 150 / 2  # neither everyone nor no one meets
    index = similar.Index(values)  # what find asks: the later reports met, in order
    assert [index.after(n).tolist() for n in range(len(values))] == [sorted(m for m in found if m > n)
                                                                    for n, found in enumerate(met)]


def test_a_recorded_report_at_a_current_ones_path_is_weighed_a_pair_at_a_time() -> None:
    # Last year's report of the file now holding another body's copied text: the two prints of one
    # path share one finding, which goes to the current report, with last year's as the other.
    recorded = similar.Fingerprint(**{**printed(re.sub(r"2024", "2023", YUNLING), "town.txt").__dict__,
                                      "content": "last year"})
    current = [printed(renamed(YUNLING), "town.txt"), printed(QINGHE, "q.txt"), printed(LINCHUAN, "l.txt")]
    [found] = similar.find(current, [recorded])
    assert (found.report, found.other) == (current[0], recorded)
    assert found.share >= 0.6


def test_a_fingerprint_keeps_its_first_sentences_as_written_for_the_evidence() -> None:
    # A batch tells a copy's first shared sentence from the fingerprint, not by reading the file again.
    text = renamed(YUNLING)
    doc = structure.build(readers.read_data(text.encode("utf-8"), "copy.txt"))
    org = judge(doc, checklists.load(None)).meta.org
    made = similar.fingerprint(doc, org, 2024)
    assert len(made.opening) == similar.OPENING
    assert list(made.opening) == [similar.sentence_text(doc, org, i) for i in range(similar.OPENING)]
    assert all(sentence in text for sentence in made.opening)


@pytest.mark.parametrize("count", [0, 1, 3000, 9000])
def test_the_minhash_is_the_least_affine_image_of_the_set_under_each_permutation(count: int) -> None:
    # The textbook definition in plain Python, with the permutations drawn as documented (a
    # RandomState of SEED: odd a, then b), over sets up to more than two chunks of the numpy
    # version: the history keeps these values, so they may never change.
    import numpy as np

    rng = np.random.RandomState(similar.SEED)
    a = rng.randint(1, 1 << 32, size=similar.PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
    b = rng.randint(0, 1 << 32, size=similar.PERMUTATIONS, dtype=np.uint64)
    values = sorted(random.Random(count).sample(range(1 << 32), count))
    expected = [min(((int(ai) * v + int(bi)) & 0xFFFFFFFF for v in values), default=0xFFFFFFFF)
                for ai, bi in zip(a, b)]
    got = np.frombuffer(similar.minhash_of(np.array(values, dtype=np.uint64)), dtype="<u4").tolist()
    assert got == expected


def test_a_reports_sentences_are_normalised_alike_at_once_and_one_by_one() -> None:
    doc = structure.build(readers.read_data(LINCHUAN.encode("utf-8"), "l.txt"))
    texts = [s.norm for s in doc.sentences]
    for names in ([], ["临川县"], ["临川县", "临川"], ["县\n"]):
        assert similar.normalise_each(texts, names) == [similar.normalise(t, names) for t in texts]
    assert similar.normalise_each([], ["x"]) == []
    assert similar.normalise_each(["第1条，", "a\nb"], []) == [similar.normalise("第1条，", []), similar.normalise("a\nb", [])]


@pytest.mark.parametrize("text", ["", "法治", "依法行政依法行政依法行政", LINCHUAN[:3000]])
def test_shingle_hashes_are_the_distinct_mixed_polynomials_of_each_run_sorted(text: str) -> None:
    # In plain Python: each run of SHINGLE characters as a polynomial of its code points mod
    # 2⁶⁴, mixed by MurmurHash3's finaliser, kept to 32 bits; the history keeps what they make.
    full = (1 << 64) - 1

    def mixed(run: str) -> int:
        h = 0
        for ch in run:
            h = (h * 1_000_003 + ord(ch)) & full
        for factor in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, None):
            h ^= h >> 33
            if factor is not None:
                h = (h * factor) & full
        return h & 0xFFFFFFFF

    runs = [text[i:i + similar.SHINGLE] for i in range(len(text) - similar.SHINGLE + 1)]
    assert similar.shingle_hashes(text).tolist() == sorted({mixed(r) for r in runs})
