"""Statuses, milestone marks and the send-on on SQLite and PostgreSQL: history kept, double clicks
change nothing, the first sender wins, and what "mine data" reads and forgets."""
from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.process.follow_up import Status, StatusEntry, latest_statuses

TEAM = "team-1"


async def test_statuses_keep_their_history_and_a_repeat_is_one(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    first = StatusEntry(dialogue.id, "i1", Status.ON_TRACK, "Godt i gang", "u-bo", clock.now())
    assert await store.follow_ups.record(first)
    assert not await store.follow_ups.record(first)  # the same save twice
    later = StatusEntry(dialogue.id, "i1", Status.OFF_TRACK, "Travlt", "u-erik", clock.now() + timedelta(days=1))
    assert await store.follow_ups.record(later)
    await store.follow_ups.record(StatusEntry(dialogue.id, "i2", Status.DONE, "", "u-bo", clock.now()))
    history = await store.follow_ups.statuses(dialogue.id)
    assert [(e.initiative_id, e.status) for e in history] == [("i1", Status.ON_TRACK), ("i2", Status.DONE), ("i1", Status.OFF_TRACK)]
    assert latest_statuses(history)["i1"] == later

    mine = await store.follow_ups.of_person("u-bo")
    assert {(d, t, e.note) for d, t, e in mine} == {(dialogue.id, TEAM, "Godt i gang"), (dialogue.id, TEAM, "")}
    assert await store.follow_ups.forget_person("u-bo") == 1
    assert {e.note for _, _, e in await store.follow_ups.of_person("u-bo")} == {""}
    assert len(await store.follow_ups.statuses(dialogue.id)) == 3  # the statuses stay


async def test_milestones_are_marked_once_and_can_be_unmarked(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    results = await asyncio.gather(*(store.follow_ups.mark(dialogue.id, "i1", "m1", True, by=f"u{i}", now=clock.now())
                                     for i in range(3)))
    assert results.count(True) == 1
    assert list(await store.follow_ups.done(dialogue.id)) == [("i1", "m1")]
    assert await store.follow_ups.mark(dialogue.id, "i1", "m1", False, by="u1", now=clock.now())
    assert not await store.follow_ups.mark(dialogue.id, "i1", "m1", False, by="u1", now=clock.now())
    assert await store.follow_ups.done(dialogue.id) == {}


async def test_the_first_sender_wins(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    assert await store.sent_on.get(dialogue.id) is None
    results = await asyncio.gather(*(store.sent_on.record(dialogue.id, by=f"u{i}", version=2, now=clock.now()) for i in range(3)))
    winners = [r for r in results if r is not None]
    assert len(winners) == 1
    stored = await store.sent_on.get(dialogue.id)
    assert stored == winners[0] and stored.version == 2 and stored.sent_at == clock.now()
