"""Engine settings that keep data honest and concurrent writers patient, and the
primary-key lookup of the hot paths."""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, event, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 5000
# the largest id an INTEGER primary key holds on PostgreSQL (SQLite's are 64-bit): ids
# from outside are checked against it, so a 20-digit one is "not found", not an overflow
MAX_ID = 2**31 - 1


def engine_options(database_url: str) -> dict[str, Any]:
    """Pool settings for create_engine, by backend.

    A database server drops connections: a restart, a failover, an idle timeout. Each
    pooled connection would then fail one request (503) before the pool notices, so
    a connection is pinged as it is taken from the pool and replaced if dead. SQLite
    is a file that no server closes, and pinging it would be pure cost.
    """
    if database_url.startswith("sqlite"):
        return {}
    return {"pool_pre_ping": True}


def configure_engine(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "savepoint", _sqlite_begin_before_savepoint)


def _sqlite_begin_before_savepoint(connection: Connection, _name: str | None) -> None:
    """Open the transaction a SAVEPOINT is meant to nest in.

    Python's sqlite3 begins a transaction only before an INSERT, UPDATE or DELETE, so a
    session that has only read holds none, and a SAVEPOINT then starts one of its own,
    which its RELEASE commits: a later rollback of the request could not undo it (an
    answer stored, the quiz it finished not). BEGIN IMMEDIATE takes the write lock
    now, as the savepoint's writes would, waiting out the busy timeout like them.
    """
    dbapi_connection = connection.connection.dbapi_connection
    if dbapi_connection is not None and not dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite ignores foreign keys unless asked
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, and much faster
    cursor.close()


def load_by_id(session: Session, model: type[T], row_id: int) -> T | None:
    """Like session.get, which builds its SELECT anew on every call; this one is built
    once per model. For the rows every request reads (the signed-in user, the quiz
    question), where building cost as much as the query (bench/page_costs.py)."""
    # what session.get does first: an object this session holds and has not expired
    held = session.identity_map.get(inspect(model).identity_key_from_primary_key((row_id,)))
    if held is not None and not inspect(held).expired:
        return held  # type: ignore[no-any-return]
    return session.scalar(_by_id_statement(model), {"id": row_id})


@cache
def _by_id_statement(model: type[T]) -> Select[tuple[T]]:
    return select(model).where(model.id == bindparam("id"))  # type: ignore[attr-defined]
