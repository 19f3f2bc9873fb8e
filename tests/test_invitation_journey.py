"""Steps 1 and 5 end to end through the real app and adapter: the planning group sets the day,
announces the chosen themes, everyone gets the invitation (Bilag 3) from the sweeper, answers
update the card in place, a moved day is told and clears the answers, and the calendar file is
served behind its token. Teams is the mock Bot Connector; time is the app's injected clock.
The cards of the step are checked against the Adaptive Card 1.5 schema in both languages here too.
"""
from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.cards.elements import message_with_card
from bot.cards.invitation import (
    announce_confirm_card, announced_card, day_changed_card, day_form_card, day_set_card, invitation_card, themes_announced_card,
)
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.clock import FixedClock
from bot.process.concept import Kind
from bot.process.everyday_example import EVERYDAY_EXAMPLE_KIND
from bot.process.invitation import Answer, DialogueDay, FieldError
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from cards_validation import assert_valid_card
from mock_connector import MockBotConnector
from test_calendar_file import parse_ics
from test_journey import ROSTER, Journey, card_text

THREAD = f"{f.TEAM};messageid=1"
PUBLIC = "https://talsammen.example"
DAY = {"verb": "day.set", "day_date": "2026-09-29", "day_start": "08:00", "day_place": "Mødelokale 2, Rådhuset", "day_link": ""}


@pytest_asyncio.fixture
async def journey(tmp_path):
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))  # Tuesday 10:00 in Copenhagen
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(THREAD, tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", public_base_url=PUBLIC,
                            _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def thread_submit(url: str, value: dict, *, user: str, name: str, reply_to: str | None) -> dict:
    activity = f.channel_submit(url, value, user=user, name=name, reply_to=reply_to)
    activity["conversation"]["id"] = THREAD
    return activity


def shown(journey: Journey, conversation: str, activity_id: str) -> str:
    return card_text(journey.mock.activities_in(conversation)[activity_id]["attachments"][0]["content"])


def selection_of(dialogue_id: str, now: datetime) -> Selection:
    themes = SelectionInput(
        wellbeing=ChosenTheme(Kind.WELLBEING, "social-support-trust", None, "Flest ønskede det, og vi hører det i hverdagen", 3),
        leadership=ChosenTheme(Kind.LEADERSHIP, "shared-direction-goals", None, "Retningen er uklar for mange", 2),
    )
    return Selection(dialogue_id, themes, "u-leader", now)


async def start_round(journey: Journey):
    url = journey.mock.url
    await journey.post(f.bot_added_to_team(url))
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder"))
    return await journey.services.store.dialogues.current_dialogue(f.TEAM, journey.clock.now())


async def set_day(journey: Journey, values: dict, *, user: str = "u-leader", name: str = "Lea Leder") -> str:
    await journey.post(f.channel_mention(journey.mock.url, "dag", user=user, name=name))
    form_id, form = journey.cards_in(THREAD)[-1]
    assert "day.set" in card_text(form)
    dialogue_id = next(a["data"]["dialogue_id"] for a in form["actions"] if a["data"]["verb"] == "day.set")
    await journey.post(thread_submit(journey.mock.url, {**values, "dialogue_id": dialogue_id}, user=user, name=name, reply_to=form_id))
    return form_id


def invitation_of(journey: Journey, user: str) -> tuple[str, dict]:
    cards = [(aid, c) for aid, c in journey.cards_in(f"a:{user}") if "day.answer" in card_text(c)]
    return cards[0]


async def test_set_the_day_announce_invite_answer_move_and_fetch_the_calendar(journey: Journey):
    url, store = journey.mock.url, journey.services.store
    dialogue = await start_round(journey)

    # Erik is not in the planning group: the day cannot be set by him.
    await journey.post(f.channel_mention(url, "dag", user="u-erik", name="Erik Eg"))
    assert "Lea Leder" in journey.texts_in(THREAD)[-1]

    # A day in the past is refused on the card; a good one replaces the form with the result.
    form_id = await set_day(journey, {**DAY, "day_date": "2026-08-01"})
    assert "Dagen skal ligge efter nu" in shown(journey, THREAD, form_id)
    assert await store.invitations.get_day(dialogue.id) is None
    form_id = await set_day(journey, DAY)
    result = shown(journey, THREAD, form_id)
    assert "Dagen er sat: tirsdag den 29. september 2026 kl. 8.00-11.00" in result and "Mødelokale 2, Rådhuset" in result
    assert await store.invitations.get_day(dialogue.id) == DialogueDay(date(2026, 9, 29), time(8, 0), "Mødelokale 2, Rådhuset")

    # Announcing needs chosen themes first.
    await journey.post(f.channel_mention(url, "annoncér", user="u-leader", name="Lea Leder"))
    assert "Vælg først temaerne" in journey.texts_in(THREAD)[-1]
    await store.selections.save(selection_of(dialogue.id, journey.clock.now()))

    await journey.post(f.channel_mention(url, "annoncér", user="u-leader", name="Lea Leder"))
    confirm_id, confirm = journey.cards_in(THREAD)[-1]
    assert "themes.announce" in card_text(confirm) and "Alle 5 inviterede" in card_text(confirm)
    assert journey.cards_in("a:u-bo") and not any("day.answer" in card_text(c) for _, c in journey.cards_in("a:u-bo"))
    value = {"verb": "themes.announce", "dialogue_id": dialogue.id}
    await journey.post(thread_submit(url, value, user="u-leader", name="Lea Leder", reply_to=confirm_id))
    assert "Temaerne er sendt ud" in shown(journey, THREAD, confirm_id)

    # The channel gets the themes with their descriptions and why; each member the invitation.
    [post] = [c for _, c in journey.cards_in(f.TEAM) if "Temaerne til udviklingsdialogen" in card_text(c)]
    assert "Flest ønskede det" in card_text(post) and "Social støtte og tillid" in card_text(post)
    for member in ROSTER:
        _, invitation = invitation_of(journey, member["id"])
        text = card_text(invitation)
        assert "tirsdag den 29. september 2026 kl. 8.00-11.00" in text and "Forbered dit eksempel" in text and "example.show" in text
        assert "Dialog om trivsel" in text and "Føj til kalender" in text
    bo_id, bo_card = invitation_of(journey, "u-bo")
    assert (await store.invitations.invitation(dialogue.id, "u-bo")).card_activity_id == bo_id
    pending = [r for r in await store.reminders.pending_for(dialogue.id) if r.kind == EVERYDAY_EXAMPLE_KIND]
    assert pending and all(":2026-09-29:" in r.key for r in pending)

    # A second click (another member, or the same card again) invites nobody twice.
    await store.planning_group.add(f.TEAM, "u-dorte", "Dorte Dam", added_by="u-leader", now=journey.clock.now())
    sent = len(journey.mock.delivered())
    await journey.post(thread_submit(url, value, user="u-dorte", name="Dorte Dam", reply_to=confirm_id))
    assert "allerede sendt ud" in journey.texts_in(THREAD)[-1] and len(journey.mock.delivered()) == sent + 1

    # Bo answers on his card: it shows the answer and the way to change it; twice is one answer.
    answer = {"verb": "day.answer", "dialogue_id": dialogue.id, "answer": "coming"}
    for _ in range(2):
        await journey.post(f.personal_submit(url, answer, user="u-bo", conversation="a:u-bo", reply_to=bo_id))
    updated = shown(journey, "a:u-bo", bo_id)
    assert "Du har svaret: Jeg kommer." in updated and "Jeg kan alligevel ikke komme" in updated
    assert await store.invitations.answers(dialogue.id) == {"u-bo": Answer.COMING}
    assert [e.action for e in await store.audit.entries(actor="u-bo")].count("day.answered") == 1
    cecilie_id, _ = invitation_of(journey, "u-cecilie")
    await journey.post(f.personal_submit(url, {**answer, "answer": "cannot_come"}, user="u-cecilie", conversation="a:u-cecilie", reply_to=cecilie_id))
    # A card forged with another dialogue's id: Bo is not invited there, nothing is stored.
    await journey.post(f.personal_submit(url, {**answer, "dialogue_id": "another-dialogue"}, user="u-bo", conversation="a:u-bo", reply_to=bo_id))
    assert "ikke inviteret" in journey.texts_in("a:u-bo")[-1]
    assert await store.invitations.answers("another-dialogue") == {}

    # Only the place changes: those coming or not answered are told; Cecilie, who cannot come, is not.
    before = {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER}
    await set_day(journey, {**DAY, "day_place": "Kantinen"})
    after = {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER}
    assert {k: after[k] - before[k] for k in after} == {"u-leader": 1, "u-bo": 1, "u-cecilie": 0, "u-dorte": 1, "u-erik": 1}
    assert "Kantinen" in card_text(journey.cards_in("a:u-bo")[-1][1])
    assert set(await store.invitations.answers(dialogue.id)) == {"u-bo", "u-cecilie"}

    # A new date: everyone is told, the answers are cleared, the example reminders follow the day.
    form_id = await set_day(journey, {**DAY, "day_date": "2026-10-06", "day_place": "Kantinen"})
    assert "5 inviterede får besked" in shown(journey, THREAD, form_id) and "svare igen" in shown(journey, THREAD, form_id)
    assert {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER} == {k: v + 1 for k, v in after.items()}
    moved = card_text(journey.cards_in("a:u-cecilie")[-1][1])
    assert "tirsdag den 6. oktober 2026" in moved and "Kommer du?" in moved and "day.answer" in moved
    assert await store.invitations.answers(dialogue.id) == {}
    pending = [r for r in await store.reminders.pending_for(dialogue.id) if r.kind == EVERYDAY_EXAMPLE_KIND]
    assert pending and all(":2026-10-06:" in r.key for r in pending)

    # The calendar file: behind the invitation's link, parsed; a wrong token is a 404.
    link = next(a["url"] for a in _actions(journey.cards_in("a:u-bo")[-1][1]) if a["type"] == "Action.OpenUrl")
    assert link.startswith(f"{PUBLIC}/calendar/{dialogue.id}/") and link.endswith(".ics")
    response = await journey.client.get(link.removeprefix(PUBLIC))
    assert response.status == 200 and response.content_type == "text/calendar"
    event = parse_ics(await response.text())
    assert event["DTSTART"] == "20261006T060000Z" and event["DTEND"] == "20261006T090000Z" and event["LOCATION"] == "Kantinen"
    assert event["UID"].startswith(dialogue.id)
    assert (await journey.client.get(f"/calendar/{dialogue.id}/{'0' * 32}.ics")).status == 404


def _actions(card: dict) -> list[dict]:
    found: list[dict] = []

    def walk(node):  # noqa: ANN001, ANN202
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action."):
                found.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(card)
    return found


# -- the step's cards, in both languages and both concepts ---------------------------------------------
def _cards(lang: str, concept_name: str) -> dict[str, dict]:
    concept = load_concept(concept_name)
    now = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
    day = DialogueDay(date(2026, 9, 29), time(8, 0), "Mødelokale <b>2</b>", "https://teams.microsoft.com/l/meetup-join/x")
    own = Selection("d1", SelectionInput(
        wellbeing=ChosenTheme(Kind.WELLBEING, concept.catalogue(Kind.WELLBEING).own_proposal.id, "Vores **egen** titel", "Fordi", 1),
        # A catalogue theme where the concept has one (DTU's material names none: its own theme then).
        leadership=(ChosenTheme(Kind.LEADERSHIP, concept.catalogue(Kind.LEADERSHIP).themes[0].id, None, "Derfor", 0)
                    if concept.catalogue(Kind.LEADERSHIP).themes else
                    ChosenTheme(Kind.LEADERSHIP, concept.catalogue(Kind.LEADERSHIP).own_proposal.id, "Ledelse tæt på", "Derfor", 0)),
    ), "u1", now)
    return {
        "form": day_form_card(lang, dialogue_id="d1", current=day, min_date=date(2026, 9, 1), max_date=date(2027, 9, 1)),
        "form_errors": day_form_card(lang, dialogue_id="d1", current=None, min_date=date(2026, 9, 1), max_date=date(2027, 9, 1),
                                     values={"day_date": "2026-08-01"}, errors=[FieldError("day_date", "in_past"), FieldError("day_place", "required"),
                                                                                FieldError("day_link", "too_long", 2000)]),
        "set": day_set_card(lang, day=day, warnings=("outside_season", "not_a_working_day")),
        "moved": day_set_card(lang, day=day, told=4, cleared=True, announced=True),
        "confirm": announce_confirm_card(lang, concept, dialogue_id="d1", selection=own, day=day, invited=12),
        "announced": announced_card(lang, concept, selection=own, day=day, invited=12),
        "channel": themes_announced_card(lang, concept, selection=own, day=day),
        "invitation": invitation_card(lang, concept, dialogue_id="d1", selection=own, day=day, calendar_url=f"{PUBLIC}/calendar/d1/x.ics",
                                      workplace_name="Hjemmeplejen *Nord*"),
        "answered": invitation_card(lang, concept, dialogue_id="d1", selection=own, day=day, answer=Answer.CANNOT_COME),
        "changed": day_changed_card(lang, dialogue_id="d1", day=day, answer=None, calendar_url=f"{PUBLIC}/calendar/d1/x.ics"),
    }


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("concept_name", ["nyborg", "dtu"])
def test_every_card_of_the_step_is_valid_and_sends_what_the_router_accepts(lang: str, concept_name: str) -> None:
    concept = load_concept(concept_name)
    for name, built in _cards(lang, concept_name).items():
        assert_valid_card(message_with_card(built, summary=name, lang=lang))
        for action in _actions(built):
            if action["type"] == "Action.Submit":
                payload, verb = REGISTRY.parse(action["data"], concept)
                assert verb.payload is type(payload), name
        text = card_text(built)
        assert "2026-09-29" not in text.replace('"2026-09-29"', ""), name  # no ISO date a person reads
    invitation = card_text(_cards(lang, concept_name)["invitation"])
    assert ("Jeg kommer" if lang == "da" else "I'm coming") in invitation
    assert ("Føj til kalender" if lang == "da" else "Add to calendar") in invitation


def test_typed_text_is_shown_only_in_text_runs() -> None:
    built = _cards("da", "nyborg")
    for name in ("invitation", "channel", "confirm"):
        for marker in ("Mødelokale <b>2</b>", "Vores **egen** titel"):
            text = card_text(built[name])
            assert f'"type": "TextRun", "text": "{marker}"' in text, (name, marker)


def test_who_cannot_come_is_not_asked_to_prepare_an_example() -> None:
    concept, now = load_concept("nyborg"), datetime(2026, 9, 1, 8, tzinfo=timezone.utc)
    day = DialogueDay(date(2026, 9, 29), time(8), place="Mødelokale 2")

    def verbs(answer):  # noqa: ANN001, ANN202
        built = invitation_card("da", concept, dialogue_id="d1", selection=selection_of("d1", now), day=day, answer=answer)
        return {a["data"]["verb"] for a in _actions(built) if a.get("type") == "Action.Submit"}

    assert "example.show" in verbs(None) and "example.show" in verbs(Answer.COMING)
    assert "example.show" not in verbs(Answer.CANNOT_COME)
