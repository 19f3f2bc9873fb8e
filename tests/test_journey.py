"""The nomination slice end to end through the real aiohttp app and the botbuilder adapter.

Teams is played by a mock Bot Connector (tests/mock_connector.py); the same journey runs against
Microsoft's Agents Playground in tests/e2e/test_playground_journey.py.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import SERVICES, Overrides, create_app
from bot.process.clock import FixedClock
from bot.scheduler.runner import build_runner
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from mock_connector import MockBotConnector

ROSTER = f.ROSTER


class Journey:
    def __init__(self, client: TestClient, mock: MockBotConnector, clock: FixedClock) -> None:
        self.client, self.mock, self.clock = client, mock, clock
        self.services = client.server.app[SERVICES]

    async def post(self, activity: dict) -> int:
        response = await self.client.post("/api/messages", json=activity)
        await self.services.drain()
        return response.status

    def sent_to(self, conversation: str) -> list[dict]:
        return list(self.mock.activities_in(conversation).values())

    def cards_in(self, conversation: str) -> list[tuple[str, dict]]:
        return [
            (aid, a["attachments"][0]["content"])
            for aid, a in self.mock.activities_in(conversation).items()
            if a.get("attachments")
        ]

    def texts_in(self, conversation: str) -> list[str]:
        return [a.get("text") or "" for a in self.sent_to(conversation)]


@pytest_asyncio.fixture
async def journey(tmp_path):
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))  # Tuesday 10:00 in Copenhagen
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(f"{f.TEAM};messageid=1", tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def submit_value(round_id: str, *, wellbeing="social-support-trust", leadership="shared-direction-goals", why="Vi har brug for hinanden 💪", own_title=""):
    return {
        "verb": "nomination.submit", "round_id": round_id,
        "wellbeing_theme": wellbeing, "wellbeing_own_title": own_title if wellbeing == "own" else "",
        "wellbeing_why_me": why, "wellbeing_core_task": "Så borgerne mærker det",
        "leadership_theme": leadership, "leadership_own_title": own_title if leadership == "own" else "",
        "leadership_why_me": "Retningen er uklar", "leadership_core_task": "Vi trækker i samme retning",
    }


def card_text(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


async def test_nomination_round_from_install_to_tally(journey: Journey):
    mock, services, url = journey.mock, journey.services, journey.mock.url

    # The app is added to the team: the channel gets a welcome card with a start button.
    assert await journey.post(f.bot_added_to_team(url)) == 200
    welcome = journey.cards_in(f.TEAM)
    assert len(welcome) == 1 and "round.setup" in card_text(welcome[0][1])

    # A team member mentions the bot with "start": the setup card comes back.
    assert await journey.post(f.channel_mention(url, "start", user="u-leader", name="Lea Leder")) == 200
    setup_id, setup = journey.cards_in(f"{f.TEAM};messageid=1")[-1]
    assert "round.start" in card_text(setup)

    # She sets the deadline and starts: every member gets a card in a 1:1 chat.
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    assert await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder", reply_to=setup_id)) == 200
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    assert round_ is not None and round_.deadline_date.isoformat() == "2026-09-15" and not round_.named_mode
    for member in ROSTER:
        cards = journey.cards_in(f"a:{member['id']}")
        assert len(cards) == 1, member
        assert round_.id in card_text(cards[0][1])
    assert [m.user_id for m in await services.store.planning_group.members(f.TEAM)] == ["u-leader"]
    started = card_text(journey.cards_in(f.TEAM)[-1][1])
    assert "tally.show" in started

    # Bo submits; the card is replaced in place by a receipt with an edit button.
    bo_card_id = journey.cards_in("a:u-bo")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card_id))
    receipt = journey.mock.activities_in("a:u-bo")[bo_card_id]["attachments"][0]["content"]
    assert "nomination.edit" in card_text(receipt) and "Vi har brug for hinanden 💪" in card_text(receipt)

    # Bo edits: the form comes back filled in; his new choice replaces the old one.
    await journey.post(f.personal_submit(url, {"verb": "nomination.edit", "round_id": round_.id}, user="u-bo", conversation="a:u-bo", reply_to=bo_card_id))
    assert "nomination.submit" in card_text(journey.mock.activities_in("a:u-bo")[bo_card_id]["attachments"][0]["content"])
    await journey.post(f.personal_submit(url, submit_value(round_.id, wellbeing="meaning-direction"), user="u-bo", conversation="a:u-bo", reply_to=bo_card_id))

    # Cecilie proposes a leadership theme of her own.
    cecilie_card = journey.cards_in("a:u-cecilie")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id, leadership="own", own_title="Mødekultur **fed**"), user="u-cecilie", conversation="a:u-cecilie", reply_to=cecilie_card))

    # Dorte forgets a reason: a clear error on the card, and nothing is stored.
    dorte_card = journey.cards_in("a:u-dorte")[0][0]
    bad = submit_value(round_.id)
    bad["leadership_why_me"] = "   "
    await journey.post(f.personal_submit(url, bad, user="u-dorte", conversation="a:u-dorte", reply_to=dorte_card))
    assert await services.store.nominations.get(round_.id, "u-dorte") is None
    shown = card_text(journey.mock.activities_in("a:u-dorte")[dorte_card]["attachments"][0]["content"])
    assert "nomination.submit" in shown and "attention" in shown.lower()

    # Erik forges a submission claiming to be Bo: it is refused and audited, Bo's stays; then
    # Erik sends his own.
    forged = {**submit_value(round_.id, wellbeing="balance-energy"), "user_id": "u-bo", "from": "u-bo"}
    await journey.post(f.personal_submit(url, forged, user="u-erik", conversation="a:u-erik", reply_to=None))
    assert (await services.store.nominations.get(round_.id, "u-bo")).wellbeing.theme_id == "meaning-direction"
    assert await services.store.nominations.get(round_.id, "u-erik") is None
    assert [e.action for e in await services.store.audit.entries(actor="u-erik")] == ["payload.rejected"]
    await journey.post(f.personal_submit(url, submit_value(round_.id, wellbeing="balance-energy"), user="u-erik", conversation="a:u-erik", reply_to=None))

    # The planning group asks for the tally in the channel: it arrives privately.
    await journey.post(f.personal_message(url, "hej", user="u-leader", conversation="a:u-leader"))
    await journey.post(f.channel_mention(url, "optælling", user="u-leader", name="Lea Leder"))
    tally = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "3 af 5" in tally or "3/5" in tally
    assert "Mødekultur **fed**" in tally and "Vi har brug for hinanden 💪" in tally
    assert "Bo Bæk" not in tally  # anonymous mode

    # Anyone else is refused politely and told who can see it.
    await journey.post(f.channel_mention(url, "tally", user="u-erik", name="Erik Eg"))
    refusal = journey.texts_in(f"{f.TEAM};messageid=1")[-1]
    assert "Lea Leder" in refusal
    assert not any("Mødekultur" in card_text(card) for _, card in journey.cards_in("a:u-erik"))

    records = await services.store.nominations.records(round_.id)
    assert sorted(r.user_id for r in records) == ["u-bo", "u-cecilie", "u-erik"]


async def test_the_same_activity_twice_has_one_effect(journey: Journey):
    url = journey.mock.url
    await journey.post(f.bot_added_to_team(url))
    mention = f.channel_mention(url, "start", user="u-leader", name="Lea Leder")
    await journey.post(mention)
    await journey.post(mention)
    assert len(journey.cards_in(f"{f.TEAM};messageid=1")) == 1


async def test_reminders_reach_only_those_who_have_not_answered(journey: Journey):
    url, services = journey.mock.url, journey.services
    await journey.post(f.bot_added_to_team(url))
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea", "named_mode": "named"}
    await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder"))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    bo_card = journey.cards_in("a:u-bo")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card))

    sweeper = build_runner(services).sweeper
    # 5 working days before 15 September (a Tuesday) is Tuesday 8 September, 09:00.
    journey.clock.set(datetime(2026, 9, 8, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    reminded = {m["id"] for m in ROSTER if len(journey.cards_in(f"a:{m['id']}")) == 2}
    assert reminded == {"u-leader", "u-cecilie", "u-dorte", "u-erik"}
    reminder = card_text(journey.cards_in("a:u-cecilie")[-1][1])
    assert "nomination.open" in reminder

    # Cecilie answers; the second reminder (1 working day before) goes only to the others.
    cecilie_card = journey.cards_in("a:u-cecilie")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-cecilie", conversation="a:u-cecilie", reply_to=cecilie_card))
    journey.clock.set(datetime(2026, 9, 14, 7, 5, tzinfo=timezone.utc))
    await sweeper.run_once()
    counts = {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER}
    assert counts == {"u-leader": 3, "u-bo": 1, "u-cecilie": 2, "u-dorte": 3, "u-erik": 3}


async def test_a_person_who_writes_first_is_greeted_in_their_language_and_can_switch(journey: Journey):
    url = journey.mock.url
    journey.mock.add_conversation("a:u-new", tenant_id=f.TENANT)
    await journey.post(f.personal_message(url, "hello", user="u-new", conversation="a:u-new", locale="en-US"))
    greeting = card_text(journey.cards_in("a:u-new")[-1][1])
    assert "language.set" in greeting and "Dansk" in greeting
    assert "theme" in greeting.lower()
    await journey.post(f.personal_submit(url, {"verb": "language.set", "lang": "da"}, user="u-new", conversation="a:u-new", reply_to=None))
    assert "dansk" in journey.texts_in("a:u-new")[-1]
    await journey.post(f.personal_message(url, "hjælp", user="u-new", conversation="a:u-new", locale="en-US"))
    assert "Hjælp" in card_text(journey.cards_in("a:u-new")[-1][1]) or "hjælp" in card_text(journey.cards_in("a:u-new")[-1][1])


async def test_status_shows_answers_reminders_and_who_could_not_be_reached(journey: Journey):
    url, services = journey.mock.url, journey.services
    journey.mock.faults.blocked_conversations.add("a:u-erik")
    await journey.post(f.bot_added_to_team(url))
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder"))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    bo_card = journey.cards_in("a:u-bo")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card))
    journey.clock.set(datetime(2026, 9, 8, 7, 5, tzinfo=timezone.utc))
    await build_runner(services).sweeper.run_once()

    await journey.post(f.channel_mention(url, "status", user="u-leader", name="Lea Leder"))
    status = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "1 af 5" in status
    assert "Erik Eg" in status and "har blokeret TalSammen" in status
    facts = [fact for block in journey.cards_in("a:u-leader")[-1][1]["body"] if block.get("type") == "FactSet" for fact in block["facts"]]
    assert {"title": "Påmindelser sendt", "value": "3"} in facts  # Lea, Cecilie, Dorte; not Bo, not Erik


async def test_status_gives_the_planning_group_the_figures_to_run_the_round(journey: Journey):
    """Deadline, time left, answers (one on paper), how the form reached people, reminders and
    the next one, and what comes next; the figures are unit-tested in tests/test_status.py."""
    url, services = journey.mock.url, journey.services
    journey.mock.faults.blocked_conversations.add("a:u-erik")
    await journey.post(f.bot_added_to_team(url))
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea Leder", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(url, start, user="u-leader", name="Lea Leder"))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    bo_card = journey.cards_in("a:u-bo")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card))
    # Dorte hands in the paper form; the contact person's way of entering it is tested with that
    # step, here it is stored as that step stores it.
    [bo] = [r for r in await services.store.nominations.records(round_.id) if r.user_id == "u-bo"]
    await services.store.nominations.save(round_.id, "u-dorte", bo.nomination, journey.clock.now(), entered_by="u-leader")

    # Tuesday 8 September, 09:05: the first reminder goes to Lea and Cecilie (Erik has blocked the bot).
    journey.clock.set(datetime(2026, 9, 8, 7, 5, tzinfo=timezone.utc))
    await build_runner(services).sweeper.run_once()
    cecilie_card = journey.cards_in("a:u-cecilie")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-cecilie", conversation="a:u-cecilie", reply_to=cecilie_card))

    await journey.post(f.channel_mention(url, "status", user="u-leader", name="Lea Leder"))
    card = journey.cards_in("a:u-leader")[-1][1]
    facts = {fact["title"]: fact["value"] for block in card["body"] if block.get("type") == "FactSet" for fact in block["facts"]}
    assert facts == {
        "Frist": "tirsdag den 15. september 2026",
        "Tid tilbage": "6 arbejdsdage (8 dage i alt), i dag medregnet",
        "Svar": "3 af 5, heraf 1 på papir",
        "Skemaet i Teams": "4 leveret, 0 venter, 1 kunne ikke leveres",
        "Påmindelser sendt": "2",
        "Næste påmindelse": "mandag den 14. september 2026",
        "Kan ikke nås": "1",
    }
    text = card_text(card)
    assert "Trin 3: Medarbejderne vælger temaer" in text and "Erik Eg" in text and "har blokeret TalSammen" in text
    assert "Kontaktperson: " in text and "Lea Leder" in text and "2026-09" not in text
    assert "status" in journey.texts_in(f"{f.TEAM};messageid=1")[-1]  # the channel is told what went privately

    # After the deadline: step 4, no time left, no reminder coming, and the way to the tally.
    journey.clock.set(datetime(2026, 9, 16, 8, 0, tzinfo=timezone.utc))
    await journey.post(f.channel_mention(url, "status", user="u-leader", name="Lea Leder"))
    after = journey.cards_in("a:u-leader")[-1][1]
    facts = {fact["title"]: fact["value"] for block in after["body"] if block.get("type") == "FactSet" for fact in block["facts"]}
    assert facts["Tid tilbage"] == "Fristen er udløbet" and facts["Næste påmindelse"] == "Ingen planlagt"
    assert "Trin 4: Planlægningsgruppen udvælger temaer" in card_text(after)
    # Step 4's own action first (choose the themes), then the tally to choose from.
    assert [a["data"]["verb"] for a in after["actions"][:2]] == ["selection.show", "tally.show"]


async def _round_with_cards(journey: Journey):
    await journey.post(f.bot_added_to_team(journey.mock.url))
    start = {"verb": "round.start", "deadline": "2026-09-15", "contact_name": "Lea", "named_mode": "anonymous"}
    await journey.post(f.channel_submit(journey.mock.url, start, user="u-leader", name="Lea Leder"))
    return await journey.services.store.dialogues.latest_round(f.TEAM)


async def test_a_nomination_delivered_twice_is_stored_and_answered_once(journey: Journey):
    """Its claim, reads and save share one transaction (bot/storage/turn_work.py); the second
    delivery of the same activity finds the claim and does nothing."""
    round_ = await _round_with_cards(journey)
    bo_card = journey.cards_in("a:u-bo")[0][0]
    submit = f.personal_submit(journey.mock.url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card)
    updates = lambda: [r for r in journey.mock.requests if r.kind == "update" and r.conversation_id == "a:u-bo"]  # noqa: E731
    assert await journey.post(submit) == 200
    assert len(updates()) == 1 and "nomination.edit" in card_text(journey.mock.activities_in("a:u-bo")[bo_card])
    assert await journey.post(submit) == 200
    assert len(updates()) == 1
    assert [r.user_id for r in await journey.services.store.nominations.records(round_.id)] == ["u-bo"]


async def test_a_nomination_turn_that_could_not_answer_is_handled_when_teams_tries_again(journey: Journey):
    """The claim was committed with the save; the turn failed, so it is released again."""
    round_ = await _round_with_cards(journey)
    bo_card = journey.cards_in("a:u-bo")[0][0]
    submit = f.personal_submit(journey.mock.url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card)
    journey.mock.fail_next(403, code="Forbidden")  # the receipt cannot replace the card
    await journey.post(submit)
    assert "nomination.edit" not in card_text(journey.mock.activities_in("a:u-bo")[bo_card])
    assert await journey.post(submit) == 200
    assert "nomination.edit" in card_text(journey.mock.activities_in("a:u-bo")[bo_card])
    assert await journey.services.store.nominations.get(round_.id, "u-bo") is not None
