"""In-turn replies within Teams' limits, ahead of proactive messages.

A turn's replies and card updates used to leave as fast as msrest's six threads allowed, which
kept them under the tenant's 50 requests a second by accident. On the async connector hundreds
of people pressing Submit at once would burst past it, so every in-turn request takes a slot
from the same `RateLimiter` (and, on PostgreSQL, the same shared tenant budget) as the
dispatcher. While a reply waits for its slot, the dispatcher takes no new slots for that tenant
(`busy`): a person waiting for an answer goes before a reminder nobody is watching for. The
queue stays bounded by the app's turn concurrency cap (bot/app.py), not here.

A 429 is honoured: the conversation is held back for `Retry-After` and the request goes again,
as long as the wait fits in a turn. What Teams did not take (412, 502-504, no connection) is
retried a few times; what it may have taken is only retried when repeating it is harmless.
"""
from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import Counter
from typing import Any, Awaitable, Callable, TypeVar

from bot.scheduler.dispatcher import _LATE_TOLERANCE
from bot.scheduler.messages import TenantBudget
from bot.scheduler.ratelimit import RateLimiter, teams_rate_limiter
from bot.teams.connector import ConnectorError

__all__ = ["ReplyLane"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# Teams retries a message it got no answer to after about 15 s: a reply that would have to
# wait longer than this for a second try gives up and lets the turn fail instead.
MAX_RETRY_AFTER = 5.0
# A reservation in the shared budget is one short query. When the budget has answered nothing
# for this long, the database is away or hangs, and a person waiting for an answer should not
# wait on it. A budget that answers others meanwhile is only busy (a burst of 1,000 turns on a
# loaded machine): the reply keeps waiting for its shared slot, since sending within this
# instance's own window beside the shared slots went over the tenant's limit (the full turn
# benchmark at 1,000 concurrent on PostgreSQL counted 94-164 replies over it).
BUDGET_PATIENCE = 2.0
# How late a reply may leave after its shared slot. The dispatcher allows 50 ms
# (dispatcher._SHARED_LATE_TOLERANCE), but a slot from the shared budget may already be late by
# up to its round trip (budget.MAX_ROUND_TRIP, 25 ms): together they ate the 100 ms of slack
# budget.SHARED_SPACING leaves, and the turn benchmark on PostgreSQL counted 2-3 replies over the
# tenant's limit in a burst of 200. A reply that misses this takes the next slot instead.
SHARED_LATE_TOLERANCE = 0.02


class ReplyLane:
    """Hands a turn's outbound requests their slots, first in line. `clock` and `sleep` agree."""

    def __init__(
        self,
        limiter: RateLimiter,
        *,
        budget: TenantBudget | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        max_attempts: int = 3,
        base_backoff: float = 0.5,
        max_retry_after: float = MAX_RETRY_AFTER,
        rng: random.Random | None = None,
    ) -> None:
        self._limiter, self._budget, self._clock, self._sleep = limiter, budget, clock, sleep
        self._max_attempts, self._base_backoff, self._max_retry_after = max_attempts, base_backoff, max_retry_after
        self._late_tolerance = _LATE_TOLERANCE if budget is None else SHARED_LATE_TOLERANCE
        self._rng = rng or random.Random()
        self._waiting: Counter[str] = Counter()
        self._budget_skipped_until = float("-inf")  # after a reservation that did not answer
        self._outage_limiter = teams_rate_limiter()  # the tenant's window while the budget is away
        self.sent = 0  # requests that went out (for tests and the benchmark's log)

    def busy(self, tenant_id: str) -> bool:
        """True while an in-turn request of this tenant waits for its slot (the dispatcher yields)."""
        return self._waiting[tenant_id] > 0

    async def send(self, tenant_id: str, conversation_id: str, request: Callable[[], Awaitable[T]], *,
                   idempotent: bool = False) -> T:
        """Run `request` in its slot; retry what Teams did not take; raise the last `ConnectorError`."""
        attempts = 0
        while True:
            await self._take_slot(tenant_id, conversation_id)
            attempts += 1
            self.sent += 1
            try:
                return await request()
            except ConnectorError as error:
                delay = self._retry_delay(error, attempts, idempotent)
                if delay is None:
                    raise
                if error.status == 429:
                    for limiter in (self._limiter, self._outage_limiter):
                        limiter.penalise(tenant_id, conversation_id, now=self._clock(), seconds=delay)
            await self._sleep(delay)

    def _retry_delay(self, error: ConnectorError, attempts: int, idempotent: bool) -> float | None:
        """How long to wait before the next try, or None to give up."""
        retry = error.retryable or (idempotent and (error.status == 0 or error.status >= 500))
        if not retry or attempts >= self._max_attempts:
            return None
        if error.status == 429 and error.retry_after is not None:
            delay = error.retry_after
        else:  # full jitter, as the dispatcher does
            delay = self._rng.uniform(0.0, self._base_backoff * 2 ** (attempts - 1))
        return delay if delay <= self._max_retry_after else None

    async def _shared_slot(self, tenant: str, at: float) -> float | None:
        """The shared budget's slot, or None when it does not answer in time.

        During a database outage the sweeper sends nothing, so the few replies people get ("try
        again in a moment") cannot add up to a burst across instances; leaving them unanswered
        would be worse. The reservation itself goes on (shielded) and at worst leaves a gap.
        """
        reservation = asyncio.ensure_future(self._budget.slot(tenant, not_before=at))
        while True:
            asked = self._clock()
            try:
                return await asyncio.wait_for(asyncio.shield(reservation), BUDGET_PATIENCE)
            except asyncio.TimeoutError:
                if self._budget.last_answer > asked and not self._budget.unreachable:
                    continue  # busy, not away: it answered others while we waited
            reservation.add_done_callback(lambda done: done.cancelled() or done.exception())
            self._budget_skipped_until = self._clock() + BUDGET_PATIENCE * 5
            log.warning("the shared tenant budget did not answer within %.0f s: replies use this instance's limits for %.0f s",
                        BUDGET_PATIENCE, BUDGET_PATIENCE * 5)
            return None

    async def _take_slot(self, tenant: str, conversation: str) -> float:
        """Wait for this request's slot (the conversation's and the tenant's) and return it."""
        self._waiting[tenant] += 1
        try:
            while True:
                now = self._clock()
                shared = self._budget is not None and not self._budget.unreachable and now >= self._budget_skipped_until
                # Without the shared budget (none, or the database is away) this instance keeps the
                # tenant's window itself: on PostgreSQL `_limiter` holds only the conversations'.
                limiter = self._limiter if self._budget is None or shared else self._outage_limiter
                at = limiter.reserve_at(tenant, conversation, now)
                if shared:
                    # The tenant's 50 a second are shared with every instance (budget.py).
                    limiter.cancel(tenant, conversation, at)
                    slot = await self._shared_slot(tenant, at)
                    if slot is None:  # the database does not answer: this instance's own limits only
                        continue
                    at = limiter.reserve_at(tenant, conversation, slot)
                    if at > slot:  # the conversation filled up meanwhile; the shared slot goes unused
                        limiter.cancel(tenant, conversation, at)
                        continue
                if at > self._clock():
                    await self._sleep(at - self._clock())
                late = self._clock() - at > (self._late_tolerance if shared else _LATE_TOLERANCE)
                blocked = limiter.blocked_until(tenant, conversation)
                # A late timer makes the slot a lie (dispatcher.py, _LATE_TOLERANCE); a 429 may
                # have come in for this conversation while it waited.
                if (late and (at > now or shared)) or (blocked is not None and blocked > at):
                    limiter.cancel(tenant, conversation, at)
                    continue
                return at
        finally:
            self._waiting[tenant] -= 1
            if not self._waiting[tenant]:
                del self._waiting[tenant]
