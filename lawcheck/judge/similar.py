"""Copied reports (雷同, 照搬照抄): reports that share most of their text with another.

Each report is reduced to a :class:`Fingerprint` where it is checked (in the batch's worker):
its text with the body's name, years and figures set aside and the punctuation gone, cut into
overlapping runs of :data:`SHINGLE` characters, summed up as a MinHash of :data:`PERMUTATIONS`
values, and the hashes of its sentences. Up to :data:`EVERY_PAIR` reports every pair is
compared; past that an index picks the pairs. The MinHash is the textbook one (the least of
``a·h + b mod 2³²`` over the shingles' hashes, for fixed odd ``a``), a few lines of numpy, so that
a worker need not import ``datasketch`` (and SciPy under it: 0.6 s); ``datasketch``'s MinHash LSH
index, in the batch's own process, finds the pairs worth a look among thousands in seconds; for each, the share of the smaller report's text that
the other holds is estimated from the two MinHashes and their sizes. A pair over :data:`SURE`
is a copy; one over :data:`SHARE` is a copy when whole sentences agree too (:data:`SENTENCES` of
the smaller report's are the other's), since reports in one province's officialese can share
half their phrases and few of their sentences. Its first shared sentence is the evidence.

A report written from the same template as another shares its headings and set phrases, a
tenth or a fifth of its text: not a copy. A copy with the names changed, the paragraphs
reordered or a third rewritten shares well over half.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lawcheck.document import bodies
from lawcheck.document.model import Document, Sentence
from lawcheck.document.text import NUMBER_CHARS

SHINGLE = 5  # characters in a shingle: a Chinese phrase, not a single common word
PERMUTATIONS = 128  # MinHash values per report: a share estimated within a few points
SEED = 1  # fixed, so the same reports give the same pairs
SCHEME = "affine32"  # what datasketch is told of the values (it compares them; it does not remake them)
_MASK = (1 << 32) - 1
_CHUNK = 4096  # shingles hashed at once: a 1 MB report in steps of 4 MB of memory, not 200
SHARE = 0.5  # the share of the smaller report's text found in the other that makes a copy
SURE = 0.7  # a share from which the text alone says so; between SHARE and SURE, whole sentences
SENTENCES = 0.3  # must say it too: this share of the smaller report's sentences found in the other
LSH_JACCARD = 0.3  # the LSH index's threshold: pairs sharing half the smaller report's text
# Up to this many reports every pair is compared (a vectorised comparison of their MinHashes takes
# less than importing datasketch and SciPy, 0.6 s); past it the LSH index picks the pairs.
EVERY_PAIR = 1500
MIN_SENTENCE = 12  # characters a sentence needs (after normalising) to be evidence
OPENING = 8  # sentences whose text a fingerprint keeps for the evidence

_SET_ASIDE = re.compile(f"[{NUMBER_CHARS}]+|[^\\w]|_", re.UNICODE)
_SET_ASIDE_BUT_LINES = re.compile(f"[{NUMBER_CHARS}]+|[^\\w\\n]|_", re.UNICODE)  # the same, line breaks kept


@dataclass(frozen=True)
class Fingerprint:
    """What copy detection keeps of one report: a few kilobytes, whatever its length."""

    path: str
    year: int | None
    size: int  # distinct shingles
    minhash: bytes  # PERMUTATIONS unsigned 32-bit values
    sentences: tuple[int, ...]  # a 64-bit hash of each normalised sentence, in reading order
    body: str | None = None  # the body's name, for saying which report it is
    content: str | None = None  # the file's content hash, where known (the history)
    # The text of the first OPENING sentences counted, as written: a copy's evidence is nearly
    # always one of them, and then the copied file is not read again for it (not in the history).
    opening: tuple[str, ...] = ()


@dataclass(frozen=True)
class Similar:
    """``report`` shares ``share`` of its text with ``other``; ``sentence`` is the index of its
    first sentence also in ``other`` (None when no whole sentence is)."""

    report: Fingerprint
    other: Fingerprint
    share: float
    sentence: int | None


def normalise(text: str, names: Sequence[str]) -> str:
    """``text`` without the body's names, years and figures, punctuation and spaces."""
    for name in names:
        if name:
            text = text.replace(name, "")
    return _SET_ASIDE.sub("", text)


def normalise_each(texts: Sequence[str], names: Sequence[str]) -> list[str]:
    """:func:`normalise` of each of ``texts`` (a report's sentences), worked out at once over
    them joined by line breaks: none of them holds one, and neither does a name, so no name is
    found across two of them and each one's part of the result is what it alone would give."""
    joined = "\n".join(texts)
    if "\n" in "".join(names) or joined.count("\n") != len(texts) - 1:
        return [normalise(text, names) for text in texts]
    for name in names:
        if name:
            joined = joined.replace(name, "")
    return _SET_ASIDE_BUT_LINES.sub("", joined).split("\n")


def names_of(org: str | None) -> list[str]:
    """The names a body goes by in its own report: its full name and the part that stays."""
    if not org:
        return []
    return sorted({org, bodies.key(org)}, key=len, reverse=True)


def fingerprint(doc: Document, org: str | None, year: int | None) -> Fingerprint:
    names = names_of(org)
    sentences = normalise_each([s.norm for s in doc.sentences], names)
    hashes = shingle_hashes("".join(sentences))
    counted = [i for i, s in enumerate(sentences) if len(s) >= MIN_SENTENCE]
    opening = tuple(_as_written(doc, doc.sentences[i]) for i in counted[:OPENING])
    return Fingerprint(doc.path, year, len(hashes), minhash_of(hashes),
                       tuple(_hash64(sentences[i]) for i in counted), org, opening=opening)


def shingle_hashes(text: str) -> Any:
    """The distinct 32-bit hashes of ``text``'s runs of SHINGLE characters, all at once: a
    polynomial of the code points, mixed (MurmurHash3's finaliser), in numpy."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - SHINGLE + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint32)
    h = np.zeros(count, dtype=np.uint64)
    for k in range(SHINGLE):  # uint64 arithmetic wraps: the polynomial mod 2⁶⁴
        h = h * np.uint64(1_000_003) + codes[k:k + count]
    for shift, factor in ((33, 0xFF51AFD7ED558CCD), (33, 0xC4CEB9FE1A85EC53), (33, None)):
        h ^= h >> np.uint64(shift)
        if factor is not None:
            h *= np.uint64(factor)
    # distinct, sorted: np.unique's hash table takes ten times as long as a sort of 32-bit values
    values = np.sort((h & np.uint64(_MASK)).astype(np.uint32))
    first = np.empty(len(values), dtype=bool)
    first[:1] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return values[first]


def minhash_of(hashes: Any) -> bytes:
    """The MinHash of a set of 32-bit hashes: for each permutation, the least ``a·h + b mod 2³²``
    (all ones for an empty set), as little-endian 32-bit values."""
    import numpy as np

    a, b = _permutations()
    a, b = a.astype(np.uint32)[:, None], b.astype(np.uint32)[:, None]  # uint32 arithmetic wraps: mod 2³²
    values = hashes.astype(np.uint32)
    least = np.full(PERMUTATIONS, _MASK, dtype=np.uint32)
    # a permutation's values of a chunk lie side by side (each row's least is a contiguous run's),
    # worked out in one buffer
    work = np.empty((PERMUTATIONS, min(len(values), _CHUNK)), dtype=np.uint32)
    for start in range(0, len(values), _CHUNK):
        chunk = values[None, start:start + _CHUNK]
        out = work[:, :chunk.shape[1]]
        np.multiply(a, chunk, out=out)
        out += b
        np.minimum(least, out.min(axis=1), out=least)
    return least.astype("<u4").tobytes()


@functools.cache
def _permutations() -> tuple[Any, Any]:
    """The fixed ``a`` (odd) and ``b`` of each permutation, from a seeded generator whose stream
    numpy keeps stable (RandomState)."""
    import numpy as np

    rng = np.random.RandomState(SEED)
    a = rng.randint(1, 1 << 32, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
    b = rng.randint(0, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _minhash(print_: Fingerprint) -> object:
    import numpy as np
    from datasketch import MinHash  # type: ignore[import-untyped]

    return MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME,
                   hashvalues=np.frombuffer(print_.minhash, dtype="<u4").astype("uint32"))


def find(current: Sequence[Fingerprint], earlier: Iterable[Fingerprint] = ()) -> list[Similar]:
    """The copies among ``current`` and between them and ``earlier`` (reports of past years, or
    recorded before): for each report that copies, the other it shares the most with. A pair is
    said of the later report, else the smaller, else the one later by path; a pair with an
    earlier report, of the current one. One finding a report, however many share its text (a
    province's towns all copying one model report), keeps the output as long as the batch."""
    import numpy as np

    contents = {c.content for c in current}
    past = [e for e in earlier if e.content is None or e.content not in contents]
    everyone = [*current, *past]
    if len(everyone) < 2:
        return []
    values = np.stack([np.frombuffer(p.minhash, dtype="<u4") for p in everyone])
    sizes = np.array([p.size for p in everyone], dtype=np.float64)
    candidates = _lsh(everyone) if len(everyone) > EVERY_PAIR else None
    # what each pair asks of its reports, worked out once a report (a batch has a million pairs)
    keys = [(p.year, bodies.key(p.body)) if p.body else None for p in everyone]
    ranks = [((p.year or 0), -p.size, p.path) for p in everyone]  # the later year, else the smaller, else by path: a copy is said of it
    best: dict[str, tuple[float, Fingerprint, Fingerprint]] = {}
    for n in range(len(current)):
        # each pair once: a current report meets the later current ones and every earlier one
        # all the later ones are a slice (a view of their rows, not a copy); the index's, a list
        rows: Any = (slice(n + 1, None) if candidates is None else
                     np.array(sorted(m for m in candidates(n) if m > n), dtype=np.int64))
        theirs = sizes[rows]
        if not len(theirs) or not sizes[n]:
            continue
        # the MinHash estimate, all at once: the share of permutations whose least values agree
        jaccard = np.count_nonzero(values[rows] == values[n], axis=1) / PERMUTATIONS
        # the share of the smaller report's shingles also in the other's, from the Jaccard index
        # (|A∩B| = J(|A|+|B|)/(1+J)), for all of them at once; only pairs sharing enough are looked at
        with np.errstate(divide="ignore", invalid="ignore"):  # a report of no shingles shares nothing
            shares = np.minimum(1.0, jaccard * (sizes[n] + theirs) / (1.0 + jaccard) / np.minimum(sizes[n], theirs))
        near = np.flatnonzero((shares >= SHARE) & (theirs > 0))
        others = near + n + 1 if candidates is None else rows[near]
        for m, share in zip(others.tolist(), shares[near].tolist()):
            a, b = everyone[n], everyone[m]
            if keys[n] is not None and keys[n] == keys[m]:
                continue  # one body's two files for one year: a duplicate submission, said as such
            if share < SURE and sentence_share(a, b) < SENTENCES:
                continue
            copied, source = (a, b) if m >= len(current) or ranks[n] > ranks[m] else (b, a)
            held = best.get(copied.path)
            if held is None or (share, held[2].path) > (held[0], source.path):
                best[copied.path] = (share, copied, source)
    found = [Similar(copied, source, round(share, 2), _first_shared(copied, source))
             for share, copied, source in best.values()]
    return sorted(found, key=lambda s: (s.report.path, s.other.path))


def _lsh(everyone: Sequence[Fingerprint]) -> Any:
    """datasketch's MinHash LSH index over ``everyone``: n → the reports that may share its text."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=LSH_JACCARD, num_perm=PERMUTATIONS)
    hashes = [_minhash(p) for p in everyone]
    for n, h in enumerate(hashes):
        index.insert(n, h)
    return lambda n: index.query(hashes[n])


def sentence_share(a: Fingerprint, b: Fingerprint) -> float:
    """The share of the smaller report's distinct sentences that the other has word for word."""
    mine, theirs = set(a.sentences), set(b.sentences)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / min(len(mine), len(theirs))


def _first_shared(report: Fingerprint, other: Fingerprint) -> int | None:
    theirs = set(other.sentences)
    return next((i for i, h in enumerate(report.sentences) if h in theirs), None)


def sentence_text(doc: Document, org: str | None, index: int) -> str | None:
    """The text of the ``index``-th sentence a fingerprint of ``doc`` counted."""
    names = names_of(org)
    counted = [s for s in doc.sentences if len(normalise(s.norm, names)) >= MIN_SENTENCE]
    return _as_written(doc, counted[index]) if 0 <= index < len(counted) else None


def _as_written(doc: Document, s: Sentence) -> str:
    block = doc.blocks[s.block]
    if not block.offsets or s.end <= s.start:
        return s.norm
    return block.text[block.offsets[s.start]:block.offsets[s.end - 1] + 1].strip()


def other_named(found: Mapping[str, Any], lang: str) -> str:
    """The report a ``similar-report`` entry shares its text with, as people name it: the body
    and year, and its file's name; else its path."""
    from pathlib import PurePath

    from lawcheck.messages import message

    name = PurePath(str(found["other"])).name
    if found.get("other_body"):
        return message("similar-other", lang, body=found["other_body"], year=found["other_year"] or "—", path=name)
    return str(found["other"])
