"""The short evaluation at the close of the day, end to end through the real app and adapter (step 8).

The planning group sends it only once the close has begun; each attendee's card is a queue row;
an answer turns the card into "Tak for din evaluering" in place; the planning group sees only the
count until five have answered, then the answers without names; the answer is in "mine data".
The rules themselves are unit-tested in tests/test_evaluation.py.
"""
from __future__ import annotations

import json

import pytest

import factories as f
from bot.cards.elements import message_with_card
from bot.cards.evaluation import evaluation_card, evaluation_started_card, evaluation_summary_card, evaluation_thanks_card, my_evaluations_section
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.evaluation import EVALUATION_KIND, EvaluationAnswer, summarise
from bot.process.grouping import Grouping
from bot.process.invitation import Answer
from bot.process.my_data import StoredEvaluation
from bot.process.nomination import FieldError
from cards_validation import assert_valid_card, walk
from test_journey import Journey, card_text, journey  # noqa: F401 - the fixture
from test_results_journey import DAY, local, press, say_privately, seed_day, shown

EVERYONE = Grouping(
    wellbeing=(("u-bo", "u-cecilie"), ("u-dorte", "u-erik", "u-leader")),
    leadership=(("u-bo", "u-dorte"), ("u-cecilie", "u-erik", "u-leader")),
    repeated=(), fewest_possible=0, seed="test",
)
THREAD = f"{f.TEAM};messageid=1"


def evaluation_cards(journey: Journey, user: str) -> list[tuple[str, dict]]:
    return [(aid, c) for aid, c in journey.cards_in(f"a:{user}") if "evaluation." in card_text(c)]


def answer(dialogue_id: str, good: str, adjust: str = "") -> dict:
    return {"verb": "evaluation.save", "dialogue_id": dialogue_id, "evaluation_good": good, "evaluation_adjust": adjust}


async def test_sent_to_attendees_from_the_close_answered_in_place_and_shown_without_names(journey: Journey):
    services, url = journey.services, journey.mock.url
    dialogue_id = await seed_day(journey, grouping=EVERYONE)

    # 10:30, the leadership plenum: too early; the answer says when, and nothing is queued.
    journey.clock.set(local(10, 30))
    await journey.post(f.channel_mention(url, "evaluering", user="u-leader", name="Lea Leder"))
    assert "kl. 10.45" in journey.texts_in(THREAD)[-1]
    assert not [r for r in await services.store.reminders.pending_for(dialogue_id) if r.kind == EVALUATION_KIND]
    # An early answer, forged, is refused too.
    await press(journey, "u-bo", answer(dialogue_id, "For tidligt"), None)
    assert await services.store.evaluations.get(dialogue_id, "u-bo") is None

    # Erik is not in the planning group.
    journey.clock.set(local(10, 50))
    await journey.post(f.channel_mention(url, "evaluering", user="u-erik", name="Erik Eg"))
    assert "Lea Leder" in journey.texts_in(THREAD)[-1] and not evaluation_cards(journey, "u-erik")

    # 10:50: Lea starts it; each of the five who took part gets the card once, Lea a confirmation.
    await journey.post(f.channel_mention(url, "evaluering", user="u-leader", name="Lea Leder"))
    confirm_id, confirm = journey.cards_in(THREAD)[-1]
    assert "Den går til 5 deltagere" in card_text(confirm) and "evaluation.results" in card_text(confirm)
    for user in ("u-leader", "u-bo", "u-cecilie", "u-dorte", "u-erik"):
        [(_, card)] = evaluation_cards(journey, user)
        assert "Hvad har været særligt godt ved udviklingsdialogen?" in card_text(card), user
        assert "Er der noget, vi skal have justeret i vores fremadrettede dialog om trivsel og ledelse?" in card_text(card)
        assert "safety-help" in card_text(card)  # the boundary-crossing note (Bilag 4) on a free-text card
    await journey.post(f.channel_mention(url, "evaluering", user="u-leader", name="Lea Leder"))  # again: nobody gets two
    assert "allerede fået den" in card_text(journey.cards_in(THREAD)[-1][1])
    assert all(len(evaluation_cards(journey, u)) == 1 for u in ("u-leader", "u-bo", "u-cecilie", "u-dorte", "u-erik"))

    # Bo answers nothing: the error is on the card. Then he answers; the card turns into the thank-you.
    bo_card = evaluation_cards(journey, "u-bo")[0][0]
    await press(journey, "u-bo", answer(dialogue_id, "  "), bo_card)
    assert "Skriv et svar på mindst ét" in shown(journey, "u-bo", bo_card)
    await press(journey, "u-bo", answer(dialogue_id, "Vi lyttede til hinanden"), bo_card)
    thanks = shown(journey, "u-bo", bo_card)
    assert "Tak for din evaluering" in thanks and "Vi lyttede til hinanden" in thanks and "evaluation.edit" in thanks
    await press(journey, "u-bo", answer(dialogue_id, "Vi lyttede til hinanden"), bo_card)  # the same twice
    assert "Dit svar er uændret" in shown(journey, "u-bo", bo_card)
    # He changes it: the form comes back filled in, and the new answer replaces the old.
    await press(journey, "u-bo", {"verb": "evaluation.edit", "dialogue_id": dialogue_id}, bo_card)
    assert "Vi lyttede til hinanden" in shown(journey, "u-bo", bo_card) and "evaluation.save" in shown(journey, "u-bo", bo_card)
    await press(journey, "u-bo", answer(dialogue_id, "Vi lyttede til hinanden", "Mere tid til plenum"), bo_card)
    assert await services.store.evaluations.answers(dialogue_id) == {"u-bo": EvaluationAnswer("Vi lyttede til hinanden", "Mere tid til plenum")}

    # Someone who did not take part cannot answer.
    await press(journey, "u-stranger", answer(dialogue_id, "Udefra"), None)
    assert await services.store.evaluations.get(dialogue_id, "u-stranger") is None

    # Four answers: the planning group sees only the count.
    for user, good in (("u-cecilie", "Gode grupper"), ("u-dorte", "Trygt at tale"), ("u-erik", "")):
        card_id = evaluation_cards(journey, user)[0][0]
        await press(journey, user, answer(dialogue_id, good, "Kortere velkomst" if not good else ""), card_id)
    await journey.post(f.channel_mention(url, "evaluering resultat", user="u-leader", name="Lea Leder"))
    summary = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "4 af 5 har svaret" in summary and "mindst 5" in summary and "Gode grupper" not in summary

    # The fifth answer: the answers per question, in text order, without names.
    lea_card = evaluation_cards(journey, "u-leader")[0][0]
    await press(journey, "u-leader", answer(dialogue_id, "Alle kom til orde"), lea_card)
    await journey.post(f.channel_submit(url, {"verb": "evaluation.results", "dialogue_id": dialogue_id}, user="u-leader",
                                        name="Lea Leder", reply_to=confirm_id))
    summary_card = journey.cards_in("a:u-leader")[-1][1]
    summary = card_text(summary_card)
    assert "5 af 5 har svaret" in summary
    goods = ["Alle kom til orde", "Gode grupper", "Trygt at tale", "Vi lyttede til hinanden"]
    positions = [summary.index(g) for g in goods]
    assert positions == sorted(positions) and "Kortere velkomst" in summary and "Mere tid til plenum" in summary
    assert not any(name in summary for name in ("Bo Bæk", "Cecilie", "Dorte", "Erik", "u-bo", "u-erik"))
    assert_valid_card(summary_card)

    # Erik, not in the planning group, cannot see them.
    await journey.post(f.channel_submit(url, {"verb": "evaluation.results", "dialogue_id": dialogue_id}, user="u-erik", name="Erik Eg"))
    assert not [c for _, c in journey.cards_in("a:u-erik") if "evaluation.refresh" in card_text(c) or "af 5 har svaret" in card_text(c)]

    # Bo's answer is his data: shown and exported in "mine data", and deleted from there.
    await say_privately(journey, "u-bo", "mine data")
    mine = card_text(journey.cards_in("a:u-bo")[-1][1])
    assert "Dine evalueringssvar" in mine and "Mere tid til plenum" in mine and "evaluation.delete" in mine
    data = await services.store.my_data.personal_data("u-bo", now=journey.clock.now())
    assert [(e.dialogue_id, e.good, e.adjust, e.team_name) for e in data.evaluations] == [
        (dialogue_id, "Vi lyttede til hinanden", "Mere tid til plenum", "Hjemmeplejen Nord")]
    from bot.process.my_data import export_json
    assert json.loads(export_json(data, exported_at=journey.clock.now()))["evaluation_answers"][0]["adjust"] == "Mere tid til plenum"
    await press(journey, "u-bo", {"verb": "evaluation.delete", "dialogue_id": dialogue_id}, None)
    assert "slettet" in journey.texts_in("a:u-bo")[-1]
    assert await services.store.evaluations.get(dialogue_id, "u-bo") is None
    assert "evaluation.deleted" in [e.action for e in await services.store.audit.entries(actor="u-bo")]


async def test_without_groups_those_coming_get_it_and_not_those_who_cannot_come(journey: Journey):
    services, url = journey.services, journey.mock.url
    dialogue_id = await seed_day(journey, grouping=None)
    for user in ("u-bo", "u-cecilie"):
        await services.store.invitations.answer(dialogue_id, user, Answer.COMING, now=journey.clock.now())
    await services.store.invitations.answer(dialogue_id, "u-erik", Answer.CANNOT_COME, now=journey.clock.now())
    journey.clock.set(local(11, 0))
    await journey.post(f.channel_mention(url, "evaluering", user="u-leader", name="Lea Leder"))
    assert "Den går til 2 deltagere" in card_text(journey.cards_in(THREAD)[-1][1])
    assert len(evaluation_cards(journey, "u-bo")) == 1 and len(evaluation_cards(journey, "u-cecilie")) == 1
    assert not evaluation_cards(journey, "u-erik") and not evaluation_cards(journey, "u-dorte")
    # Erik's forged answer is refused: he was not there.
    await press(journey, "u-erik", answer(dialogue_id, "Var der ikke"), None)
    assert await services.store.evaluations.get(dialogue_id, "u-erik") is None


# -- the cards, in both languages ---------------------------------------------------------------
def all_cards(lang: str, concept_name: str) -> dict[str, dict]:
    concept = load_concept(concept_name)
    given = {f"u{i}": EvaluationAnswer("æ" * 1000, "😀 <at>x</at> **fed**" * 40) for i in range(40)}
    rows, actions = my_evaluations_section(lang, [StoredEvaluation("d1", "Hjemmeplejen Nord", "Godt", "", DAY.starts_at)])
    return {
        "form": evaluation_card(lang, concept, dialogue_id="d1", workplace_name="Hjemmeplejen Nord", closes=DAY.date, min_count=5,
                                previous=EvaluationAnswer("Godt", "")),
        "form_errors": evaluation_card(lang, concept, dialogue_id="d1", workplace_name="", closes=DAY.date, min_count=5,
                                       values={"evaluation_good": "x" * 1001}, errors=[FieldError("evaluation_good", "too_long", 1000)]),
        "thanks": evaluation_thanks_card(lang, dialogue_id="d1", answer=EvaluationAnswer("", "Mere tid"), changed=True),
        "started": evaluation_started_card(lang, dialogue_id="d1", attendees=12, new=0, min_count=5),
        "hidden": evaluation_summary_card(lang, dialogue_id="d1", summary=summarise(dict(list(given.items())[:3])), attendees=12),
        "full": evaluation_summary_card(lang, dialogue_id="d1", summary=summarise(given), attendees=40),
        "my_data": {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
                    "body": rows, "actions": actions},
    }


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("concept_name", ["nyborg", "dtu"])
def test_evaluation_cards_are_valid_small_and_send_what_the_router_accepts(lang: str, concept_name: str) -> None:
    concept = load_concept(concept_name)
    for name, card in all_cards(lang, concept_name).items():
        assert_valid_card(message_with_card(card, summary=name, lang=lang))
        for _, value in walk(card):
            if isinstance(value, dict) and value.get("type") == "Action.Submit":
                payload, verb = REGISTRY.parse(value["data"], concept)
                assert verb.payload is type(payload), name
            if isinstance(value, dict) and value.get("type") == "TextBlock":
                assert "<at>" not in value["text"] and "**fed**" not in value["text"], name
    full = card_text(all_cards(lang, concept_name)["full"])
    assert "svar mere" in full or "more answers" in full  # forty long answers do not fit: it says so
