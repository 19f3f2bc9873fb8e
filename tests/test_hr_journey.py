"""HR's overview end to end through the real app and adapter (step 14), and the spreadsheet link.

Six workplaces' sends are seeded through ``store.organisation`` (one re-sends), two of them with
adopted plans and statuses at the 3-month follow-up. HR (a member of the team registered as HR)
types ``hr`` privately: the card shows the top three; its link downloads the XLSX, checked cell by
cell. A person without the role gets 403 from a link made out to them, an altered link 403, an
expired link 410, and every download and refusal is in the audit log.
"""
from __future__ import annotations

import io
import itertools
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.cards.hr_overview import hr_overview_card
from bot.concepts import load_concept
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.development_plan import DevelopmentPlan, Initiative
from bot.process.exports import LINK_DAYS, export_path
from bot.process.follow_up import Status, StatusEntry
from bot.process.hr_overview import HrOverview, follow_up_inputs
from bot.process.organisation import KIND_COMMITTEE, KIND_HR, Submission, SubmittedInitiative, SubmittedTheme, committee_id_for
from bot.process.calendar import WorkingWindow
from bot.scheduler.invitation import calendar_key
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from cards_validation import assert_valid_card
from mock_connector import MockBotConnector
from test_journey import ROSTER, Journey, card_text

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the [test] extra")

PUBLIC = "https://talsammen.example"
HR_TEAM = "19:hr-team@thread.tacv2"
COMMITTEE_TEAM = "19:udvalg@thread.tacv2"
HR_ROSTER = [{"id": "u-hr", "name": "Hanne HR", "aadObjectId": "aad-u-hr"}]
WB, WB2, LD = "social-support-trust", "balance-energy", "shared-direction-goals"


@pytest_asyncio.fixture
async def journey(tmp_path):
    clock = FixedClock(datetime(2026, 8, 3, 8, 0, tzinfo=timezone.utc))
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(HR_TEAM, tenant_id=f.TENANT, members=HR_ROSTER)
        for user in [m["id"] for m in ROSTER + HR_ROSTER]:
            mock.add_conversation(f"a:{user}", tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", public_base_url=PUBLIC,
                            _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def local(y: int, m: int, d: int, hh: int = 10) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=COPENHAGEN).astimezone(timezone.utc)


async def seed(journey: Journey) -> str:
    services, now = journey.services, journey.clock.now()
    store = services.store
    ticks = itertools.count(0.0, 1.0)
    journey.mock._clock = lambda: next(ticks)
    await journey.post(f.bot_added_to_team(journey.mock.url, team=HR_TEAM, user="u-hr"))
    for m in ROSTER + HR_ROSTER:
        await store.people.remember(user_id=m["id"], tenant_id=f.TENANT, now=now, conversation_id=f"a:{m['id']}",
                                    service_url=journey.mock.url, name=m["name"])
    await store.organisation.register(HR_TEAM, "HR", KIND_HR, by="u-hr", now=now)
    committee = await store.organisation.register(COMMITTEE_TEAM, "Børn og Unge", KIND_COMMITTEE, by="u-hr", now=now)
    for n in range(6):
        team = f"19:w{n}@thread.tacv2"
        dialogue = await store.dialogues.ensure_dialogue(team, now)
        initiatives = (SubmittedInitiative("i1", f"Mødekultur {n}"),
                       SubmittedInitiative("i2", f"Temadag {n}", needs_organisation=True, ask=f"Tid til temadag {n}"))
        themes = (SubmittedTheme("wellbeing", WB if n < 5 else WB2), SubmittedTheme("leadership", LD))
        sent = local(2026, 11, 20)
        await store.organisation.submit(Submission(committee.id, team, dialogue.id, 1, sent, "u-leader", 1, initiatives, themes))
        if n == 0:  # re-sent: version 2 counts, once
            await store.organisation.submit(Submission(committee.id, team, dialogue.id, 2, sent + timedelta(days=1), "u-leader", 2,
                                                       initiatives, themes))
        plan = DevelopmentPlan(dialogue.id, (Initiative("i1", "Mødekultur", "fordi"), Initiative("i2", "Temadag", "fordi")), 1, "u", now)
        await store.plans.save(plan, expected_version=None)
        await store.plans.adopt(dialogue.id, by="u-leader", now=now)
        moments = follow_up_inputs(now, (), WorkingWindow()).moments
        for initiative in ("i1", "i2"):
            await store.follow_ups.record(StatusEntry(dialogue.id, initiative, Status.ON_TRACK, "", "u-leader", moments[3] + timedelta(hours=1)))
    return committee.id


def open_url(card: dict) -> str:
    return next(a["url"] for a in card.get("actions", []) if a["type"] == "Action.OpenUrl")


async def test_hr_sees_the_overview_and_downloads_it_checked_cell_by_cell(journey: Journey):
    store = journey.services.store
    await seed(journey)
    journey.clock.set(local(2027, 2, 10))  # after the 3-month follow-up (adopted 3 August)
    await journey.post(f.personal_message(journey.mock.url, "hr", user="u-hr", conversation="a:u-hr"))
    [(_, card)] = journey.cards_in("a:u-hr")
    text = card_text(card)
    assert "6 arbejdspladser har sendt" in text
    assert "De tre temaer flest arbejdspladser har valgt" in text and "1. plads" in text
    assert "Tid til temadag 0" in text  # the ask, under its theme and committee
    assert "Mødekultur 0" not in text  # an initiative that asks nothing of the organisation is not an ask
    url = open_url(card)
    assert url.startswith(PUBLIC + "/exports/hr/2026/")
    path = urlsplit(url).path

    response = await journey.client.get(path)
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(await response.read()))
    assert book.sheetnames == ["Om", "Top tre", "Valgte temaer", "Indsatser til organisationen", "Opfølgning"]
    from bot.process.concept import Kind
    concept = load_concept("nyborg")
    leadership = concept.catalogue(Kind.LEADERSHIP).find(LD).title("da")
    top = [tuple(c.value for c in row) for row in book["Top tre"].iter_rows()]
    assert top[0] == ("Plads", "Slags", "Tema", "Arbejdspladser")
    assert top[1] == (1, "Ledelsestema", leadership, 6)
    assert top[2][0] == 2 and top[2][1] == "Trivselstema" and top[2][3] is None  # 5 of 6: hidden, else 6 - 5 gives the 1 back
    assert len(top) == 4  # the third place: the one workplace's theme
    about = [tuple(c.value for c in row) for row in book["Om"].iter_rows()]
    assert about[1] == ("Lavet den", datetime(2027, 2, 10)) and about[3] == ("Arbejdspladser, der har sendt videre", 6)
    asks = [tuple(c.value for c in row) for row in book["Indsatser til organisationen"].iter_rows()]
    assert asks[0][1] == "MED-Koordinationsgruppe"
    assert sum(1 for r in asks if r[1] == "Børn og Unge") == 6 + 5  # under the leadership theme (6) and the first well-being theme (5)
    progress = [tuple(c.value for c in row) for row in book["Opfølgning"].iter_rows()]
    assert (3, "I gang", 12) in progress and (6, "I gang", 0) in progress
    assert book["Top tre"].freeze_panes == "A2"

    # A link made out to someone without the role: 403, audited.
    key = calendar_key(journey.services.settings)
    other = export_path(key, "hr", "2026", "u-erik", journey.clock.now())
    assert (await journey.client.get(other)).status == 403
    # Altered (another person's name in HR's link): 403.
    assert (await journey.client.get(path.replace("/u-hr/", "/u-erik/"))).status == 403
    # Expired: 410.
    journey.clock.set(journey.clock.now() + timedelta(days=LINK_DAYS))
    assert (await journey.client.get(path)).status == 410
    entries = [(e.actor, e.action, e.subject) for e in await store.audit.entries()]
    assert ("u-hr", "export.downloaded", "hr:2026") in entries
    assert ("u-erik", "export.refused", "hr:2026:no_role") in entries
    assert ("link", "export.refused", "hr:2026:forged") in entries
    assert ("link", "export.refused", "hr:2026:expired") in entries
    assert ("u-hr", "hr_overview.viewed", "2026") in entries


async def test_someone_outside_hr_is_refused_the_overview(journey: Journey):
    await seed(journey)
    await journey.post(f.personal_message(journey.mock.url, "hr", user="u-erik", conversation="a:u-erik"))
    assert not journey.cards_in("a:u-erik")
    assert any("for HR" in text for text in journey.texts_in("a:u-erik"))


async def test_the_committee_link_needs_membership_now(journey: Journey):
    committee_id = await seed(journey)
    key = calendar_key(journey.services.settings)
    journey.mock.add_conversation(COMMITTEE_TEAM, tenant_id=f.TENANT, members=[{"id": "u-bo", "name": "Bo Bæk"}])
    await journey.post(f.bot_added_to_team(journey.mock.url, team=COMMITTEE_TEAM, user="u-bo"))
    ok = export_path(key, "committee", committee_id, "u-bo", journey.clock.now())
    response = await journey.client.get(ok)
    assert response.status == 200
    book = openpyxl.load_workbook(io.BytesIO(await response.read()))
    sent = [tuple(c.value for c in row) for row in book["Sendt"].iter_rows()]
    assert len(sent) == 1 + 6 and any(r[1] == 2 for r in sent[1:])  # the re-send, as version 2
    journey.mock.add_conversation(COMMITTEE_TEAM, tenant_id=f.TENANT, members=[])  # Bo has left the committee's team
    assert (await journey.client.get(ok)).status == 403
    assert committee_id == committee_id_for(COMMITTEE_TEAM)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_hr_card_is_valid_in_both_languages(lang: str) -> None:
    from bot.process.hr_overview import hr_overview
    from bot.process.concept import Kind
    concept = load_concept("nyborg")
    subs = [Submission("c-a", f"t{n}", f"d{n}", 1, datetime(2026, 11, 1, tzinfo=timezone.utc), "u", 1,
                       tuple(SubmittedInitiative(f"i{k}", "<at>x</at> **b**", needs_organisation=True, ask="[l](https://evil.example)")
                             for k in range(3)),
                       (SubmittedTheme("wellbeing", WB), SubmittedTheme("leadership", LD))) for n in range(40)]
    overview: HrOverview = hr_overview(subs, catalogue={k.value: tuple(t.id for t in concept.catalogue(k).themes) for k in Kind},
                                       own_ids={k.value: concept.catalogue(k).own_proposal.id for k in Kind}, follow_ups={},
                                       now=datetime(2026, 12, 2, tzinfo=timezone.utc))
    card = hr_overview_card(lang, concept, overview, committee_names={"c-a": "Udvalg A"}, download_url=PUBLIC + "/exports/x.xlsx",
                            link_days=LINK_DAYS)
    assert_valid_card(card)
    empty = hr_overview_card(lang, concept, hr_overview([], catalogue={}, own_ids={}, follow_ups={}, now=datetime(2026, 12, 2, tzinfo=timezone.utc)),
                             committee_names={})
    assert_valid_card(empty)


async def test_the_plan_link_is_for_the_planning_group_only(journey: Journey):
    store, now = journey.services.store, journey.clock.now()
    await journey.post(f.bot_added_to_team(journey.mock.url))
    await store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    dialogue = await store.dialogues.ensure_dialogue(f.TEAM, now)
    await store.plans.save(DevelopmentPlan(dialogue.id, (Initiative("i1", "Mødekultur", "fordi"),), 1, "u-leader", now), expected_version=None)
    key = calendar_key(journey.services.settings)
    response = await journey.client.get(export_path(key, "plan", dialogue.id, "u-leader", now))
    assert response.status == 200
    book = openpyxl.load_workbook(io.BytesIO(await response.read()))
    assert book.worksheets[0]["A2"].value == "Mødekultur"
    assert (await journey.client.get(export_path(key, "plan", dialogue.id, "u-erik", now))).status == 403
    await store.planning_group.remove(f.TEAM, "u-leader")  # the role is checked at each download, not when the link was made
    assert (await journey.client.get(export_path(key, "plan", dialogue.id, "u-leader", now))).status == 403


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_download_buttons_on_the_plan_tally_and_committee_cards(lang: str) -> None:
    from bot.cards.committee_overview import overview_card
    from bot.cards.development_plan import plan_card
    from bot.cards.tally import tally_card
    from bot.process.organisation import Committee, overview
    from bot.process.tally import tally
    concept, now, url = load_concept("nyborg"), datetime(2026, 11, 2, tzinfo=timezone.utc), PUBLIC + "/exports/x/y/1/u/s.xlsx"
    plan = DevelopmentPlan("d1", (Initiative("i1", "Mødekultur", "fordi"), Initiative("i2", "Temadag", "fordi")), 1, "u", now)
    committee = Committee("c-a", COMMITTEE_TEAM, "Børn og Unge", KIND_COMMITTEE, "u", now)
    cards = [plan_card(lang, dialogue_id="d1", plan=plan, names={}, download_url=url),
             tally_card(lang, concept, tally(concept, [], round_id="r", invited=3, named_mode=False), deadline=now.date(), is_open=False,
                        download_url=url),
             overview_card(lang, concept, committee, overview("c-a", {}, {}, []), has_hr=True, download_url=url)]
    for built in cards:
        assert_valid_card(built)
        assert open_url(built) == url
    assert all(a["type"] != "Action.OpenUrl" for a in plan_card(lang, dialogue_id="d1", plan=plan, names={}).get("actions", []))
