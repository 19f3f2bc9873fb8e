"""Across the organisation, end to end through the real app, adapter and mock Bot Connector (steps 13-14).

The administrator named by the ADMINISTRATORS setting grants a colleague; they register a
coordination committee and HR in their own teams and link two workplaces to the committee. One
workplace (its adopted plan seeded through ``store.plans``) sends on: the committee's channel
gets the card with the ask highlighted; after a change a re-send arrives marked as a new
version. The committee's overview shows who has sent and who is missing, nudges the missing
workplace's planning group (once a day), and forwards to HR, whose channel gets the post with
the comment. Rules: tests/test_organisation.py; storage: tests/storage/test_organisation_storage.py.
"""
from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.concept import Kind
from bot.process.development_plan import DevelopmentPlan, Initiative
from bot.process.follow_up import SEND_ON_REMINDER_KIND, plan_after_adoption
from bot.process.organisation import COMMITTEE_NUDGE_KIND, committee_id_for
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.scheduler.runner import build_runner
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from mock_connector import MockBotConnector
from test_journey import ROSTER, Journey, card_text

W1, W2 = f.TEAM, "19:team-skolen@thread.tacv2"
COMMITTEE, HR = "19:team-med-social@thread.tacv2", "19:team-hr@thread.tacv2"
TEAMS = {W1: "Hjemmeplejen Nord", W2: "Skolen Syd", COMMITTEE: "MED Social og Sundhed", HR: "HR"}


@pytest_asyncio.fixture
async def journey(tmp_path):
    clock = FixedClock(datetime(2026, 11, 16, 8, 0, tzinfo=timezone.utc))  # Monday 09:00 in Copenhagen
    async with MockBotConnector() as mock:
        for team in TEAMS:
            mock.add_conversation(team, tenant_id=f.TENANT, members=ROSTER)
            mock.add_conversation(f"{team};messageid=1", tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", administrators="u-admin",
                            _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def plan_of(dialogue_id: str, now: datetime, *initiatives: Initiative, version: int = 1) -> DevelopmentPlan:
    return DevelopmentPlan(dialogue_id, initiatives, version=version, edited_by="u-leader", edited_at=now)


MEET = Initiative("i1", "Ny mødestruktur", "Møderne fylder", owner_id="u-bo", owner_name="Bo Bæk")
DAY = Initiative("i2", "Temadag på tværs", "Vi kender ikke hinanden", owner_id="u-bo", owner_name="Bo Bæk", needs_organisation=True,
                 ask="Tid og vikardækning til en temadag")


async def setup_teams(journey: Journey) -> None:
    ticks = itertools.count(0.0, 1.0)  # many replies into one chat in a real second: the mock sees them a second apart
    journey.mock._clock = lambda: next(ticks)
    services, now = journey.services, journey.clock.now()
    for m in ROSTER + [{"id": "u-admin", "name": "Ada Admin"}, {"id": "u-karen", "name": "Karen K"}]:
        journey.mock.add_conversation(f"a:{m['id']}", tenant_id=f.TENANT)
        await services.store.people.remember(user_id=m["id"], tenant_id=f.TENANT, now=now, conversation_id=f"a:{m['id']}",
                                             service_url=journey.mock.url, name=m["name"])
    for team, name in TEAMS.items():
        await journey.post(f.bot_added_to_team(journey.mock.url, team=team))
        await services.store.workplaces.upsert(team_id=team, tenant_id=f.TENANT, service_url=journey.mock.url, channel_id=team, name=name,
                                               now=now, concept="nyborg")
    await services.store.planning_group.add(W1, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    await services.store.planning_group.add(W2, "u-bo", "Bo Bæk", added_by="u-bo", now=now)


async def seed_adopted_plan(journey: Journey) -> str:
    services, now = journey.services, journey.clock.now()
    dialogue = await services.store.dialogues.ensure_dialogue(W1, now)
    await services.store.selections.save(Selection(dialogue.id, SelectionInput(
        ChosenTheme(Kind.WELLBEING, "social-support-trust", None, "Flest ønskede det"),
        ChosenTheme(Kind.LEADERSHIP, "own", "Mødekultur", "Det fylder")), "u-leader", now, announced_at=now))
    assert await services.store.plans.save(plan_of(dialogue.id, now, MEET, DAY), expected_version=None) is not None
    plan = await services.store.plans.adopt(dialogue.id, by="u-leader", now=now)
    await services.store.reminders.add(plan_after_adoption(plan, team_id=W1, cycle=dialogue.cycle, window=services.window, now=now))
    return dialogue.id


def mention(journey: Journey, team: str, text: str, *, user: str, who: dict | None = None) -> dict:
    activity = f.channel_mention(journey.mock.url, text, user=user, team=team)
    if who:
        activity["text"] += f" <at>{who['name']}</at>"
        activity["entities"].append({"type": "mention", "text": f"<at>{who['name']}</at>", "mentioned": who})
    return activity


async def in_channel(journey: Journey, team: str, value: dict, *, user: str, reply_to: str | None = None) -> None:
    activity = f.channel_submit(journey.mock.url, value, user=user, team=team, reply_to=reply_to)
    activity["conversation"]["id"] = f"{team};messageid=1"  # pressed on a card in the thread the command was typed in
    await journey.post(activity)


async def sweep(journey: Journey) -> None:
    sweeper = build_runner(journey.services).sweeper
    await sweeper.run_once()
    await sweeper.run_once()


def texts(journey: Journey, conversation: str) -> str:
    return "\n".join(card_text(c) for _, c in journey.cards_in(conversation)) + "\n".join(journey.texts_in(conversation))


async def test_a_plan_reaches_the_committee_and_the_committee_forwards_to_hr(journey: Journey):
    services = journey.services
    store = services.store
    await setup_teams(journey)
    thread = f"{COMMITTEE};messageid=1"

    # Only an administrator registers a committee; the setting's administrator grants Karen.
    await journey.post(mention(journey, COMMITTEE, "udvalg", user="u-erik"))
    assert "administrator" in journey.texts_in(thread)[-1].lower()
    await journey.post(mention(journey, COMMITTEE, "admin tilføj", user="u-admin", who={"id": "u-karen", "name": "Karen K"}))
    assert await store.organisation.is_administrator("u-karen")
    assert [e.subject for e in await store.audit.entries(actor="u-admin") if e.action == "organisation.admin.add"] == ["u-karen"]
    await journey.post(mention(journey, COMMITTEE, "udvalg", user="u-karen"))
    assert any("committee_kind" in str(c) for _, c in journey.cards_in(thread))
    await in_channel(journey, COMMITTEE, {"verb": "org.committee.register", "committee_name": "MED Social og Sundhed",
                                          "committee_kind": "committee"}, user="u-karen")
    await in_channel(journey, HR, {"verb": "org.committee.register", "committee_name": "HR", "committee_kind": "hr"}, user="u-admin")
    await in_channel(journey, W2, {"verb": "org.committee.register", "committee_name": "Falsk", "committee_kind": "hr"}, user="u-erik")
    assert [c.team_id for c in await store.organisation.committees()] == [COMMITTEE, HR]

    # Linking: the card lists the workplaces (not the committees), each with the committees to choose.
    await journey.post(f.personal_message(journey.mock.url, "tilknyt", user="u-admin", conversation="a:u-admin"))
    link_id, link = journey.cards_in("a:u-admin")[-1]
    save = next(a for a in link["actions"] if a["data"]["verb"] == "org.link.save")["data"]
    assert {save["team_1"], save["team_2"]} == {W1, W2} and "team_3" not in save
    assert "Ikke knyttet" in card_text(link)
    cid = committee_id_for(COMMITTEE)
    await journey.post(f.personal_submit(journey.mock.url, {**save, "link_1": cid, "link_2": cid}, user="u-admin",
                                         conversation="a:u-admin", reply_to=link_id))
    assert await store.organisation.links() == {W1: cid, W2: cid}

    # Send on: the committee's channel gets the card with the ask highlighted; the run-up stops.
    dialogue_id = await seed_adopted_plan(journey)
    await journey.post(f.personal_message(journey.mock.url, "send videre", user="u-leader", conversation="a:u-leader"))
    send_id, send_card = journey.cards_in("a:u-leader")[-1]
    assert "MED Social og Sundhed" in card_text(send_card)
    await journey.post(f.personal_submit(journey.mock.url, {"verb": "send_on.send", "dialogue_id": dialogue_id, "version": 1},
                                         user="u-leader", conversation="a:u-leader", reply_to=send_id))
    await sweep(journey)
    posted = [card_text(c) for _, c in journey.cards_in(COMMITTEE) if "Udviklingsplan fra" in card_text(c)]
    assert len(posted) == 1 and "Hjemmeplejen Nord" in posted[0] and "Tid og vikardækning til en temadag" in posted[0]
    assert "Mødekultur" in posted[0] and "Ny version" not in posted[0]
    receipt = card_text(journey.mock.activities_in("a:u-leader")[send_id]["attachments"][0]["content"])
    assert "Sidst sendt" in receipt and "version 1" in receipt

    # A changed plan, sent again: a new version, marked as such with what changed.
    now = journey.clock.now()
    assert await store.plans.save(plan_of(dialogue_id, now, MEET, version=2), expected_version=1) is not None
    await journey.post(f.personal_message(journey.mock.url, "send videre", user="u-leader", conversation="a:u-leader"))
    again_id, again = journey.cards_in("a:u-leader")[-1]
    assert "Send ny version" in card_text(again)
    for _ in range(2):  # pressed twice: one new version
        await journey.post(f.personal_submit(journey.mock.url, {"verb": "send_on.send", "dialogue_id": dialogue_id, "version": 2},
                                             user="u-leader", conversation="a:u-leader", reply_to=again_id))
    await sweep(journey)
    posted = [card_text(c) for _, c in journey.cards_in(COMMITTEE) if "Udviklingsplan fra" in card_text(c)]
    assert len(posted) == 2 and "Ny version" in posted[1] and "Fjernet" in posted[1] and "Temadag på tværs" in posted[1]

    # The committee's overview, in its own channel: who has sent, who is missing, the asks by theme.
    await journey.post(mention(journey, COMMITTEE, "overblik", user="u-erik"))
    view_id, view = journey.cards_in(thread)[-1]
    shown = card_text(view)
    assert "Har sendt (1)" in shown and "Mangler (1)" in shown and "Skolen Syd" in shown and "version 2" in shown
    await journey.post(mention(journey, W1, "overblik", user="u-leader"))  # not a committee's channel
    assert "MED-Koordinationsgruppens kanal" in journey.texts_in(f"{W1};messageid=1")[-1]

    # Remind those missing: the planning group of Skolen Syd, once a day.
    await in_channel(journey, COMMITTEE, {"verb": "org.remind"}, user="u-erik", reply_to=view_id)
    await in_channel(journey, COMMITTEE, {"verb": "org.remind"}, user="u-erik", reply_to=view_id)
    assert "allerede påmindet i dag" in card_text(journey.mock.activities_in(thread)[view_id]["attachments"][0]["content"])
    await sweep(journey)
    nudges = [c for _, c in journey.cards_in("a:u-bo") if "venter på jeres udviklingsplan" in card_text(c)]
    assert len(nudges) == 1 and "MED Social og Sundhed" in card_text(nudges[0])
    assert journey.cards_in("a:u-leader")[-1][0] == again_id  # who has sent gets no nudge

    # Forward to HR with a comment: HR's channel gets the collected plans and the comment.
    await in_channel(journey, COMMITTEE, {"verb": "org.forward", "hr_comment": "Se især temadagen"}, user="u-erik", reply_to=view_id)
    used = card_text(journey.mock.activities_in(thread)[view_id]["attachments"][0]["content"])
    assert "Sendt til HR" in used and "org.forward" not in str(journey.mock.activities_in(thread)[view_id])
    await sweep(journey)
    hr = [card_text(c) for _, c in journey.cards_in(HR) if "indsamlede" in card_text(c)]
    assert len(hr) == 1 and "Se især temadagen" in hr[0] and "MED Social og Sundhed" in hr[0] and "1 af 2" in hr[0]
    assert [(f.committee_id, f.comment) for f in await store.organisation.forwards()] == [(cid, "Se især temadagen")]
