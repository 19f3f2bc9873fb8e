"""The one way proactive messages leave the bot: concurrent, within Teams' limits, retried.

Reminders, invitations and card updates all go through `Dispatcher.deliver`, so a single
`RateLimiter` sees every request. Each message is sent at most once: it is only sent again
after Teams answered that it was not taken (429, 412, 502, 503, 504, or no connection). When
the answer is lost (timeout), the message is reported as failed rather than risk a duplicate;
an update (`PUT`) is idempotent and is retried in that case too.

With several bot instances on one database, `budget` (bot/scheduler/budget.py) hands out the
tenant's slots from a row they all share, and the local limiter keeps only what one instance
can see (conversation windows, 429 penalties). `before_send` lets the caller write down that a
message is about to go, right before its first request: a sender that then dies or cannot
record the answer leaves a mark that says "maybe delivered", never "send again".
"""
from __future__ import annotations

import asyncio
import inspect
import logging
import random
import time
from dataclasses import replace
from typing import Any, Awaitable, Callable, Iterable

from bot.scheduler.messages import BeforeSend, ConnectorLike, DeliveryResult, OutgoingMessage, ResultCallback, TenantBudget
from bot.scheduler.ratelimit import RateLimiter
from bot.teams.connector import ConnectorError

__all__ = ["Dispatcher", "OutgoingMessage", "DeliveryResult", "ConnectorLike"]

log = logging.getLogger(__name__)

# A task whose slot is further away than this waits without holding a concurrency permit,
# so one busy conversation cannot tie up every permit.
_HOLD_HORIZON = 1.0
# A timer that fires this much after its slot makes the slot a lie: the request would reach
# Teams closer to the slots after it than the limiter planned (the limiter's slack absorbs
# only a little), so a late sender takes a fresh slot instead.
_LATE_TOLERANCE = 0.005
# With a shared budget every slot is a spacing apart and nothing else, so a request that
# leaves d late only brings it d closer to the next one: 51 requests still span at least
# 1.1 s - d (budget.SHARED_SPACING). Half of that 100 ms of slack is allowed for the timer and
# the budget's own round trip, half is left for the network (a stricter rule wasted half the
# slots on a busy machine: every late sender throws its slot away).
_SHARED_LATE_TOLERANCE = 0.05
# The `before_send` mark is a database round trip, so it is written that long before the slot
# (twice its recent duration, within these bounds) and does not make the request late. A
# sender killed in between leaves the marks of this short stretch unsent (counted as
# unconfirmed, see sweeper.py); a mark later than the slot costs a fresh slot.
_MARK_LEAD = (0.02, 0.5)
# While a turn's reply waits for a slot of the tenant (bot/scheduler/reply_lane.py), senders
# look again this often before taking one: a person waiting for an answer goes first.
_YIELD_PAUSE = 0.02

class Dispatcher:
    """Sends batches of messages concurrently without breaking Teams' rate limits.

    `clock` and `sleep` must agree (monotonic seconds); tests pass a virtual pair. `rng`
    supplies the backoff jitter. A `Retry-After` longer than `max_retry_after` ends the
    attempt as failed so that the caller can reschedule instead of holding the batch.
    """

    def __init__(
        self,
        connector: ConnectorLike,
        *,
        limiter: RateLimiter | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        max_attempts: int = 6,
        base_backoff: float = 1.0,
        max_backoff: float = 30.0,
        max_retry_after: float = 300.0,
        max_concurrency: int = 32,
        rng: random.Random | None = None,
        budget: TenantBudget | None = None,
        yield_to: Callable[[str], bool] | None = None,
        late_tolerance: float | None = None,
    ) -> None:
        if max_attempts < 1 or max_concurrency < 1:
            raise ValueError("max_attempts and max_concurrency must be at least 1")
        self._connector = connector
        self._limiter = limiter or RateLimiter()
        self._clock = clock
        self._sleep = sleep
        self._max_attempts = max_attempts
        self._base_backoff = base_backoff
        self._max_backoff = max_backoff
        self._max_retry_after = max_retry_after
        self._permits = asyncio.Semaphore(max_concurrency)
        self._rng = rng or random.Random()
        self._budget = budget
        self._yield_to = yield_to  # tenant -> True while in-turn replies wait for its slots
        # A test that scales the tenant's limit up scales this margin with it (tests/test_instances.py).
        self._late_tolerance = late_tolerance if late_tolerance is not None else (
            _LATE_TOLERANCE if budget is None else _SHARED_LATE_TOLERANCE)
        self._mark_time = 0.0  # how long `before_send` has been taking (moving average)

    async def deliver(
        self, messages: Iterable[OutgoingMessage], *, on_result: ResultCallback | None = None,
        before_send: BeforeSend | None = None,
    ) -> list[DeliveryResult]:
        """Deliver every message; results come back in input order.

        `on_result` (plain or async) is called as soon as each message's outcome is known, so
        the caller can record it even if the batch is interrupted later.
        """
        batch = list(messages)
        keys = [message.key for message in batch]
        if len(set(keys)) != len(keys):
            raise ValueError("message keys must be unique within a batch")
        results: list[DeliveryResult | None] = [None] * len(batch)

        async def run(index: int, message: OutgoingMessage) -> None:
            result = await self._deliver_one(message, before_send)
            results[index] = result
            if on_result is not None:
                await _report(on_result, result)

        async with asyncio.TaskGroup() as group:
            for index, message in enumerate(batch):
                group.create_task(run(index, message))
        return [result for result in results if result is not None]

    async def _deliver_one(self, message: OutgoingMessage, before_send: BeforeSend | None = None) -> DeliveryResult:
        attempts = 0
        if not message.conversation_id:
            if not message.member_id:
                return DeliveryResult(message.key, "failed", None, 0, "no conversation and no member to open one with")
            # Creating a member's 1:1 chat counts against the tenant's limit only, and Teams
            # answers the same chat again if it exists, so it may be retried after a lost answer.
            opened, attempts = await self._with_retries(message, self._open_chat, idempotent=True)
            if isinstance(opened, DeliveryResult):
                return opened
            message = replace(message, conversation_id=opened)
        sent, attempts = await self._with_retries(
            message, self._send, idempotent=message.update_activity_id is not None, attempts=attempts, prepare=before_send
        )
        if isinstance(sent, DeliveryResult):
            return replace(sent, conversation_id=message.conversation_id)
        return DeliveryResult(message.key, "sent", sent, attempts, conversation_id=message.conversation_id)

    async def _with_retries(
        self, message: OutgoingMessage, operation: Callable[[OutgoingMessage], Awaitable[str]], *, idempotent: bool,
        attempts: int = 0, prepare: BeforeSend | None = None,
    ) -> tuple[str | DeliveryResult, int]:
        """Run one request within the limits; retry what Teams did not take; never retry what it may have taken."""
        while True:
            at = await self._take_slot(message, lead=self._mark_lead() if prepare is not None else 0.0)
            if prepare is not None:
                began = self._clock()
                try:
                    held = await prepare(message)
                except Exception as error:  # could not write the mark (database away): send nothing
                    self._permits.release()
                    return DeliveryResult(message.key, "failed", None, attempts, f"not_marked: {type(error).__name__}"), attempts
                if not held:
                    self._permits.release()
                    return DeliveryResult(message.key, "failed", None, attempts, "claim_lost"), attempts
                prepare = None
                self._mark_time = 0.8 * self._mark_time + 0.2 * (self._clock() - began)
                if at > self._clock():
                    try:
                        await self._sleep(at - self._clock())
                    except BaseException:
                        self._permits.release()
                        raise
                if self._clock() - at > self._late_tolerance:  # the mark took long: its slot has passed
                    self._limiter.cancel(message.tenant_id, message.conversation_id or None, at)
                    self._permits.release()
                    continue
            attempts += 1
            try:
                return await operation(message), attempts
            except ConnectorError as error:
                failure = error
            except Exception as error:  # a bug or odd answer must not sink the whole batch
                log.exception("sending %s failed unexpectedly", message.key)
                return DeliveryResult(message.key, "failed", None, attempts, f"unexpected: {error!r}"[:300]), attempts
            finally:
                self._permits.release()

            if failure.unreachable:
                reason = failure.code or f"HTTP {failure.status}"
                return DeliveryResult(message.key, "unreachable", None, attempts, reason), attempts
            maybe = bool(getattr(failure, "maybe_delivered", False)) and not idempotent
            if not (failure.retryable or (idempotent and (failure.status == 0 or failure.status >= 500))):
                return DeliveryResult(message.key, "failed", None, attempts, str(failure)[:300], maybe_delivered=maybe), attempts
            if attempts >= self._max_attempts:
                return DeliveryResult(message.key, "failed", None, attempts, f"gave up: {failure}"[:300], maybe_delivered=maybe), attempts
            delay = self._retry_delay(failure, attempts)
            if delay > self._max_retry_after:
                return DeliveryResult(message.key, "failed", None, attempts, f"retry after {delay:.0f} s: {failure}"[:300]), attempts
            if failure.status == 429:
                self._limiter.penalise(message.tenant_id, message.conversation_id or None, now=self._clock(), seconds=delay)
                if self._budget is not None and not message.conversation_id:
                    await self._budget.hold_back(message.tenant_id, delay)  # a tenant-wide 429: every instance waits
            await self._sleep(delay)

    async def _open_chat(self, message: OutgoingMessage) -> str:
        return await self._connector.create_personal_conversation(
            message.service_url, bot_id=message.bot_id or "", member_id=message.member_id or "", tenant_id=message.tenant_id
        )

    async def _take_slot(self, message: OutgoingMessage, *, lead: float = 0.0) -> float:
        """Wait until `lead` before the limiter's slot for this message; returns the slot, holding a permit."""
        tenant, conversation = message.tenant_id, message.conversation_id or None
        while True:
            if self._yield_to is not None and self._yield_to(tenant):
                await self._sleep(_YIELD_PAUSE)
                continue
            await self._permits.acquire()
            now = self._clock()
            at = self._limiter.reserve_at(tenant, conversation, now)
            if at - now > _HOLD_HORIZON:
                self._limiter.cancel(tenant, conversation, at)
                self._permits.release()
                await self._sleep(at - now - _HOLD_HORIZON / 2)
                continue
            if self._budget is not None:
                at = await self._shared_slot(tenant, conversation, at)
                if at is None:
                    continue
                now = self._clock()
            if at - lead > now:
                try:
                    await self._sleep(at - lead - now)
                except BaseException:
                    self._permits.release()
                    raise
            if (at > now or self._budget is not None) and self._clock() - at > self._late_tolerance:
                self._limiter.cancel(tenant, conversation, at)
                self._permits.release()
                continue
            blocked_until = self._limiter.blocked_until(tenant, conversation)
            if blocked_until is not None and blocked_until > at:
                # A 429 for this conversation came in while we waited: take a new slot.
                # (Compared with the slot, not the clock, which may wake a hair early.)
                self._limiter.cancel(tenant, conversation, at)
                self._permits.release()
                continue
            return at

    def _mark_lead(self) -> float:
        low, high = _MARK_LEAD
        return min(high, max(low, 2 * self._mark_time))

    async def _shared_slot(self, tenant: str, conversation: str | None, local: float) -> float | None:
        """Swap the local slot for the tenant's shared one; None (permit released) to start over.

        A shared slot cannot be given back, so one that no longer fits the conversation is
        simply left unused: it costs the tenant one spacing (22 ms), never a request over the limit.
        """
        self._limiter.cancel(tenant, conversation, local)
        try:
            shared = await self._budget.slot(tenant, not_before=local)  # type: ignore[union-attr]
        except BaseException:
            self._permits.release()
            raise
        at = self._limiter.reserve_at(tenant, conversation, shared)
        if at > shared:  # the conversation filled up while we asked
            self._limiter.cancel(tenant, conversation, at)
            self._permits.release()
            return None
        return at

    async def _send(self, message: OutgoingMessage) -> str:
        activity = dict(message.activity)
        if message.update_activity_id is None:
            return await self._connector.send_to_conversation(message.service_url, message.conversation_id, activity)
        await self._connector.update_activity(
            message.service_url, message.conversation_id, message.update_activity_id, activity
        )
        return message.update_activity_id

    def _retry_delay(self, failure: ConnectorError, attempts: int) -> float:
        if failure.status == 429 and failure.retry_after is not None:
            return failure.retry_after
        # Exponential backoff with full jitter (AWS architecture blog): spreads the retries
        # of many throttled senders instead of bunching them at the same instant.
        ceiling = min(self._max_backoff, self._base_backoff * 2 ** (attempts - 1))
        return self._rng.uniform(0.0, ceiling)


async def _report(on_result: ResultCallback, result: DeliveryResult) -> None:
    try:
        outcome = on_result(result)
        if inspect.isawaitable(outcome):
            await outcome
    except Exception:  # the result is still returned from deliver(); keep the batch going
        log.exception("on_result failed for %s (%s)", result.key, result.status)
