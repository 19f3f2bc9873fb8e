"""The sweeper: one pass over the reminder queue, sending what fell due and recording the outcome.

The database is the truth about what is due; the sweeper only claims, checks, sends and
records, so it may run as often as wanted, in as many processes as wanted. Its rules:

* Outside the working window it sends nothing and claims nothing: a reminder due on a
  Saturday waits for Monday 09:00, and one that fell due while the bot was down goes out once,
  at the first sweep inside the window. The exception is ``anytime_kinds``: what a person asked
  for just now, for people who are in the room with them (the groups and the plenum posted on
  the day, the evaluation at the close). The window guards people from what the bot starts on
  its own; a dialogue that starts at 08:00 or runs past 15:00 must not wait for it.
* A claimed reminder is first checked by the resolver of its kind; an obsolete one (answered,
  round closed) is dropped, not sent. Of several due reminders of one person, kind and round,
  only the latest sequence is sent.
* At most one reminder of a kind per person per Copenhagen day: before sending, the reminder
  reserves that day (a unique index decides between processes); if another reminder holds
  it, this one is postponed to the next opening. Kinds in ``unlimited_kinds`` (invitations,
  closing notices: one per round by their key) skip the day slot.
* After a final outcome the resolver of the row's kind may record it where the step keeps it
  (``recorded``: an invitation's delivery on the invited person's row).
* Outcomes: ``sent``; ``unreachable`` with Teams' reason (403/404, final); ``failed`` is
  tried again later with growing delays, and after ``max_attempts`` stays ``failed``. A
  result marked ``maybe_delivered`` (no answer came back) is ``unconfirmed``, final: never
  twice wins. The kind's resolver is told it was maybe delivered, here and when a later sweep
  finds a row whose worker stopped mid-send (recovery.py), so no step shows it as waiting.
* Right before sending, the worker renews its lease; rows it no longer holds (it stalled and
  another worker took them over) are left alone, so a slow worker does not send twice. While
  a send is under way (a long Retry-After can hold it for minutes) the lease is renewed every
  third of its length, so no other worker takes the rows over meanwhile.
* Each message is marked ``sending`` right before its first request (the dispatcher's
  ``before_send``); a mark that cannot be written means nothing is sent. An answer that cannot
  be recorded (the database is away) is kept in memory and written again until it lands,
  however long that takes; should the process die meanwhile, the ``sending`` mark makes a later
  sweep count the row as ``unconfirmed`` instead of sending it again (recovery.py).
"""
from __future__ import annotations

import asyncio
import inspect
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

from ..process.calendar import WorkingWindow, is_working_moment, next_opening, schedule_at
from ..process.clock import Clock
from ..process.reminders import QueuedReminder, superseded
from ..storage.reminders import ReminderQueue
from .coalesce import Coalescer
from .messages import DeliveryResult, OutgoingMessage
from .recovery import maybe_delivered, persist, recover, report_unknown_kinds, stop_heartbeat
from .resolver import DispatcherLike, Obsolete, Resolver, SweepReport

log = logging.getLogger(__name__)


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after the ``attempt``-th failed send: 5 min, 15 min, 45 min, … ≤ 6 h."""
    return min(timedelta(minutes=5) * 3 ** max(attempt - 1, 0), timedelta(hours=6))


def default_worker_id() -> str:
    """Unique per process and start, so a restarted bot never mistakes old claims for its own."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Sweeper:
    """Sends due reminders; ``run_once`` is safe to call at any time from any process."""

    def __init__(
        self,
        queue: ReminderQueue,
        dispatcher: DispatcherLike,
        resolver: Resolver,
        *,
        clock: Clock,
        window: WorkingWindow,
        worker_id: str,
        batch: int = 200,
        lease: timedelta = timedelta(minutes=5),
        max_attempts: int = 5,
        max_batches: int = 50,
        send_chunk: int = 50,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        unlimited_kinds: frozenset[str] = frozenset(),
        anytime_kinds: frozenset[str] = frozenset(),
    ) -> None:
        self.queue, self.dispatcher, self.resolver = queue, dispatcher, resolver
        self.unlimited_kinds, self.anytime_kinds = unlimited_kinds, anytime_kinds
        self.clock, self.window, self.worker_id = clock, window, worker_id
        self.batch, self.lease, self.max_attempts = batch, lease, max_attempts
        self.max_batches, self.send_chunk = max_batches, send_chunk
        self._sleep = sleep
        self._kinds_checked = False
        self._marks = "before_send" in inspect.signature(dispatcher.deliver).parameters
        # Marks and "sent" outcomes of messages leaving together are written together (coalesce.py).
        self._mark_group: Coalescer[int, bool] = Coalescer(self._mark_many)
        self._sent_group: Coalescer[int, bool] = Coalescer(self._sent_many)

    async def run_once(self) -> SweepReport:
        """Claim and handle due reminders, batch after batch, until none are left (or the window closes)."""
        report = SweepReport()
        if not self._kinds_checked and isinstance(kinds := getattr(self.resolver, "kinds", None), frozenset):
            await report_unknown_kinds(self.queue, kinds)  # the first sweep runs at start-up
            self._kinds_checked = True
        for _ in range(self.max_batches):  # bounded, so one sweep cannot run for ever
            now = self.clock.now()
            kinds: frozenset[str] | None = None
            if not is_working_moment(now, self.window):
                if not self.anytime_kinds:
                    report.outside_window = report.claimed == 0
                    break
                kinds = self.anytime_kinds
            interrupted, taken_over = await recover(self.queue, now, tell=self._recorded)
            report.interrupted += interrupted
            report.taken_over += taken_over
            claimed = await self.queue.claim_due(now, worker_id=self.worker_id, limit=self.batch, lease=self.lease, kinds=kinds)
            if kinds is not None and not claimed:
                report.outside_window = report.claimed == 0
            report.claimed += len(claimed)
            if claimed:
                await self._handle(claimed, report)
            if len(claimed) < self.batch:
                break
        return report

    async def _handle(self, claimed: Sequence[QueuedReminder], report: SweepReport) -> None:
        stale = superseded(claimed)
        ready: list[tuple[QueuedReminder, OutgoingMessage]] = []
        for reminder in claimed:
            if reminder.id in stale:
                await self._drop(reminder, "superseded", report)
                continue
            try:
                outcome = await self.resolver.resolve(reminder)
            except Exception as error:  # a bug in one resolver must not lose the reminder
                log.exception("resolving reminder %s failed", reminder.key)
                await self._failed(reminder, f"resolve_error: {type(error).__name__}", report)
                continue
            if isinstance(outcome, Obsolete):
                await self._drop(reminder, outcome.reason, report)
            else:
                ready.append((reminder, replace(outcome, key=reminder.key)))
        ready = await self._keep_daily_limit(ready, report)
        for start in range(0, len(ready), self.send_chunk):
            await self._send(ready[start:start + self.send_chunk], report)

    async def _keep_daily_limit(self, ready: list[tuple[QueuedReminder, OutgoingMessage]], report: SweepReport) -> list[tuple[QueuedReminder, OutgoingMessage]]:
        today = self.clock.now().astimezone(self.window.tz).date()
        limited = [r.id for r, _ in ready if r.kind not in self.unlimited_kinds]
        reserved = await self.queue.reserve_days(limited, today, worker_id=self.worker_id)
        reserved |= {r.id for r, _ in ready if r.kind in self.unlimited_kinds}
        later = schedule_at(today + timedelta(days=1), self.window)
        for reminder, _ in ready:
            if reminder.id in reserved:
                continue
            if await self.queue.postpone(reminder.id, due_at=later, worker_id=self.worker_id):
                report.postponed += 1
            else:
                report.lost += 1
        return [(r, m) for r, m in ready if r.id in reserved]

    async def _send(self, chunk: Sequence[tuple[QueuedReminder, OutgoingMessage]], report: SweepReport) -> None:
        held = await self.queue.renew((r.id for r, _ in chunk), now=self.clock.now(), worker_id=self.worker_id, lease=self.lease)
        report.lost += sum(1 for r, _ in chunk if r.id not in held)
        by_key = {m.key: r for r, m in chunk if r.id in held}
        if not by_key:
            return
        recorded: set[str] = set()

        async def record(result: DeliveryResult) -> None:
            # Recorded as each result arrives, so a crash mid-batch re-sends as little as possible.
            if result.key in by_key and result.key not in recorded:
                recorded.add(result.key)
                await self._record(by_key[result.key], result, report)

        async def mark(message: OutgoingMessage) -> bool:
            return await self._mark_group(by_key[message.key].id)

        messages = [m for _, m in chunk if m.key in by_key]
        heartbeat = asyncio.create_task(self._hold([r.id for k, r in by_key.items() if k not in recorded]))
        try:
            if self._marks:
                results = await self.dispatcher.deliver(messages, on_result=record, before_send=mark)
            else:  # a dispatcher without the per-message hook: the whole chunk is marked first
                messages = [m for m in messages if await mark(m)]
                results = await self.dispatcher.deliver(messages, on_result=record)
        except Exception as error:
            log.exception("dispatcher failed on a batch of %d reminders", len(messages))
            results = [DeliveryResult(m.key, "failed", None, 0, f"dispatch_error: {type(error).__name__}") for m in messages]
        finally:
            await self._stop(heartbeat)
        for result in results:
            await record(result)
        for key in by_key.keys() - recorded:  # the dispatcher returned nothing for it
            await record(DeliveryResult(key, "failed", None, 0, "no_result"))

    async def _hold(self, ids: list[int]) -> None:
        """Renew the lease on ``ids`` every third of its length until cancelled."""
        while True:
            await self._sleep(self.lease.total_seconds() / 3)
            try:
                held = await self.queue.renew(ids, now=self.clock.now(), worker_id=self.worker_id, lease=self.lease)
            except Exception:  # the database hiccuped; the next beat tries again
                log.exception("renewing the lease on %d reminders failed", len(ids))
                continue
            ids = [i for i in ids if i in held]  # recorded ones are no longer claimed

    _stop = staticmethod(stop_heartbeat)

    async def _record(self, reminder: QueuedReminder, result: DeliveryResult, report: SweepReport) -> None:
        now = self.clock.now()
        if result.status in ("sent", "unreachable"):
            ok = await self._persist(reminder, lambda: self._sent_group(reminder.id) if result.status == "sent" else self.queue.complete(
                reminder.id, result.status, now=now, reason=result.reason, worker_id=self.worker_id))
            if ok:
                setattr(report, result.status, getattr(report, result.status) + 1)
            else:
                report.lost += 1
                log.warning("reminder %s was %s but its claim had passed to another worker", reminder.key, result.status)
            await self._recorded(reminder, result)  # sent even if the claim passed on: keep what Teams said
            return
        if getattr(result, "maybe_delivered", False):
            # Teams may have the message although no answer came back: sending it again could
            # make a duplicate, so this one is given up rather than retried.
            ok = await self._persist(reminder, lambda: self.queue.complete(
                reminder.id, "unconfirmed", now=now, reason=f"maybe_delivered: {result.reason}", worker_id=self.worker_id))
            report.failed += ok
            report.lost += not ok
            if ok:
                await self._recorded(reminder, maybe_delivered(reminder, "answer_lost"))
            return
        await self._failed(reminder, result.reason or "failed", report)

    async def _failed(self, reminder: QueuedReminder, reason: str, report: SweepReport) -> None:
        attempt = reminder.attempts + 1
        now = self.clock.now()
        if attempt >= self.max_attempts:
            ok = await self._persist(reminder, lambda: self.queue.complete(
                reminder.id, "failed", now=now, reason=reason, worker_id=self.worker_id))
            report.failed += ok
            if ok:
                await self._recorded(reminder, DeliveryResult(reminder.key, "failed", None, attempt, reason))
        else:
            again = next_opening(now + retry_delay(attempt), self.window)
            ok = await self._persist(reminder, lambda: self.queue.retry_later(
                reminder.id, due_at=again, reason=reason, worker_id=self.worker_id))
            report.retried += ok
        report.lost += not ok

    async def _recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        hook = getattr(self.resolver, "recorded", None)
        if hook is None:
            return
        try:
            await hook(reminder, result)
        except Exception:  # the queue has the outcome; a step's own record must not undo it
            log.exception("recording the outcome of %s failed", reminder.key)

    async def _mark_many(self, ids: list[int]) -> list[bool]:
        held = await self.queue.mark_sending(ids, worker_id=self.worker_id)
        return [i in held for i in ids]

    async def _sent_many(self, ids: list[int]) -> list[bool]:
        recorded = await self.queue.complete_sent(ids, now=self.clock.now(), worker_id=self.worker_id)
        return [i in recorded for i in ids]

    async def _persist(self, reminder: QueuedReminder, write: Callable[[], Awaitable[bool]]) -> bool:
        return await persist(reminder.key, write, self._sleep)

    async def _drop(self, reminder: QueuedReminder, reason: str, report: SweepReport) -> None:
        if await self.queue.drop(reminder.id, reason, worker_id=self.worker_id):
            report.dropped += 1
        else:
            report.lost += 1

