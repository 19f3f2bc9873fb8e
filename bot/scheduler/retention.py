"""Deleting what a finished cycle no longer needs, a configurable time after its deadline.

`RETENTION_DAYS` after a round's deadline its nominations (with every reason and own title),
its reminders and its list of invited people are deleted; what remains is the round itself
without contact name or opener, how many were invited and answered, and how often each theme
was chosen. Handled activity ids are forgotten after a week: they only guard against Teams
delivering the same activity twice, which happens within minutes.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..process.clock import Clock
from ..storage import Storage

log = logging.getLogger(__name__)

RETENTION_ACTOR = "system:retention"
ACTIVITY_MEMORY = timedelta(days=7)


@dataclass(frozen=True)
class RetentionReport:
    rounds: int
    nominations: int
    activities: int
    example_notes: int = 0  # people whose everyday-example notes went (step 6's own rule)


async def apply_retention(store: Storage, *, now: datetime, retention_days: int) -> RetentionReport:
    """Anonymise every round whose deadline is more than `retention_days` before `now`."""
    cutoff = now - timedelta(days=retention_days)
    rounds = nominations = 0
    for round_id in await store.retention.rounds_to_anonymise(deadline_before=cutoff):
        nominations += await store.retention.anonymise_round(round_id, now=now)
        rounds += 1
        await store.audit.record(actor=RETENTION_ACTOR, action="retention.applied", subject=round_id, now=now)
    activities = await store.activities.forget_before(now - ACTIVITY_MEMORY)
    example_notes = await store.retention.delete_expired_example_notes(now=now)
    # Who was invited to a day, and their answers, go `retention_days` after the day (step 5).
    await store.invitations.forget_days_before(cutoff.date())
    await store.surveys.forget_days_before(cutoff.date())  # the end-of-cycle survey's answers, by the same day
    await store.retention.forget_answers_after_day(cutoff.date())  # evaluation, "already now", plan seen
    return RetentionReport(rounds, nominations, activities, example_notes)


class RetentionJob:
    """`apply_retention` at most once per `interval`, called on every sweep of the runner.

    Riding on the reminder sweep keeps one alarm clock; the interval is measured on the
    injected clock, so tests move time instead of waiting.
    """

    def __init__(self, store: Storage, clock: Clock, *, retention_days: int, interval: timedelta = timedelta(hours=24)) -> None:
        self.store, self.clock = store, clock
        self.retention_days = retention_days
        self.interval = interval
        self.last_run: datetime | None = None

    async def run_if_due(self) -> RetentionReport | None:
        """Run if the interval has passed since the last run (or never ran); else None."""
        now = self.clock.now()
        if self.last_run is not None and now - self.last_run < self.interval:
            return None
        self.last_run = now
        report = await apply_retention(self.store, now=now, retention_days=self.retention_days)
        if report.rounds:
            log.info("retention: anonymised %s rounds, deleted %s nominations", report.rounds, report.nominations)
        return report
