"""Copied reports (雷同, 照搬照抄): reports that share most of their text with another.

Each report is reduced to a :class:`Fingerprint` where it is checked (in the batch's worker):
its text with the body's name, years and figures set aside and the punctuation gone, cut into
overlapping runs of :data:`SHINGLE` characters, summed up as a MinHash of :data:`PERMUTATIONS`
values, and the hashes of its sentences. Up to :data:`EVERY_PAIR` reports every pair is
compared; past that a MinHash LSH index (:class:`Index`) picks the pairs. The MinHash is the
textbook one (the least of ``a·h + b mod 2³²`` over the shingles' hashes, for fixed odd ``a``), a
few lines of numpy, and so is the index; for each pair, the share of the smaller report's text
that the other holds is estimated from the two MinHashes and their sizes, for all of a report's
pairs at once. A pair over :data:`SURE`
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
_MASK = (1 << 32) - 1
_CHUNK = 4096  # shingles hashed at once: a 1 MB report in steps of 4 MB of memory, not 200
SHARE = 0.5  # the share of the smaller report's text found in the other that makes a copy
SURE = 0.7  # a share from which the text alone says so; between SHARE and SURE, whole sentences
SENTENCES = 0.3  # must say it too: this share of the smaller report's sentences found in the other
LSH_JACCARD = 0.3  # the LSH index's threshold: pairs sharing half the smaller report's text
# Its bands: BANDS of ROWS values each, the optimal parameters for that threshold and PERMUTATIONS
# (datasketch's MinHashLSH chooses them so, by integrating the chances of false positives and negatives).
BANDS, ROWS = 37, 3
# Up to this many reports every pair is compared (a vectorised comparison of their MinHashes);
# past it the LSH index picks the pairs.
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


def find(current: Sequence[Fingerprint], earlier: Iterable[Fingerprint] = ()) -> list[Similar]:
    """The copies among ``current`` and between them and ``earlier`` (reports of past years, or
    recorded before): for each report that copies, the other it shares the most with (the
    greatest share; of equal shares, the other first by path). A pair is said of the later
    report, else the smaller, else the one later by path; a pair with an earlier report, of the
    current one. One finding a report, however many share its text (a province's towns all
    copying one model report), keeps the output as long as the batch."""

    contents = {c.content for c in current}
    past = [e for e in earlier if e.content is None or e.content not in contents]
    everyone = [*current, *past]
    if len(everyone) < 2:
        return []
    pairs = _Pairs(everyone)
    for n in range(len(current)):
        others, shares = pairs.sharing(n)
        if not len(others):
            continue
        copies = (others >= len(current)) | (pairs.rank[n] > pairs.rank[others])  # which side is the copy
        if pairs.one_file_a_path:
            pairs.offer(n, others[copies], shares[copies])
            pairs.offer_each(n, others[~copies], shares[~copies])
        else:  # two prints of one path (the history's and this batch's) share a finding: one pair at a time
            for m, share, n_copies in zip(others.tolist(), shares.tolist(), copies.tolist()):
                copy, other = (n, m) if n_copies else (m, n)
                pairs.settles(copy, other, share)
    return pairs.found()


class _Pairs:
    """The pairs of reports that share enough text, and each copying report's best other.

    Each pair is met once: a current report meets the later current ones and every earlier
    one, every pair up to :data:`EVERY_PAIR` reports, past it only those in one LSH bucket
    (:class:`Index`). What a pair asks of its reports is worked out once a report, as numbers:
    the body and year (one body's two files for one year are a duplicate submission, said as
    such, not a copy), the order that says which is the copy, the order of their paths. The best
    other of each copying report is kept in arrays by its path's number (a finding a path)."""

    def __init__(self, everyone: Sequence[Fingerprint]) -> None:
        import numpy as np

        self.everyone = everyone
        self.values = np.stack([np.frombuffer(p.minhash, dtype="<u4") for p in everyone])
        self.sizes = np.array([p.size for p in everyone], dtype=np.float64)
        self.index = Index(self.values) if len(everyone) > EVERY_PAIR else None
        # the body and year: the same number for the same ones; a report without a body meets none
        named: dict[Any, int] = {}
        self.body = np.array([named.setdefault((p.year, bodies.key(p.body)), len(named)) if p.body else -1 - n
                              for n, p in enumerate(everyone)], dtype=np.int64)
        # the later year, else the smaller, else the later path: the copy of a pair
        self.rank = _order([((p.year or 0), -p.size, p.path) for p in everyone])
        self.path = _order([p.path for p in everyone])
        self.one_file_a_path = len(set(self.path.tolist())) == len(everyone)
        count = len(everyone)
        self.share = np.full(count, -1.0)  # by the copy's path: its best share so far
        self.other_path = np.full(count, count, dtype=np.int64)  # the path number of that other
        self.other = np.full(count, -1, dtype=np.int64)
        self.copy = np.full(count, -1, dtype=np.int64)
        self._sentences: dict[int, set[int]] = {}

    def sharing(self, n: int) -> tuple[Any, Any]:
        """The reports after ``n`` sharing at least :data:`SHARE` of the smaller one's text with it
        (and not of its body and year), and the shares."""
        import numpy as np

        sizes, values = self.sizes, self.values
        later = len(sizes) - n - 1
        rows: Any = slice(n + 1, None) if self.index is None else self.index.after(n)  # the later ones, or those it meets
        theirs = sizes[rows]
        if not len(theirs) or not sizes[n]:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        # the MinHash estimate, all at once: the share of permutations whose least values agree;
        # the later rows compared in place (a view), unless the index met few of them
        if self.index is not None and 4 * len(theirs) < later:
            agree = np.count_nonzero(values[rows] == values[n], axis=1)
        else:
            agree = np.count_nonzero(values[n + 1:] == values[n], axis=1)
            agree = agree if self.index is None else agree[rows - n - 1]
        jaccard = agree / PERMUTATIONS
        # the share of the smaller report's shingles also in the other's, from the Jaccard index
        # (|A∩B| = J(|A|+|B|)/(1+J)), for all of them at once; only pairs sharing enough are looked at
        with np.errstate(divide="ignore", invalid="ignore"):  # a report of no shingles shares nothing
            shares = np.minimum(1.0, jaccard * (sizes[n] + theirs) / (1.0 + jaccard) / np.minimum(sizes[n], theirs))
        near = np.flatnonzero((shares >= SHARE) & (theirs > 0))
        others = near + n + 1 if self.index is None else rows[near]
        apart = self.body[others] != self.body[n]
        return others[apart], shares[near][apart]

    def offer(self, copy: int, others: Any, shares: Any) -> None:
        """``copy`` shares ``shares`` with each of ``others``: its best other, if one beats the one kept."""
        import numpy as np

        if not len(others):
            return
        # best first: the greater share, then the other first by path, then the first met. The
        # first that is no better than the one kept ends it; the first that is a copy is kept.
        top = np.flatnonzero(shares == shares.max())
        first = int(top[np.lexsort((others[top], self.path[others[top]]))[0]])
        if self.settles(copy, int(others[first]), float(shares[first])):
            return
        for i in np.lexsort((others, self.path[others], -shares))[1:].tolist():  # the best is no copy: the rest
            if self.settles(copy, int(others[i]), float(shares[i])):
                return

    def settles(self, copy: int, other: int, share: float) -> bool:
        """Whether ``copy``'s best other is settled by this pair: it is kept, or it is no better
        than the one kept (nor is any after it, in order)."""
        at = self.path[copy]
        held = self.share[at]
        if share < held or (share == held and self.path[other] >= self.other_path[at]):
            return True
        if not self._copied(copy, other, share):
            return False
        self.share[at], self.other_path[at], self.other[at], self.copy[at] = share, self.path[other], other, copy
        return True

    def offer_each(self, other: int, copies: Any, shares: Any) -> None:
        """Each of ``copies`` (of different paths) shares its share with ``other``: kept where it
        beats the one kept for it."""
        import numpy as np

        at = self.path[copies]
        path = self.path[other]
        beats = (shares > self.share[at]) | ((shares == self.share[at]) & (path < self.other_path[at]))
        for i in np.flatnonzero(beats & (shares < SURE)).tolist():  # not sure from the text alone
            beats[i] = self._copied(int(copies[i]), other, float(shares[i]))
        at, copies = at[beats], copies[beats]
        self.share[at], self.other_path[at], self.other[at], self.copy[at] = shares[beats], path, other, copies

    def _copied(self, a: int, b: int, share: float) -> bool:
        """Whether the pair is a copy: by its text alone, or by whole sentences too."""
        return share >= SURE or self._sentence_share(a, b) >= SENTENCES

    def _sentence_share(self, a: int, b: int) -> float:
        mine, theirs = self._set(a), self._set(b)
        if not mine or not theirs:
            return 0.0
        return len(mine & theirs) / min(len(mine), len(theirs))

    def _set(self, n: int) -> set[int]:
        found = self._sentences.get(n)
        if found is None:
            found = self._sentences[n] = set(self.everyone[n].sentences)
        return found

    def found(self) -> list[Similar]:
        everyone = self.everyone
        out = []
        for at in (self.other >= 0).nonzero()[0].tolist():
            copied, source = everyone[self.copy[at]], everyone[self.other[at]]
            out.append(Similar(copied, source, round(float(self.share[at]), 2), _first_shared(copied, source)))
        return sorted(out, key=lambda s: (s.report.path, s.other.path))


def _order(keys: Sequence[Any]) -> Any:
    """Each key's place among the distinct keys in order (equal keys, equal numbers)."""
    import numpy as np

    place = {key: i for i, key in enumerate(sorted(set(keys)))}
    return np.array([place[key] for key in keys], dtype=np.int64)


def bands(values: Any) -> Any:
    """The MinHash LSH index's buckets: for each report and each of :data:`BANDS` bands of
    :data:`ROWS` values, a number, the same for the reports whose values in that band are the
    same. Two reports meet when they share a bucket in any band (:class:`Index`), as in
    datasketch's ``MinHashLSH(threshold=LSH_JACCARD, num_perm=PERMUTATIONS)``, whose optimal
    parameters these bands are."""
    import numpy as np

    out = np.empty((len(values), BANDS), dtype=np.int32)
    for b in range(BANDS):
        _, inverse = np.unique(values[:, b * ROWS:(b + 1) * ROWS], axis=0, return_inverse=True)
        out[:, b] = inverse.reshape(-1)
    return out


class Index:
    """The MinHash LSH index: the reports that share a bucket (:func:`bands`) in some band.

    Each band's reports are kept sorted by bucket (then by number), and each report knows where
    its bucket starts and ends in each band: the reports one meets are those of its buckets of
    more than one, marked in one array. The work is that of its buckets' sizes, as with a table of
    sets, but in numpy: 10,000 reports all copying one model report took minutes as Python sets."""

    def __init__(self, values: Any) -> None:
        import numpy as np

        buckets = bands(values)
        self.count = len(values)
        order = np.argsort(buckets, axis=0, kind="stable")
        self.members = [order[:, b].astype(np.int32) for b in range(BANDS)]  # by bucket, then number
        ordered = np.take_along_axis(buckets, order, axis=0)
        self.starts = np.empty_like(buckets)
        self.ends = np.empty_like(buckets)
        for b in range(BANDS):
            self.starts[:, b] = np.searchsorted(ordered[:, b], buckets[:, b], "left")
            self.ends[:, b] = np.searchsorted(ordered[:, b], buckets[:, b], "right")

    def after(self, n: int) -> Any:
        """The reports after ``n`` that share a bucket with it, in order."""
        import numpy as np

        met = np.zeros(self.count, dtype=bool)
        starts, ends = self.starts[n], self.ends[n]
        for b in np.flatnonzero(ends - starts > 1).tolist():
            members = self.members[b][starts[b]:ends[b]]
            met[members[np.searchsorted(members, n + 1):]] = True
        return np.flatnonzero(met)


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
