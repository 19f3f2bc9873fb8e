"""Two bot processes on one database send each reminder exactly once.

Each test starts two real OS processes (this file run as a script), each with its own engine,
queue and sweeper, against the same PostgreSQL schema (or the same SQLite file). Their
transport writes every send into a ``send_log`` table, without a unique key, so a duplicate
would show up as a second row rather than an error.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.process.calendar import WorkingWindow
from bot.process.clock import FixedClock
from bot.process.nomination import NOMINATION_KIND
from bot.process.reminders import ReminderPlan
from bot.scheduler.messages import DeliveryResult, OutgoingMessage
from bot.scheduler.sweeper import Sweeper
from bot.storage.engine import create_engine
from bot.storage.reminders import ReminderQueue

NOW = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)  # Tuesday 10:00 in Copenhagen
COUNT = 1000
REPO = Path(__file__).resolve().parent.parent


# -- the worker process ---------------------------------------------------------------------
class LoggingTransport:
    """Stands in for Teams: a send is a row in send_log, written before the queue records it."""

    def __init__(self, engine, worker: str) -> None:
        self.engine, self.worker = engine, worker

    async def deliver(self, messages, *, on_result=None):
        messages = list(messages)
        if messages:
            async with self.engine.begin() as conn:
                rows = [{"key": m.key, "worker": self.worker} for m in messages]
                await conn.execute(sa.text("INSERT INTO send_log (key, worker) VALUES (:key, :worker)"), rows)
        results = [DeliveryResult(m.key, "sent", f"id-{m.key}", 1) for m in messages]
        for r in results:
            if on_result:
                await on_result(r)
        return results


class PlainResolver:
    async def resolve(self, reminder) -> OutgoingMessage:
        return OutgoingMessage(reminder.key, "tenant-1", "https://smba.example/", f"a:{reminder.recipient_id}", {"type": "message"})


async def _worker(url: str, schema: str | None, worker: str, batch: int) -> dict:
    engine = create_engine(url, search_path=schema) if schema else create_engine(url)
    queue = ReminderQueue(engine)
    sweeper = Sweeper(
        queue, LoggingTransport(engine, worker), PlainResolver(), clock=FixedClock(NOW), window=WorkingWindow(),
        worker_id=worker, batch=batch, max_batches=1,
    )
    async with engine.connect() as conn:  # connect before the start signal, so both start together
        await conn.exec_driver_sql("SELECT 1")
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    sent = sweeps = 0
    while True:
        report = await sweeper.run_once()
        sweeps += 1
        sent += report.sent
        if report.claimed == 0:
            break
    await engine.dispose()
    return {"worker": worker, "sent": sent, "sweeps": sweeps}


def _main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--schema")
    parser.add_argument("--worker", required=True)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(_worker(args.url, args.schema, args.worker, args.batch))), flush=True)


# -- the tests --------------------------------------------------------------------------------
async def _prepare(engine) -> None:
    async with engine.begin() as conn:
        await conn.exec_driver_sql("CREATE TABLE send_log (key VARCHAR(300) NOT NULL, worker VARCHAR(100) NOT NULL)")
    plans = [ReminderPlan(f"nomination:r1:u{i}:1", NOMINATION_KIND, "team-1", "r1", f"u{i}", 1, NOW) for i in range(COUNT)]
    assert await ReminderQueue(engine).add(plans) == COUNT


async def _run_two_workers(url: str, schema: str | None) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    extra = ["--schema", schema] if schema else []
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--url", url, "--worker", worker, *extra, cwd=REPO, env=env,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        for worker in ("w1", "w2")
    ]
    try:
        for proc in procs:
            line = await asyncio.wait_for(proc.stdout.readline(), 60)
            assert line.strip() == b"ready", (line, await proc.stderr.read())
        for proc in procs:  # the start signal, as close together as two writes get
            proc.stdin.write(b"go\n")
        await asyncio.gather(*(proc.stdin.drain() for proc in procs))
        outputs = await asyncio.gather(*(asyncio.wait_for(proc.communicate(), 180) for proc in procs))
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    reports = []
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err.decode()
        reports.append(json.loads(out.decode().strip().splitlines()[-1]))
    return reports


async def _assert_each_sent_exactly_once(engine, reports: list[dict]) -> None:
    async with engine.connect() as conn:
        rows = (await conn.exec_driver_sql("SELECT key, worker FROM send_log")).all()
    keys = [k for k, _ in rows]
    assert len(keys) == COUNT, f"{len(keys) - len(set(keys))} duplicates"
    assert set(keys) == {f"nomination:r1:u{i}:1" for i in range(COUNT)}
    assert await ReminderQueue(engine).counts("r1") == {"sent": COUNT}
    assert sum(r["sent"] for r in reports) == COUNT
    # Both processes took part: the claims really competed.
    assert all(r["sent"] > 0 for r in reports), reports
    by_worker = {w: sum(1 for _, x in rows if x == w) for w in ("w1", "w2")}
    assert by_worker == {r["worker"]: r["sent"] for r in reports}


@pytest.mark.postgres
async def test_two_processes_on_postgresql_send_each_reminder_once(tmp_path):
    from conftest import POSTGRES_URL, drop_engine, make_engine, require_postgres

    require_postgres()
    engine, schema = await make_engine("postgresql", tmp_path)
    try:
        await _prepare(engine)
        reports = await _run_two_workers(POSTGRES_URL, schema)
        await _assert_each_sent_exactly_once(engine, reports)
    finally:
        await drop_engine(engine, schema)


async def test_two_processes_on_one_sqlite_file_send_each_reminder_once(tmp_path):
    from conftest import drop_engine, make_engine

    engine, schema = await make_engine("sqlite", tmp_path)
    try:
        await _prepare(engine)
        reports = await _run_two_workers(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}", None)
        await _assert_each_sent_exactly_once(engine, reports)
    finally:
        await drop_engine(engine, schema)


if __name__ == "__main__":
    _main()
