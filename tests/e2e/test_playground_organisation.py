"""Across the organisation (issue 12, steps 13-14) against Microsoft's Agents Playground: a plan
sent from a workplace reaches the coordination committee's channel; the committee's overview shows
who has sent and who is missing and forwards to HR with a comment; HR's overview downloads as an
XLSX, checked cell by cell; a person without the role gets 403 from the link, an expired link 410.
(The same through the mock connector: tests/test_organisation_journey.py, tests/test_hr_journey.py.)

The compromise. The Playground's tenant has one team (General and one more channel) and one group
chat, but a committee and HR are teams of their own (a team registers *itself*, and a team that is
a committee is no workplace). So three of its conversations play three teams, each presented to
the bot as a team whose General channel it is (``channelData.team.id`` = the conversation's id),
so the bot's channel posts and its roster reads (HR's and the committee's role checks at download)
go to real Playground conversations:

* the Playground's team, General ("Hjemmeplejen Nord"): the workplace that sends its plan on;
* its second channel ("Trivselsdialog"), as the team "MED Social og Sundhed": the committee;
* its group chat, as the team "HR".

Every conversation's roster is the tenant's six people. The person without the role is therefore
Bo Bæk of Skolen Syd, a workplace seeded through storage (its planning group, no send: it is the
one "missing"). Also seeded through storage, not through the Playground: the sending workplace's
planning group (Fatima), chosen themes and adopted plan (the earlier steps, as in
test_playground_after_the_day.py); four more workplaces that already sent to the committee (HR
shows the top three only from ``min_group_size`` = 5 workplaces); and the people's own language
(Danish: every Playground user reports en-US). Then, as the people would:

* Mette, the administrator (ADMINISTRATORS), types ``udvalg`` in the committee's channel and in
  HR's and registers each; ``tilknyt`` privately, and links the six workplaces to the committee.
* Fatima, in the planning group, types ``send videre`` in General; the card comes privately and
  she sends; the committee's channel gets the plan with its ask (a queue row, swept).
* Lars types ``overblik`` in the committee's channel: 5 have sent, Skolen Syd is missing; he
  forwards to HR with a comment (the card loses its button) and HR's channel gets the post.
* Sofie types ``hr`` in HR's channel; the overview comes privately with a download button; the
  test fetches the file from the bot's own server and opens it with openpyxl.

The bot runs on a socket opened before it is created, so PUBLIC_BASE_URL can be its own address.
"""
from __future__ import annotations

import io
import socket
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, urlsplit

import aiohttp
import pytest
from aiohttp import web

from bot.app import SERVICES, Overrides, create_app
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.concept import Kind
from bot.process.development_plan import DevelopmentPlan, Initiative
from bot.process.exports import LINK_DAYS, export_path
from bot.process.organisation import KIND_COMMITTEE, KIND_HR, Submission, SubmittedInitiative, SubmittedTheme, committee_id_for
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.scheduler.invitation import calendar_key
from bot.settings import Settings

from .playground import Playground, require_playground
from .test_playground_dialogue_day import METTE, action, shown, sweep, text_of, with_marker
from .test_playground_journey import LARS, LEADER as FATIMA, SOFIE
from .test_playground_plan import choice_set

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the [test] extra")
pytestmark = pytest.mark.playground

NOW = datetime(2026, 11, 16, 10, 0, tzinfo=COPENHAGEN).astimezone(timezone.utc)  # Monday, before 1 December
COMMITTEE, HR = "19:hjemmeplejen-dialog@thread.tacv2", "19:group-hjemmeplejen@thread.v2"  # Playground conversations
COMMITTEE_NAME = "MED Social og Sundhed"
SKOLEN, BO = "19:skolen-syd@thread.tacv2", "29:bo-baek"  # seeded: linked, never sends
WB, WB2, LD = "social-support-trust", "balance-energy", "shared-direction-goals"
SENT_BEFORE = {"19:biblioteket@thread.tacv2": ("Biblioteket", WB), "19:koekkenet@thread.tacv2": ("Køkkenet Midt", WB),
               "19:rengoeringen@thread.tacv2": ("Rengøringen", WB), "19:tandplejen@thread.tacv2": ("Tandplejen", WB2)}
DAY = Initiative("i2", "Temadag på tværs", "Vi kender ikke hinanden", owner_id=FATIMA, owner_name="Fatima Ali",
                 needs_organisation=True, ask="Tid og vikardækning til en temadag")
MEET = Initiative("i1", "Ny mødestruktur", "Møderne fylder", owner_id=FATIMA, owner_name="Fatima Ali")


@pytest.fixture
async def bot_with_address(tmp_path):
    """The real bot as in conftest.py's ``bot_endpoint``, with an administrator and its own public address."""
    require_playground()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", administrators=METTE,
                        public_base_url=base, _env_file=None)
    app = create_app(settings, Overrides(clock=FixedClock(NOW), start_scheduler=False))
    runner = web.AppRunner(app)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    try:
        yield app, f"{base}/api/messages"
    finally:
        await app[SERVICES].drain()
        await runner.cleanup()


# -- the Playground's conversations as teams of their own ---------------------------------------------------
def _as_team(pg: Playground, activity: dict, team: str, name: str, user: str) -> dict:
    """A Playground template for ``team``'s conversation, from ``user``, made to say it is that team's
    General channel: the bot reads the team from ``channelData``, never from the Playground's layout."""
    person = pg.user(user)
    activity["conversation"].update(conversationType="channel", isGroup=True)
    activity.update(**{"from": {"id": person["id"], "name": person["name"], "aadObjectId": person["aadObjectId"]}})
    activity["channelData"] = {"tenant": {"id": pg._known_config()["tenantId"]},
                               "team": {"id": team, "name": name}, "channel": {"id": team, "name": "General"}}
    return activity


async def install(pg: Playground, team: str, name: str) -> None:
    """Add the app to the team as ``Playground.install_in_team`` does: the bot stores its channel."""
    for kind in ("install", "botAdded"):
        activity = _as_team(pg, await pg._template(team, kind), team, name, METTE)
        if kind == "botAdded":
            activity["channelData"]["eventType"] = "teamMemberAdded"
        await pg.send_activity(activity)


async def say_in(pg: Playground, team: str, name: str, user: str, text: str) -> None:
    bot = pg.bot
    at = f"<at>{bot['name']}</at>"
    activity = _as_team(pg, await pg._template(team), team, name, user)
    activity.update(type="message", text=f"{at} {text}", textFormat="plain",
                    entities=[{"type": "mention", "text": at, "mentioned": {"id": bot["id"], "name": bot["name"]}}])
    await pg.send_activity(activity)


async def press_in(pg: Playground, team: str, name: str, user: str, reply_to: str, value: dict) -> None:
    activity = _as_team(pg, await pg._template(team), team, name, user)
    activity.update(type="message", text="", value=value, replyToId=reply_to)
    await pg.send_activity(activity)


def latest(pg: Playground, chat: str, marker: str):  # noqa: ANN201
    found = with_marker(pg, chat, marker)
    assert found, (marker, [text_of(m)[:300] for m in pg.current_messages_in(chat)])
    return found[-1]


async def private_chat(pg: Playground, user: str, marker: str) -> str:
    """The 1:1 chat the bot opened with ``user``, once a message holding ``marker`` is in it."""
    chats = pg.created_conversations
    return (await pg.wait_for(lambda: user in chats() and with_marker(pg, chats()[user], marker) and chats()))[user]


def choice(message, input_id: str, title: str) -> str:  # noqa: ANN001
    """The value of the choice titled ``title`` in the card's ChoiceSet ``input_id``."""
    return next(c["value"] for c in choice_set(message.cards[0], input_id)["choices"] if c["title"] == title)


def rows(sheet) -> list[tuple]:  # noqa: ANN001
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


# -- the earlier steps, through storage ------------------------------------------------------------------------
async def seed(services, pg: Playground) -> str:  # noqa: ANN001
    """The workplace's adopted plan, Skolen Syd, four workplaces that sent already; returns the dialogue's id."""
    store, now, url = services.store, services.clock.now(), pg.service_url
    tenant = pg._known_config()["tenantId"]
    for user in (METTE, FATIMA, LARS, SOFIE):
        await store.people.set_language(user, "da", tenant_id=tenant, now=now)
    workplace = pg.team["id"]
    await store.planning_group.add(workplace, FATIMA, "Fatima Ali", added_by=FATIMA, now=now)
    dialogue = await store.dialogues.ensure_dialogue(workplace, now)
    await store.selections.save(Selection(dialogue.id, SelectionInput(
        ChosenTheme(Kind.WELLBEING, WB, None, "Flest ønskede det"), ChosenTheme(Kind.LEADERSHIP, LD, None, "Det fylder")),
        FATIMA, now, announced_at=now))
    await store.plans.save(DevelopmentPlan(dialogue.id, (MEET, DAY), 1, FATIMA, now), expected_version=None)
    assert await store.plans.adopt(dialogue.id, by=FATIMA, now=now) is not None

    await store.workplaces.upsert(team_id=SKOLEN, tenant_id=tenant, service_url=url, channel_id=SKOLEN, name="Skolen Syd", now=now,
                                  concept="nyborg")
    await store.people.remember(user_id=BO, tenant_id=tenant, now=now, conversation_id=None, service_url=url, name="Bo Bæk")
    await store.planning_group.add(SKOLEN, BO, "Bo Bæk", added_by=BO, now=now)
    cid = committee_id_for(COMMITTEE)
    for team, (name, wellbeing) in SENT_BEFORE.items():
        await store.workplaces.upsert(team_id=team, tenant_id=tenant, service_url=url, channel_id=team, name=name, now=now,
                                      concept="nyborg")
        other = await store.dialogues.ensure_dialogue(team, now)
        asks = (SubmittedInitiative("i1", f"Fælles kalender i {name}"),
                SubmittedInitiative("i2", f"Kursus i {name}", needs_organisation=True, ask=f"Kursusmidler til {name}"))
        await store.organisation.submit(Submission(cid, team, other.id, 1, now - timedelta(days=3), "29:someone", 1, asks,
                                                   (SubmittedTheme("wellbeing", wellbeing), SubmittedTheme("leadership", LD)),
                                                   workplace_name=name))
    return dialogue.id


async def test_a_plan_goes_to_the_committee_on_to_hr_and_hr_downloads_the_overview_in_the_playground(bot_with_address):
    app, endpoint = bot_with_address
    services = app[SERVICES]
    store = services.store
    async with Playground(endpoint) as pg:
        general, personal = pg.channel()["id"], (await pg.config())["personalChat"]["id"]
        await pg.install_in_team()
        await install(pg, COMMITTEE, COMMITTEE_NAME)
        await install(pg, HR, "HR")
        dialogue_id = await seed(services, pg)

        # -- Mette, the administrator, registers the committee and HR in their own channels ------------------
        for team, name, kind in ((COMMITTEE, COMMITTEE_NAME, KIND_COMMITTEE), (HR, "HR", KIND_HR)):
            await say_in(pg, team, name, METTE, "udvalg")
            card = latest(pg, team, "org.committee.register")
            await press_in(pg, team, name, METTE, card.id, {**action(card, "org.committee.register"), "committee_name": name,
                                                            "committee_kind": kind})
            saved = shown(pg, team, card.id)
            assert saved.updated and "org.committee.register" not in text_of(saved) and name in text_of(saved)
        assert [(c.team_id, c.kind) for c in await store.organisation.committees()] == [(COMMITTEE, KIND_COMMITTEE), (HR, KIND_HR)]
        cid = committee_id_for(COMMITTEE)

        # Someone else cannot: Lars is refused, and nothing changes.
        await say_in(pg, HR, "HR", LARS, "udvalg")
        assert "administrator" in (pg.messages_in(HR)[-1].text or "").lower()
        assert len(await store.organisation.committees()) == 2

        # -- linking: the card lists the six workplaces, never the committee or HR ---------------------------
        await pg.say_personal("tilknyt")
        link = latest(pg, personal, "org.link.save")
        save = action(link, "org.link.save")
        teams = {v: k for k, v in save.items() if k.startswith("team_")}
        assert set(teams) == {pg.team["id"], SKOLEN, *SENT_BEFORE}
        value = choice(link, "link_1", COMMITTEE_NAME)
        await pg.submit(personal, METTE, link.id, {**save, **{f"link_{k.split('_')[1]}": value for k in teams.values()}})
        assert "Ikke knyttet" not in text_of(shown(pg, personal, link.id))
        assert set((await store.organisation.links()).values()) == {cid} and len(await store.organisation.links()) == 6

        # -- Fatima of the planning group sends the adopted plan on -------------------------------------------
        await pg.say_in_channel(FATIMA, "send videre")
        assert "i vores private chat" in (pg.messages_in(general)[-1].text or "")  # the card went privately
        chat = await private_chat(pg, FATIMA, "send_on.send")
        card = latest(pg, chat, "send_on.send")
        assert COMMITTEE_NAME in text_of(card) and "Tid og vikardækning til en temadag" in text_of(card)
        await pg.submit(chat, FATIMA, card.id, action(card, "send_on.send"))
        receipt = shown(pg, chat, card.id)
        assert receipt.updated and "send_on.send" not in text_of(receipt)
        await services.drain()
        await sweep(services)
        post = (await pg.wait_for(lambda: with_marker(pg, COMMITTEE, "Udviklingsplan fra"), timeout=20))[-1]
        assert "Hjemmeplejen Nord" in text_of(post) and "Tid og vikardækning til en temadag" in text_of(post)
        assert "Ny version" not in text_of(post)
        assert [s.version for s in await store.organisation.history(dialogue_id)] == [1]

        # -- Lars of the committee: the overview, then forward to HR with a comment ---------------------------
        await say_in(pg, COMMITTEE, COMMITTEE_NAME, LARS, "overblik")
        view = latest(pg, COMMITTEE, "org.forward")
        assert "Har sendt (5)" in text_of(view) and "Mangler (1)" in text_of(view) and "Skolen Syd" in text_of(view)
        assert "Hjemmeplejen Nord" in text_of(view) and "Kursusmidler til Tandplejen" in text_of(view)
        await press_in(pg, COMMITTEE, COMMITTEE_NAME, LARS, view.id, {**action(view, "org.forward"), "hr_comment": "Se især temadagen"})
        used = shown(pg, COMMITTEE, view.id)
        assert used.updated and "Sendt til HR" in text_of(used) and "org.forward" not in text_of(used)
        await services.drain()
        await sweep(services)
        to_hr = (await pg.wait_for(lambda: with_marker(pg, HR, "indsamlede"), timeout=20))[-1]
        assert "Se især temadagen" in text_of(to_hr) and COMMITTEE_NAME in text_of(to_hr) and "5 af 6" in text_of(to_hr)

        # -- Sofie of HR: the overview privately, with the spreadsheet ------------------------------------------
        await say_in(pg, HR, "HR", SOFIE, "hr")
        hr_chat = await private_chat(pg, SOFIE, "Action.OpenUrl")
        assert "i vores private chat" in (pg.messages_in(HR)[-1].text or "")
        overview = latest(pg, hr_chat, "Action.OpenUrl")
        assert "5 arbejdspladser har sendt" in text_of(overview) and "1. plads" in text_of(overview)
        url = next(a["url"] for a in overview.cards[0]["actions"] if a["type"] == "Action.OpenUrl")
        base = services.settings.public_base_url
        assert url.startswith(f"{base}/exports/hr/2026/") and f"/{quote(SOFIE, safe='')}/" in url

        async with aiohttp.ClientSession() as http:
            async with http.get(url) as response:
                assert response.status == 200, await response.text()
                assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
                book = openpyxl.load_workbook(io.BytesIO(await response.read()))
            concept = services.concept
            title = {k: {t.id: t.title("da") for t in concept.catalogue(k).themes} for k in Kind}
            # Cell by cell, in Sofie's language (Danish), counts of 1-4 left empty (the small-numbers rule).
            concept = services.concept
            title = {k: {t.id: t.title("da") for t in concept.catalogue(k).themes} for k in Kind}
            kind = {Kind.WELLBEING: "Trivselstema", Kind.LEADERSHIP: "Ledelsestema"}
            assert book.sheetnames == ["Om", "Top tre", "Valgte temaer", "Indsatser til organisationen", "Opfølgning"]
            assert rows(book["Om"]) == [
                ("Hvad", "Værdi"), ("Lavet den", datetime(2026, 11, 16)), ("Mindste gruppestørrelse", 5),
                ("Arbejdspladser, der har sendt videre", 5),
                ("Tomt felt: færre end mindste gruppestørrelse, eller et tal der ellers ville afsløre sådan et", ""),
                ("Indsatser fra for få arbejdspladser er kun i koordinationsgruppernes overblik", "")]  # the 4 under well-being
            assert rows(book["Top tre"]) == [("Plads", "Slags", "Tema", "Arbejdspladser"),
                                             (1, "Ledelsestema", title[Kind.LEADERSHIP][LD], 5),
                                             (2, "Trivselstema", title[Kind.WELLBEING][WB], None),  # 4 and 1: hidden
                                             (3, "Trivselstema", title[Kind.WELLBEING][WB2], None)]
            chosen = {WB: None, WB2: None, LD: 5}
            assert rows(book["Valgte temaer"]) == [("Slags", "Tema", "Arbejdspladser"), *(
                (kind[k], name, chosen.get(theme, 0)) for k in Kind for theme, name in title[k].items()), *(
                (kind[k], "Valgfrit (egne forslag)", 0) for k in Kind)]  # counted, never placed
            ld = (title[Kind.LEADERSHIP][LD], COMMITTEE_NAME)
            assert rows(book["Indsatser til organisationen"]) == [  # workplaces' names are not shown at this level
                ("Tema", "MED-Koordinationsgruppe", "Indsats", "Hvad der ønskes af organisationen", "IGLO: Organisation"),
                (*ld, "Kursus i Biblioteket", "Kursusmidler til Biblioteket", ""),
                (*ld, "Temadag på tværs", "Tid og vikardækning til en temadag", ""),
                (*ld, "Kursus i Køkkenet Midt", "Kursusmidler til Køkkenet Midt", ""),
                (*ld, "Kursus i Rengøringen", "Kursusmidler til Rengøringen", ""),
                (*ld, "Kursus i Tandplejen", "Kursusmidler til Tandplejen", "")]
            statuses = ("Ikke startet", "I gang", "I fare", "Gennemført", "Ingen status")
            assert rows(book["Opfølgning"]) == [("Opfølgning (måneder)", "Status", "Indsatser"), *(
                (months, status, 0) for months in (3, 6) for status in statuses)]  # no follow-up has come yet
            assert all(ws.freeze_panes == "A2" for ws in book.worksheets)

            # The link is Sofie's: Bo (no HR role) gets 403, altered or signed for him; expired 410.
            key, path = calendar_key(services.settings), urlsplit(url).path
            for link in (path.replace(f"/{quote(SOFIE, safe='')}/", f"/{quote(BO, safe='')}/"),
                         export_path(key, "hr", "2026", BO, services.clock.now())):
                async with http.get(base + link) as response:
                    assert response.status == 403
            expired = export_path(key, "hr", "2026", SOFIE, services.clock.now() - timedelta(days=LINK_DAYS, minutes=1))
            async with http.get(base + expired) as response:
                assert response.status == 410
        entries = [(e.actor, e.action, e.subject) for e in await store.audit.entries()]
        assert (SOFIE, "export.downloaded", "hr:2026") in entries and (BO, "export.refused", "hr:2026:no_role") in entries
        assert ("link", "export.refused", "hr:2026:forged") in entries and ("link", "export.refused", "hr:2026:expired") in entries
