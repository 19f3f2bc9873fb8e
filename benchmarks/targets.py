"""The issue's targets, judged against the figures: met or not, and the figure that decides it."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .fanout import FanoutResult
from .queries import CLAIM, TALLY_QUERY, TALLY_STORE, THEMES, QueryReport
from .hr_overview import HR_OVERVIEW, HR_XLSX
from .stats import ms, percentile, ratio
from .turns import TurnReport

TURN_RATIO = 1.5
TURN_N = 200
FANOUT_RATIO = 1.1
QUERY_LIMITS = {TALLY_STORE: 0.010, TALLY_QUERY: 0.010, THEMES: 1.0, CLAIM: 0.050, HR_OVERVIEW: 1.0, HR_XLSX: 5.0}
RSS_LIMIT_MIB = 250.0
STARTUP_LIMIT = 2.0


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: not measured in this run


def turn_verdicts(reports: list[TurnReport]) -> list[Verdict]:
    verdicts = []
    for report in reports:
        by_bot = {run.bot: run for run in report.runs if run.n == TURN_N}
        config = "SDK's default thread pool" if not report.threads else f"thread pool widened to {report.threads}"
        target = f"nomination p99 ≤ {TURN_RATIO}× echo p99 at {TURN_N} concurrent, no errors ({report.backend}, {config})"
        if "talsammen" not in by_bot or "echo" not in by_bot:
            verdicts.append(Verdict(target, "not measured", None))
            continue
        ours, echo = percentile(by_bot["talsammen"].latencies, 0.99), percentile(by_bot["echo"].latencies, 0.99)
        errors = sum(len(by_bot[b].problems) for b in ("talsammen", "echo"))
        value = ratio(ours, echo)
        verdicts.append(Verdict(target, f"{value:.2f}× ({ms(ours)} / {ms(echo)}), {'no errors' if not errors else f'{errors} problems'}",
                                value <= TURN_RATIO and not errors))
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


def footprint_verdicts(peaks: dict[str, float], startups: dict[str, float]) -> list[Verdict]:
    peak = max(peaks.values(), default=math.nan)
    which = max(peaks, key=peaks.get) if peaks else "–"
    start = max(startups.values(), default=math.nan)
    slowest = max(startups, key=startups.get) if startups else "–"
    return [
        Verdict(f"peak resident memory of the bot < {RSS_LIMIT_MIB:.0f} MB", f"{peak:.0f} MiB ({which})", None if math.isnan(peak) else peak < RSS_LIMIT_MIB),
        Verdict(f"start-up to ready < {STARTUP_LIMIT:.0f} s", f"{start:.2f} s at most ({slowest})", None if math.isnan(start) else start < STARTUP_LIMIT),
    ]
