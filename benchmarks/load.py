"""Sustained load against PostgreSQL (issue 15): many people writing, steadily and in a spike.

Full mode: 10,000 simulated people send personal messages at 20 requests a second for 10
minutes, with a minute at 50 a second in the middle; quick mode runs the same shape for 30
seconds (5 of them at 50 a second). The load is open-loop: request i leaves at its planned
time whether or not earlier ones were answered, so a slow bot meets a growing queue rather
than a politely waiting client. Each request is a person's first or a later message in their
personal chat (``hjælp`` / ``help``), answered through the mock Bot Connector (100-300 ms).

Correct (the only thing that fails the run): every request answered 2xx, never 5xx; the
database then holds exactly one processed-activity row per request and one person row per
person who wrote. The p99 latency (target: under 3 s) is a verdict, not a failure.
"""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import sqlalchemy as sa

from bot.storage.engine import create_engine
from tests import factories as f

from .databases import Database
from .mocks import TEAMS_JITTER, TEAMS_LATENCY, TurnMock
from .processes import BotProcess, bot_env
from .stats import percentile

P99_LIMIT = 3.0


@dataclass(frozen=True)
class LoadShape:
    people: int
    seconds: float
    rate: float
    spike_rate: float
    spike_seconds: float

    def schedule(self) -> list[float]:
        """Send times (seconds from the start): `rate`, with the spike in the middle."""
        spike_start = (self.seconds - self.spike_seconds) / 2
        spike_end = spike_start + self.spike_seconds
        times, t = [], 0.0
        while t < self.seconds:
            times.append(t)
            t += 1 / (self.spike_rate if spike_start <= t < spike_end else self.rate)
        return times


QUICK_LOAD = LoadShape(people=10_000, seconds=30, rate=20, spike_rate=50, spike_seconds=5)
FULL_LOAD = LoadShape(people=10_000, seconds=600, rate=20, spike_rate=50, spike_seconds=60)


@dataclass
class LoadResult:
    shape: LoadShape
    requests: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    wall: float = 0.0
    behind: float = 0.0  # how late the generator itself was at worst (its own lag, not the bot's)
    # From sending a message to its reply reaching the mock: what the person waits for. Bound by
    # the tenant's 45.5 replies a second, so a spike above that grows a queue however fast the bot.
    reply_latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def p99(self) -> float:
        return percentile(self.latencies, 0.99)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status.isdigit() and int(status) >= 500)


async def run(database: Database, shape: LoadShape, out_dir: Path, *, log=print) -> LoadResult:
    result = LoadResult(shape)
    env = bot_env(database.url)
    bot = BotProcess("talsammen-load", "bot", env, out_dir / "talsammen-load.log")
    mock = TurnMock(latency=TEAMS_LATENCY, latency_jitter=TEAMS_JITTER)
    await mock.start()
    rng = random.Random(15)
    try:
        await bot.start()
        times = shape.schedule()
        senders = [f"u-load-{rng.randrange(shape.people)}" for _ in times]
        for person in set(senders):
            mock.add_conversation(f"a:{person}", tenant_id=f.TENANT)
        log(f"load: {len(times):,} requests from {len(set(senders)):,} of {shape.people:,} people over {shape.seconds:.0f} s")
        sent_at: dict[str, float] = {}
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
            started = time.perf_counter()

            async def one(at: float, person: str, i: int) -> None:
                lag = time.perf_counter() - started - at
                result.behind = max(result.behind, lag)
                text = "hjælp" if i % 2 else "help"
                activity = f.personal_message(mock.url, text, user=person, conversation=f"a:{person}",
                                              locale="da-DK" if i % 3 else "en-US")
                sent = time.perf_counter()
                sent_at[activity["id"]] = asyncio.get_running_loop().time()  # the mock's clock
                try:
                    async with session.post(f"{bot.url}/api/messages", json=activity) as response:
                        await response.read()
                        status = str(response.status)
                except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                    status = type(error).__name__
                result.latencies.append(time.perf_counter() - sent)
                result.statuses[status] = result.statuses.get(status, 0) + 1

            tasks = []
            for i, (at, person) in enumerate(zip(times, senders)):
                delay = started + at - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(one(at, person, i)))
            await asyncio.gather(*tasks)
            result.wall = time.perf_counter() - started
            result.reply_latencies = await _replies(mock, sent_at)
        result.requests = len(times)
        bot.measure()
        result.problems += await _check(database, result, set(senders))
    finally:
        await bot.stop()
        await mock.close()
    return result


async def _replies(mock: TurnMock, sent_at: dict[str, float], timeout: float = 60.0) -> list[float]:
    """Each message's first reply, as seconds after it was sent (waits for the last to arrive)."""
    deadline = time.perf_counter() + timeout
    arrived: dict[str, float] = {}
    seen = 0  # requests already looked at: each pass reads only the new ones
    while True:
        requests = mock.requests[seen:]
        seen += len(requests)
        for request in requests:
            reply_to = request.body.get("replyToId") if isinstance(request.body, dict) else None
            if reply_to in sent_at and reply_to not in arrived and 200 <= request.status < 300:
                arrived[reply_to] = request.at - sent_at[reply_to]
        if len(arrived) == len(sent_at) or time.perf_counter() > deadline:
            return list(arrived.values())
        await asyncio.sleep(0.5)


async def _check(database: Database, result: LoadResult, people: set[str]) -> list[str]:
    problems = []
    bad = {s: n for s, n in result.statuses.items() if not (s.isdigit() and 200 <= int(s) < 300)}
    if bad:
        problems.append(f"load: answers other than 2xx: {bad}")
    engine = create_engine(database.url)
    try:
        async with engine.connect() as conn:
            activities = (await conn.execute(sa.text("SELECT count(*) FROM processed_activity WHERE key LIKE 'a:u-load-%'"))).scalar_one()
            persons = (await conn.execute(sa.text("SELECT count(*) FROM person WHERE user_id LIKE 'u-load-%'"))).scalar_one()
    finally:
        await engine.dispose()
    if activities != result.requests:
        problems.append(f"load: {activities} activities recorded for {result.requests} requests")
    if len(result.reply_latencies) != result.requests:
        problems.append(f"load: {len(result.reply_latencies)} replies arrived for {result.requests} messages")
    if persons != len(people):
        problems.append(f"load: {persons} people stored for {len(people)} who wrote")
    return problems
