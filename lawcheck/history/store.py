"""The history store: SQLite or PostgreSQL through SQLAlchemy Core, versioned by migrations.

``open_store(target)`` takes a path (SQLite; WAL mode, so several processes
can record at once) or a ``postgresql://`` URL, and brings the schema up to
date: each entry of ``MIGRATIONS`` runs once, in order, recorded in
``lawcheck_schema``. A report is recorded once per content and checklist
version: checking the same files again adds a run, not the reports again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from lawcheck.errors import LawcheckError

T = TypeVar("T")
metadata = sa.MetaData()

schema_table = sa.Table("lawcheck_schema", metadata, sa.Column("version", sa.Integer, nullable=False))
runs = sa.Table(
    "runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started", sa.String(32), nullable=False),
    sa.Column("checklist_id", sa.String(200), nullable=False),
    sa.Column("checklist_version", sa.String(200), nullable=False),
    sa.Column("lawcheck_version", sa.String(50), nullable=False),
)
reports = sa.Table(
    "reports", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("checklist_id", sa.String(200), nullable=False),
    sa.Column("checklist_version", sa.String(200), nullable=False),
    sa.Column("body_key", sa.String(200), nullable=True),
    sa.Column("body", sa.Text, nullable=True),
    sa.Column("year", sa.Integer, nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("score", sa.Float, nullable=True),
    sa.Column("passed", sa.Boolean, nullable=False),
    sa.UniqueConstraint("content_hash", "checklist_id", "checklist_version", name="reports_once"),
)
items = sa.Table(
    "item_results", metadata,
    sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("item_id", sa.String(200), primary_key=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("credit", sa.Float, nullable=False),
)
findings = sa.Table(
    "findings", metadata,
    sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), primary_key=True),
    sa.Column("finding_id", sa.String(200), primary_key=True),
)
sa.Index("reports_by_body", reports.c.body_key, reports.c.year)
# What copy detection keeps of a report's content (lawcheck.judge.similar), once per content.
fingerprints = sa.Table(
    "fingerprints", metadata,
    sa.Column("content_hash", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("minhash", sa.LargeBinary, nullable=False),
    sa.Column("sentences", sa.LargeBinary, nullable=False),
)


def _migration_1(conn: Connection) -> None:
    """The first schema: runs, reports, their items' statuses and findings."""
    for table in (runs, reports, items, findings):
        table.create(conn, checkfirst=True)
    for index in reports.indexes:
        index.create(conn, checkfirst=True)


def _migration_2(conn: Connection) -> None:
    """Copy detection: each content's fingerprint."""
    fingerprints.create(conn, checkfirst=True)


# Each runs once, in order; a new one is appended, never edited.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_migration_1, _migration_2)


@dataclass(frozen=True)
class Recorded:
    report: Any  # a ReportResult
    content_hash: str
    body_key: str | None
    body: str | None
    fingerprint: Any = None  # a similar.Fingerprint, kept for copy detection in later batches


@dataclass(frozen=True)
class Outcome:
    run_id: int
    added: int
    known: int  # already recorded (same content, same checklist version)


def content_hash(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


CONNECT_SECONDS = 10  # to reach the server
STATEMENT_SECONDS = 60  # one statement, on the server
DEADLINE_SECONDS = 120  # any one piece of work, as seen here (a frozen server enforces nothing)
BUSY_MILLISECONDS = 30_000  # SQLite: how long a writer waits for another's lock
RETRIES = 5  # a transaction that lost a race (another batch's upsert, a deadlock) is tried again
_SCHEMES = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}  # the driver installed
_PASSWORD = re.compile(r"(://[^:/@?#]*:)[^@/?#]*@")  # scheme://user:PASSWORD@host


def shown(target: str) -> str:
    """A database target as it may be printed: a URL's password masked (user:***@host)."""
    return _PASSWORD.sub(r"\1***@", target)  # the rest as it was typed


def engine_for(target: str) -> Engine:
    """An engine for a path (SQLite) or a database URL (postgres:// and postgresql:// alike)."""
    if "://" in target:
        scheme, rest = target.split("://", 1)
        url = f"{_SCHEMES.get(scheme, scheme)}://{rest}"
        args: dict[str, Any] = {}
        if url.startswith("postgresql"):
            args = {"connect_timeout": CONNECT_SECONDS, "options": f"-c statement_timeout={STATEMENT_SECONDS * 1000}"}
        try:
            return sa.create_engine(url, future=True, connect_args=args)
        except (ImportError, sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as e:
            raise LawcheckError("db-url", url=shown(target), error=_first_line(e)) from None
    path = Path(target)
    if path.is_dir():
        raise LawcheckError("db-open", target=target, error="a folder, not a database file")
    engine = sa.create_engine(f"sqlite:///{path}", future=True, connect_args={"timeout": BUSY_MILLISECONDS / 1000})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_MILLISECONDS}")
        cursor.execute("PRAGMA journal_mode=WAL")  # readers and several writers at once
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def _first_line(error: BaseException) -> str:
    """An error in one line, its SQL and parameters left out (SQLAlchemy adds them on lines of their own)."""
    text = str(getattr(error, "orig", None) or error).strip()
    return (text.splitlines() or [type(error).__name__])[0][:300]


def within(seconds: float, work: Callable[[], T], target: str) -> T:
    """``work()`` within ``seconds`` as seen from here: a server that stopped answering (frozen,
    a network gone quiet) enforces no timeout of its own, so the wait ends here with a sentence."""
    answer: list[Any] = []

    def run() -> None:
        try:
            answer.append(("ok", work()))
        except BaseException as e:  # noqa: BLE001 - carried to the caller
            answer.append(("raised", e))

    thread = threading.Thread(target=run, name="lawcheck-db", daemon=True)  # left behind if it never returns
    thread.start()
    thread.join(seconds)
    if not answer:
        raise LawcheckError("db-timeout", target=shown(target), seconds=f"{seconds:g}")
    kind, value = answer[0]
    if kind == "raised":
        raise value
    return value  # type: ignore[no-any-return]


class Store:
    def __init__(self, engine: Engine, target: str) -> None:
        self.engine = engine
        self.target = target

    def version(self) -> int:
        with self.engine.connect() as conn:
            return _version(conn)

    def check_schema(self) -> None:
        """Refuse a database whose tables are not lawcheck's (a file of another program's)."""
        with self.engine.connect() as conn:
            inspector = sa.inspect(conn)
            for table in (runs, reports, items, findings):
                columns = {c["name"] for c in inspector.get_columns(table.name)}
                if not {c.name for c in table.columns} <= columns:
                    raise LawcheckError("db-schema", target=shown(self.target), table=table.name)

    def migrate(self) -> None:
        """Bring the schema up to date; two processes doing it at once: the second sees the first's work."""
        for attempt in range(5):
            try:
                return self._migrate()
            except sa.exc.DBAPIError:
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))  # another process was creating the same tables

    def _migrate(self) -> None:
        with self.engine.begin() as conn:
            schema_table.create(conn, checkfirst=True)
            current = _version(conn)
            if current > len(MIGRATIONS):
                raise LawcheckError("db-newer", target=shown(self.target), version=current, known=len(MIGRATIONS))
            for number, step in enumerate(MIGRATIONS, start=1):
                if number > current:
                    step(conn)
            if current == 0:
                conn.execute(schema_table.insert().values(version=len(MIGRATIONS)))
            elif current < len(MIGRATIONS):
                conn.execute(schema_table.update().values(version=len(MIGRATIONS)))

    def record(self, checklist_id: str, checklist_version: str, lawcheck_version: str,
               recorded: Iterable[Recorded], now: dt.datetime | None = None) -> Outcome:
        """One run and the reports it checked (each content once per checklist version).

        Several batches may record at once: a report another one recorded first is known,
        not an error (an insert that yields to an existing row), and a transaction that lost
        a race (a deadlock, a busy file) is tried again whole. A database that will not take
        the run (read-only, full, damaged, another program's) is said in one sentence.
        """
        started = (now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
        rows = list(recorded)
        for attempt in range(RETRIES):
            try:
                return within(DEADLINE_SECONDS, lambda: self._record(started, checklist_id, checklist_version,
                                                                     lawcheck_version, rows), self.target)
            except sa.exc.OperationalError as e:
                if attempt == RETRIES - 1 or not _transient(e):
                    raise LawcheckError("db-write", target=shown(self.target), error=_first_line(e)) from None
                time.sleep(0.2 * (attempt + 1))
            except sa.exc.SQLAlchemyError as e:
                raise LawcheckError("db-write", target=shown(self.target), error=_first_line(e)) from None
        raise AssertionError("unreachable")

    def _record(self, started: str, checklist_id: str, checklist_version: str, lawcheck_version: str,
                recorded: list[Recorded]) -> Outcome:
        added = known = 0
        with self.engine.begin() as conn:
            run_id = conn.execute(runs.insert().values(
                started=started, checklist_id=checklist_id, checklist_version=checklist_version,
                lawcheck_version=lawcheck_version)).inserted_primary_key[0]  # type: ignore[index]
            for r in recorded:
                result = r.report
                if r.fingerprint is not None:
                    conn.execute(_fingerprint_once(conn).values(
                        content_hash=r.content_hash, size=r.fingerprint.size, minhash=r.fingerprint.minhash,
                        sentences=_packed(r.fingerprint.sentences)))
                report_id = conn.execute(_insert_once(conn).values(
                    run_id=run_id, path=result.path, content_hash=r.content_hash, checklist_id=checklist_id,
                    checklist_version=checklist_version, body_key=r.body_key, body=r.body,
                    year=result.meta.year, title=result.meta.title, score=result.score,
                    passed=bool(result.passed)).returning(reports.c.id)).scalar()
                if report_id is None:  # recorded before, by this batch or another at the same time
                    known += 1
                    continue
                rows = [{"report_id": report_id, "item_id": i.id, "status": i.status, "credit": i.credit}
                        for i in _flat(result.items)]
                if rows:
                    conn.execute(items.insert(), rows)
                found = sorted({f.id for f in result.findings})
                if found:
                    conn.execute(findings.insert(), [{"report_id": report_id, "finding_id": f} for f in found])
                added += 1
        return Outcome(int(run_id), added, known)


def _insert_once(conn: Connection) -> Any:
    """An insert of a report that does nothing where the same content and checklist version is
    recorded (it waits for a batch recording it at the same moment, then yields)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(reports).on_conflict_do_nothing(constraint="reports_once")
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(reports).on_conflict_do_nothing(
        index_elements=[reports.c.content_hash, reports.c.checklist_id, reports.c.checklist_version])


def _fingerprint_once(conn: Connection) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(fingerprints).on_conflict_do_nothing(index_elements=[fingerprints.c.content_hash])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(fingerprints).on_conflict_do_nothing(index_elements=[fingerprints.c.content_hash])


def _packed(hashes: Iterable[int]) -> bytes:
    import struct

    values = list(hashes)
    return struct.pack(f"<{len(values)}Q", *values)


def unpacked(data: bytes) -> tuple[int, ...]:
    import struct

    return tuple(struct.unpack(f"<{len(data) // 8}Q", data))


def earlier_fingerprints(store: "Store") -> list[Any]:
    """Every recorded content's fingerprint, with the body, year and path it was recorded with."""
    from lawcheck.judge.similar import Fingerprint

    query = (sa.select(reports.c.content_hash, sa.func.min(reports.c.path).label("path"),
                       sa.func.min(reports.c.body).label("body"), sa.func.min(reports.c.year).label("year"),
                       fingerprints.c.size, fingerprints.c.minhash, fingerprints.c.sentences)
             .join(fingerprints, fingerprints.c.content_hash == reports.c.content_hash)
             .group_by(reports.c.content_hash, fingerprints.c.size, fingerprints.c.minhash, fingerprints.c.sentences)
             .order_by(reports.c.content_hash))
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(query).all()
    except sa.exc.SQLAlchemyError as e:
        raise LawcheckError("db-read", target=shown(store.target), error=_first_line(e)) from None
    return [Fingerprint(r.path, r.year, r.size, bytes(r.minhash), unpacked(bytes(r.sentences)), r.body, r.content_hash)
            for r in rows]


def _transient(error: sa.exc.OperationalError) -> bool:
    """A failure that another try can get past: a lock, a deadlock, a serialization conflict."""
    text = _first_line(error).lower()
    return any(word in text for word in ("locked", "deadlock", "could not serialize", "busy"))


def _flat(results: Iterable[Any]) -> Iterable[Any]:
    for item in results:
        yield item
        yield from _flat(item.parts)


def _version(conn: Connection) -> int:
    if not sa.inspect(conn).has_table("lawcheck_schema"):
        return 0
    value = conn.execute(sa.select(sa.func.max(schema_table.c.version))).scalar()
    return int(value or 0)


def open_store(target: str) -> Store:
    """The store at ``target``, its schema brought up to date (within the deadline)."""
    try:
        store = Store(engine_for(target), target)
        within(DEADLINE_SECONDS, store.migrate, target)
        within(DEADLINE_SECONDS, store.check_schema, target)
    except sa.exc.SQLAlchemyError as e:
        raise LawcheckError("db-open", target=shown(target), error=_first_line(e)) from None
    return store
