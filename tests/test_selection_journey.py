"""Choosing the day's themes (step 4), end to end through the real app and adapter, and its cards.

Teams is the mock Bot Connector; time is the app's injected clock. The rules are unit-tested in
tests/test_selection.py, the storage in tests/storage/test_selection_storage.py.
"""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import pytest

import factories as f
from bot.cards.selection import selection_card, selection_result_card
from bot.cards.status import status_card
from bot.cards.tally import tally_card
from bot.concepts import load_concept
from bot.process.concept import Kind
from bot.process.dialogue import StepId
from bot.process.nomination import FieldError, NominationInput, ThemeChoice
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.process.status import TimeLeft
from bot.process.tally import NominationRecord, tally
from bot.scheduler.runner import build_runner
from cards_validation import assert_valid_card
from test_cards import EVIL, MARKERS, sample_status
from test_deadline_journey import answer, start_round
from test_journey import Journey, card_text, journey, submit_value  # noqa: F401 - the fixture

LEA = "a:u-leader"
DORTE = "a:u-dorte"


def card_at(journey: Journey, conversation: str, activity_id: str) -> str:
    return card_text(journey.mock.activities_in(conversation)[activity_id]["attachments"][0]["content"])


def at_human_pace(journey: Journey) -> None:
    """People press one button every few seconds; the test posts them back to back, which in one
    personal chat would break Teams' 8-per-2-seconds window in the mock. The mock's clock moves
    one second per request instead (the bot's own pacing of proactive messages is tested elsewhere)."""
    journey.mock._clock = itertools.count(start=0.0, step=1.0).__next__


def choice_value(dialogue_id: str, **overrides: str) -> dict:
    value = {
        "verb": "selection.submit", "dialogue_id": dialogue_id,
        "wellbeing_theme": "social-support-trust", "wellbeing_own_title": "",
        "wellbeing_reason": "Flest har foreslået det, og det fylder i hverdagen 💪",
        "leadership_theme": "shared-direction-goals", "leadership_own_title": "",
        "leadership_reason": "Det hører vi mest om – også i APV'en",
    }
    value.update(overrides)
    return value


async def test_from_the_final_tally_to_a_choice_another_member_changes_until_it_is_announced(journey: Journey):
    url, services = journey.mock.url, journey.services
    store = services.store
    at_human_pace(journey)
    round_ = await start_round(journey)
    await answer(journey, round_, "u-bo")
    own = submit_value(round_.id, wellbeing="own", own_title="Mere tid til borgerne")
    await journey.post(f.personal_submit(url, own, user="u-cecilie", conversation="a:u-cecilie",
                                         reply_to=journey.cards_in("a:u-cecilie")[0][0]))
    await store.planning_group.add(f.TEAM, "u-dorte", "Dorte Dam", added_by="u-leader", now=journey.clock.now())

    # While employees can still nominate, the choice waits.
    await journey.post(f.personal_message(url, "vælg temaer", user="u-leader", conversation=LEA))
    assert "kan stadig foreslå temaer til og med tirsdag den 15. september 2026" in journey.texts_in(LEA)[-1]

    # The deadline passes: the final tally arrives with the button to choose; the interim one has none.
    sweeper = build_runner(services).sweeper
    journey.clock.set(datetime(2026, 9, 16, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    await sweeper.run_once()
    tally_id, final = journey.cards_in(LEA)[-1]
    assert "Endelig optælling" in card_text(final) and "selection.show" in card_text(final)

    # The button brings the card beside the tally, which stays.
    await journey.post(f.personal_submit(url, {"verb": "selection.show"}, user="u-leader", conversation=LEA, reply_to=tally_id))
    form_id, form = journey.cards_in(LEA)[-1]
    assert form_id != tally_id and "selection.submit" in card_text(form)
    shown = card_text(form)
    assert "Hvilket tema fylder mest i de inputs" in shown and "Mere tid til borgerne" in shown and "2 af 5" in shown
    dialogue = await store.dialogues.current_dialogue(f.TEAM, journey.clock.now())
    assert dialogue is not None and dialogue.round.id == round_.id and f'"dialogue_id": "{dialogue.id}"' in shown

    # Every field's problem on the card, in place; nothing stored.
    invalid = choice_value(dialogue.id, wellbeing_theme="", leadership_theme="own", leadership_reason="x" * 501)
    await journey.post(f.personal_submit(url, invalid, user="u-leader", conversation=LEA, reply_to=form_id))
    refused = card_at(journey, LEA, form_id)
    assert "Valget er ikke gemt endnu" in refused and "Vælg et tema." in refused
    assert "Skriv en titel på jeres eget forslag." in refused and "Højst 500 tegn" in refused
    assert await store.selections.get(dialogue.id) is None

    # A valid choice replaces the form with its result: both themes, why, who, and the next step.
    await journey.post(f.personal_submit(url, choice_value(dialogue.id), user="u-leader", conversation=LEA, reply_to=form_id))
    result = card_at(journey, LEA, form_id)
    assert "Temaerne er valgt" in result and "Social støtte og tillid" in result and "Lea Leder" in result
    assert "1 forslag" in result and "også i APV'en" in result
    assert "Ret valget" in result and "themes.announce_ask" in result and "selection.submit" not in result
    chosen = await store.selections.get(dialogue.id)
    assert (chosen.chosen_by, chosen.themes.wellbeing.nominations, chosen.announced_at) == ("u-leader", 1, None)
    # The same submission again (a double click) changes nothing and is audited once.
    await journey.post(f.personal_submit(url, choice_value(dialogue.id), user="u-leader", conversation=LEA, reply_to=form_id))
    assert "Valget er uændret" in card_at(journey, LEA, form_id)
    assert [e.action for e in await store.audit.entries(actor="u-leader")].count("selection.saved") == 1

    # Dorte, also in the planning group, sees who chose what and when, and changes it.
    await journey.post(f.personal_message(url, "choose themes", user="u-dorte", conversation=DORTE))
    dorte_id, dorte_form = journey.cards_in(DORTE)[-1]
    assert "Nuværende valg, onsdag den 16. september 2026, af " in card_text(dorte_form) and "Lea Leder" in card_text(dorte_form)
    assert '"value": "social-support-trust"' in card_text(dorte_form)
    change = choice_value(dialogue.id, wellbeing_theme="own:mere tid til borgerne", leadership_theme="communication-collaboration-culture")
    journey.clock.set(journey.clock.now() + timedelta(hours=1))
    await journey.post(f.personal_submit(url, change, user="u-dorte", conversation=DORTE, reply_to=dorte_id))
    changed = await store.selections.get(dialogue.id)
    assert (changed.chosen_by, changed.themes.wellbeing.own_title, changed.themes.leadership.theme_id) == (
        "u-dorte", "Mere tid til borgerne", "communication-collaboration-culture")
    assert "Dorte Dam" in card_at(journey, DORTE, dorte_id) and "Mere tid til borgerne" in card_at(journey, DORTE, dorte_id)

    # Erik is not in the planning group: a forged submission is refused and audited.
    await journey.post(f.personal_submit(url, choice_value(dialogue.id), user="u-erik", conversation="a:u-erik", reply_to=None))
    assert (await store.selections.get(dialogue.id)).chosen_by == "u-dorte"
    assert "payload.rejected" in [e.action for e in await store.audit.entries(actor="u-erik")]

    # Announced (step 5): the card says so, and a change is refused politely, in place.
    assert await store.selections.mark_announced(dialogue.id, journey.clock.now()) is not None
    await journey.post(f.personal_submit(url, choice_value(dialogue.id), user="u-dorte", conversation=DORTE, reply_to=dorte_id))
    assert "allerede annonceret" in journey.texts_in(DORTE)[-1]
    fixed = card_at(journey, DORTE, dorte_id)
    assert "Temaerne er annonceret" in fixed and "themes.announce_ask" not in fixed and "selection.show" not in fixed
    assert (await store.selections.get(dialogue.id)).themes == changed.themes
    await journey.post(f.personal_submit(url, {"verb": "selection.show", "dialogue_id": dialogue.id}, user="u-leader",
                                         conversation=LEA, reply_to=form_id))
    assert "Temaerne er annonceret" in card_text(journey.cards_in(LEA)[-1][1])


async def test_a_workplace_without_nominations_chooses_its_themes_and_begins_its_dialogue(journey: Journey):
    url, services = journey.mock.url, journey.services
    at_human_pace(journey)
    await journey.post(f.bot_added_to_team(url))
    await services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=journey.clock.now())
    assert await services.store.dialogues.current_dialogue(f.TEAM, journey.clock.now()) is None

    # Asked in the channel, the card goes privately; it names the team, as no dialogue exists yet.
    await journey.post(f.channel_mention(url, "vælg temaer", user="u-leader", name="Lea Leder"))
    assert "private chat" in journey.texts_in(f"{f.TEAM};messageid=1")[-1]
    form_id, form = journey.cards_in(LEA)[-1]
    assert "Der er ingen temaforslag" in card_text(form) and f'"team_id": "{f.TEAM}"' in card_text(form)

    value = choice_value("", leadership_theme="own", leadership_own_title="Feedback")
    del value["dialogue_id"]
    value["team_id"] = f.TEAM
    await journey.post(f.personal_submit(url, value, user="u-leader", conversation=LEA, reply_to=form_id))
    dialogue = await services.store.dialogues.current_dialogue(f.TEAM, journey.clock.now())
    chosen = await services.store.selections.get(dialogue.id)
    assert chosen.themes.leadership.own_title == "Feedback" and chosen.themes.wellbeing.nominations == 0
    assert "Ikke foreslået af medarbejderne" in card_at(journey, LEA, form_id)
    # Someone outside the planning group cannot choose for the team by naming it.
    await journey.post(f.personal_submit(url, value, user="u-erik", conversation="a:u-erik", reply_to=None))
    assert "payload.rejected" in [e.action for e in await services.store.audit.entries(actor="u-erik")]


# -- the cards ---------------------------------------------------------------------------------
CONCEPT = load_concept("nyborg")
NOW = datetime(2026, 9, 20, 8, 0, tzinfo=timezone.utc)


def sample_tally(own_proposals: int = 3):
    records = []
    for i in range(max(own_proposals, 4)):
        wb = "own" if i < own_proposals else "balance-energy"
        records.append(NominationRecord(f"u{i}", f"Navn {EVIL}", NominationInput(
            ThemeChoice(Kind.WELLBEING, wb, f"Eget forslag {i} {EVIL}" if wb == "own" else None, f"Fordi {EVIL}", "Kerneopgaven"),
            ThemeChoice(Kind.LEADERSHIP, "shared-direction-goals", None, "Retning", "Borgerne")), NOW))
    return tally(CONCEPT, records, round_id="r1", invited=len(records) + 3, named_mode=False)


def sample_selection(announced: bool = False) -> Selection:
    return Selection("d1", SelectionInput(
        ChosenTheme(Kind.WELLBEING, "own", f"Eget forslag 0 {EVIL}", f"Fordi {EVIL}\nAnden linje", 1),
        ChosenTheme(Kind.LEADERSHIP, "shared-direction-goals", None, "Det hører vi mest om", 4)),
        "u-leader", NOW, NOW + timedelta(days=1) if announced else None)


def all_selection_cards(lang: str) -> dict[str, dict]:
    errors = [FieldError("wellbeing_theme", "required"), FieldError("leadership_reason", "too_long", 500),
              FieldError("leadership_own_title", "required")]
    return {
        "form": selection_card(lang, CONCEPT, dialogue_id="d1", tally=sample_tally(), workplace_name=f"Hjemmeplejen {EVIL}"),
        "form_current": selection_card(lang, CONCEPT, dialogue_id="d1", tally=sample_tally(), current=sample_selection(),
                                       chosen_by_name=f"Lea {EVIL}"),
        "form_errors": selection_card(lang, CONCEPT, dialogue_id="d1", tally=sample_tally(), errors=errors,
                                      values={"wellbeing_reason": f"Halvt {EVIL}", "leadership_theme": "own", "leadership_reason": 42}),
        "form_no_tally": selection_card(lang, CONCEPT, dialogue_id=None, team_id="19:team", tally=None),
        "form_200_own_proposals": selection_card(lang, CONCEPT, dialogue_id="d1", tally=sample_tally(200)),
        "result": selection_result_card(lang, CONCEPT, selection=sample_selection(), chosen_by_name=f"Lea {EVIL}",
                                        workplace_name="Hjemmeplejen"),
        "result_announced": selection_result_card(lang, CONCEPT, selection=sample_selection(announced=True), saved="shown"),
    }


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_selection_card_is_valid_fits_and_shows_typed_text_inertly(lang: str) -> None:
    for name, built in all_selection_cards(lang).items():
        try:
            assert_valid_card(built)
        except AssertionError as error:
            raise AssertionError(f"{name} ({lang}): {error}") from None
        for marker in MARKERS:  # typed text only in TextRuns and choice titles, never a TextBlock
            assert not any(b.get("type") == "TextBlock" and marker in b.get("text", "") for b in _blocks(built)), (name, marker)


def _blocks(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _blocks(value)
    elif isinstance(node, list):
        for value in node:
            yield from _blocks(value)


def test_the_form_offers_the_nominated_first_with_counts_and_keeps_a_nominated_own_proposal() -> None:
    built = selection_card("da", CONCEPT, dialogue_id="d1", tally=sample_tally(), current=sample_selection())
    [wellbeing] = [b for b in _blocks(built) if b.get("id") == "wellbeing_theme"]
    assert wellbeing["choices"][0]["title"].endswith("– 1 forslag") and wellbeing["choices"][-1]["value"] == "own"
    assert wellbeing["value"] == "own:" + f"eget forslag 0 {EVIL}".casefold()  # the nominated own proposal, pre-chosen
    many = selection_card("da", CONCEPT, dialogue_id="d1", tally=sample_tally(200))
    [offered] = [b for b in _blocks(many) if b.get("id") == "wellbeing_theme"]
    assert sum(c["value"].startswith("own:") for c in offered["choices"]) == 15


def test_the_final_tally_and_the_status_after_the_deadline_lead_on_to_the_choice() -> None:
    assert "selection.show" in card_text(tally_card("da", CONCEPT, sample_tally(), deadline=NOW.date(), is_open=False))
    assert "selection.show" not in card_text(tally_card("da", CONCEPT, sample_tally(), deadline=NOW.date(), is_open=True))
    assert "selection.show" not in card_text(status_card("da", sample_status(), round_id="r1"))
    after = sample_status(step=StepId.TALLY, time_left=TimeLeft(0, 0), next_reminder=None)
    assert "selection.show" in card_text(status_card("en", after, round_id="r1"))
