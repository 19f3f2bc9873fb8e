"""The day and the invitations to it (bot/storage/invitation.py), on SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
from datetime import date, time, timedelta

from bot.process.invitation import Answer, DialogueDay, Invited
from bot.process.people import Member


async def _dialogue(store, clock, team="team-1"):
    return await store.dialogues.ensure_dialogue(team, clock.now())


async def test_the_day_is_set_and_moved(store, clock):
    d = await _dialogue(store, clock)
    assert await store.invitations.get_day(d.id) is None
    first = DialogueDay(date(2026, 9, 15), time(8, 0), "Mødelokale 2", None)
    await store.invitations.set_day(d.id, first, by="u1", now=clock.now())
    assert await store.invitations.get_day(d.id) == first
    moved = DialogueDay(date(2026, 9, 22), time(9, 30), None, "https://teams.microsoft.com/l/meetup-join/x")
    await store.invitations.set_day(d.id, moved, by="u2", now=clock.now())
    assert await store.invitations.get_day(d.id) == moved


async def test_inviting_twice_invites_once(store, clock):
    d = await _dialogue(store, clock)
    people = [Member("u1", "Ane"), Member("u2", "Bo"), Member("u1", "Ane")]
    assert await store.invitations.invite(d.id, people) == 2
    assert await store.invitations.invite(d.id, people + [Member("u3", "Cai")]) == 1
    results = await asyncio.gather(*(store.invitations.invite(d.id, [Member("u4", "Dan")]) for _ in range(3)))
    assert sorted(results) == [0, 0, 1]
    assert [i.user_id for i in await store.invitations.invited(d.id)] == ["u1", "u2", "u3", "u4"]
    assert await store.invitations.invitation(d.id, "u1") == Invited(d.id, "u1", "Ane")
    assert await store.invitations.invitation(d.id, "nobody") is None


async def test_delivery_is_recorded_with_the_card(store, clock):
    d = await _dialogue(store, clock)
    await store.invitations.invite(d.id, [Member("u1", "A"), Member("u2", "B")])
    await store.invitations.record_delivery(d.id, "u1", "sent", card_activity_id="1:abc")
    await store.invitations.record_delivery(d.id, "u2", "unreachable", reason="blocked")
    by_id = {i.user_id: i for i in await store.invitations.invited(d.id)}
    assert (by_id["u1"].delivery, by_id["u1"].card_activity_id) == ("sent", "1:abc")
    assert (by_id["u2"].delivery, by_id["u2"].card_activity_id) == ("unreachable", None)


async def test_the_same_answer_twice_is_one_answer(store, clock):
    d = await _dialogue(store, clock)
    await store.invitations.invite(d.id, [Member("u1", "A"), Member("u2", "B")])
    assert await store.invitations.answer(d.id, "u1", Answer.COMING, now=clock.now()) is True
    assert await store.invitations.answer(d.id, "u1", Answer.COMING, now=clock.now()) is False
    assert await store.invitations.answer(d.id, "u1", Answer.CANNOT_COME, now=clock.now()) is True
    assert await store.invitations.answer(d.id, "stranger", Answer.COMING, now=clock.now()) is False
    assert await store.invitations.answers(d.id) == {"u1": Answer.CANNOT_COME}
    mine = await store.invitations.invitation(d.id, "u1")
    assert mine.answer is Answer.CANNOT_COME and mine.answered_at == clock.now()
    await store.invitations.clear_answers(d.id)
    assert await store.invitations.answers(d.id) == {}


async def test_racing_identical_answers_change_it_once(store, clock):
    d = await _dialogue(store, clock)
    await store.invitations.invite(d.id, [Member("u1", "A")])
    results = await asyncio.gather(*(store.invitations.answer(d.id, "u1", Answer.COMING, now=clock.now()) for _ in range(3)))
    assert sorted(results) == [False, False, True]


async def test_dialogues_of_a_person_newest_first(store, clock):
    old = await _dialogue(store, clock)
    clock.advance(timedelta(days=400))
    new = await _dialogue(store, clock)
    assert old.id != new.id
    await store.invitations.invite(old.id, [Member("u1", "A")])
    await store.invitations.invite(new.id, [Member("u1", "A"), Member("u2", "B")])
    assert await store.invitations.dialogues_of("u1") == [new.id, old.id]
    assert await store.invitations.dialogues_of("u2") == [new.id]
    assert await store.invitations.delete_person("u1") == 2
    assert await store.invitations.dialogues_of("u1") == []


async def test_moves_are_counted(store, clock):
    d = await _dialogue(store, clock)
    day = DialogueDay(date(2026, 9, 15), time(8, 0), "A")
    assert await store.invitations.changes(d.id) == 0
    await store.invitations.set_day(d.id, day, by="u1", now=clock.now())
    assert await store.invitations.changes(d.id) == 0
    await store.invitations.set_day(d.id, DialogueDay(date(2026, 9, 16), time(8, 0), "A"), by="u1", now=clock.now())
    await store.invitations.set_day(d.id, DialogueDay(date(2026, 9, 16), time(9, 0), "A"), by="u1", now=clock.now())
    assert await store.invitations.changes(d.id) == 2


async def test_a_persons_invitations_are_in_my_data_and_go_with_retention(store, clock):
    d = await _dialogue(store, clock)
    await store.invitations.set_day(d.id, DialogueDay(date(2026, 9, 15), time(8, 0), "A"), by="u1", now=clock.now())
    await store.invitations.invite(d.id, [Member("u1", "A")])
    await store.invitations.answer(d.id, "u1", Answer.COMING, now=clock.now())
    [(dialogue_id, team_id, invited, day)] = await store.invitations.of_person("u1")
    assert (dialogue_id, team_id, invited.answer, day.date) == (d.id, "team-1", Answer.COMING, date(2026, 9, 15))
    data = await store.my_data.personal_data("u1", now=clock.now())
    [answer] = data.day_invitations
    assert (answer.dialogue_id, answer.answer, answer.day) == (d.id, "coming", date(2026, 9, 15))
    assert await store.invitations.forget_days_before(date(2026, 9, 15)) == 0
    assert await store.invitations.forget_days_before(date(2026, 9, 16)) == 1
    assert await store.invitations.of_person("u1") == []
