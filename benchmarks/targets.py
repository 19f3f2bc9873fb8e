"""The issue's targets, judged against the figures: met or not, and the figure that decides it."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .fanout import FanoutResult
from .queries import CLAIM, TALLY_QUERY, THEMES, QueryReport
from .startup import StartupResult
from .hr_overview import HR_OVERVIEW, HR_XLSX
from .stats import ms, percentile, ratio
from .turns import TurnReport

TURN_RATIO = 1.5  # p99 against the echo bot with 64 threads
TURN_N = 200
THROUGHPUT_RATIO = 5.0  # against the stock echo bot
STOCK_P99_RATIO = 0.25
CPU_RATIO = 2.0
BIG_N, BIG_N_LIMIT = 1000, 15.0  # Teams retries a message it has no answer to after about 15 s
FANOUT_RATIO = 1.1
QUERY_LIMITS = {TALLY_QUERY: 0.010, THEMES: 1.0, CLAIM: 0.050, HR_OVERVIEW: 1.0, HR_XLSX: 5.0}
RSS_LIMIT_MIB = 250.0
STARTUP_LIMIT = 2.0


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: not measured in this run


def turn_verdicts(reports: list[TurnReport]) -> list[Verdict]:
    """Issue 14's turn targets, each at N = 200 unless it says otherwise.

    Against the stock echo bot (the SDK as shipped, default thread pool): throughput and p99.
    Against the echo bot with its pool widened to 64 and msrest patched (the best a stock bot
    can be tuned to): p99 and CPU per turn. TalSammen needs no thread pool, so its own runs
    from both configurations count (the worse one decides).

    A verdict judges when Teams had its answer (the HTTP request, which Teams retries after
    15 s); beside it stands when the reply arrived, which for TalSammen is bounded by the
    tenant's 50 requests a second (45.5 with the limiter's spacing) and for the echo bots is not.
    """
    ours = [run for report in reports for run in report.runs if run.bot == "talsammen"]
    by = {(report.backend, report.threads, run.bot, run.n): run for report in reports for run in report.runs}
    verdicts = []
    for backend in sorted({report.backend for report in reports}):
        stock = by.get((backend, 0, "echo-stock", TURN_N))
        wide = next((by[key] for key in by if key[0] == backend and key[1] and key[2] == "echo" and key[3] == TURN_N), None)
        mine = [run for run in ours if run.backend == backend and run.n == TURN_N]
        slowest = max(mine, key=lambda run: percentile(run.latencies, 0.99), default=None)
        tag = f"({backend}, {TURN_N} concurrent)"
        if slowest is None:
            verdicts.append(Verdict(f"nomination turns {tag}", "not measured", None))
            continue
        p99 = percentile(slowest.latencies, 0.99)
        reply99 = max(percentile(run.replies, 0.99) for run in mine)
        rate = min(run.answered_per_second for run in mine)
        replies = min(run.replies_per_second for run in mine)
        if stock is not None:
            value = rate / stock.answered_per_second
            verdicts.append(Verdict(f"throughput ≥ {THROUGHPUT_RATIO:.0f}× the stock echo bot's {tag}",
                                    f"turns answered {value:.2f}× ({rate:.0f} / {stock.answered_per_second:.0f} a second); "
                                    f"replies {replies / stock.replies_per_second:.2f}× ({replies:.0f} / {stock.replies_per_second:.0f} a second, "
                                    "ours bounded by the tenant's 50/s)", value >= THROUGHPUT_RATIO))
            value = ratio(p99, percentile(stock.latencies, 0.99))
            verdicts.append(Verdict(f"p99 ≤ {STOCK_P99_RATIO}× the stock echo bot's {tag}",
                                    f"answered {value:.2f}× ({ms(p99)} / {ms(percentile(stock.latencies, 0.99))}); "
                                    f"reply arrived {ratio(reply99, percentile(stock.replies, 0.99)):.2f}× "
                                    f"({ms(reply99)} / {ms(percentile(stock.replies, 0.99))})", value <= STOCK_P99_RATIO))
        else:
            verdicts.append(Verdict(f"against the stock echo bot {tag}", "not measured (full mode)", None))
        if wide is not None:
            value = ratio(p99, percentile(wide.latencies, 0.99))
            verdicts.append(Verdict(f"p99 ≤ {TURN_RATIO}× the echo bot's with 64 threads {tag}",
                                    f"answered {value:.2f}× ({ms(p99)} / {ms(percentile(wide.latencies, 0.99))}); "
                                    f"reply arrived {ratio(reply99, percentile(wide.replies, 0.99)):.2f}× "
                                    f"({ms(reply99)} / {ms(percentile(wide.replies, 0.99))})", value <= TURN_RATIO))
            cpu = max(run.cpu / run.n for run in mine)
            value = ratio(cpu, wide.cpu / wide.n)
            verdicts.append(Verdict(f"CPU per nomination turn ≤ {CPU_RATIO:.0f}× the echo bot's {tag}",
                                    f"{value:.2f}× ({cpu * 1000:.1f} / {wide.cpu / wide.n * 1000:.1f} ms)", value <= CPU_RATIO))
        big = [run for run in ours if run.backend == backend and run.n == BIG_N]
        if big:
            worst = max(max(run.latencies) for run in big)
            last_reply = max(max(run.replies, default=float("nan")) for run in big)
            errors = sum(len(run.problems) for run in big)
            verdicts.append(Verdict(f"{BIG_N:,} concurrent: no turn over {BIG_N_LIMIT:.0f} s, no errors ({backend})",
                                    f"slowest answer {worst:.1f} s, {'no errors' if not errors else f'{errors} problems'}; "
                                    f"last reply arrived after {last_reply:.1f} s (the tenant's 50/s: at least {BIG_N / 45.5:.0f} s)",
                                    worst <= BIG_N_LIMIT and not errors))
        over = sum(run.over_limit for run in ours if run.backend == backend)
        errors = sum(len(run.problems) for run in ours if run.backend == backend)
        verdicts.append(Verdict(f"every turn correct, no request over Teams' limits ({backend}, all N)",
                                f"{over} over the limit, {errors} problems", not over and not errors))
    return verdicts


def fanout_verdicts(results: list[FanoutResult]) -> list[Verdict]:
    return [
        Verdict(f"fan-out to {r.n:,}: ≤ {FANOUT_RATIO}× the floor of {r.floor:.0f} s, zero lost, duplicated or over the limit",
                f"{r.elapsed:.1f} s = {r.ratio:.3f}×; lost {r.lost}, duplicates {r.duplicates}, over the limit {r.violations}",
                r.ratio <= FANOUT_RATIO and not r.problems)
        for r in results
    ]


def query_verdicts(reports: list[QueryReport]) -> list[Verdict]:
    verdicts = []
    for report in reports:
        for name, limit in QUERY_LIMITS.items():
            samples = report.timings.get(name, [])
            p99 = percentile(samples, 0.99)
            verdicts.append(Verdict(f"{name} p99 < {ms(limit)} ({report.backend}, {report.scale.label})",
                                    f"p99 {ms(p99)} (p50 {ms(percentile(samples, 0.5))}, {len(samples)} runs)",
                                    None if math.isnan(p99) else p99 < limit and not report.problems))
    return verdicts


def footprint_verdicts(peaks: dict[str, float], startups: dict[str, float], quiet: list[StartupResult] = ()) -> list[Verdict]:
    """Memory from the turn runs; start-up from the quiet machine's repeated starts (startup.py) when
    they were measured, else from the single starts of the turn runs."""
    peak = max(peaks.values(), default=math.nan)
    which = max(peaks, key=peaks.get) if peaks else "–"
    if quiet:
        worst = max(quiet, key=lambda result: result.median)
        start = worst.median
        measured = (f"median {start:.2f} s ({worst.label}, {len(worst.samples)} starts, slowest {worst.slowest:.2f} s); "
                    + "; ".join(f"{r.label} {r.median:.2f} s" for r in quiet if r is not worst))
        target = f"start-up to ready < {STARTUP_LIMIT:.0f} s (median of repeated starts on a quiet machine)"
    else:
        start = max(startups.values(), default=math.nan)
        measured = f"{start:.2f} s at most ({max(startups, key=startups.get) if startups else '–'})"
        target = f"start-up to ready < {STARTUP_LIMIT:.0f} s"
    return [
        Verdict(f"peak resident memory of the bot < {RSS_LIMIT_MIB:.0f} MB", f"{peak:.0f} MiB ({which})", None if math.isnan(peak) else peak < RSS_LIMIT_MIB),
        Verdict(target, measured, None if math.isnan(start) else start < STARTUP_LIMIT),
    ]
