"""What a sweep finds left behind by workers that died, kinds no resolver knows, and how the
sweeper keeps hold of outcomes and leases when the database is slow or away.

Rows left ``sending`` past their lease are resolved to ``unconfirmed`` (see
bot/storage/reminders.py for why they are never sent again), and the resolver of each row's
kind is told it was maybe delivered, as for an answer lost on the way back: otherwise a step
would show the person's card as waiting for ever.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from datetime import datetime

from ..process.reminders import QueuedReminder
from ..storage.reminders import ReminderQueue
from .messages import DeliveryResult

log = logging.getLogger(__name__)

Told = Callable[[QueuedReminder, DeliveryResult], Awaitable[None]]


async def recover(queue: ReminderQueue, now: datetime, *, tell: Told | None = None) -> tuple[int, int]:
    """Resolve interrupted sends (``tell``-ing the resolver of each: maybe delivered) and log
    claims about to be taken over; returns both counts."""
    interrupted = await queue.resolve_interrupted(now)
    for row in interrupted:
        log.warning("reminder %s was being sent by %s, which stopped before recording the answer: "
                    "counted as unconfirmed (maybe delivered), not sent again", row.key, row.claimed_by)
        if tell is not None:
            await tell(row, maybe_delivered(row, "interrupted"))
    expired = await queue.expired_claims(now)
    for key, worker in expired:
        log.warning("reminder %s was claimed by %s, whose lease ran out before it sent: another worker takes it over", key, worker)
    return len(interrupted), len(expired)


def maybe_delivered(reminder: QueuedReminder, reason: str) -> DeliveryResult:
    """The outcome a step is told for a row Teams may have taken without an answer coming back
    (``reason``: ``answer_lost`` or ``interrupted``); ``resolver.delivery_of`` reads it as
    ``MAYBE_DELIVERED``."""
    return DeliveryResult(reminder.key, "failed", None, reminder.attempts + 1, reason, maybe_delivered=True)


async def report_unknown_kinds(queue: ReminderQueue, known: Iterable[str]) -> dict[str, int]:
    """Log (at start-up) every kind of pending reminder that no resolver of this version knows.

    A deployment that renamed or removed a kind must move its rows (in the unreleased
    migration) or accept that they are dropped as ``unknown_kind`` when they fall due; either
    way it is said here first, with the counts, rather than found out later.
    """
    unknown = {kind: n for kind, n in (await queue.open_kinds()).items() if kind not in set(known)}
    for kind, n in sorted(unknown.items()):
        log.error("%d pending reminders are of kind %r, which this version does not know: they will be "
                  "dropped as unknown_kind when due unless a migration moves them", n, kind)
    return unknown


async def persist(key: str, write: Callable[[], Awaitable[bool]], sleep: Callable[[float], Awaitable[Any]]) -> bool:
    """Write an outcome, again and again until the database takes it.

    Never given up: a message that went out and whose outcome is forgotten would otherwise
    be sent again after the lease. Should the process die meanwhile, the row's ``sending``
    mark still keeps it from going out twice (``recover`` above).
    """
    delay = 1.0
    while True:
        try:
            return await write()
        except Exception as error:
            log.warning("recording reminder %s failed (%s); trying again in %.0f s", key, type(error).__name__, delay)
            await sleep(delay)
            delay = min(delay * 2, 30.0)


async def stop_heartbeat(heartbeat: asyncio.Task[None]) -> None:
    """Cancel the sweeper's lease heartbeat and wait until it has finished.

    Only cancelling would leave it behind mid-way through a renew, its database call
    outliving the send (and the engine: that hung event-loop teardown in the tests).
    ``asyncio.wait`` swallows the heartbeat's own CancelledError but still raises if the
    sweep itself is cancelled meanwhile. The heartbeat lets CancelledError through (it catches
    Exception only), so the wait ends as soon as the renew under way has unwound.
    """
    heartbeat.cancel()
    await asyncio.wait({heartbeat})
    if not heartbeat.cancelled() and heartbeat.exception() is not None:
        # It died before being cancelled (say the sleep failed); the send still counts.
        log.error("the lease heartbeat stopped early", exc_info=heartbeat.exception())
