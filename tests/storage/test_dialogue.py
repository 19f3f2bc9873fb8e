"""Dialogues, rounds and invitees (bot/storage/dialogue.py), and migration 0005 that added the dialogue."""
from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from bot.process.people import Member
from bot.process.dialogue import Dialogue
from bot.process.nomination import Invitee, Round, RoundAlreadyOpen
from bot.process.plan import cycle_of
from bot.storage.migrate import upgrade
from conftest import drop_engine, empty_engine


async def open_round(store, clock, team="team-1", *, at: datetime | None = None):
    at = at or clock.now()
    return await store.dialogues.open_round(
        team_id=team, opened_by="u1", opened_at=at, deadline_at=at + timedelta(days=14),
        contact_name="Kim", named_mode=False, concept="nyborg",
    )


async def test_only_one_open_round_per_team(store, clock):
    first = await open_round(store, clock)
    with pytest.raises(RoundAlreadyOpen):
        await open_round(store, clock)
    clock.advance(timedelta(days=15))
    second = await open_round(store, clock)
    assert second.id != first.id
    closed = await store.dialogues.get_round(first.id)
    assert closed.closed_at == first.deadline_at
    assert (await store.dialogues.latest_round("team-1")).id == second.id


async def test_two_starts_at_once_open_one_round(store, clock):
    results = await asyncio.gather(*(open_round(store, clock) for _ in range(3)), return_exceptions=True)
    assert sum(isinstance(r, Round) for r in results) == 1
    assert sum(isinstance(r, RoundAlreadyOpen) for r in results) == 2
    opened = next(r for r in results if isinstance(r, Round))
    assert (await store.dialogues.latest_round("team-1")) == opened


async def test_round_members_and_delivery(store, clock):
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u1", "A"), Member("u2", "B"), Member("u1", "A")])
    await store.dialogues.record_card_delivery(rnd.id, "u2", delivery="unreachable", reason="blocked")
    members = {m.user_id: m for m in await store.dialogues.invitees(rnd.id)}
    assert set(members) == {"u1", "u2"}
    assert members["u2"].delivery == "unreachable"
    assert [r.id for r in await store.dialogues.rounds_for_member("u1")] == [rnd.id]


async def test_an_invitee_is_a_plain_record_of_the_card_sent(store, clock):
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u1", "Åse")])
    assert await store.dialogues.invitee(rnd.id, "u1") == Invitee(rnd.id, "u1", "Åse", None, "pending", None)
    await store.dialogues.record_card_delivery(rnd.id, "u1", delivery="sent", activity_id="1:abc")
    assert await store.dialogues.invitee(rnd.id, "u1") == Invitee(rnd.id, "u1", "Åse", "1:abc", "sent", None)
    assert await store.dialogues.invitee(rnd.id, "u2") is None


async def test_rounds_of_a_cycle_share_the_workplaces_dialogue(store, clock):
    september = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
    first = await open_round(store, clock, at=september)
    again = await open_round(store, clock, at=september + timedelta(days=30))  # the first has ended
    other_team = await open_round(store, clock, "team-2", at=september)
    december = await open_round(store, clock, at=datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc))
    assert first.dialogue_id and first.dialogue_id == again.dialogue_id
    assert other_team.dialogue_id not in (None, first.dialogue_id)
    assert december.dialogue_id not in (None, first.dialogue_id)
    dialogue = await store.dialogues.dialogue_for("team-1", 2026)
    assert dialogue == Dialogue(first.dialogue_id, "team-1", 2026, await store.dialogues.get_round(again.id))
    assert (await store.dialogues.dialogue_for("team-1", 2027)).id == december.dialogue_id
    assert await store.dialogues.dialogue_for("team-1", 2025) is None
    assert (await store.dialogues.get_round(again.id)).dialogue_id == first.dialogue_id


async def test_a_refused_start_leaves_no_dialogue_behind(store, clock):
    late_november = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    await open_round(store, clock, at=late_november)  # open until 9 December
    with pytest.raises(RoundAlreadyOpen):
        await open_round(store, clock, at=late_november + timedelta(days=7))  # in the 2027 cycle
    assert await store.dialogues.dialogue_for("team-1", 2027) is None


async def test_migration_0005_gives_existing_rounds_the_dialogue_of_their_cycle(backend, tmp_path):
    engine, schema = await empty_engine(backend, tmp_path, name="old.db")
    try:
        await upgrade(engine, "0004")
        rounds = sa.table(
            "nomination_round", sa.column("id"), sa.column("team_id"), sa.column("open_slot"), sa.column("opened_by"),
            sa.column("opened_at", sa.DateTime(timezone=True)), sa.column("deadline_at", sa.DateTime(timezone=True)),
            sa.column("contact_name"), sa.column("named_mode"), sa.column("concept"),
        )
        opened = {
            "a-2025": ("team-a", datetime(2025, 9, 1, 8, 0, tzinfo=timezone.utc)),
            "a-2025b": ("team-a", datetime(2025, 12, 1, 22, 30, tzinfo=timezone.utc)),  # 23:30 on 1 December in Copenhagen
            "a-2026": ("team-a", datetime(2025, 12, 1, 23, 30, tzinfo=timezone.utc)),  # already 2 December there
            "b-2025": ("team-b", datetime(2025, 10, 1, 8, 0, tzinfo=timezone.utc)),
        }
        naive = backend == "sqlite"  # what the app's column type writes there
        async with engine.begin() as conn:
            await conn.execute(rounds.insert(), [
                {"id": rid, "team_id": team, "open_slot": None, "opened_by": "u", "contact_name": "c", "named_mode": False, "concept": "nyborg",
                 "opened_at": at.replace(tzinfo=None) if naive else at, "deadline_at": (at + timedelta(days=14)).replace(tzinfo=None) if naive else at + timedelta(days=14)}
                for rid, (team, at) in opened.items()
            ])
        await upgrade(engine)
        async with engine.connect() as conn:
            dialogues = {row.id: (row.team_id, row.cycle) for row in (await conn.execute(sa.text("SELECT id, team_id, cycle FROM dialogue"))).all()}
            of_round = dict((await conn.execute(sa.text("SELECT id, dialogue_id FROM nomination_round"))).all())
        assert sorted(dialogues.values()) == [("team-a", 2025), ("team-a", 2026), ("team-b", 2025)]
        assert {rid: dialogues[d] for rid, d in of_round.items()} == {
            "a-2025": ("team-a", 2025), "a-2025b": ("team-a", 2025), "a-2026": ("team-a", 2026), "b-2025": ("team-b", 2025),
        }
        assert {rid: cycle_of(at) for rid, (_, at) in opened.items()} == {rid: dialogues[d][1] for rid, d in of_round.items()}
    finally:
        await drop_engine(engine, schema)


async def test_leaving_people_out_keeps_those_who_answered_and_frees_their_reminders(store, clock):
    from bot.process.nomination import plan_nomination_reminders
    from bot.process.calendar import WorkingWindow
    from storage.test_nomination import nomination

    round_ = await open_round(store, clock)
    await store.dialogues.add_invitees(round_.id, [Member("u1", "A"), Member("u2", "B"), Member("u3", "C")])
    await store.nominations.save(round_.id, "u2", nomination(), clock.now())
    plans = plan_nomination_reminders(round_, ["u1", "u2", "u3"], WorkingWindow())
    assert await store.reminders.add(plans) == len(plans) > 0
    removed = await store.dialogues.remove_invitees(round_.id, ["u1", "u2", "u1", "nobody"])
    assert removed == {"u1"}  # u2 has answered: stays
    assert [i.user_id for i in await store.dialogues.invitees(round_.id)] == ["u2", "u3"]
    assert await store.dialogues.remove_invitees(round_.id, []) == set()
    assert await store.reminders.forget_pending(round_.id, removed) == len(plans) // 3
    assert {r.recipient_id for r in await store.reminders.pending_for(round_.id)} == {"u2", "u3"}
    # Invited back: the same reminders can be planned again (their keys are free).
    await store.dialogues.add_invitees(round_.id, [Member("u1", "A")])
    assert await store.reminders.add(plans) == len(plans) // 3
