"""One Teams budget per tenant, shared by every bot instance on one PostgreSQL database.

Teams allows an app 50 requests a second into a tenant, whichever machine sends them. Each
instance keeps its own `RateLimiter` for what only it can see (a conversation's windows, a
429's penalty), and asks this budget for the tenant's slot: a row per tenant in the database
(bot/storage/tenant_budget.py) that every reservation moves on by `SHARED_SPACING`.

Why a shared budget rather than one sender per tenant (an advisory lock that passes on when
its holder dies): most deployments serve one organisation, so one tenant, and one sender per
tenant would leave every other instance idle and make the hand-over after a crash wait for
the lock's session to die. With the shared row every live instance sends its own claimed
reminders, interleaved. An instance killed at any moment costs at most the slots it had
reserved and not used (a fraction of a second of budget, never a stall), and its claimed rows
come back after their lease. Slots are spaced rather than bursty, so no instance needs to know
how many others there are.

Senders that ask while a reservation is under way are served together by the next one (one
statement for all of them, like a group commit): with 32 senders an instance makes a handful
of round trips a second, not 50.

When the database cannot be reached the budget does not guess: a sender waits and asks again
(a message that could not be recorded must not go out anyway, see sweeper.py).
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from typing import Any, Awaitable, Callable

from ..storage.tenant_budget import TenantBudgets
from .coalesce import Coalescer

__all__ = ["SharedTenantBudget", "SHARED_SPACING"]

log = logging.getLogger(__name__)

# 51 requests spaced this far apart span 1.1 s (45.5 requests a second): 100 ms of slack for
# a sender that leaves late (dispatcher._SHARED_LATE_TOLERANCE) and for network jitter. The
# in-process limiter gets by with 50 ms, but several processes on one busy machine wake later.
SHARED_SPACING = 1.1 / 50
# The database's answer says when the run starts on its clock; we can only place that on ours
# between the moment we asked and the moment the answer came. Sending from the later one is
# never early, but late by up to the round trip, which the dispatcher cannot see; a round trip
# longer than this (a starved machine, a lock queue) costs the run and we ask again, unless a
# recent answer that was quick placed the database's clock on ours (`OFFSET_HORIZON`).
MAX_ROUND_TRIP = 0.025
# A quick answer places the database's clock on ours to within its round trip (as NTP does with
# its best sample), and that placing holds for a while: the two clocks drift apart by at most
# NTP's 0.5 ms a second of slewing, 2.5 ms over these 5 s. So a slow answer (a loaded machine)
# is placed by the quickest answer of the last few seconds instead of being dropped: measured
# with every slow run dropped, replies on PostgreSQL left at 28-33 a second, not the budget's 45.5.
OFFSET_HORIZON = 5.0


class SharedTenantBudget:
    """Hands out tenant slots from the shared row, as times on the dispatcher's clock.

    `clock`/`sleep` are the dispatcher's pair. `budget_clock` is the clock the row is kept
    on: None means the database's own (PostgreSQL); SQLite and virtual-time tests pass one.
    `spacing` may be made smaller in tests that want a faster tenant (the mock connector then
    checks the same scaled limit).
    """

    def __init__(
        self,
        budgets: TenantBudgets,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        spacing: float = SHARED_SPACING,
        budget_clock: Callable[[], float] | None = None,
        retry_seconds: float = 1.0,
        max_round_trip: float = MAX_ROUND_TRIP,
    ) -> None:
        if budgets.dialect != "postgresql" and budget_clock is None:
            budget_clock = time.time  # one machine: its processes share this clock
        self._budgets, self._clock, self._sleep = budgets, clock, sleep
        self.spacing, self._budget_clock, self._retry_seconds = spacing, budget_clock, retry_seconds
        self._max_round_trip = max_round_trip
        self._unreachable = False
        self.last_answer = float("-inf")  # the database is answering, however slowly (reply_lane.py)
        self.dropped_runs = 0
        self._groups: dict[str, Coalescer[float, float]] = {}
        # Recent answers on the database's clock: (when it came, its round trip, database - ours).
        self._placings: deque[tuple[float, float, float]] = deque()

    @property
    def unreachable(self) -> bool:
        """True while the database answers no reservation (see ReplyLane: a person's reply then
        goes within this instance's own limits)."""
        return self._unreachable

    async def slot(self, tenant_id: str, *, not_before: float) -> float:
        """Reserve the tenant's next slot at or after `not_before`; its time on `clock`."""
        group = self._groups.get(tenant_id)
        if group is None:
            group = self._groups[tenant_id] = Coalescer(lambda times: self._reserve(tenant_id, times), most=64)
        return await group(not_before)

    async def _reserve(self, tenant_id: str, not_before: list[float]) -> list[float]:
        """One run of slots for all of `not_before`, none earlier than the latest of them."""
        while True:
            asked = self._clock()
            delay = max(0.0, max(not_before) - asked)
            try:
                now = self._budget_clock() if self._budget_clock is not None else None
                start, measured = await self._budgets.reserve(
                    tenant_id, count=len(not_before), spacing=self.spacing, delay=delay, now=now)
            except Exception as error:  # the database is away: nothing may go out unbudgeted
                if not self._unreachable:
                    log.warning("the shared tenant budget cannot be reached (%s); sends wait", type(error).__name__)
                self._unreachable = True
                await self._sleep(self._retry_seconds)
                continue
            if self._unreachable:
                log.info("the shared tenant budget is reachable again")
                self._unreachable = False
            # The wait is measured on the budget's clock and applied on ours from the moment the
            # answer came back: never early, late by at most the round trip.
            answered = self.last_answer = self._clock()
            if self._budget_clock is None:
                placing = self._placing(answered, answered - asked, measured - answered)
                if placing is None:
                    # Where the run falls on our clock is too uncertain: let it go unused (a gap
                    # in the tenant's budget, never a burst) and ask again.
                    self.dropped_runs += 1
                    continue
                first = start - placing
            else:
                # A clock passed in is read before the query, so its answer is exact (and a
                # virtual clock may jump while the query runs).
                first = answered + (start - measured)
            return [first + i * self.spacing for i in range(len(not_before))]

    def _placing(self, answered: float, round_trip: float, offset: float) -> float | None:
        """The database's clock minus ours, from the quickest answer of the last `OFFSET_HORIZON`
        seconds (this one included) if that was quick enough; None if none was."""
        placings = self._placings
        placings.append((answered, round_trip, offset))
        while placings[0][0] < answered - OFFSET_HORIZON:
            placings.popleft()
        _, quickest, best = min(placings, key=lambda placing: placing[1])
        return best if quickest <= self._max_round_trip else None

    async def hold_back(self, tenant_id: str, seconds: float) -> None:
        """Tell every instance that Teams asked the tenant to wait (a 429 on a tenant-wide call)."""
        try:
            now = self._budget_clock() if self._budget_clock is not None else None
            await self._budgets.hold_back(tenant_id, seconds, now=now)
        except Exception:  # best effort: this instance holds back anyway
            log.warning("could not share a 429 hold-back for tenant %s", tenant_id, exc_info=True)
