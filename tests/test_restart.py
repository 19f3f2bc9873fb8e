"""The bot stops and comes back: reminders still ahead are sent once, none lost.

Also shows why the runner's job defaults matter: with APScheduler's default
``misfire_grace_time`` (1 s) a job whose run time passed while the process was down is skipped
and deleted, so a design that stored "send at 09:00" as a scheduler job would lose it.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from apscheduler.events import EVENT_JOB_EXECUTED, EVENT_JOB_MISSED
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.nomination import NOMINATION_KIND
from bot.process.reminders import ReminderPlan
from bot.scheduler.messages import DeliveryResult, OutgoingMessage
from bot.scheduler.runner import JOB_DEFAULTS, SWEEP_JOB_ID, ReminderRunner, build_scheduler
from bot.scheduler.resolver import SweepReport
from bot.scheduler.sweeper import Sweeper
from bot.storage.reminders import ReminderQueue


def local(y, m, d, hh=9, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


class Resolver:
    async def resolve(self, reminder) -> OutgoingMessage:
        return OutgoingMessage(reminder.key, "t1", "https://smba.example/", f"a:{reminder.recipient_id}", {"type": "message"})


@dataclass
class Transport:
    sent: list[str] = field(default_factory=list)

    async def deliver(self, messages, *, on_result=None):
        results = []
        for m in messages:
            self.sent.append(m.key)
            results.append(DeliveryResult(m.key, "sent", "id", 1))
        return results


def sweeper_for(engine, clock, transport, worker: str) -> Sweeper:
    return Sweeper(ReminderQueue(engine), transport, Resolver(), clock=clock, window=WorkingWindow(), worker_id=worker)


async def test_reminders_survive_a_restart_and_go_out_once(engine):
    clock = FixedClock(local(2026, 9, 1, 10))  # Tuesday
    transport = Transport()
    queue = ReminderQueue(engine)
    await queue.add(ReminderPlan(f"nomination:r1:u{i}:1", NOMINATION_KIND, "team-1", "r1", f"u{i}", 1, local(2026, 9, 2)) for i in range(5))

    first = ReminderRunner(sweeper_for(engine, clock, transport, "bot-before"), interval_seconds=3600)
    await first.start()
    await first.wait_for_sweeps(1)  # the start-up sweep: nothing is due yet
    assert first.last_report.claimed == 0
    await first.shutdown()  # the bot stops
    assert not first.running

    # While it is down the reminders fall due, and a third process that claimed one died.
    clock.set(local(2026, 9, 2, 9, 30))
    assert len(await queue.claim_due(clock.now(), worker_id="crashed", limit=1)) == 1
    clock.advance(timedelta(minutes=10))  # past that worker's lease

    second = ReminderRunner(sweeper_for(engine, clock, transport, "bot-after"), interval_seconds=3600)
    await second.start()  # the bot comes back
    try:
        await second.wait_for_sweeps(1)
        assert second.last_report.sent == 5
        assert (await second.sweep_now()).claimed == 0  # a later sweep finds nothing left
    finally:
        await second.shutdown()
    assert sorted(transport.sent) == sorted(f"nomination:r1:u{i}:1" for i in range(5))
    assert await queue.counts("r1") == {"sent": 5}


async def _outcome_of_a_job_that_fell_due_while_down(scheduler: AsyncIOScheduler) -> tuple[str, int]:
    """Add a date job whose run time is an hour past, as a persistent job store would hold it
    after an hour's downtime, start the scheduler, and report what APScheduler did with it."""
    calls: list[str] = []
    outcome: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    async def send_reminder() -> None:
        calls.append("sent")

    def listener(event) -> None:
        if not outcome.done():
            outcome.set_result("missed" if event.code == EVENT_JOB_MISSED else "executed")

    scheduler.add_listener(listener, EVENT_JOB_MISSED | EVENT_JOB_EXECUTED)
    scheduler.add_job(send_reminder, "date", run_date=datetime.now(timezone.utc) - timedelta(hours=1), id="reminder-u1")
    scheduler.start()
    try:
        result = await asyncio.wait_for(outcome, 10)
        await asyncio.sleep(0)  # let the job's bookkeeping finish on this loop turn
        assert scheduler.get_jobs() == []  # a date job is gone either way
    finally:
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)
    return result, len(calls)


async def test_default_misfire_grace_time_skips_a_run_missed_while_down():
    assert await _outcome_of_a_job_that_fell_due_while_down(AsyncIOScheduler(timezone=timezone.utc)) == ("missed", 0)


async def test_misfire_grace_given_as_a_scheduler_keyword_is_ignored():
    scheduler = AsyncIOScheduler(timezone=timezone.utc, misfire_grace_time=None)
    assert await _outcome_of_a_job_that_fell_due_while_down(scheduler) == ("missed", 0)


async def test_our_job_defaults_run_a_missed_job_once():
    assert await _outcome_of_a_job_that_fell_due_while_down(build_scheduler()) == ("executed", 1)


async def test_the_runner_job_uses_those_defaults():
    class Idle:
        async def run_once(self) -> SweepReport:
            return SweepReport()

    runner = ReminderRunner(Idle(), interval_seconds=30)
    await runner.start()
    try:
        job = runner.scheduler.get_job(SWEEP_JOB_ID)
        assert (job.misfire_grace_time, job.coalesce, job.max_instances) == (None, True, 1)
        assert JOB_DEFAULTS == {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
        assert job.trigger.interval == timedelta(seconds=30)
        await runner.wait_for_sweeps(1)  # the start-up sweep, without waiting an interval
    finally:
        await runner.shutdown()


async def test_a_failing_sweep_is_logged_and_the_job_keeps_running(caplog):
    class Flaky:
        calls = 0

        async def run_once(self) -> SweepReport:
            self.calls += 1
            if self.calls == 1:
                raise RuntimeError("database went away")
            return SweepReport(sent=1)

    runner = ReminderRunner(Flaky(), interval_seconds=3600)
    await runner.start()
    try:
        await runner.wait_for_sweeps(1)
        assert runner.last_report is None
        assert "reminder sweep failed" in caplog.text
        runner.scheduler.get_job(SWEEP_JOB_ID).modify(next_run_time=datetime.now(timezone.utc))  # the next tick, now
        await runner.wait_for_sweeps(2)
        assert runner.last_report == SweepReport(sent=1)
        assert runner.scheduler.get_job(SWEEP_JOB_ID) is not None
    finally:
        await runner.shutdown()


async def test_shutdown_lets_a_sweep_in_progress_finish():
    entered, release = asyncio.Event(), asyncio.Event()

    class Slow:
        finished = False

        async def run_once(self) -> SweepReport:
            entered.set()
            await release.wait()
            self.finished = True
            return SweepReport(sent=3)

    sweeper = Slow()
    runner = ReminderRunner(sweeper, interval_seconds=3600)
    await runner.start()
    await asyncio.wait_for(entered.wait(), 10)
    stopping = asyncio.create_task(runner.shutdown())
    await asyncio.sleep(0)
    assert not stopping.done()  # waits for the sweep rather than cancelling it
    release.set()
    await asyncio.wait_for(stopping, 10)
    assert sweeper.finished and runner.sweeps == 1 and runner.last_report.sent == 3


async def test_repeated_restarts_never_send_twice(engine):
    restarts = 3
    clock = FixedClock(local(2026, 9, 1, 10))
    transport = Transport()
    queue = ReminderQueue(engine)
    await queue.add(ReminderPlan(f"k{i}", NOMINATION_KIND, "team-1", "r1", f"u{i}", 1, local(2026, 9, 1 + i)) for i in range(restarts))
    for n in range(restarts + 1):
        runner = ReminderRunner(sweeper_for(engine, clock, transport, f"bot-{n}"), interval_seconds=3600)
        await runner.start()
        await runner.wait_for_sweeps(1)
        await runner.shutdown()
        clock.advance(timedelta(days=1))
    assert sorted(transport.sent) == [f"k{i}" for i in range(restarts)]
