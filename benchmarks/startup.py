"""Start-up on a quiet machine: ``python -m bot`` spawned again and again until GET /health answers.

The turn runs also time each bot's start, once per configuration, right after the batch before
it. On a two-core machine those single starts swing with what the machine just did: one took
3.37 s where the same database, started alone afterwards, took 1.0-1.3 s (NOTES.md, 4 December).
Here start-up is measured as a property of the code: once everything else is done, `repeats`
starts on fresh databases (the migrations run) and `repeats` on one migrated database, for each
backend. The verdict takes each kind's median and shows its slowest start beside it.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from . import databases
from .processes import BotProcess, bot_env


@dataclass(frozen=True)
class StartupResult:
    label: str  # e.g. "sqlite, fresh database: migrations run"
    samples: list[float]  # seconds from spawn until /health answered 200

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def slowest(self) -> float:
        return max(self.samples)


async def run(backend: str, out_dir: Path, *, repeats: int, log=print) -> list[StartupResult]:
    fresh = []
    for i in range(repeats):
        database = await databases.create(backend, out_dir, f"startup_fresh_{i}")
        try:
            fresh.append(await _start(database, out_dir))
        finally:
            await databases.drop(database)
    migrated = []
    database = await databases.create(backend, out_dir, "startup_migrated")
    try:
        await _start(database, out_dir)  # migrates it; not counted
        for _ in range(repeats):
            migrated.append(await _start(database, out_dir))
    finally:
        await databases.drop(database)
    results = [StartupResult(f"{backend}, fresh database: migrations run", fresh), StartupResult(f"{backend}, migrated database", migrated)]
    for result in results:
        log(f"  start-up {result.label}: " + ", ".join(f"{s:.2f}" for s in result.samples) + " s")
    return results


async def _start(database: databases.Database, out_dir: Path) -> float:
    env = bot_env(database.url)
    bot = BotProcess("talsammen", "bot", env, out_dir / f"startup-{database.backend}.log")
    try:
        return await bot.start()
    finally:
        await bot.stop()
