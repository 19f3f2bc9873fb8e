"""A SQLite file's second way in, for a turn's storage work: reads on the event loop itself, the
write transaction on one writer thread of its own.

aiosqlite runs every call (cursor, execute, fetch, close, commit) on its connection's thread and
hands each result back to the loop, so a nomination turn's ten-odd statements cost about forty
thread hand-offs: measured 10.8 ms of CPU a turn for the storage work alone at 200 concurrent,
against 2.4 ms with the same statements on the loop (pysqlite through SQLAlchemy, same file). But
the loop must never wait for SQLite's write lock (another process's writer, the scheduler's
aiosqlite connection) nor for the disk's sync at commit. Reads never do either in WAL mode:
pysqlite begins a transaction only before a write, so a read is its own snapshot and takes no
lock. So reads run here on the loop, and the claim, the writes and the commit run as one call on
the twin's writer thread (one hand-off a turn; measured 3.5 ms a turn in all).

Only ``create_engine`` makes twins, for a SQLite file (an in-memory database is private to its
connection, so a second engine would see another database); any other engine has none and its
turns use the async engine as before.
"""
from __future__ import annotations

import weakref
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

T = TypeVar("T")

_TWINS: weakref.WeakKeyDictionary[AsyncEngine, SqliteTwin] = weakref.WeakKeyDictionary()

# Connections kept for the loop's reads; more are opened when more turns read at once, because a
# pool that made the loop wait for a connection would wait for ever (only the loop gives them back).
READ_POOL = 8


@dataclass
class SqliteTwin:
    engine: sa.Engine  # pysqlite on the same file; its connections move between the loop and the writer
    writer: ThreadPoolExecutor  # one thread: SQLite has one writer at a time anyway

    def dispose(self) -> None:
        self.writer.shutdown(wait=True)
        self.engine.dispose()


def pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
    # WAL lets readers work while one writer writes; a busy timeout makes a second
    # process wait for the write lock instead of failing at once.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_twin(engine: AsyncEngine) -> SqliteTwin | None:
    """Give ``engine`` (aiosqlite) a twin on the same file; None for an in-memory database."""
    url = engine.url
    if url.database in (None, "", ":memory:") or url.query.get("mode") == "memory":
        return None
    twin_engine = sa.create_engine(
        url.set(drivername="sqlite+pysqlite"), poolclass=QueuePool, pool_size=READ_POOL, max_overflow=-1,
        connect_args={"timeout": 30, "check_same_thread": False},
    )
    event.listen(twin_engine, "connect", pragmas)
    twin = _TWINS[engine] = SqliteTwin(twin_engine, ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer"))
    return twin


def twin_of(engine: AsyncEngine) -> SqliteTwin | None:
    return _TWINS.get(engine)


def dispose_twin(engine: AsyncEngine) -> None:
    twin = _TWINS.pop(engine, None)
    if twin is not None:
        twin.dispose()


class OnTheSpot:
    """A synchronous Connection behind the awaitable methods the storage functions call
    (``read_person``, ``write_person``, the turn's statements), so that one body of code serves
    both engines. Its awaits never suspend."""

    __slots__ = ("connection",)

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection

    async def execute(self, statement: sa.Executable, parameters: Any = None) -> sa.CursorResult:
        return self.connection.execute(statement, parameters)

    async def commit(self) -> None:
        self.connection.commit()

    async def close(self) -> None:
        self.connection.close()


def complete(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine that never suspends (it awaits only ``OnTheSpot``) to its end, here."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    coroutine.close()
    raise RuntimeError("a statement on the SQLite twin waited for the event loop")
