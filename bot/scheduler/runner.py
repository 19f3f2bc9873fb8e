"""APScheduler as an alarm clock for the sweeper, never as the store of what is due.

What is due lives in the reminder table; the scheduler holds a single interval job in memory
that wakes the sweeper. Nothing is lost when the process stops: there is no job to lose,
and the first sweep after start-up sends whatever fell due meanwhile. Two bot processes each
run their own scheduler; the queue's atomic claim keeps them from sending twice.

The job defaults matter (see tests/test_restart.py): APScheduler's default
``misfire_grace_time`` of 1 second skips a run that is late by more than that (a slow event
loop, a suspended laptop), so it is switched off; ``coalesce`` folds missed runs into one; and
``max_instances=1`` keeps a slow sweep from overlapping the next one.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from .resolver import QueueKinds, ResolverByKind, SweepReport

from .sweeper import Sweeper

if TYPE_CHECKING:
    from ..services import Services

log = logging.getLogger(__name__)

JOB_DEFAULTS: dict[str, Any] = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
SWEEP_JOB_ID = "reminder-sweep"


def quiet_apscheduler() -> None:
    """APScheduler logs "Running job …" and "… executed successfully" at INFO on every tick
    (every 30 s): routine, so only shown when the bot runs at debug level. Its warnings and
    errors (a missed or crashed job) still come through."""
    debug = logging.getLogger().isEnabledFor(logging.DEBUG)
    logging.getLogger("apscheduler").setLevel(logging.NOTSET if debug else logging.WARNING)


def build_scheduler() -> AsyncIOScheduler:
    """A scheduler with an in-memory job store and the job defaults above.

    The defaults go in ``job_defaults``: given as plain keyword arguments they are ignored.
    """
    quiet_apscheduler()
    return AsyncIOScheduler(jobstores={"default": MemoryJobStore()}, job_defaults=dict(JOB_DEFAULTS), timezone=timezone.utc)


class ReminderRunner:
    """Runs ``sweeper.run_once()`` at start-up and then every ``interval_seconds``."""

    def __init__(
        self, sweeper: Sweeper, *, interval_seconds: float = 30, shutdown_grace_seconds: float = 60,
        housekeeping: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.sweeper = sweeper
        # Runs after each sweep (the retention job, which decides itself whether it is due).
        self.housekeeping = housekeeping
        self.interval_seconds = interval_seconds
        self.shutdown_grace_seconds = shutdown_grace_seconds
        self.sweeps = 0
        self.last_report: SweepReport | None = None
        self._scheduler: AsyncIOScheduler | None = None
        self._current: asyncio.Task | None = None
        self._stopping = False
        self._progress = asyncio.Condition()

    @property
    def running(self) -> bool:
        return self._scheduler is not None

    @property
    def scheduler(self) -> AsyncIOScheduler | None:
        """The live scheduler, for inspection; None when stopped."""
        return self._scheduler

    async def start(self) -> None:
        """Start the scheduler; the first sweep runs at once, without blocking start-up."""
        if self._scheduler is not None:
            return
        self._stopping = False
        scheduler = build_scheduler()
        scheduler.add_job(
            self._tick, "interval", seconds=self.interval_seconds, id=SWEEP_JOB_ID, name="reminder sweep",
            next_run_time=datetime.now(timezone.utc),
        )
        scheduler.start()
        self._scheduler = scheduler

    async def shutdown(self) -> None:
        """Stop waking the sweeper, then let a sweep in progress finish (up to the grace time).

        Cancelling a sweep half-way could leave a message sent but not recorded, which the
        next claim after the lease would send again.
        """
        self._stopping = True
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=False)
            await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn
        current = self._current
        if current is not None and not current.done():
            try:
                await asyncio.wait_for(asyncio.shield(current), self.shutdown_grace_seconds)
            except TimeoutError:
                log.error("reminder sweep still running after %s s at shutdown; cancelling it", self.shutdown_grace_seconds)
                current.cancel()

    async def sweep_now(self) -> SweepReport | None:
        """Run a sweep now, or join the one in progress; never two at a time in one runner."""
        if self._current is None or self._current.done():
            self._current = asyncio.get_running_loop().create_task(self._sweep(), name="reminder-sweep")
        await asyncio.shield(self._current)
        return self.last_report

    async def wait_for_sweeps(self, count: int, *, timeout: float = 30) -> None:
        """Wait until ``count`` sweeps have finished since construction (tests, health checks)."""
        async def reached() -> None:
            async with self._progress:
                await self._progress.wait_for(lambda: self.sweeps >= count)

        await asyncio.wait_for(reached(), timeout)

    async def _tick(self) -> None:
        if self._stopping:
            return
        try:
            await self.sweep_now()
        except asyncio.CancelledError:
            # The executor cancels its task at shutdown; the sweep itself runs on (shielded).
            if not self._stopping:
                raise

    async def _sweep(self) -> None:
        try:
            report = await self.sweeper.run_once()
        except Exception:  # logged, never fatal: the next tick tries again
            log.exception("reminder sweep failed")
            report = None
        else:
            # Every sweep is routine (debug); one where a send failed and will be retried is not.
            if report.failed:
                log.warning("reminder sweep: %s failed and will be tried again (%s)", report.failed, report)
            elif report.claimed:
                log.debug("reminder sweep: %s", report)
        if self.housekeeping is not None:
            try:
                await self.housekeeping()
            except Exception:  # logged, never fatal, and never in the way of reminders
                log.exception("housekeeping after the reminder sweep failed")
        self.last_report = report
        async with self._progress:
            self.sweeps += 1
            self._progress.notify_all()


def declared_kinds() -> QueueKinds:
    """Every step's queue kinds, as each step's scheduler module declares them (``DECLARES``);
    a kind declared twice is refused here, when the app builds its runner."""
    from . import (
        cycle_survey, deadline, development_plan, evaluation, everyday_example, follow_up, group_results, grouping, invitation,
        leader_loop, nomination, organisation,
    )

    steps = (nomination, deadline, invitation, everyday_example, grouping, group_results, evaluation, leader_loop, development_plan,
             follow_up, cycle_survey, organisation)
    return QueueKinds.merge(step.DECLARES for step in steps)


def build_sweeper(services: "Services", *, worker_id: str | None = None) -> Sweeper:
    """The sweeper with every kind's resolver, behind the shared dispatcher (so one rate limiter
    sees every request)."""
    from ..concepts import load_concept
    from .sweeper import default_worker_id

    def concept_loader(name: str):  # noqa: ANN202
        return services.concept if name == services.concept.id else load_concept(name)

    declared = declared_kinds()
    resolvers = {kind.kind: kind.of_services(services, concept_loader) for kind in declared.resolvers}
    return Sweeper(
        services.store.reminders, services.dispatcher, ResolverByKind(resolvers, roles=services.concept.roles),
        clock=services.clock, window=services.window, worker_id=worker_id or default_worker_id(), unlimited_kinds=declared.unlimited,
        # Asked for by someone in the room on the day: not held to the working window (sweeper.py).
        anytime_kinds=declared.anytime,
    )


async def sweep_soon(services: "Services") -> SweepReport:
    """Send what is due now rather than at the next tick (a round just started or closed).

    A sweeper of its own (the runner's may be in the middle of a sweep that began before these
    rows existed, and tests and the Playground may run without a runner); the queue's claims
    keep two sweepers from sending anything twice. Outside the working window it sends only what
    someone in the room asked for (``anytime_kinds``): the rest waits for the next opening."""
    sweeper = build_sweeper(services)
    report = await sweeper.run_once()
    for _ in range(2):  # a closing plans the final tally and the card updates, due at once
        if not report.claimed:
            break
        report = await sweeper.run_once()
    return report


def build_runner(services: "Services") -> ReminderRunner:
    """The runner the app starts: every kind's resolver behind the shared dispatcher."""
    from .retention import RetentionJob

    sweeper = build_sweeper(services)
    retention = RetentionJob(services.store, services.clock, retention_days=services.settings.retention_days)
    return ReminderRunner(sweeper, interval_seconds=services.settings.reminder_sweep_seconds, housekeeping=retention.run_if_due)
