"""The leader loop's storage on SQLite and PostgreSQL: who leads, the development areas (never more
than three), the feedback, the first "done" wins, step 9's answers, and what "mine data" reads."""
from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.process.leader_loop import DevelopmentArea, Feedback, LeaderInvalid

TEAM = "team-1"


async def test_the_leader_is_named_renamed_and_forgotten(store, clock) -> None:
    assert await store.leaders.get(TEAM) is None
    await store.leaders.set(TEAM, "u-lea", "Lea Leder", by="u-bo", now=clock.now())
    leader = await store.leaders.get(TEAM)
    assert (leader.user_id, leader.name) == ("u-lea", "Lea Leder")
    await store.leaders.set(TEAM, "u-kim", "Kim", by="u-bo", now=clock.now())
    assert (await store.leaders.get(TEAM)).user_id == "u-kim"
    await asyncio.gather(*(store.leaders.set(TEAM, f"u{i}", f"N{i}", by="u-bo", now=clock.now()) for i in range(4)))
    assert (await store.leaders.get(TEAM)).user_id in {f"u{i}" for i in range(4)}
    assert await store.leaders.teams_led_by("u0") in ([TEAM], [])
    assert await store.leaders.forget((await store.leaders.get(TEAM)).user_id) == 1
    assert await store.leaders.get(TEAM) is None


async def test_areas_feedback_and_the_first_done_wins(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    loops = store.leader_loops
    assert await loops.get(dialogue.id) is None
    areas = (DevelopmentArea("Lytte mere", "Spørg før jeg svarer"), DevelopmentArea("Tydelighed", "Ugentlig status"))
    saved = await loops.save_areas(dialogue.id, areas, shared=False, leader_id="u-lea", now=clock.now())
    assert saved.areas == areas and not saved.shared and saved.done_at is None
    with pytest.raises(LeaderInvalid):
        await loops.save_areas(dialogue.id, areas * 2, shared=True, leader_id="u-lea", now=clock.now())
    assert (await loops.get(dialogue.id)).areas == areas
    feedback = Feedback("Tak for jeres bidrag", "Jeg afbryder for tit", "Sig til, når jeg gør det", "Til personalemødet i december")
    later = clock.now() + timedelta(days=1)
    loop = await loops.save_feedback(dialogue.id, feedback, leader_id="u-lea", now=later)
    assert loop.feedback == feedback and loop.areas == areas and loop.updated_at == later

    assert await loops.mark_asked(dialogue.id, leader_id="u-lea", now=later)
    assert not await loops.mark_asked(dialogue.id, leader_id="u-lea", now=later)
    results = await asyncio.gather(*(loops.mark_done(dialogue.id, leader_id="u-lea", now=later) for _ in range(3)))
    assert results.count(True) == 1
    await loops.mark_posted(dialogue.id, now=later)
    stored = await loops.get(dialogue.id)
    assert stored.done_at == later and stored.posted_at == later and stored.asked_at == later

    [(dialogue_id, team, mine)] = await loops.of_leader("u-lea")
    assert (dialogue_id, team, mine.feedback.noticed) == (dialogue.id, TEAM, "Jeg afbryder for tit")
    assert await loops.of_leader("u-bo") == []
    assert await loops.delete_of_leader("u-lea") == 1 and await loops.get(dialogue.id) is None


async def test_one_immediate_answer_each(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    loops = store.leader_loops
    assert await loops.answer(dialogue.id, "u-bo", "Sige godmorgen", now=clock.now())
    assert not await loops.answer(dialogue.id, "u-bo", "Sige godmorgen", now=clock.now())
    assert await loops.answer(dialogue.id, "u-bo", "Hjælpe en kollega", now=clock.now())
    await asyncio.gather(*(loops.answer(dialogue.id, "u-erik", f"Svar {i}", now=clock.now()) for i in range(3)))
    answers = await loops.answers(dialogue.id)
    assert answers["u-bo"] == "Hjælpe en kollega" and answers["u-erik"].startswith("Svar ")
    assert await loops.answer_of(dialogue.id, "u-bo") == "Hjælpe en kollega"
    [(d, team, text, _at)] = await loops.answers_of_person("u-bo")
    assert (d, team, text) == (dialogue.id, TEAM, "Hjælpe en kollega")
    assert await loops.delete_answer(dialogue.id, "u-bo") and not await loops.delete_answer(dialogue.id, "u-bo")
    assert await loops.answer_of(dialogue.id, "u-bo") is None
