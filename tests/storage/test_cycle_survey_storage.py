"""End-of-cycle survey answers on SQLite and PostgreSQL: one answer each, replaced, the same
twice is one, racing first answers, and what "mine data" reads and deletes."""
from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from bot.process.cycle_survey import SurveyAnswers
from bot.process.my_data import export_json

TEAM = "team-1"


async def test_one_answer_each_replaced_and_deleted(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    first = SurveyAnswers.of({"purpose": "Det gav mening 💪", "felt-safe": "Ja\nfor det meste"})
    assert await store.surveys.get(dialogue.id, "u-bo") is None
    assert await store.surveys.answer(dialogue.id, "u-bo", first, now=clock.now())
    assert not await store.surveys.answer(dialogue.id, "u-bo", first, now=clock.now())  # the same twice
    assert await store.surveys.get(dialogue.id, "u-bo") == first

    later = clock.now() + timedelta(days=1)
    second = SurveyAnswers.of({"do-more": "Mere plenum"})
    assert await store.surveys.answer(dialogue.id, "u-bo", second, now=later)  # answering again replaces, not merges
    await store.surveys.answer(dialogue.id, "u-erik", first, now=clock.now())
    assert await store.surveys.get(dialogue.id, "u-bo") == second
    assert await store.surveys.answers(dialogue.id) == {"u-bo": second, "u-erik": first}

    [(dialogue_id, team_id, concept, answers, answered_at)] = await store.surveys.of_person("u-bo")
    assert (dialogue_id, team_id, concept, answers, answered_at) == (dialogue.id, TEAM, "", second, later)  # no workplace row here
    assert await store.surveys.delete(dialogue.id, "u-bo")
    assert not await store.surveys.delete(dialogue.id, "u-bo")
    assert await store.surveys.get(dialogue.id, "u-bo") is None and await store.surveys.of_person("u-bo") == []
    assert list(await store.surveys.answers(dialogue.id)) == ["u-erik"]


async def test_first_answers_racing_in_leave_one_row(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    tries = [SurveyAnswers.of({"purpose": f"Svar {i}"}) for i in range(4)]
    await asyncio.gather(*(store.surveys.answer(dialogue.id, "u-bo", a, now=clock.now()) for a in tries))
    stored = await store.surveys.answers(dialogue.id)
    assert list(stored) == ["u-bo"] and stored["u-bo"] in tries


async def test_the_answers_are_in_mine_data_and_its_export(store, clock) -> None:
    dialogue = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    await store.surveys.answer(dialogue.id, "u-bo", SurveyAnswers.of({"purpose": "Æble 🍎", "surprised": "Tryghed"}), now=clock.now())
    data = await store.my_data.personal_data("u-bo", now=clock.now())
    assert not data.is_empty
    [stored] = data.surveys
    assert (stored.dialogue_id, stored.answers) == (dialogue.id, (("purpose", "Æble 🍎"), ("surprised", "Tryghed")))
    exported = json.loads(export_json(data, exported_at=clock.now()))["survey_answers"]
    assert exported == [{"dialogue_id": dialogue.id, "workplace": "", "answers": {"purpose": "Æble 🍎", "surprised": "Tryghed"},
                         "answered_at": clock.now().isoformat()}]
    assert (await store.my_data.personal_data("u-erik", now=clock.now())).surveys == ()


async def test_retention_deletes_the_answers_by_the_day_of_their_dialogue(store, clock) -> None:
    from datetime import date, time

    from bot.process.invitation import DialogueDay

    old = await store.dialogues.ensure_dialogue(TEAM, clock.now())
    new = await store.dialogues.ensure_dialogue("team-2", clock.now())
    await store.invitations.set_day(old.id, DialogueDay(date(2026, 9, 17), time(8, 0)), by="u-leader", now=clock.now())
    await store.invitations.set_day(new.id, DialogueDay(date(2026, 9, 18), time(8, 0)), by="u-leader", now=clock.now())
    for dialogue in (old, new):
        await store.surveys.answer(dialogue.id, "u-bo", SurveyAnswers.of({"purpose": "Ja"}), now=clock.now())
    assert await store.surveys.forget_days_before(date(2026, 9, 17)) == 0  # on the day itself: kept
    assert await store.surveys.forget_days_before(date(2026, 9, 18)) == 1
    assert await store.surveys.get(old.id, "u-bo") is None and await store.surveys.get(new.id, "u-bo") is not None
