"""Contract of the reminder queue; each test runs on SQLite and on PostgreSQL."""
from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from bot.process.nomination import NOMINATION_KIND

from bot.process.reminders import ReminderPlan
from bot.storage.reminders import ReminderQueue

LEASE = timedelta(minutes=5)


def plan(n: int, due_at, *, user: str | None = None, round_id: str = "r1", kind: str = NOMINATION_KIND, seq: int = 1) -> ReminderPlan:
    user = user or f"u{n}"
    return ReminderPlan(f"{kind}:{round_id}:{user}:{seq}:{n}", kind, "team-1", round_id, user, seq, due_at)


@pytest.fixture
def queue(engine) -> ReminderQueue:
    return ReminderQueue(engine)


async def test_add_is_idempotent_on_key(queue, clock):
    now = clock.now()
    assert await queue.add([plan(1, now), plan(2, now)]) == 2
    assert await queue.add([plan(1, now), plan(2, now)]) == 0
    assert await queue.add([plan(2, now), plan(3, now)]) == 1
    assert await queue.counts("r1") == {"pending": 3}


async def test_add_in_batches(queue, clock):
    assert await queue.add(plan(i, clock.now()) for i in range(1203)) == 1203
    assert await queue.add(plan(i, clock.now()) for i in range(1300)) == 97


async def test_only_due_reminders_are_claimed_oldest_first(queue, clock):
    now = clock.now()
    await queue.add([plan(1, now - timedelta(hours=1)), plan(2, now - timedelta(days=2)), plan(3, now + timedelta(seconds=1))])
    claimed = await queue.claim_due(now, worker_id="a")
    assert [r.recipient_id for r in claimed] == ["u2", "u1"]
    assert {r.status for r in claimed} == {"claimed"}
    assert all(r.claimed_by == "a" and r.lease_until == now + LEASE for r in claimed)
    assert claimed[0].due_at.tzinfo is not None


async def test_claim_is_exclusive(queue, engine, clock):
    now = clock.now()
    await queue.add(plan(i, now) for i in range(60))
    first = await queue.claim_due(now, worker_id="a", limit=25)
    second = await queue.claim_due(now, worker_id="b", limit=100)
    assert len(first) == 25 and len(second) == 35
    assert not {r.id for r in first} & {r.id for r in second}
    assert await queue.claim_due(now, worker_id="c") == []


async def test_concurrent_claims_never_overlap(queue, engine, clock):
    now = clock.now()
    await queue.add(plan(i, now) for i in range(300))
    queues = [ReminderQueue(engine) for _ in range(6)]

    async def drain(q: ReminderQueue, worker: str) -> list[int]:
        got: list[int] = []
        while batch := await q.claim_due(now, worker_id=worker, limit=7):
            got += [r.id for r in batch]
        return got

    results = await asyncio.gather(*(drain(q, f"w{i}") for i, q in enumerate(queues)))
    ids = [i for got in results for i in got]
    assert len(ids) == len(set(ids)) == 300


async def test_expired_lease_is_reclaimed_and_the_stale_worker_cannot_complete(queue, clock):
    now = clock.now()
    await queue.add([plan(1, now)])
    [mine] = await queue.claim_due(now, worker_id="slow", lease=LEASE)
    assert await queue.claim_due(now + timedelta(minutes=4), worker_id="fast") == []
    later = now + timedelta(minutes=6)
    [taken] = await queue.claim_due(later, worker_id="fast", lease=LEASE)
    assert taken.id == mine.id and taken.claimed_by == "fast"
    assert not await queue.renew([mine.id], now=later, worker_id="slow")
    assert not await queue.complete(mine.id, "sent", now=later, worker_id="slow")
    assert not await queue.retry_later(mine.id, due_at=later, reason="x", worker_id="slow")
    assert not await queue.drop(mine.id, "nominated", worker_id="slow")
    assert await queue.complete(taken.id, "sent", now=later, worker_id="fast")
    row = await queue.get(mine.id)
    assert (row.status, row.claimed_by, row.sent_at, row.attempts) == ("sent", "fast", later, 1)
    assert not await queue.complete(taken.id, "sent", now=later, worker_id="fast")  # only once


async def test_retry_later_counts_an_attempt_postpone_does_not(queue, clock):
    now = clock.now()
    await queue.add([plan(1, now)])
    [r] = await queue.claim_due(now, worker_id="a")
    assert await queue.retry_later(r.id, due_at=now + timedelta(minutes=5), reason="HTTP 503", worker_id="a")
    assert await queue.claim_due(now + timedelta(minutes=4), worker_id="a") == []
    [r] = await queue.claim_due(now + timedelta(minutes=5), worker_id="a")
    assert (r.attempts, r.reason) == (1, "HTTP 503")
    assert await queue.postpone(r.id, due_at=now + timedelta(days=1), worker_id="a")
    row = await queue.get(r.id)
    assert (row.status, row.attempts, row.claimed_by, row.due_at) == ("pending", 1, None, now + timedelta(days=1))


async def test_one_day_slot_per_person_and_kind(queue, clock):
    now = clock.now()
    await queue.add([plan(1, now, user="u1", seq=1), plan(2, now, user="u1", round_id="r2"), plan(3, now, user="u1", kind="other")])
    claimed = {r.key.split(":")[0] + r.round_id: r for r in await queue.claim_due(now, worker_id="w")}
    a, b, c = claimed[NOMINATION_KIND + "r1"], claimed[NOMINATION_KIND + "r2"], claimed["otherr1"]
    day = date(2026, 9, 1)
    assert await queue.reserve_day(a.id, day, worker_id="w")
    assert await queue.reserve_day(a.id, day, worker_id="w")  # its own slot again: a retry the same day
    assert not await queue.reserve_day(b.id, day, worker_id="w")  # same person and kind, another round
    assert await queue.reserve_day(c.id, day, worker_id="w")  # another kind
    assert await queue.reserve_day(b.id, day + timedelta(days=1), worker_id="w")
    assert not await queue.reserve_day(a.id, day + timedelta(days=1), worker_id="other-worker")


async def test_round_summaries(queue, clock):
    now = clock.now()
    await queue.add([plan(i, now) for i in range(4)] + [plan(9, now + timedelta(days=3)), plan(1, now, round_id="r2")])
    claimed = {(r.round_id, r.recipient_id): r for r in await queue.claim_due(now, worker_id="w")}
    assert len(claimed) == 5
    await queue.complete(claimed["r1", "u0"].id, "sent", now=now, worker_id="w")
    await queue.complete(claimed["r1", "u1"].id, "unreachable", now=now, reason="ConversationBlockedByUser", worker_id="w")
    await queue.drop(claimed["r1", "u2"].id, "nominated", worker_id="w")
    assert await queue.counts("r1") == {"sent": 1, "unreachable": 1, "dropped": 1, "claimed": 1, "pending": 1}
    assert await queue.unreachable("r1") == [("u1", "ConversationBlockedByUser")]
    assert [(r.recipient_id, r.status) for r in await queue.pending_for("r1")] == [("u3", "claimed"), ("u9", "pending")]
    assert await queue.drop_pending("r1", "round_closed") == 1
    assert [r.recipient_id for r in await queue.pending_for("r1")] == ["u3"]  # in flight: its worker decides


async def test_reasons_are_cut_to_the_column_and_cleaned(queue, clock):
    now = clock.now()
    await queue.add([plan(1, now)])
    [r] = await queue.claim_due(now, worker_id="w")
    assert await queue.complete(r.id, "failed", now=now, reason="x\x00" + "y" * 300, worker_id="w")
    assert (await queue.get(r.id)).reason == "x" + "y" * 99


async def test_reserving_days_in_a_batch_with_two_rows_of_one_person(queue, clock):
    now = clock.now()
    await queue.add([plan(1, now, user="u1"), plan(2, now, user="u1", round_id="r2"), plan(3, now, user="u3")])
    claimed = sorted(await queue.claim_due(now, worker_id="w"), key=lambda r: r.id)
    won = await queue.reserve_days([r.id for r in claimed], date(2026, 9, 1), worker_id="w")
    assert won == {claimed[0].id, claimed[2].id}  # the first of u1's two, and u3's


async def test_revive_puts_back_only_rows_dropped_for_the_reason_and_never_sent(queue, clock):
    now = clock.now()
    later = now + timedelta(days=3)
    # 1: dropped by the move; 2: sent before the move; 3: dropped for another reason; 4: in flight; 5: still pending.
    await queue.add([plan(i, now) for i in range(1, 6)])
    [sent] = await queue.claim_due(now, worker_id="a", limit=1)
    assert sent.recipient_id == "u1"
    assert await queue.complete(sent.id, "sent", now=now, worker_id="a")
    [flying] = await queue.claim_due(now, worker_id="a", limit=1)
    assert flying.recipient_id == "u2" and await queue.mark_sending([flying.id], worker_id="a") == {flying.id}
    ids = {r.recipient_id: r.id for r in await queue.pending_for("r1")}
    assert await queue.drop(ids["u3"], "day_moved")
    assert await queue.drop(ids["u4"], "answered")
    assert await queue.drop_pending("r1", "day_moved") == 1  # u5
    again = [plan(i, later) for i in range(1, 6)]
    assert await queue.add(again) == 0  # the keys are taken: planning them again alone changes nothing
    assert await queue.revive(again, "day_moved") == 2
    assert await queue.revive(again, "day_moved") == 0  # once put back, not again
    back = await queue.pending_for("r1")
    assert {r.recipient_id: (r.status, r.due_at, r.reason) for r in back} == {
        "u3": ("pending", later, None), "u5": ("pending", later, None)}
    assert [(await queue.get(i)).status for i in (sent.id, flying.id, ids["u4"])] == ["sent", "sending", "dropped"]
    assert await queue.revive([], "day_moved") == 0
