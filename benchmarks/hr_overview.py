"""HR's overview at scale (issue 12): every workplace's send-on, plans and follow-up statuses on top of
the Copenhagen-scale dataset, and the overview read + aggregated, and written as XLSX, timed.

Data, per workplace of the dataset: a dialogue in the previous cycle and one in this cycle, each
sent on (the previous cycle's must not count); in this cycle 10 % re-send (version 2 with other
themes: the latest counts once) and 5 % of those move to another committee; every plan adopted in
October, with statuses at the 3- and 6-month follow-ups (some initiatives left unreported). The
expected counts are kept while generating and the overview is checked against them: a wrong
count is a correctness error (exit 1), a slow run never is.

Alone: ``python -m benchmarks.hr_overview [--full]`` (PostgreSQL when it answers, else SQLite).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.hr_overview import theme_namer
from bot.concepts import load_concept
from bot.dialogs.hr_overview import overview_from
from bot.process.calendar import WorkingWindow
from bot.process.exports import hr_workbook
from bot.process.follow_up import Status
from bot.process.hr_overview import NOT_REPORTED, follow_up_inputs
from bot.storage.hr_overview import HrOverviewQueries
from bot.storage.models import CommitteeRow, CommitteeSubmission, DevelopmentPlanRow, Dialogue, InitiativeStatus
from bot.texts import t

from .dataset import LEADERSHIP, WELLBEING, _insert

HR_OVERVIEW = "HR overview (read + aggregate), all workplaces"
HR_XLSX = "HR overview as XLSX (read + aggregate + write)"
CYCLE = 2026
COMMITTEES = 10
ADOPTED = datetime(2026, 10, 5, 9, 0, tzinfo=timezone.utc)
VIEWED = datetime(2027, 5, 10, 9, 0, tzinfo=timezone.utc)  # both follow-ups have come
MIN_GROUP = 5


@dataclass
class Expected:
    sent: int = 0
    themes: Counter = field(default_factory=Counter)  # (kind, theme) -> workplaces, latest send
    progress: dict[int, Counter] = field(default_factory=lambda: {3: Counter(), 6: Counter()})
    rows: dict[str, int] = field(default_factory=dict)


def _skewed(rng: random.Random, ids: tuple[str, ...]) -> str:
    """Earlier themes more often, so the top three is clear (weights 10, 9, 8, ...)."""
    return rng.choices(ids, weights=range(len(ids) + 10, 10, -1))[0]


async def seed(engine: AsyncEngine, teams: list[str], *, rng_seed: int = 12) -> Expected:
    rng = random.Random(rng_seed)
    window = WorkingWindow()
    moments = follow_up_inputs(ADOPTED, (), window).moments
    expected = Expected()
    committees = [f"c-bench-{c}" for c in range(COMMITTEES)]
    dialogues, submissions, plans, statuses = [], [], [], []
    for w, team in enumerate(teams):
        for cycle in (CYCLE - 1, CYCLE):
            dialogue = f"d-{w:05d}-{cycle}"
            dialogues.append(dict(id=dialogue, team_id=team, cycle=cycle, created_at=ADOPTED - timedelta(days=90)))
            if cycle == CYCLE and rng.random() < 0.05:
                continue  # 5 % have not sent this cycle
            committee = committees[w % COMMITTEES]
            versions = 2 if cycle == CYCLE and rng.random() < 0.10 else 1
            themes = None
            initiatives = [dict(id=f"i{n}", title=f"Indsats {n} ({team[-12:]})", why="", needs_organisation=n == 0,
                                ask="Støtte fra HR" if n == 0 else "", organisation="", owner_name="") for n in range(3)]
            for version in range(1, versions + 1):
                if version == 2 and rng.random() < 0.5:
                    committee = committees[(w + 1) % COMMITTEES]  # moved to another committee, then re-sent
                themes = (("wellbeing", _skewed(rng, WELLBEING)), ("leadership", _skewed(rng, LEADERSHIP)))
                submissions.append(dict(dialogue_id=dialogue, version=version, committee_id=committee, team_id=team,
                                        sent_at=ADOPTED + timedelta(days=10 * version), sent_by="29:bench", plan_version=version,
                                        plan=json.dumps(initiatives),
                                        themes=json.dumps([dict(kind=k, theme_id=i, own_title=None) for k, i in themes]),
                                        changes=None))
            if cycle != CYCLE:
                continue
            expected.sent += 1
            expected.themes.update(themes)
            plans.append(dict(dialogue_id=dialogue, version=1, edited_by="29:bench", edited_at=ADOPTED, adopted_at=ADOPTED,
                              adopted_by="29:bench", adopted_version=1))
            for months, moment in moments.items():
                for initiative in initiatives:
                    if rng.random() < 0.2:
                        expected.progress[months][NOT_REPORTED] += 1
                        continue
                    status = rng.choice(list(Status))
                    if rng.random() < 0.3:  # an earlier status the same follow-up: only the newest counts
                        statuses.append(dict(dialogue_id=dialogue, initiative_id=initiative["id"], status=Status.NOT_STARTED.value,
                                             note="", by="29:bench", at=moment + timedelta(hours=1)))
                    statuses.append(dict(dialogue_id=dialogue, initiative_id=initiative["id"], status=status.value, note="",
                                         by="29:bench", at=moment + timedelta(days=2)))
                    expected.progress[months][status.value] += 1
    rows = expected.rows
    rows["dialogue"] = await _insert(engine, Dialogue.__table__, iter(dialogues))
    rows["committee"] = await _insert(engine, CommitteeRow.__table__, (
        dict(id=c, team_id=f"19:{c}@thread.tacv2", name=f"Udvalg {n}", kind="committee", created_by="29:bench", created_at=ADOPTED)
        for n, c in enumerate(committees)))
    rows["committee_submission"] = await _insert(engine, CommitteeSubmission.__table__, iter(submissions))
    rows["development_plan"] = await _insert(engine, DevelopmentPlanRow.__table__, iter(plans))
    rows["initiative_status"] = await _insert(engine, InitiativeStatus.__table__, iter(statuses))
    return expected


def check(overview, expected: Expected) -> list[str]:  # noqa: ANN001 (an HrOverview)
    problems = []
    if overview.workplaces != expected.sent:
        problems.append(f"HR overview counted {overview.workplaces} workplaces, expected {expected.sent}")
    for row in overview.themes:
        want = expected.themes.get((row.kind, row.theme_id), 0)
        if row.workplaces is not None and row.workplaces != want:
            problems.append(f"HR overview: {row.kind}/{row.theme_id} {row.workplaces}, expected {want}")
    most = max(v for k, v in expected.themes.items() if k[1] != "own")
    firsts = [(top.kind, top.theme_id) for top in overview.top if top.place == 1]
    if not firsts or any(expected.themes[k] != most for k in firsts):
        problems.append(f"HR overview: first place {firsts}, expected themes chosen by {most} workplaces")
    for p in overview.progress:
        for key, value in p.statuses.items():
            if value is not None and value != expected.progress[p.months][key]:
                problems.append(f"HR overview: {p.months} months {key} = {value}, expected {expected.progress[p.months][key]}")
    return problems


async def measure(engine: AsyncEngine, expected: Expected, runs: int) -> tuple[dict[str, list[float]], list[str]]:
    """Time the overview and its XLSX ``runs`` times each (after one untimed warm-up run)."""
    concept, window = load_concept("nyborg"), WorkingWindow()
    queries = HrOverviewQueries(engine)

    async def overview():
        return overview_from(await queries.inputs(CYCLE), concept, window, VIEWED, MIN_GROUP)

    async def workbook():
        result = await overview()
        return hr_workbook(result, lambda key: t("da", key), theme_namer(concept, "da"), lambda c: c, date(2027, 5, 10))

    timings: dict[str, list[float]] = {HR_OVERVIEW: [], HR_XLSX: []}
    problems = check(await overview(), expected)
    await workbook()
    for _ in range(runs):
        started = time.perf_counter()
        result = await overview()
        timings[HR_OVERVIEW].append(time.perf_counter() - started)
        started = time.perf_counter()
        data = await workbook()
        timings[HR_XLSX].append(time.perf_counter() - started)
    if not data.startswith(b"PK"):
        problems.append("HR overview XLSX is not a zip file")
    return timings, problems + check(result, expected)


async def run_into(engine: AsyncEngine, teams: list[str], report, runs: int, log=print) -> None:  # noqa: ANN001 (a QueryReport)
    """The suite's hook (benchmarks/queries.py): seed on top of the dataset, time, and report."""
    started = time.perf_counter()
    expected = await seed(engine, teams)
    async with engine.begin() as conn:
        await conn.exec_driver_sql("ANALYZE")
    log(f"  hr overview: seeded {sum(expected.rows.values()):,} rows in {time.perf_counter() - started:.1f} s")
    report.rows.update({f"hr: {k}": v for k, v in expected.rows.items()})
    timings, problems = await measure(engine, expected, runs)
    for name, samples in timings.items():
        report.timings.setdefault(name, []).extend(samples)
    report.problems.extend(problems)


async def _alone(full: bool, runs: int) -> int:
    from pathlib import Path

    from bot.storage.engine import create_engine
    from bot.storage.migrate import upgrade

    from . import databases
    from .dataset import Scale, generate
    from .stats import percentile

    scale = Scale(45_000, 1_500, 1_000_000) if full else Scale(4_500, 150, 100_000)
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    backend = "postgresql" if databases.postgres_reachable() else "sqlite"
    database = await databases.create(backend, out, "hr")
    engine = create_engine(database.url)
    try:
        await upgrade(engine)
        data = await generate(engine, scale)
        print(f"{backend}, {scale.label}", file=sys.stderr)
        expected = await seed(engine, data.teams)
        async with engine.begin() as conn:
            await conn.exec_driver_sql("ANALYZE")
        print(f"seeded {expected.rows}", file=sys.stderr)
        timings, problems = await measure(engine, expected, runs)
    finally:
        await engine.dispose()
        await databases.drop(database)
    for name, samples in timings.items():
        print(f"{name}: p50 {percentile(samples, 0.5) * 1000:.0f} ms, p99 {percentile(samples, 0.99) * 1000:.0f} ms, "
              f"max {max(samples) * 1000:.0f} ms ({len(samples)} runs)")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hr_overview")
    parser.add_argument("--full", action="store_true", help="1,500 workplaces and 45,000 employees")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    sys.exit(asyncio.run(_alone(args.full, args.runs)))
