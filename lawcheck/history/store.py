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
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from lawcheck.errors import LawcheckError

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


def _migration_1(conn: Connection) -> None:
    """The first schema: runs, reports, their items' statuses and findings."""
    for table in (runs, reports, items, findings):
        table.create(conn, checkfirst=True)
    for index in reports.indexes:
        index.create(conn, checkfirst=True)


# Each runs once, in order; a new one is appended, never edited.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_migration_1,)


@dataclass(frozen=True)
class Recorded:
    report: Any  # a ReportResult
    content_hash: str
    body_key: str | None
    body: str | None


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


def engine_for(target: str) -> Engine:
    """An engine for a path (SQLite) or a database URL."""
    if "://" in target:
        url = target
        if url.startswith("postgresql://"):  # the driver this package installs
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        try:
            return sa.create_engine(url, future=True)
        except (ImportError, sa.exc.ArgumentError) as e:
            raise LawcheckError("db-url", url=target, error=str(e).splitlines()[0]) from None
    path = Path(target)
    if path.is_dir():
        raise LawcheckError("db-open", target=target, error="a folder, not a database file")
    engine = sa.create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers and several writers at once
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


class Store:
    def __init__(self, engine: Engine, target: str) -> None:
        self.engine = engine
        self.target = target

    def version(self) -> int:
        with self.engine.connect() as conn:
            return _version(conn)

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
                raise LawcheckError("db-newer", target=self.target, version=current, known=len(MIGRATIONS))
            for number, step in enumerate(MIGRATIONS, start=1):
                if number > current:
                    step(conn)
            if current == 0:
                conn.execute(schema_table.insert().values(version=len(MIGRATIONS)))
            elif current < len(MIGRATIONS):
                conn.execute(schema_table.update().values(version=len(MIGRATIONS)))

    def record(self, checklist_id: str, checklist_version: str, lawcheck_version: str,
               recorded: Iterable[Recorded], now: dt.datetime | None = None) -> Outcome:
        """One run and the reports it checked (each content once per checklist version)."""
        started = (now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
        added = known = 0
        with self.engine.begin() as conn:
            run_id = conn.execute(runs.insert().values(
                started=started, checklist_id=checklist_id, checklist_version=checklist_version,
                lawcheck_version=lawcheck_version)).inserted_primary_key[0]  # type: ignore[index]
            for r in recorded:
                exists = conn.execute(sa.select(reports.c.id).where(
                    reports.c.content_hash == r.content_hash, reports.c.checklist_id == checklist_id,
                    reports.c.checklist_version == checklist_version)).first()
                if exists is not None:
                    known += 1
                    continue
                result = r.report
                report_id = conn.execute(reports.insert().values(
                    run_id=run_id, path=result.path, content_hash=r.content_hash, checklist_id=checklist_id,
                    checklist_version=checklist_version, body_key=r.body_key, body=r.body,
                    year=result.meta.year, title=result.meta.title, score=result.score,
                    passed=bool(result.passed))).inserted_primary_key[0]  # type: ignore[index]
                rows = [{"report_id": report_id, "item_id": i.id, "status": i.status, "credit": i.credit}
                        for i in _flat(result.items)]
                if rows:
                    conn.execute(items.insert(), rows)
                found = sorted({f.id for f in result.findings})
                if found:
                    conn.execute(findings.insert(), [{"report_id": report_id, "finding_id": f} for f in found])
                added += 1
        return Outcome(int(run_id), added, known)


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
    """The store at ``target``, its schema brought up to date."""
    try:
        store = Store(engine_for(target), target)
        store.migrate()
    except sa.exc.SQLAlchemyError as e:
        raise LawcheckError("db-open", target=target, error=str(getattr(e, "orig", None) or e).splitlines()[0]) \
            from None
    return store
