"""``python -m benchmarks [--quick | --full] [--long]``: run the suite and write the report.

Quick (CI): turns at N = 50 and 200 (the stock echo bot included), fan-out to 500, queries on a tenth of Copenhagen; writes
benchmarks/out/report-quick.md. Full: turns at N = 50, 200 and 1,000, fan-out to 5,000 (and
45,000 with --long), queries at Copenhagen scale; writes BENCHMARKS.md. Both run on SQLite and
PostgreSQL (BENCH_POSTGRES_URL or TEST_POSTGRES_URL). The exit status is 1 on a correctness
error only (a turn that failed or sent a reply over Teams' limits, a reminder lost, duplicated
or sent over the limit, a query that returned the wrong rows), never on a time.
``--turns-only`` runs the turn benchmark alone and writes benchmarks/out/report-turns-<mode>.md.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import databases, fanout, machine, queries, startup, turns
from . import load as load_bench
from .dataset import Scale
from .processes import REPO
from .report import render
from .targets import Verdict, fanout_verdicts, footprint_verdicts, query_verdicts, turn_verdicts

OUT = REPO / "benchmarks" / "out"
WIDE_POOL = 64


@dataclass(frozen=True)
class Mode:
    name: str
    turn_sizes: list[int]
    fanout_sizes: list[int]
    scale: Scale
    repeats: int
    stock_echo: bool
    report: Path
    load: load_bench.LoadShape = load_bench.QUICK_LOAD  # PostgreSQL under sustained load (issue 15)


QUICK = Mode("quick", [50, 200], [500], Scale(4_500, 150, 100_000), 5, True, OUT / "report-quick.md")
FULL = Mode("full", [50, 200, 1000], [5_000], Scale(45_000, 1_500, 1_000_000), 20, True, REPO / "BENCHMARKS.md", load_bench.FULL_LOAD)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def main(mode: Mode, *, long: bool, turns_only: bool = False) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    started_at, started = datetime.now(timezone.utc), time.perf_counter()
    backends = ["sqlite"]
    skipped: list[str] = []
    if databases.postgres_reachable():
        backends.append("postgresql")
    elif os.environ.get("TALSAMMEN_REQUIRE_POSTGRES") == "1":
        log(f"TALSAMMEN_REQUIRE_POSTGRES=1 but no PostgreSQL answers at {databases.POSTGRES_URL}")
        return 2
    else:
        skipped.append(f"PostgreSQL (no server at {databases.POSTGRES_URL})")
    load = os.getloadavg()[0]
    info = machine.describe(sqlite_version=databases.sqlite_version(), postgres_version=await databases.postgres_version())
    info["load average at start"] = f"{load:.2f}"

    turn_reports: list[turns.TurnReport] = []
    for backend in backends:
        database = await databases.create(backend, OUT, "turns")
        try:
            for threads in (0, WIDE_POOL):
                log(f"turns: {backend}, thread pool {threads or 'default'}")
                turn_reports.append(await turns.run(database, mode.turn_sizes, OUT, threads=threads,
                                                    stock_echo=mode.stock_echo and not threads, log=log))
        finally:
            await databases.drop(database)

    if turns_only:  # the turn benchmark alone, e.g. before and after a change to the turn path
        mode = Mode(mode.name, mode.turn_sizes, [], mode.scale, mode.repeats, mode.stock_echo,
                    OUT / f"report-turns-{mode.name}.md", mode.load)
        skipped.append("fan-out, load and queries (--turns-only)")
    fanout_results = []
    for n in mode.fanout_sizes + ([45_000] if long and not turns_only else []):
        log(f"fan-out: {n:,} employees (floor {n / 50:.0f} s)")
        fanout_results.append(await fanout.run(n, OUT, log=log))

    load_results = []
    if turns_only:
        pass
    elif "postgresql" in backends:
        database = await databases.create("postgresql", OUT, "load")
        try:
            shape = mode.load
            log(f"load: {shape.rate:.0f}/s for {shape.seconds:.0f} s with {shape.spike_seconds:.0f} s at {shape.spike_rate:.0f}/s")
            load_results.append(await load_bench.run(database, shape, OUT, log=log))
        finally:
            await databases.drop(database)
    else:
        skipped.append("load against PostgreSQL (no server)")

    query_reports = []
    for backend in [] if turns_only else backends:
        log(f"queries: {backend}, {mode.scale.label}")
        query_reports.append(await queries.run(backend, mode.scale, OUT, repeats=mode.repeats, log=log))

    quiet_starts = []  # last, on a quiet machine (benchmarks/startup.py)
    starts = 5 if mode.name == "full" else 3
    for backend in [] if turns_only else backends:
        log(f"start-up: {backend}, {starts} starts each on fresh databases and on a migrated one")
        quiet_starts += await startup.run(backend, OUT, repeats=starts, log=log)

    footprint, startups = {}, {}
    for report in turn_reports:
        config = f"{report.backend}, {'default pool' if not report.threads else f'{report.threads} threads'}"
        footprint[f"TalSammen bot ({config}, all turn runs)"] = report.peak_rss.get("talsammen", float("nan"))
        startups[f"TalSammen bot ({config}{', fresh database: migrations run' if not report.threads else ', migrated database'})"] = report.startup.get("talsammen", float("nan"))
    for result in fanout_results:
        footprint[f"dispatcher sending to {result.n:,}"] = result.peak_rss
    for report in turn_reports:
        config = f"{report.backend}, {'default pool' if not report.threads else f'{report.threads} threads'}"
        footprint[f"echo bot, for comparison ({config})"] = report.peak_rss.get("echo", float("nan"))
        startups[f"echo bot, for comparison ({config})"] = report.startup.get("echo", float("nan"))
    bot_peaks = {k: v for k, v in footprint.items() if not k.startswith("echo")}
    bot_startups = {k: v for k, v in startups.items() if not k.startswith("echo")}
    for result in quiet_starts:  # for the table; the verdict reads quiet_starts itself
        startups[f"TalSammen bot on a quiet machine ({result.label}): median of {len(result.samples)} starts, "
                 f"slowest {result.slowest:.2f} s"] = result.median

    verdicts = [*turn_verdicts(turn_reports), *fanout_verdicts(fanout_results), *query_verdicts(query_reports),
                *footprint_verdicts(bot_peaks, bot_startups, quiet_starts), *_load_verdicts(load_results)]
    if not long:
        skipped.append("fan-out to 45,000 (only with --long; it takes at least 15 minutes by definition)")
    problems = [p for r in turn_reports for run in r.runs for p in run.problems]
    problems += [p for r in fanout_results for p in r.problems] + [p for r in query_reports for p in r.problems]
    problems += [p for r in load_results for p in r.problems]
    command = "bash benchmarks/run.sh --" + mode.name + (" --long" if long else "")
    text = render(
        title="TalSammen benchmarks" + (" (quick mode)" if mode.name == "quick" else ""), command=command,
        started=started_at.strftime("%Y-%m-%d %H:%M UTC"), duration=time.perf_counter() - started, machine=info,
        verdicts=verdicts, turns=turn_reports, fanouts=fanout_results, queries=query_reports, footprint=footprint,
        startups=startups, notes=_notes(), skipped=skipped,
    )
    mode.report.write_text(text, encoding="utf-8")
    log(f"report written to {mode.report}")
    for verdict in verdicts:
        log(f"  {'MET    ' if verdict.met else 'NOT MET' if verdict.met is False else 'n/a    '} {verdict.target}: {verdict.measured}")
    if problems:
        log("correctness errors:\n  " + "\n  ".join(problems))
        return 1
    return 0


def _load_verdicts(results: list[load_bench.LoadResult]) -> list[Verdict]:
    verdicts = []
    for r in results:
        s = r.shape
        shape = f"{s.people:,} people, {s.rate:.0f}/s for {s.seconds:.0f} s with {s.spike_seconds:.0f} s at {s.spike_rate:.0f}/s, PostgreSQL"
        verdicts.append(Verdict(f"load ({shape}): no 5xx", f"{r.server_errors} of {r.requests:,}", r.server_errors == 0))
        verdicts.append(Verdict(f"load ({shape}): p99 < {load_bench.P99_LIMIT:.0f} s",
                                f"p99 {r.p99:.2f} s, p50 {load_bench.percentile(r.latencies, 0.5):.2f} s, generator lag ≤ {r.behind:.2f} s; "
                                f"reply arrived p99 {load_bench.percentile(r.reply_latencies, 0.99):.2f} s (the tenant's 45.5/s bounds it)",
                                r.p99 < load_bench.P99_LIMIT))
        verdicts.append(Verdict(f"load ({shape}): row counts exact", "exact" if not r.problems else "; ".join(r.problems), not r.problems))
    return verdicts


def _notes() -> list[str]:
    notes_file = REPO / "benchmarks" / "NOTES.md"
    return notes_file.read_text(encoding="utf-8").splitlines() if notes_file.exists() else []


def cli() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="small sizes for CI (default)")
    group.add_argument("--full", action="store_true", help="the issue's sizes; writes BENCHMARKS.md")
    parser.add_argument("--long", action="store_true", help="also fan out to 45,000 employees (15+ minutes)")
    parser.add_argument("--turns-only", action="store_true",
                        help="only the turn benchmark; writes benchmarks/out/report-turns-<mode>.md, never BENCHMARKS.md")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(FULL if args.full else QUICK, long=args.long, turns_only=args.turns_only)))


if __name__ == "__main__":
    cli()
