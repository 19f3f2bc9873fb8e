"""Queries at scale: the workplace tally, the organisation-wide theme count and the due-reminder
claim, timed on a Copenhagen-scale dataset (benchmarks/dataset.py) in a database of their own."""
from __future__ import annotations

import gc
import random
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from bot.concepts import load_concept
from bot.process.tally import tally
from bot.storage import Storage
from bot.storage.engine import create_engine
from bot.storage.migrate import upgrade
from bot.storage.overview import Overview
from bot.storage.reminders import ReminderQueue

from . import databases, hr_overview
from .dataset import CYCLE_STARTS, NOW, Dataset, Scale, generate


# The handler reads a tally on one connection (bot/dialogs/tally.py, Overview.reported_tally_inputs);
# the three repository calls it once made are timed beside it for comparison, without a target.
TALLY_STORE = "workplace tally (three repository calls, for comparison)"
TALLY_QUERY = "workplace tally (one connection, as the handler reads it)"
THEMES = "theme count, all workplaces"
CLAIM = "claim due reminders (100 of the due)"


@dataclass
class QueryReport:
    backend: str
    scale: Scale
    rows: dict[str, int]
    load_seconds: float
    timings: dict[str, list[float]] = field(default_factory=dict)  # name -> seconds per run
    problems: list[str] = field(default_factory=list)


async def _timed(samples: list[float], work) -> object:
    started = time.perf_counter()
    result = await work()
    samples.append(time.perf_counter() - started)
    return result


async def run(backend: str, scale: Scale, out_dir: Path, *, repeats: int, log=print) -> QueryReport:
    database = await databases.create(backend, out_dir, "queries")
    engine = create_engine(database.url)
    try:
        await upgrade(engine)
        started = time.perf_counter()
        data = await generate(engine, scale)
        await _settle(engine)
        report = QueryReport(backend, scale, data.rows, time.perf_counter() - started)
        log(f"  queries {backend}: loaded {sum(data.rows.values()):,} rows in {report.load_seconds:.1f} s")
        await _tally(engine, data, report, repeats * 10)
        await _theme_counts(engine, data, report, repeats)
        await _claim_due(engine, data, report, repeats * 10)
        await hr_overview.run_into(engine, data.teams, report, repeats, log=log)  # issue 12: HR's overview and its XLSX
    finally:
        await engine.dispose()
        await databases.drop(database)
    return report


async def _settle(engine) -> None:
    """Fresh statistics and, on PostgreSQL, a vacuumed heap, as autovacuum keeps a long-lived table.

    Without the VACUUM the first reads after a bulk load set hint bits and write pages back,
    while the checkpoint and autovacuum started by the load run beside the timed queries.
    """
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")  # VACUUM refuses a transaction
            await conn.exec_driver_sql("VACUUM ANALYZE")
            try:  # only a superuser or pg_checkpoint may; without it the timings carry the load's checkpoint
                await conn.exec_driver_sql("CHECKPOINT")
            except sa.exc.DBAPIError:
                pass
    else:
        async with engine.begin() as conn:
            await conn.exec_driver_sql("ANALYZE")


async def _tally(engine, data: Dataset, report: QueryReport, runs: int) -> None:
    """A workplace's tally: its latest round, the nominations with names, the number invited, the count.

    Timed two ways: as the `optælling` handler reads it (bot.storage.overview's
    latest_tally_inputs, one connection), and through three repository methods (a connection each).
    """
    store, concept = Storage(engine), load_concept("nyborg")
    via_store = report.timings.setdefault(TALLY_STORE, [])
    one_connection = report.timings.setdefault(TALLY_QUERY, [])
    rng = random.Random(7)
    gc.collect()
    for i in range(runs + 1):  # the first run compiles and caches the statements: not timed
        team = rng.choice(data.teams)

        async def work(team=team):
            round_ = await store.dialogues.latest_round(team)
            records = await store.nominations.records(round_.id)
            invited = len(await store.dialogues.invitees(round_.id))
            return tally(concept, records, round_id=round_.id, invited=invited, named_mode=round_.named_mode)

        async def work_in_one(team=team):
            inputs = await store.overview.latest_tally_inputs(team)
            return tally(concept, inputs.records, round_id=inputs.round.id, invited=inputs.invited, named_mode=inputs.round.named_mode)

        first, second = await _timed(via_store, work), await _timed(one_connection, work_in_one)
        if i == 0:
            via_store.pop(), one_connection.pop()
        if first.round_id != data.current_rounds[team] or first.invited != data.scale.employees // data.scale.workplaces or first != second:
            report.problems.append(f"tally of {team} read the wrong round or members, or the two ways disagree")
            return


async def _theme_counts(engine, data: Dataset, report: QueryReport, runs: int) -> None:
    """Nominations per theme across all workplaces, for the current cycle."""
    samples = report.timings.setdefault(THEMES, [])
    cycle_from, cycle_before = CYCLE_STARTS[-1] - timedelta(days=30), CYCLE_STARTS[-1] + timedelta(days=300)
    overview = Overview(engine)
    await overview.theme_counts(opened_from=cycle_from, opened_before=cycle_before)  # compile and cache: not timed
    for _ in range(runs):
        counts = await _timed(samples, lambda: overview.theme_counts(opened_from=cycle_from, opened_before=cycle_before))
    total = sum(sum(per_theme.values()) for per_theme in counts.values())
    async with engine.connect() as conn:
        expected = (await conn.execute(sa.text(
            "SELECT count(*) FROM nomination n JOIN nomination_round r ON r.id = n.round_id WHERE r.opened_at >= :f AND r.opened_at < :b"
        ), {"f": cycle_from, "b": cycle_before})).scalar_one()
    if total != 2 * expected:
        report.problems.append(f"theme count summed to {total}, expected {2 * expected}")


async def _claim_due(engine, data: Dataset, report: QueryReport, runs: int) -> None:
    """ReminderQueue.claim_due among all reminder rows; the claimed rows are put back after each run."""
    queue = ReminderQueue(engine)
    samples = report.timings.setdefault(CLAIM, [])
    for i in range(runs + 1):  # the first run compiles and caches the statement: not timed
        claimed = await _timed(samples, lambda: queue.claim_due(NOW, worker_id="bench", limit=100))
        if i == 0:
            samples.pop()
        if len(claimed) != min(100, data.scale.due) or any(r.due_at > NOW for r in claimed):
            report.problems.append(f"claim_due returned {len(claimed)} rows, or rows not due")
            return
        async with engine.begin() as conn:
            await conn.execute(sa.text(
                "UPDATE reminder SET status = 'pending', claimed_by = NULL, lease_until = NULL WHERE claimed_by = 'bench'"
            ))
