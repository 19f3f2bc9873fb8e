"""Group results and evaluation answers on SQLite and PostgreSQL: versions, double clicks, one
answer each, and what "mine data" reads."""
from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.process.concept import Kind
from bot.process.evaluation import EvaluationAnswer
from bot.process.group_results import ResultsInput, plan_plenum_post

TEAM = "team-1"


async def test_a_group_result_is_versioned_and_the_same_entry_twice_is_one(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    first = ResultsInput(("Tillid\nvi hjælper hinanden",), ("Fast morgenmøde", "Makkerordning"))
    result, changed = await store.group_results.enter(dialogue.id, Kind.WELLBEING, 2, first, sender="u-bo", now=clock.now())
    assert changed and result.version == 1 and result.entered_by == "u-bo"
    again, changed = await store.group_results.enter(dialogue.id, Kind.WELLBEING, 2, first, sender="u-erik", now=clock.now())
    assert not changed and again.version == 1 and again.entered_by == "u-bo"

    later = clock.now() + timedelta(minutes=5)
    corrected = ResultsInput(("Tillid", "Mening"), ("Fast morgenmøde",))
    result, changed = await store.group_results.enter(dialogue.id, Kind.WELLBEING, 2, corrected, sender="u-erik", now=later)
    assert changed and result.version == 2 and result.entered_by == "u-erik"
    stored = await store.group_results.get(dialogue.id, Kind.WELLBEING, 2)
    assert stored == result and stored.key_points == ("Tillid", "Mening") and stored.entered_at == later
    assert await store.group_results.get(dialogue.id, Kind.LEADERSHIP, 2) is None

    await store.group_results.enter(dialogue.id, Kind.LEADERSHIP, 1, first, sender="u-bo", now=later)
    await store.group_results.enter(dialogue.id, Kind.WELLBEING, 1, first, sender="u-bo", now=later)
    assert [(r.kind, r.group) for r in await store.group_results.of_dialogue(dialogue.id)] == [
        (Kind.WELLBEING, 1), (Kind.WELLBEING, 2), (Kind.LEADERSHIP, 1)]
    assert await store.group_results.dialogue_team(dialogue.id) == TEAM
    assert await store.group_results.dialogue_team("nope") is None


async def test_two_members_saving_at_once_make_one_version_each(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    entries = [ResultsInput((f"Pointe {i}",), ("Handling",)) for i in range(4)]
    await asyncio.gather(*(store.group_results.enter(dialogue.id, Kind.LEADERSHIP, 1, e, sender=f"u{i}", now=clock.now())
                           for i, e in enumerate(entries)))
    stored = await store.group_results.get(dialogue.id, Kind.LEADERSHIP, 1)
    assert stored is not None and 1 <= stored.version <= 4 and stored.key_points in {e.key_points for e in entries}


async def test_plenum_posts_are_counted_from_the_queue(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    assert await store.group_results.plenum_posts(dialogue.id) == 0
    plan = plan_plenum_post(dialogue.id, team_id=TEAM, channel_id="19:chan", number=1, now=clock.now())
    assert await store.reminders.add([plan, plan]) == 1
    assert await store.group_results.plenum_posts(dialogue.id) == 1


async def test_one_evaluation_answer_each_replaced_and_deleted(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    answer = EvaluationAnswer(good="Vi lyttede 👂", adjust="")
    assert await store.evaluations.answer(dialogue.id, "u-bo", answer, now=clock.now())
    assert not await store.evaluations.answer(dialogue.id, "u-bo", answer, now=clock.now())  # the same twice
    assert await store.evaluations.answer(dialogue.id, "u-bo", EvaluationAnswer("Vi lyttede", "Mere tid"), now=clock.now())
    await store.evaluations.answer(dialogue.id, "u-erik", EvaluationAnswer("", "Kortere pauser"), now=clock.now())
    assert await store.evaluations.get(dialogue.id, "u-bo") == EvaluationAnswer("Vi lyttede", "Mere tid")
    assert await store.evaluations.answers(dialogue.id) == {
        "u-bo": EvaluationAnswer("Vi lyttede", "Mere tid"), "u-erik": EvaluationAnswer("", "Kortere pauser")}
    [(dialogue_id, team_id, answer, answered_at)] = await store.evaluations.of_person("u-bo")
    assert (dialogue_id, team_id, answer.adjust, answered_at) == (dialogue.id, TEAM, "Mere tid", clock.now())
    assert await store.evaluations.delete(dialogue.id, "u-bo")
    assert not await store.evaluations.delete(dialogue.id, "u-bo")
    assert await store.evaluations.get(dialogue.id, "u-bo") is None and await store.evaluations.of_person("u-bo") == []
