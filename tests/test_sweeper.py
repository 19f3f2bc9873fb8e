"""The sweeper on both backends: working window, obsolete reminders, outcomes, one a day."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.nomination import NOMINATION_KIND
from bot.process.reminders import ReminderPlan
from bot.scheduler.messages import DeliveryResult, OutgoingMessage
from bot.scheduler.dispatcher import Dispatcher
from bot.scheduler.ratelimit import RateLimiter
from bot.scheduler.resolver import Obsolete, ResolverByKind
from bot.scheduler.sweeper import Sweeper, retry_delay
from bot.storage.reminders import ReminderQueue
from bot.teams.connector import ConnectorClient
from mock_connector import Faults, MockBotConnector

WINDOW = WorkingWindow()


def local(y, m, d, hh=9, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def plan(user: str, due_at: datetime, *, round_id: str = "r1", seq: int = 1, kind: str = NOMINATION_KIND) -> ReminderPlan:
    return ReminderPlan(f"{kind}:{round_id}:{user}:{seq}", kind, "team-1", round_id, user, seq, due_at)


@dataclass
class FakeResolver:
    """A message per reminder, addressed to conversation ``conv-<user>``; some obsolete or broken."""

    service_url: str = "https://smba.example/emea/"
    obsolete: dict[str, str] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)

    async def resolve(self, reminder) -> OutgoingMessage | Obsolete:
        if reminder.recipient_id in self.broken:
            raise RuntimeError("resolver bug")
        if reminder.recipient_id in self.obsolete:
            return Obsolete(self.obsolete[reminder.recipient_id])
        activity = {"type": "message", "text": reminder.key}
        return OutgoingMessage("ignored", "tenant-1", self.service_url, f"conv-{reminder.recipient_id}", activity)


@dataclass
class FakeDispatcher:
    """Sends everything, except recipients scripted to fail or be unreachable."""

    script: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    sent: list[str] = field(default_factory=list)

    async def deliver(self, messages, *, on_result=None):
        results = []
        for m in messages:
            user = m.conversation_id.removeprefix("conv-")
            status, reason = self.script[user].pop(0) if self.script.get(user) else ("sent", None)
            if status == "sent":
                self.sent.append(m.key)
            result = DeliveryResult(m.key, status, "a1" if status == "sent" else None, 1, reason)
            if on_result:
                await on_result(result)
            results.append(result)
        return results


@pytest.fixture
def queue(engine) -> ReminderQueue:
    return ReminderQueue(engine)


def make_sweeper(queue, clock, *, dispatcher=None, resolver=None, worker_id="w1", **options) -> Sweeper:
    return Sweeper(
        queue, dispatcher or FakeDispatcher(), resolver or FakeResolver(), clock=clock, window=WINDOW, worker_id=worker_id, **options,
    )


async def test_due_on_saturday_waits_until_monday_nine(queue):
    clock = FixedClock(local(2026, 9, 5, 10))  # Saturday
    await queue.add([plan("u1", clock.now())])
    sweeper = make_sweeper(queue, clock)
    for moment in (local(2026, 9, 5, 10), local(2026, 9, 6, 12), local(2026, 9, 7, 8, 59)):
        clock.set(moment)
        report = await sweeper.run_once()
        assert report.outside_window and report.claimed == 0
    assert sweeper.dispatcher.sent == []
    assert await queue.counts("r1") == {"pending": 1}
    clock.set(local(2026, 9, 7, 9))  # Monday 09:00 Copenhagen = 07:00 UTC
    assert clock.now() == datetime(2026, 9, 7, 7, 0, tzinfo=timezone.utc)
    report = await sweeper.run_once()
    assert (report.sent, report.outside_window) == (1, False)
    assert await sweeper.run_once() == type(report)()  # nothing left to do
    assert sweeper.dispatcher.sent == ["nomination_deadline:r1:u1:1"]


async def test_a_reminder_that_fell_due_while_down_goes_out_once(queue):
    clock = FixedClock(local(2026, 9, 3, 11))  # Thursday; due Tuesday
    await queue.add([plan("u1", local(2026, 9, 1))])
    sweeper = make_sweeper(queue, clock)
    assert (await sweeper.run_once()).sent == 1
    assert (await sweeper.run_once()).sent == 0
    [row] = await queue.pending_for("r1") or [None]
    assert row is None
    assert sweeper.dispatcher.sent == ["nomination_deadline:r1:u1:1"]


async def test_obsolete_reminders_are_dropped_not_sent(queue, clock):
    await queue.add([plan("u1", clock.now()), plan("u2", clock.now())])
    sweeper = make_sweeper(queue, clock, resolver=FakeResolver(obsolete={"u1": "nominated"}))
    report = await sweeper.run_once()
    assert (report.sent, report.dropped) == (1, 1)
    assert sweeper.dispatcher.sent == ["nomination_deadline:r1:u2:1"]
    assert await queue.counts("r1") == {"sent": 1, "dropped": 1}


async def test_unknown_kind_is_dropped(queue, clock):
    await queue.add([plan("u1", clock.now(), kind="mystery")])
    sweeper = make_sweeper(queue, clock, resolver=ResolverByKind({NOMINATION_KIND: FakeResolver()}))
    assert (await sweeper.run_once()).dropped == 1


async def test_403_from_teams_marks_unreachable_with_the_reason(queue, clock):
    async with MockBotConnector(faults=Faults(blocked_conversations={"conv-u1"})) as mock:
        for user in ("u1", "u2"):
            mock.add_conversation(f"conv-{user}", tenant_id="tenant-1")
        async with ConnectorClient() as connector:
            dispatcher = Dispatcher(connector, limiter=RateLimiter())
            await queue.add([plan("u1", clock.now()), plan("u2", clock.now())])
            sweeper = make_sweeper(queue, clock, dispatcher=dispatcher, resolver=FakeResolver(service_url=mock.url))
            report = await sweeper.run_once()
        assert (report.sent, report.unreachable) == (1, 1)
        assert mock.delivery_counts() == {"nomination_deadline:r1:u2:1": 1}
    assert await queue.unreachable("r1") == [("u1", "ConversationBlockedByUser")]
    assert await queue.counts("r1") == {"sent": 1, "unreachable": 1}


async def test_a_failed_send_is_retried_later_then_sent(queue, clock):
    await queue.add([plan("u1", clock.now())])
    dispatcher = FakeDispatcher(script={"u1": [("failed", "HTTP 503")]})
    sweeper = make_sweeper(queue, clock, dispatcher=dispatcher)
    assert (await sweeper.run_once()).retried == 1
    [row] = await queue.pending_for("r1")
    assert (row.status, row.attempts, row.reason, row.due_at) == ("pending", 1, "HTTP 503", clock.now() + retry_delay(1))
    clock.advance(retry_delay(1) - timedelta(seconds=1))
    assert (await sweeper.run_once()).claimed == 0
    clock.advance(timedelta(seconds=1))
    assert (await sweeper.run_once()).sent == 1
    assert dispatcher.sent == ["nomination_deadline:r1:u1:1"]


async def test_retries_are_bounded_then_failed(queue, clock):
    await queue.add([plan("u1", clock.now())])
    dispatcher = FakeDispatcher(script={"u1": [("failed", "HTTP 502")] * 10})
    sweeper = make_sweeper(queue, clock, dispatcher=dispatcher, max_attempts=3)
    outcomes = []
    for _ in range(4):
        report = await sweeper.run_once()
        outcomes.append((report.retried, report.failed))
        clock.advance(timedelta(hours=1))  # past each backoff, still inside the window on 1 Sep
    assert outcomes == [(1, 0), (1, 0), (0, 1), (0, 0)]
    assert await queue.counts("r1") == {"failed": 1}


async def test_a_retry_that_would_fall_after_hours_waits_for_the_next_opening(queue):
    clock = FixedClock(local(2026, 9, 4, 14, 58))  # Friday, two minutes before 15:00
    await queue.add([plan("u1", clock.now())])
    sweeper = make_sweeper(queue, clock, dispatcher=FakeDispatcher(script={"u1": [("failed", "HTTP 503")]}))
    await sweeper.run_once()
    [row] = await queue.pending_for("r1")
    assert row.due_at == local(2026, 9, 7, 9)


async def test_a_resolver_bug_does_not_lose_the_reminder(queue, clock):
    await queue.add([plan("u1", clock.now())])
    resolver = FakeResolver(broken={"u1"})
    sweeper = make_sweeper(queue, clock, resolver=resolver)
    assert (await sweeper.run_once()).retried == 1
    resolver.broken.clear()
    clock.advance(timedelta(hours=1))
    assert (await sweeper.run_once()).sent == 1


async def test_at_most_one_reminder_a_day_per_person(queue, clock):
    # Two rounds (two teams) remind the same person on the same day: one waits a working day.
    await queue.add([plan("u1", clock.now(), round_id="r1"), plan("u1", clock.now(), round_id="r2"), plan("u2", clock.now())])
    sweeper = make_sweeper(queue, clock)
    report = await sweeper.run_once()
    assert (report.sent, report.postponed) == (2, 1)
    [waiting] = [r for rid in ("r1", "r2") for r in await queue.pending_for(rid)]
    assert waiting.due_at == local(2026, 9, 2, 9)  # Wednesday 09:00
    clock.set(local(2026, 9, 1, 14))
    assert (await sweeper.run_once()).claimed == 0
    clock.set(local(2026, 9, 2, 9))
    assert (await sweeper.run_once()).sent == 1
    assert sorted(sweeper.dispatcher.sent) == ["nomination_deadline:r1:u1:1", "nomination_deadline:r1:u2:1", "nomination_deadline:r2:u1:1"]


async def test_a_reminder_sent_earlier_today_holds_the_day(queue, clock):
    await queue.add([plan("u1", clock.now(), round_id="r1")])
    sweeper = make_sweeper(queue, clock)
    assert (await sweeper.run_once()).sent == 1
    clock.advance(timedelta(hours=2))
    await queue.add([plan("u1", clock.now(), round_id="r2")])
    assert (await sweeper.run_once()).postponed == 1


async def test_of_two_overdue_reminders_only_the_later_is_sent(queue):
    clock = FixedClock(local(2026, 10, 1, 10))  # back after a long outage: both are due
    await queue.add([plan("u1", local(2026, 9, 25), seq=1), plan("u1", local(2026, 10, 1), seq=2)])
    sweeper = make_sweeper(queue, clock)
    report = await sweeper.run_once()
    assert (report.sent, report.dropped) == (1, 1)
    assert sweeper.dispatcher.sent == ["nomination_deadline:r1:u1:2"]


async def test_many_batches_in_one_sweep(queue, clock):
    await queue.add([plan(f"u{i}", clock.now()) for i in range(45)])
    sweeper = make_sweeper(queue, clock, batch=10, send_chunk=4)
    report = await sweeper.run_once()
    assert (report.claimed, report.sent) == (45, 45)
    assert len(set(sweeper.dispatcher.sent)) == 45


async def test_a_worker_that_lost_its_claim_does_not_send(queue, engine, clock):
    """A worker stalls past its lease; another takes the rows over; the first must not send."""
    await queue.add([plan("u1", clock.now())])
    thief = ReminderQueue(engine)

    class StallingResolver(FakeResolver):
        async def resolve(self, reminder):
            clock.advance(timedelta(minutes=6))
            assert await thief.claim_due(clock.now(), worker_id="other")
            return await super().resolve(reminder)

    sweeper = make_sweeper(queue, clock, resolver=StallingResolver())
    report = await sweeper.run_once()
    assert (report.sent, report.lost) == (0, 1)
    assert sweeper.dispatcher.sent == []
    [row] = await queue.pending_for("r1")
    assert row.claimed_by == "other"


async def test_a_claim_lost_after_reserving_the_day_is_not_sent(queue, engine, clock):
    await queue.add([plan("u1", clock.now())])
    thief = ReminderQueue(engine)

    class StallingQueue(ReminderQueue):
        async def reserve_days(self, reminder_ids, day, *, worker_id):
            reserved = await super().reserve_days(reminder_ids, day, worker_id=worker_id)
            clock.advance(timedelta(minutes=6))  # stalls past the lease right before sending
            assert await thief.claim_due(clock.now(), worker_id="other")
            return reserved

    sweeper = make_sweeper(StallingQueue(engine), clock)
    report = await sweeper.run_once()
    assert (report.sent, report.lost) == (0, 1)
    assert sweeper.dispatcher.sent == []


async def test_nomination_reminders_end_to_end_through_the_mock_connector(store, queue, clock):
    """The real resolver, dispatcher and connector: who gets which card, in which language."""
    from bot.concepts import load_concept
    from bot.process.concept import Kind
    from bot.process.nomination import NominationInput, ThemeChoice
    from bot.process.nomination import plan_nomination_reminders
    from bot.scheduler.nomination import NominationReminderResolver
    from bot.process.people import Member

    rnd = await store.dialogues.open_round(
        team_id="team-1", opened_by="u0", opened_at=clock.now(), deadline_at=clock.now() + timedelta(days=14),
        contact_name="Kim", named_mode=False, concept="nyborg",
    )
    await store.dialogues.add_invitees(rnd.id, [Member(u, u) for u in ("u1", "u2", "u3", "u4")])
    async with MockBotConnector() as mock:
        for user in ("u1", "u2", "u4"):
            mock.add_conversation(f"a:{user}", tenant_id="tenant-1")
            await store.people.remember(user_id=user, tenant_id="tenant-1", now=clock.now(), service_url=mock.url, conversation_id=f"a:{user}")
        await store.people.remember(user_id="u3", tenant_id="tenant-1", now=clock.now())  # never reached
        await store.people.set_language("u2", "en", tenant_id="tenant-1", now=clock.now())
        choice = ThemeChoice(Kind.WELLBEING, "social-support-trust", None, "Fordi", "Bedre kerneopgave")
        lead = ThemeChoice(Kind.LEADERSHIP, "own", "Mødekultur", "Møder", "Tid")
        await store.nominations.save(rnd.id, "u1", NominationInput(choice, lead), clock.now())

        plans = plan_nomination_reminders(rnd, ["u1", "u2", "u3", "u4"], WINDOW)
        assert await queue.add(plans) == 8
        resolver = NominationReminderResolver(store, load_concept, clock=clock)
        async with ConnectorClient() as connector:
            sweeper = make_sweeper(queue, clock, dispatcher=Dispatcher(connector, limiter=RateLimiter()), resolver=resolver)
            clock.set(plans[0].due_at)  # the first reminder's morning
            report = await sweeper.run_once()
            assert (report.sent, report.dropped) == (2, 2)
            bodies = {r.conversation_id: r.body for r in mock.delivered()}
            assert set(bodies) == {"a:u2", "a:u4"}
            assert bodies["a:u2"]["summary"] == "Remember to choose your themes"
            assert bodies["a:u4"]["summary"] == "Husk at vælge dine temaer"
            card = bodies["a:u4"]["attachments"][0]["content"]
            assert card["type"] == "AdaptiveCard" and rnd.id in str(card)
            reasons = {r.recipient_id: r.reason for r in await queue.pending_for(rnd.id)}
            assert set(reasons) == {"u1", "u2", "u3", "u4"}  # the second reminders, still ahead

            await store.nominations.save(rnd.id, "u4", NominationInput(choice, lead), clock.now())
            clock.set(plans[1].due_at)
            report = await sweeper.run_once()
            assert (report.sent, report.dropped) == (1, 3)
            assert mock.delivery_counts(lambda a: a["summary"]) == {
                "Remember to choose your themes": 1, "Husk at vælge dine temaer": 1, "Reminder: choose your themes": 1,
            }
    counts = await queue.counts(rnd.id)
    assert counts == {"sent": 3, "dropped": 5}


async def test_the_lease_is_renewed_while_a_slow_send_is_under_way(queue, engine, clock):
    """A long Retry-After holds a send for longer than the lease; no other worker takes it over."""
    await queue.add([plan("u1", clock.now())])
    start, thief = clock.now(), ReminderQueue(engine)
    stolen: list = []

    async def virtual_sleep(seconds: float) -> None:
        clock.advance(timedelta(seconds=seconds))

    class SlowDispatcher(FakeDispatcher):
        async def deliver(self, messages, *, on_result=None):
            messages = list(messages)
            while clock.now() < start + timedelta(minutes=12):  # the heartbeat moves the clock
                await asyncio.sleep(0)
            stolen.extend(await thief.claim_due(clock.now(), worker_id="other"))
            return await super().deliver(messages, on_result=on_result)

    sweeper = make_sweeper(queue, clock, dispatcher=SlowDispatcher(), sleep=virtual_sleep)
    report = await sweeper.run_once()
    # The heartbeat has finished, not merely been cancelled: a leftover task mid-way through a
    # database call once hung event-loop teardown.
    assert asyncio.all_tasks() == {asyncio.current_task()}
    assert stolen == []
    assert (report.sent, report.lost) == (1, 0)
    assert await queue.counts("r1") == {"sent": 1}


@dataclass(frozen=True)
class LostAnswer:
    key: str
    status: str = "failed"
    activity_id: None = None
    attempts: int = 1
    reason: str = "no answer: timeout"
    maybe_delivered: bool = True


async def test_a_send_whose_answer_was_lost_is_not_retried(queue, clock):
    await queue.add([plan("u1", clock.now())])

    class Timeout(FakeDispatcher):
        async def deliver(self, messages, *, on_result=None):
            return [LostAnswer(m.key) for m in messages]

    sweeper = make_sweeper(queue, clock, dispatcher=Timeout())
    assert (await sweeper.run_once()).failed == 1
    assert await queue.counts("r1") == {"unconfirmed": 1}  # maybe delivered: final, never sent again


async def test_invitations_of_two_rounds_on_one_day_both_go_out(queue, clock):
    # Someone in two teams whose rounds start the same day gets both cards: invitations are one
    # per round by their key and skip the one-a-day slot, which holds only for reminders.
    from bot.process.deadline import UNLIMITED_KINDS
    from bot.process.invitees import INVITATION_KIND

    await queue.add([plan("u1", clock.now(), round_id="r1", kind=INVITATION_KIND), plan("u1", clock.now(), round_id="r2", kind=INVITATION_KIND),
                     plan("u1", clock.now(), round_id="r3")])
    report = await make_sweeper(queue, clock, unlimited_kinds=UNLIMITED_KINDS).run_once()
    assert (report.sent, report.postponed) == (3, 0)


async def test_the_resolver_of_a_kind_records_each_final_outcome(queue, clock):
    outcomes: list[tuple[str, str, str | None]] = []

    class Recording(FakeResolver):
        async def recorded(self, reminder, result) -> None:
            outcomes.append((reminder.recipient_id, result.status, result.reason))

    dispatcher = FakeDispatcher(script={"u2": [("unreachable", "ConversationBlockedByUser")], "u3": [("failed", "HTTP 502")]})
    await queue.add([plan(u, clock.now(), kind="k") for u in ("u1", "u2", "u3")])
    sweeper = make_sweeper(queue, clock, dispatcher=dispatcher, resolver=ResolverByKind({"k": Recording()}), max_attempts=1)
    await sweeper.run_once()
    # The failed one is final at once here (max_attempts=1); a retry would not be reported yet.
    assert sorted(outcomes) == [("u1", "sent", None), ("u2", "unreachable", "ConversationBlockedByUser"), ("u3", "failed", "HTTP 502")]


async def test_what_someone_in_the_room_asked_for_goes_out_before_the_window_opens(queue):
    """A dialogue from 08:00: the groups posted at 08:10 go now; a reminder due then still waits for 09:00."""
    clock = FixedClock(local(2026, 9, 29, 8, 10))  # a Tuesday, before the window opens
    await queue.add([plan("u1", clock.now()), plan("channel", clock.now(), kind="groups_posted")])
    sweeper = make_sweeper(queue, clock, unlimited_kinds=frozenset({"groups_posted"}), anytime_kinds=frozenset({"groups_posted"}))
    report = await sweeper.run_once()
    assert (report.sent, report.outside_window) == (1, False)
    assert sweeper.dispatcher.sent == ["groups_posted:r1:channel:1"]
    report = await sweeper.run_once()
    assert report.outside_window and report.claimed == 0  # the reminder is left for the window
    clock.set(local(2026, 9, 29, 9))
    assert (await sweeper.run_once()).sent == 1
    assert sweeper.dispatcher.sent[-1] == "nomination_deadline:r1:u1:1"
