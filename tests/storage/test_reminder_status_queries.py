"""The reminder queue's read-only queries for the status card (bot/storage/reminders.py):
reminders sent of one kind, and when the next one that will really go out falls due."""
from __future__ import annotations

from datetime import timedelta

from bot.process.nomination import NOMINATION_KIND
from bot.process.reminders import ReminderPlan
from storage.test_nomination import nomination, open_round


def plan(round_id: str, user: str, sequence: int, due_at, *, kind: str = NOMINATION_KIND) -> ReminderPlan:
    return ReminderPlan(f"{kind}:{round_id}:{user}:{sequence}", kind, "team-1", round_id, user, sequence, due_at)


async def test_next_due_skips_sent_rows_other_kinds_and_people_who_answered(store, clock):
    rnd = await open_round(store, clock)
    other = await open_round(store, clock, team="team-2")
    day = timedelta(days=1)
    now = clock.now()
    await store.reminders.add([
        plan(rnd.id, "u-bo", 1, now + 2 * day),  # Bo answers below: his reminder will never go out
        plan(rnd.id, "u-cecilie", 1, now + 3 * day),
        plan(rnd.id, "u-cecilie", 2, now + 6 * day),
        plan(rnd.id, "u-dorte", 1, now + day, kind="invitation"),  # another kind in the same queue
        plan(other.id, "u-erik", 1, now + day),  # another round
    ])
    assert await store.reminders.next_due(rnd.id, NOMINATION_KIND) == now + 2 * day
    await store.nominations.save(rnd.id, "u-bo", nomination(), now)
    assert await store.reminders.next_due(rnd.id, NOMINATION_KIND) == now + 3 * day

    # Cecilie's first reminder is claimed and sent: the next is her second. (A claimed row
    # still counts as coming: Bo's, claimed too, does not, because he answered.)
    [claimed] = [r for r in await store.reminders.claim_due(now + 3 * day, worker_id="w1")
                 if r.recipient_id == "u-cecilie"]
    assert await store.reminders.next_due(rnd.id, NOMINATION_KIND) == now + 3 * day
    assert await store.reminders.complete(claimed.id, "sent", now=now + 3 * day, worker_id="w1")
    due = await store.reminders.next_due(rnd.id, NOMINATION_KIND)
    assert due == now + 6 * day and due.tzinfo is not None
    assert await store.reminders.sent_count(rnd.id, NOMINATION_KIND) == 1
    assert await store.reminders.sent_count(rnd.id, "invitation") == 0

    await store.reminders.drop_pending(rnd.id, "round_closed")
    assert await store.reminders.next_due(rnd.id, NOMINATION_KIND) is None
    assert await store.reminders.sent_count(other.id, NOMINATION_KIND) == 0
