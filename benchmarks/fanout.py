"""Fan-out against Teams' rate limit: one reminder to each of N employees, through a strict mock.

The mock Bot Connector enforces 50 requests per second per tenant and Teams' per-conversation
windows (any request beyond them is recorded as a violation and answered 429), answers 2% of
requests 429 with Retry-After and 1% 502, and takes 100-300 ms to answer. The sender is the
real Dispatcher with the real RateLimiter in a process of its own (benchmarks/fanout_worker.py),
so its memory is measured apart from the mock's records. The floor is N / 50 seconds.
"""
from __future__ import annotations

import asyncio
import gc
import json
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .mocks import TEAMS_JITTER, TEAMS_LATENCY, FanoutMock, Faults
from .processes import REPO

TENANT = "tenant-copenhagen"
TENANT_RATE = 50.0


@dataclass
class FanoutResult:
    n: int
    elapsed: float
    floor: float
    lost: int
    duplicates: int
    violations: int
    requests: int
    throttled: int  # injected 429s
    bad_gateway: int  # injected 502s
    statuses: dict[str, int]
    peak_rss: float
    problems: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.elapsed / self.floor


async def run(n: int, out_dir: Path, *, log=print) -> FanoutResult:
    faults = Faults(throttle_rate=0.02, bad_gateway_rate=0.01, retry_after_choices=(1.0, 2.0), seed=2026)
    gc.collect()
    gc.freeze()  # what earlier benchmarks left behind must not cost the mock collection pauses
    async with FanoutMock(faults=faults, latency=TEAMS_LATENCY, latency_jitter=TEAMS_JITTER) as mock:
        for i in range(n):
            mock.add_conversation(f"a:fan-{i}", tenant_id=TENANT)
        stderr = open(out_dir / f"fanout-{n}.log", "w", encoding="utf-8")  # noqa: SIM115
        worker = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.fanout_worker", mock.url, str(n), TENANT,
            cwd=REPO, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=stderr,
        )
        try:
            ready = await asyncio.wait_for(worker.stdout.readline(), timeout=60)
            if ready.strip() != b"ready":
                raise RuntimeError(f"fan-out worker did not start: {ready!r}; see {stderr.name}")
            worker.stdin.write(b"go\n")
            await worker.stdin.drain()
            line = await asyncio.wait_for(worker.stdout.readline(), timeout=n / TENANT_RATE * 3 + 120)
            await worker.wait()
        finally:
            if worker.returncode is None:
                worker.kill()
                await worker.wait()
            stderr.close()
        outcome = json.loads(line)
        sends = [r for r in mock.requests if r.kind == "send"]
        delivered = Counter(r.conversation_id for r in sends if 200 <= r.status < 300)
    lost = sum(1 for i in range(n) if delivered[f"a:fan-{i}"] == 0)
    duplicates = sum(count - 1 for count in delivered.values() if count > 1)
    violations = sum(1 for r in sends if r.violation)
    result = FanoutResult(
        n=n, elapsed=outcome["elapsed"], floor=n / TENANT_RATE, lost=lost, duplicates=duplicates,
        violations=violations, requests=len(sends),
        throttled=sum(1 for r in sends if r.status == 429 and not r.violation),
        bad_gateway=sum(1 for r in sends if r.status == 502),
        statuses=outcome["statuses"], peak_rss=outcome["peak_rss_mib"],
    )
    if lost:
        result.problems.append(f"{lost} employees got no reminder ({outcome['failures'][:2]})")
    if duplicates:
        result.problems.append(f"{duplicates} reminders delivered twice")
    if violations:
        result.problems.append(f"{violations} requests over Teams' limits ({_which_windows(sends)})")
    log(f"  fan-out N={n}: {result.elapsed:.1f} s (floor {result.floor:.0f} s, {result.ratio:.3f}x), "
        f"{result.requests} requests, lost {lost}, duplicates {duplicates}, violations {violations}")
    return result


def _which_windows(sends: list) -> str:
    """Which limit the violating requests broke: the tenant's 50/s, or a conversation's."""
    arrivals = sorted(r.at for r in sends)
    tenant = sum(1 for r in sends if r.violation and bisect_right(arrivals, r.at) - bisect_left(arrivals, r.at - 1.0) > TENANT_RATE)
    return f"{tenant} beyond the tenant's 50 per second, {sum(1 for r in sends if r.violation) - tenant} beyond a conversation's limits"
