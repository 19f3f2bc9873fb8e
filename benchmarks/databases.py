"""Dedicated databases for one benchmark run: a SQLite file, or a PostgreSQL database of its own.

The bot under test runs as its own process and reads only ``DATABASE_URL``, so PostgreSQL gets a
whole database (created here, dropped afterwards) rather than a schema on a search path.
"""
from __future__ import annotations

import os
import socket
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import asyncpg

POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("TEST_POSTGRES_URL") or "postgresql://postgres@127.0.0.1:5432/test"


@dataclass(frozen=True)
class Database:
    backend: str  # "sqlite" | "postgresql"
    url: str
    name: str  # file path or database name, for clean-up


def postgres_reachable(url: str = POSTGRES_URL) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5432), timeout=1):
            return True
    except OSError:
        return False


def _plain(url: str) -> str:
    """asyncpg wants postgresql:// without SQLAlchemy's +driver."""
    return url.replace("postgresql+asyncpg://", "postgresql://")


def _with_database(url: str, name: str) -> str:
    parsed = urlparse(url)
    return parsed._replace(path=f"/{name}").geturl()


async def create(backend: str, out_dir: Path, label: str) -> Database:
    """A fresh, empty database for `backend`; the bot's migrations create the tables."""
    if backend == "sqlite":
        path = out_dir / f"{label}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return Database("sqlite", f"sqlite+aiosqlite:///{path}", str(path))
    name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(_plain(POSTGRES_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return Database("postgresql", _with_database(POSTGRES_URL, name), name)


async def drop(database: Database) -> None:
    """Remove the database (the SQLite file is kept in benchmarks/out for inspection)."""
    if database.backend != "postgresql":
        return
    admin = await asyncpg.connect(_plain(POSTGRES_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')
    finally:
        await admin.close()


async def postgres_version() -> str | None:
    if not postgres_reachable():
        return None
    conn = await asyncpg.connect(_plain(POSTGRES_URL))
    try:
        return str(await conn.fetchval("SHOW server_version"))
    finally:
        await conn.close()


def sqlite_version() -> str:
    return sqlite3.sqlite_version
