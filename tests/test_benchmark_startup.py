"""The start-up verdict (benchmarks/targets.py): judged on repeated starts when they were measured."""
from __future__ import annotations

from benchmarks.startup import StartupResult
from benchmarks.targets import STARTUP_LIMIT, footprint_verdicts


def _startup_verdict(startups: dict[str, float], quiet: list[StartupResult]):
    return footprint_verdicts({"bot": 100.0}, startups, quiet)[1]


def test_the_median_of_repeated_starts_decides_and_the_slowest_is_shown():
    quiet = [StartupResult("sqlite, fresh database: migrations run", [1.2, 3.0, 1.3]),
             StartupResult("postgresql, migrated database", [1.6, 1.5, 1.7])]
    verdict = _startup_verdict({"one start after a batch": 3.37}, quiet)
    assert verdict.met is True
    assert "median 1.60 s (postgresql, migrated database" in verdict.measured and "slowest 1.70 s" in verdict.measured


def test_a_median_over_the_limit_is_not_met():
    verdict = _startup_verdict({}, [StartupResult("sqlite, migrated database", [STARTUP_LIMIT + 0.1, STARTUP_LIMIT + 0.2, 1.0])])
    assert verdict.met is False


def test_without_repeated_starts_the_slowest_single_start_decides():
    verdict = _startup_verdict({"sqlite": 1.5, "postgresql": 2.4}, [])
    assert verdict.met is False and "2.40 s at most (postgresql)" in verdict.measured
