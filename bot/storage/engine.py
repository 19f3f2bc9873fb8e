"""Creating the async engine for SQLite (the embedded default) or PostgreSQL (production)."""
from __future__ import annotations

import time
import weakref

import sqlalchemy as sa
from sqlalchemy import Insert, event, exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from .sqlite_twin import make_twin, pragmas

# How each PostgreSQL engine was made, so that `side_engine` can open a pool like it.
_MADE: weakref.WeakKeyDictionary[AsyncEngine, dict] = weakref.WeakKeyDictionary()


def async_url(url: str) -> str:
    """Accept the URLs people write (``postgresql://``, ``sqlite:///x.db``) and pick the async driver."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.drivername != "sqlite+aiosqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    elif backend == "postgresql" and parsed.drivername != "postgresql+asyncpg":
        parsed = parsed.set(drivername="postgresql+asyncpg")
    elif backend not in ("sqlite", "postgresql"):
        raise ValueError(f"DATABASE_URL must be SQLite or PostgreSQL, not {backend!r}")
    return parsed.render_as_string(hide_password=False)


def create_engine(url: str, *, pool_size: int = 10, search_path: str | None = None) -> AsyncEngine:
    """``search_path`` puts PostgreSQL tables in their own schema (tests use one per test)."""
    url = async_url(url)
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30})
        event.listen(engine.sync_engine, "connect", pragmas)
        make_twin(engine)  # a turn's storage work goes through it (storage/sqlite_twin.py)
        return engine
    connect_args = {"server_settings": {"search_path": search_path}} if search_path else {}
    engine = create_async_engine(url, pool_size=pool_size, max_overflow=pool_size, connect_args=connect_args)
    _ping_when_idle(engine)
    _MADE[engine] = {"url": url, "search_path": search_path}
    return engine


# A pooled connection used this recently is taken as alive. pool_pre_ping costs asyncpg three
# round trips (begin, ";", rollback) on every checkout, a turn's work two or three checkouts:
# under a burst that is most of the database's share of a turn. A connection that broke within
# the last second (the database restarted) fails its statement instead; SQLAlchemy then throws
# the whole pool away, and the caller's error handling is the same as for a connection that
# breaks mid-statement.
_IDLE_BEFORE_PING = 1.0


def _ping_when_idle(engine: AsyncEngine) -> None:
    def fresh(dbapi_connection, record) -> None:
        record.info["idle_since"] = time.monotonic()

    def checkout(dbapi_connection, record, proxy) -> None:
        if time.monotonic() - record.info.get("idle_since", 0.0) <= _IDLE_BEFORE_PING:
            return
        try:
            dbapi_connection.ping()
        except Exception as error:  # the pool drops this connection and checks out another
            raise exc.DisconnectionError(str(error)) from error

    event.listen(engine.sync_engine, "connect", fresh)
    event.listen(engine.sync_engine, "checkin", fresh)
    event.listen(engine.sync_engine, "checkout", checkout)


def side_engine(engine: AsyncEngine, *, pool_size: int = 2) -> AsyncEngine:
    """A small pool of its own on ``engine``'s PostgreSQL database, or ``engine`` itself.

    For statements that must not queue behind the turns' storage work for a connection (the
    tenant budget: a reply waiting 2 s for its slot falls back to sending on its own). SQLite
    has one writer however many connections, and an engine not made here has no recipe.
    """
    made = _MADE.get(engine)
    if made is None:
        return engine
    return create_engine(made["url"], pool_size=pool_size, search_path=made["search_path"])


def conflict_insert(dialect: str, table: sa.Table) -> Insert:
    """The dialect's own INSERT into ``table``, the one that takes ON CONFLICT (PostgreSQL's and
    SQLite's spell it alike: ``on_conflict_do_nothing`` / ``on_conflict_do_update``)."""
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def insert_or_skip(table: sa.Table, *keys: str) -> dict[str, Insert]:
    """An INSERT that does nothing (rowcount 0) when a row with the same ``keys`` exists, per
    dialect name; built once by the caller and run with parameters."""
    return {name: conflict_insert(name, table).on_conflict_do_nothing(index_elements=list(keys)) for name in ("postgresql", "sqlite")}


class Repository:
    """What every repository holds: the engine, and which database it is (a few statements differ)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def conflict_insert(self, table: sa.Table) -> Insert:
        """``conflict_insert`` for this repository's database."""
        return conflict_insert(self.dialect, table)
