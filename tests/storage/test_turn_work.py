"""A turn's storage work in one transaction (bot/storage/turn_work.py): the claim gates every
write, a failed turn leaves nothing behind, and the double-click and race rules of the
repositories hold on SQLite and PostgreSQL alike."""
from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.process.people import Member
from bot.storage.turn_work import ActivityAlreadyHandled, TurnWork
from tests.storage.test_nomination import nomination, open_round


def work(store, clock, key: str | None = "conv|a1") -> TurnWork:
    return TurnWork(store.engine, key, clock.now())


async def invited_round(store, clock):
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u2", "Åse Ørum")])
    return rnd


async def test_a_turn_reads_and_writes_in_one_transaction_claimed_at_finish(store, clock):
    rnd = await invited_round(store, clock)
    turn = work(store, clock)
    seen = await turn.remember(user_id="u2", tenant_id="t", now=clock.now(), name="Åse", conversation_id="a:u2")
    assert seen.before is None and seen.after.conversation_id == "a:u2"
    assert await turn.round(rnd.id) == rnd and await turn.round("nope") is None
    assert (await turn.invitee(rnd.id, "u2")).name == "Åse Ørum" and await turn.invitee(rnd.id, "u9") is None
    assert await turn.nomination(rnd.id, "u2") is None
    assert await turn.save_nomination(rnd.id, "u2", nomination(), clock.now())
    await turn.finish()
    assert turn.claimed
    assert await store.nominations.get(rnd.id, "u2") == nomination()
    assert (await store.people.get("u2")).conversation_id == "a:u2"
    assert not await store.activities.claim("conv|a1", clock.now())  # the claim was committed with them


async def test_the_same_activity_again_has_no_effect(store, clock):
    rnd = await invited_round(store, clock)
    first = work(store, clock)
    await first.save_nomination(rnd.id, "u2", nomination(), clock.now())
    await first.finish()
    again = work(store, clock)
    await again.remember(user_id="u2", tenant_id="t", now=clock.now(), name="Someone else")
    assert await again.save_nomination(rnd.id, "u2", nomination("Ny grund"), clock.now())
    with pytest.raises(ActivityAlreadyHandled):
        await again.finish()
    assert not again.claimed
    assert await store.nominations.get(rnd.id, "u2") == nomination()
    assert await store.people.get("u2") is None


async def test_a_turn_that_fails_before_finishing_leaves_no_claim_and_no_writes(store, clock):
    rnd = await invited_round(store, clock)
    turn = work(store, clock)
    await turn.remember(user_id="u2", tenant_id="t", now=clock.now(), name="Åse")
    await turn.save_nomination(rnd.id, "u2", nomination(), clock.now())
    await turn.close()
    assert await store.nominations.get(rnd.id, "u2") is None and await store.people.get("u2") is None
    assert await store.activities.claim("conv|a1", clock.now())  # Teams' retry would be handled


async def test_double_clicks_change_nothing_and_a_change_is_a_new_version(store, clock):
    rnd = await invited_round(store, clock)
    await store.nominations.save(rnd.id, "u2", nomination(), clock.now(), entered_by="u-kim")  # a paper form
    same = work(store, clock, "conv|a2")
    assert await same.nomination(rnd.id, "u2") == nomination()
    assert await same.save_nomination(rnd.id, "u2", nomination(), clock.now())  # own answer: clears the paper mark
    await same.finish()
    assert await store.nominations.entered_by(rnd.id, "u2") is None
    again = work(store, clock, "conv|a3")
    assert not await again.save_nomination(rnd.id, "u2", nomination(), clock.now())  # a double click
    await again.finish()
    changed = work(store, clock, "conv|a4")
    assert await changed.save_nomination(rnd.id, "u2", nomination("Ny grund æøå"), clock.now() + timedelta(minutes=1))
    await changed.finish()
    assert (await store.nominations.get(rnd.id, "u2")).wellbeing.why_me == "Ny grund æøå"
    async with store.engine.connect() as conn:
        version = (await conn.execute(sa.text("SELECT version FROM nomination WHERE user_id = 'u2'"))).scalar_one()
    assert version == 3  # the paper form, the own answer, the change; not the double click


async def test_racing_first_submissions_and_first_turns_keep_one_row_each(store, clock):
    rnd = await invited_round(store, clock)
    slow = work(store, clock, "conv|slow")
    await slow.remember(user_id="u2", tenant_id="t", now=clock.now(), name="Åse", conversation_id="a:u2")
    assert await slow.save_nomination(rnd.id, "u2", nomination("Langsom"), clock.now())
    # Meanwhile another process remembers the person (no chat known there) and stores a first answer.
    await store.people.remember(user_id="u2", tenant_id="t", now=clock.now(), name="Åse Ørum")
    assert await store.nominations.save(rnd.id, "u2", nomination("Hurtig"), clock.now())
    await slow.finish()  # neither insert fails the transaction: the claim holds, the first answer stays
    assert slow.claimed
    assert (await store.nominations.get(rnd.id, "u2")).wellbeing.why_me == "Hurtig"
    person = await store.people.get("u2")
    assert person.conversation_id == "a:u2" and person.name == "Åse"  # merged into the winner's row
