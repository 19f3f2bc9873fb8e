"""The end-of-cycle survey, end to end through the real app and adapter, at a DTU unit.

The planning group sends it once the day is over: a confirmation first, with how many get it,
then one queue row per person invited to the day (and nobody else); an answer turns the card
into "Tak for dine svar" in place; the planning group sees only the count until five have
answered, then the answers per question without names; the answers are in "mine data". A
Nyborg workplace is told the survey is not part of its concept. The rules themselves are
unit-tested in tests/test_cycle_survey.py.
"""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import factories as f
from bot.process.cycle_survey import CYCLE_SURVEY_KIND, SurveyAnswers
from bot.process.people import Member
from bot.scheduler.runner import build_sweeper
from test_journey import ROSTER, Journey, card_text, journey  # noqa: F401 - the fixture
from test_results_journey import DAY, local, press, say_privately, shown

THREAD = f"{f.TEAM};messageid=1"
INVITED = ("u-leader", "u-bo", "u-cecilie", "u-dorte", "u-frida")  # Erik is in the team but was not invited to the day
PURPOSE = "Hvordan har du oplevet formålet med at bruge dialogen som løftestang til at arbejde med trivsel og ledelse?"


async def seed_unit(journey: Journey, *, concept: str = "dtu") -> str:
    """A unit running ``concept`` whose planning group is Lea, with the day set and five people invited."""
    services, now = journey.services, journey.clock.now()
    # Teams' rate limits are the dispatcher's tests' business; here many answers go to one chat
    # within a real second, so the mock Teams sees them a second apart (as tests/test_results_journey.py).
    ticks = itertools.count(0.0, 1.0)
    journey.mock._clock = lambda: next(ticks)
    for user in [m["id"] for m in ROSTER] + ["u-frida", "u-stranger"]:
        journey.mock.add_conversation(f"a:{user}", tenant_id=f.TENANT)
    # The workplace is set up with its concept before the app meets the team (the app's default is Nyborg's).
    await services.store.workplaces.upsert(team_id=f.TEAM, tenant_id=f.TENANT, service_url=journey.mock.url, channel_id=f.TEAM,
                                           name="Institut for Kemi", now=now, concept=concept)
    await journey.post(f.bot_added_to_team(journey.mock.url))
    await services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    dialogue = await services.store.dialogues.ensure_dialogue(f.TEAM, now)
    await services.store.invitations.set_day(dialogue.id, DAY, by="u-leader", now=now)
    names = {m["id"]: m["name"] for m in ROSTER} | {"u-frida": "Frida Fjord"}
    await services.store.invitations.invite(dialogue.id, [Member(u, names[u]) for u in INVITED])
    return dialogue.id


def press_in_thread(journey: Journey, value: dict, *, user: str, name: str, reply_to: str) -> dict:
    """A press on a card in the channel's thread: Teams names the thread as the conversation."""
    activity = f.channel_submit(journey.mock.url, value, user=user, name=name, reply_to=reply_to)
    activity["conversation"] = {**activity["conversation"], "id": THREAD}
    return activity


def survey_cards(journey: Journey, user: str) -> list[tuple[str, dict]]:
    return [(aid, c) for aid, c in journey.cards_in(f"a:{user}") if "survey.save" in card_text(c)]


def answer(dialogue_id: str, **answers: str) -> dict:
    return {"verb": "survey.save", "dialogue_id": dialogue_id, **answers}


async def survey_rows(journey: Journey, dialogue_id: str) -> list:
    return [r for r in await journey.services.store.reminders.pending_for(dialogue_id) if r.kind == CYCLE_SURVEY_KIND]


async def test_sent_to_those_invited_after_the_day_answered_in_place_and_shown_without_names(journey: Journey):
    services, url = journey.services, journey.mock.url
    dialogue_id = await seed_unit(journey)

    # 10:30, the day is not over: the answer says when it opens, and nothing is queued.
    journey.clock.set(local(10, 30))
    await journey.post(f.channel_mention(url, "spørgeskema", user="u-leader", name="Lea Leder"))
    assert "torsdag den 17. september 2026 kl. 11.00" in journey.texts_in(THREAD)[-1]
    assert not await survey_rows(journey, dialogue_id)
    await press(journey, "u-bo", answer(dialogue_id, answer_1="For tidligt"), None)  # a forged early answer
    assert await services.store.surveys.get(dialogue_id, "u-bo") is None

    # Erik is not in the planning group.
    journey.clock.set(local(11, 5))
    await journey.post(f.channel_mention(url, "spørgeskema", user="u-erik", name="Erik Eg"))
    assert "Lea Leder" in journey.texts_in(THREAD)[-1] and not journey.cards_in(THREAD)

    # 11:05: Lea asks; first a confirmation with how many get it, and nothing is sent yet.
    await journey.post(f.channel_mention(url, "spørgeskema", user="u-leader", name="Lea Leder"))
    confirm_id, confirm = journey.cards_in(THREAD)[-1]
    assert "Det går til 5 inviterede" in card_text(confirm) and "survey.confirm" in card_text(confirm)
    assert "Lokalt valg" in card_text(confirm) and "12 spørgsmål" in card_text(confirm)
    assert not await survey_rows(journey, dialogue_id) and not survey_cards(journey, "u-bo")

    # She confirms: the card turns into "sent" in place; each invited person gets the card once, Erik none.
    await journey.post(press_in_thread(journey, {"verb": "survey.confirm", "dialogue_id": dialogue_id}, user="u-leader",
                                       name="Lea Leder", reply_to=confirm_id))
    sent = card_text(journey.mock.activities_in(THREAD)[confirm_id]["attachments"][0]["content"])
    assert "Spørgeskemaet er sendt ud" in sent and "survey.confirm" not in sent and "survey.results" in sent
    for user in INVITED:
        [(_, card)] = survey_cards(journey, user)
        text = card_text(card)
        assert PURPOSE in text and "Fik I talt om det væsentlige i den mindre gruppe (uden leder)?" in text, user
        assert "Hvad vil du gerne selv gøre mere af i næste dialog?" in text and "Enhed: " in text
        assert "safety-help" in text  # the boundary-crossing note on a free-text card
    assert not survey_cards(journey, "u-erik")
    # Pressed again (a second click): nobody gets two.
    await journey.post(press_in_thread(journey, {"verb": "survey.confirm", "dialogue_id": dialogue_id}, user="u-leader",
                                       name="Lea Leder", reply_to=confirm_id))
    assert "allerede fået det" in card_text(journey.mock.activities_in(THREAD)[confirm_id]["attachments"][0]["content"])
    assert all(len(survey_cards(journey, u)) == 1 for u in INVITED)

    # Bo answers nothing: the error is on the card. Then he answers; the card turns into the thank-you.
    bo_card = survey_cards(journey, "u-bo")[0][0]
    await press(journey, "u-bo", answer(dialogue_id, answer_1="  "), bo_card)
    assert "Skriv et svar på mindst ét" in shown(journey, "u-bo", bo_card)
    await press(journey, "u-bo", answer(dialogue_id, answer_1="Som en god løftestang", answer_5="Ja"), bo_card)
    thanks = shown(journey, "u-bo", bo_card)
    assert "Tak for dine svar" in thanks and "Som en god løftestang" in thanks and "survey.edit" in thanks and "survey.save" not in thanks
    await press(journey, "u-bo", answer(dialogue_id, answer_1="Som en god løftestang", answer_5="Ja"), bo_card)  # the same twice
    assert "Dine svar er uændrede" in shown(journey, "u-bo", bo_card)
    # He changes it: the form comes back filled in, and the new answers replace the old ones.
    await press(journey, "u-bo", {"verb": "survey.edit", "dialogue_id": dialogue_id}, bo_card)
    assert "Som en god løftestang" in shown(journey, "u-bo", bo_card) and "survey.save" in shown(journey, "u-bo", bo_card)
    await press(journey, "u-bo", answer(dialogue_id, answer_1="Som en god løftestang", answer_12="Mere plenum"), bo_card)
    assert await services.store.surveys.answers(dialogue_id) == {
        "u-bo": SurveyAnswers.of({"purpose": "Som en god løftestang", "do-more": "Mere plenum"})}

    # Erik, in the team but not invited, cannot answer, whatever he sends.
    await press(journey, "u-erik", answer(dialogue_id, answer_1="Udefra"), None)
    assert await services.store.surveys.get(dialogue_id, "u-erik") is None
    assert "payload.rejected" in [e.action for e in await services.store.audit.entries(actor="u-erik")]

    # Four answers: the planning group sees only the count.
    for user, text in (("u-cecilie", "Tydeligt formål"), ("u-dorte", "Godt med film"), ("u-frida", "")):
        card_id = survey_cards(journey, user)[0][0]
        await press(journey, user, answer(dialogue_id, answer_1=text, answer_6="Mere tid" if not text else ""), card_id)
    await journey.post(f.channel_mention(url, "spørgeskema resultat", user="u-leader", name="Lea Leder"))
    summary = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "4 af 5 har svaret" in summary and "mindst 5" in summary and "Tydeligt formål" not in summary

    # The fifth: the answers per question, in text order, without names.
    lea_card = survey_cards(journey, "u-leader")[0][0]
    await press(journey, "u-leader", answer(dialogue_id, answer_1="Alle kom til orde"), lea_card)
    await journey.post(f.channel_submit(url, {"verb": "survey.results", "dialogue_id": dialogue_id}, user="u-leader",
                                        name="Lea Leder", reply_to=confirm_id))
    summary = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "5 af 5 har svaret" in summary and PURPOSE in summary
    given = ["Alle kom til orde", "Godt med film", "Som en god løftestang", "Tydeligt formål"]
    positions = [summary.index(g) for g in given]
    assert positions == sorted(positions) and "Mere tid" in summary and "Mere plenum" in summary
    assert not any(name in summary for name in ("Bo Bæk", "Cecilie", "Dorte", "Frida", "u-bo", "u-frida"))

    # Erik, not in the planning group, cannot see them.
    await journey.post(f.channel_submit(url, {"verb": "survey.results", "dialogue_id": dialogue_id}, user="u-erik", name="Erik Eg"))
    assert not [c for _, c in journey.cards_in("a:u-erik") if "af 5 har svaret" in card_text(c)]

    # Bo's answers are his data: shown in "mine data", and deleted from there.
    await say_privately(journey, "u-bo", "mine data")
    mine = card_text(journey.cards_in("a:u-bo")[-1][1])
    assert "Dine svar på spørgeskemaet" in mine and "Mere plenum" in mine and "survey.delete" in mine
    # The unit's questions label them, though the app's own concept (Nyborg's) has none.
    assert PURPOSE in mine and "Hvad vil du gerne selv gøre mere af i næste dialog?" in mine
    await press(journey, "u-bo", {"verb": "survey.delete", "dialogue_id": dialogue_id}, None)
    assert "slettet" in journey.texts_in("a:u-bo")[-1] and await services.store.surveys.get(dialogue_id, "u-bo") is None

    # Thirty days after the day it is closed: an answer is refused and says when it closed.
    journey.clock.set(local(11, 0) + timedelta(days=30))
    await press(journey, "u-dorte", answer(dialogue_id, answer_1="For sent"), None)
    assert "lukket" in journey.texts_in("a:u-dorte")[-1]
    assert (await services.store.surveys.get(dialogue_id, "u-dorte")).get("purpose") == "Godt med film"


async def test_the_evaluation_summary_leads_to_the_survey_by_a_button(journey: Journey):
    dialogue_id = await seed_unit(journey)
    journey.clock.set(local(11, 5))
    await say_privately(journey, "u-leader", "evaluering resultat")
    summary_id, summary = journey.cards_in("a:u-leader")[-1]
    assert "survey.start" in card_text(summary)
    await press(journey, "u-leader", {"verb": "survey.start", "dialogue_id": dialogue_id}, summary_id)
    confirm = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "Send spørgeskemaet?" in confirm and "Det går til 5 inviterede" in confirm


async def test_a_rows_card_is_dropped_when_the_person_answered_first(journey: Journey):
    """A row still waiting (outside the working window) is not sent to someone who answered meanwhile."""
    services, url = journey.services, journey.mock.url
    dialogue_id = await seed_unit(journey)
    evening = datetime(2026, 9, 17, 15, 0, tzinfo=timezone.utc)  # 17:00 in Copenhagen: no messages go out
    journey.clock.set(evening)
    await journey.post(f.channel_mention(url, "spørgeskema", user="u-leader", name="Lea Leder"))
    confirm_id, _ = journey.cards_in(THREAD)[-1]
    await journey.post(press_in_thread(journey, {"verb": "survey.confirm", "dialogue_id": dialogue_id}, user="u-leader",
                                       name="Lea Leder", reply_to=confirm_id))
    assert len(await survey_rows(journey, dialogue_id)) == 5 and not survey_cards(journey, "u-bo")
    await press(journey, "u-bo", answer(dialogue_id, answer_3="Fint samarbejde"), None)  # e.g. from a colleague's shared link
    journey.clock.set(evening + timedelta(hours=18))  # Friday 09:00
    await build_sweeper(services).run_once()
    assert not survey_cards(journey, "u-bo") and len(survey_cards(journey, "u-cecilie")) == 1


async def test_a_nyborg_workplace_is_told_it_is_not_part_of_its_concept(journey: Journey):
    services, url = journey.services, journey.mock.url
    dialogue_id = await seed_unit(journey, concept="nyborg")
    journey.clock.set(local(11, 5))
    await journey.post(f.channel_mention(url, "spørgeskema", user="u-leader", name="Lea Leder"))
    assert "ikke en del af Nyborg Kommunes koncept" in journey.texts_in(THREAD)[-1]
    assert not journey.cards_in(THREAD) and not await survey_rows(journey, dialogue_id)
    await press(journey, "u-bo", answer(dialogue_id, answer_1="Alligevel"), None)
    assert await services.store.surveys.get(dialogue_id, "u-bo") is None
