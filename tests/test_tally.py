"""Counting themes once (bot/process/tally.py: count_themes), the rule retention and the overview share."""
from __future__ import annotations

import json
from collections import Counter

from bot.process.concept import Kind
from bot.process.nomination import NominationInput, ThemeChoice
from bot.process.tally import count_themes


def nomination(wellbeing: str, leadership: str, *, title: str | None = None) -> NominationInput:
    return NominationInput(
        ThemeChoice(Kind.WELLBEING, wellbeing, title, "fordi", "så"), ThemeChoice(Kind.LEADERSHIP, leadership, title, "fordi", "så"),
    )


def test_each_nomination_counts_once_per_kind():
    counts = count_themes([nomination("balance-energy", "citizen-at-centre"), nomination("balance-energy", "shared-direction-goals")])
    assert counts == Counter({
        ("wellbeing", "balance-energy"): 2, ("leadership", "citizen-at-centre"): 1, ("leadership", "shared-direction-goals"): 1,
    })
    assert sum(counts.values()) == 2 * 2


def test_own_proposals_count_together_under_the_own_proposal_id_whatever_their_titles():
    counts = count_themes([nomination("own", "own", title="Mødekultur"), nomination("own", "own", title="Noget helt andet")])
    assert counts == Counter({("wellbeing", "own"): 2, ("leadership", "own"): 2})
    assert not any("Mødekultur" in theme for _, theme in counts)


def test_the_same_theme_id_in_both_kinds_is_two_keys():
    assert count_themes([nomination("own", "own")]) == Counter({("wellbeing", "own"): 1, ("leadership", "own"): 1})


def test_nothing_counts_to_nothing():
    assert count_themes([]) == Counter()


# --- reasons: paper forms and pages (bot/process/tally.py: tally, paginate) -----------------

from datetime import datetime, timezone  # noqa: E402

from bot.concepts import load_concept  # noqa: E402
from bot.process.tally import NominationRecord, page_of, paginate, tally  # noqa: E402

NOW = datetime(2026, 9, 20, 8, 0, tzinfo=timezone.utc)


def test_a_paper_form_is_marked_in_named_mode_only():
    records = [NominationRecord("u1", "Bo", nomination("balance-energy", "citizen-at-centre"), NOW, entered_by="u-contact"),
               NominationRecord("u2", "Ea", nomination("balance-energy", "citizen-at-centre"), NOW)]
    concept = load_concept("nyborg")
    named = tally(concept, records, round_id="r", invited=2, named_mode=True).kinds[Kind.WELLBEING].themes[0]
    assert [(r.name, r.on_paper) for r in named.reasons] == [("Bo", True), ("Ea", False)]
    anonymous = tally(concept, records, round_id="r", invited=2, named_mode=False).kinds[Kind.WELLBEING].themes[0]
    # The planning group knows who was handed a paper form, so a mark would point at them.
    assert [(r.name, r.on_paper) for r in anonymous.reasons] == [(None, False), (None, False)]


def test_pages_hold_every_item_once_in_order_within_the_budget():
    sizes = [30, 50, 20, 70, 10, 10, 90, 40]
    pages = paginate(sizes, budget=100)
    assert [i for page in pages for i in page] == list(range(len(sizes)))
    assert all(sum(sizes[i] for i in page) <= 100 for page in pages)
    assert pages == [range(0, 3), range(3, 6), range(6, 7), range(7, 8)]
    assert paginate(sizes, budget=100) == pages  # the same reasons give the same pages


def test_an_item_larger_than_a_page_gets_a_page_of_its_own():
    assert paginate([10, 500, 10], budget=100) == [range(0, 1), range(1, 2), range(2, 3)]


def test_a_theme_title_costs_room_once_on_each_page_it_appears_on():
    # Two themes of three 30-byte reasons; a title costs 25 on every page the theme appears on.
    pages = paginate([30] * 6, budget=110, groups=[0, 0, 0, 1, 1, 1], header=[25, 25])
    assert pages == [range(0, 2), range(2, 4), range(4, 6)]  # 25+30+30 | 25+30 + 25+30 | 25+30+30
    assert [page_of(pages, i) for i in range(6)] == [1, 1, 2, 2, 3, 3]
    assert page_of(pages, 6) == 0


def test_nothing_makes_no_pages():
    assert paginate([], budget=100) == []


# --- through the real app: the planning group pages through every reason ---------------------
# (tests/test_journey.py style; the Playground runs the same in tests/e2e/test_playground_tally.py)

import pytest_asyncio  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402
from datetime import timedelta  # noqa: E402

import factories as f  # noqa: E402
from bot.app import SERVICES, Overrides, create_app  # noqa: E402
from bot.process.clock import FixedClock  # noqa: E402
from bot.process.people import Member  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.teams.connector import ConnectorClient  # noqa: E402
from mock_connector import MockBotConnector  # noqa: E402

LEADER = "a:u-leader"


def long_reason(label: str, i: int) -> str:
    return (f"{label} {i:03d}: " + "Vi skal tale om det 😀 – på tværs af afdelinger, så ÆØÅ og æøå er med. " * 10)[:500]


@pytest_asyncio.fixture
async def app(tmp_path):
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))
    # The mock keeps Teams' limits per conversation (8 messages in 2 s); a person reads a page
    # before turning it, so each post below moves the connector's clock on by two seconds.
    seconds = [0.0]
    async with MockBotConnector(clock=lambda: seconds[0]) as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=f.ROSTER)
        mock.add_conversation(f"{f.TEAM};messageid=1", tenant_id=f.TENANT)
        for conversation in (LEADER, "a:u-erik"):
            mock.add_conversation(conversation, tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
        web = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(web)) as client:
            yield App(client, mock, seconds)


class App:
    def __init__(self, client: TestClient, mock: MockBotConnector, seconds: list[float]) -> None:
        self.client, self.mock, self.seconds = client, mock, seconds
        self.services = client.server.app[SERVICES]

    async def post(self, activity: dict) -> None:
        self.seconds[0] += 2.0
        assert (await self.client.post("/api/messages", json=activity)).status == 200
        await self.services.drain()


async def sixty_long_answers(services, *, named_mode: bool):
    """A round of 60 answers with 500-character reasons; every tenth entered from a paper form."""
    now = services.clock.now()
    round_ = await services.store.dialogues.open_round(
        team_id=f.TEAM, opened_by="u-leader", opened_at=now, deadline_at=now + timedelta(days=14), contact_name="Lea Leder",
        named_mode=named_mode, concept="nyborg", contact_user_id="u-leader")
    await services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    people = [Member(f"u-{i:02d}", f"Medarbejder {i:02d}") for i in range(60)]
    await services.store.dialogues.add_invitees(round_.id, [*people, Member("u-leader", "Lea Leder"), Member("u-erik", "Erik Eg")])
    wellbeing = [t.id for t in services.concept.catalogue(Kind.WELLBEING).themes if t.id != "own"]
    for i, person in enumerate(people):
        choice = NominationInput(
            ThemeChoice(Kind.WELLBEING, wellbeing[i % 3], None, long_reason("Trivsel", i), long_reason("Opgave T", i)),
            ThemeChoice(Kind.LEADERSHIP, "shared-direction-goals", None, long_reason("Ledelse", i), long_reason("Opgave L", i)),
        )
        await services.store.nominations.save(round_.id, person.user_id, choice, now, entered_by="u-leader" if i % 10 == 0 else None)
    return round_


def cards_in(mock: MockBotConnector, conversation: str) -> list[tuple[str, dict]]:
    return [(aid, a["attachments"][0]["content"]) for aid, a in mock.activities_in(conversation).items() if a.get("attachments")]


def buttons(card: dict, verb: str) -> list[dict]:
    found: list[dict] = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Action.Submit" and node["data"]["verb"] == verb:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(card)
    return found


def runs(card: dict) -> list[str]:
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "TextRun":
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(card)
    return found


async def test_the_planning_group_pages_through_all_60_long_reasons(app):
    mock, services, post = app.mock, app.services, app.post
    url = mock.url
    await post(f.bot_added_to_team(url))
    round_ = await sixty_long_answers(services, named_mode=True)

    await post(f.personal_message(url, "optælling", user="u-leader", conversation=LEADER))
    [(_, tally_card)] = cards_in(mock, LEADER)[-1:]
    assert "60 af 62" in json.dumps(tally_card, ensure_ascii=False)
    for kind, label in ((Kind.WELLBEING, "Trivsel"), (Kind.LEADERSHIP, "Ledelse")):
        [open_all] = [b for b in buttons(tally_card, "tally.reasons") if b["data"]["kind"] == kind.value and b["data"]["page"] == 1
                      and b["title"].startswith("Alle begrundelser")]
        before = len(cards_in(mock, LEADER))
        await post(f.personal_submit(url, open_all["data"], user="u-leader", conversation=LEADER, reply_to=None))
        assert len(cards_in(mock, LEADER)) == before + 1  # a card of its own; the tally stays
        page_id, page = cards_in(mock, LEADER)[-1]
        read, pages = runs(page), 1
        while nexts := [b for b in buttons(page, "tally.reasons.page") if b["data"]["page"] == pages + 1]:
            await post(f.personal_submit(url, nexts[0]["data"], user="u-leader", conversation=LEADER, reply_to=page_id))
            assert len(cards_in(mock, LEADER)) == before + 1  # turned in place
            page = mock.activities_in(LEADER)[page_id]["attachments"][0]["content"]
            read += runs(page)
            pages += 1
        assert pages > 1 and "Det var den sidste side." in json.dumps(page, ensure_ascii=False)
        for i in range(60):
            assert read.count(long_reason(label, i)) == 1, (label, i)
        assert sum(" (papirskema)" == text or "(papirskema)" == text for text in read) == 6  # named mode marks paper forms
    views = [e for e in await services.store.audit.entries(actor="u-leader") if e.action == "tally.viewed"]
    assert len(views) >= 1 + 2 * 2 and {e.subject for e in views} == {round_.id}


async def test_a_reasons_button_is_refused_to_anyone_outside_the_planning_group(app):
    mock, services, post = app.mock, app.services, app.post
    url = mock.url
    await post(f.bot_added_to_team(url))
    round_ = await sixty_long_answers(services, named_mode=False)
    forged = {"verb": "tally.reasons", "round_id": round_.id, "kind": "wellbeing", "page": 1}
    await post(f.personal_submit(url, forged, user="u-erik", conversation="a:u-erik", reply_to=None))
    assert not cards_in(mock, "a:u-erik")
    assert "Lea Leder" in [a.get("text") or "" for a in mock.activities_in("a:u-erik").values()][-1]
    assert not [e for e in await services.store.audit.entries(actor="u-erik") if e.action == "tally.viewed"]
    # An unknown round and a page number no card offers get a polite answer, not an error.
    await post(f.personal_submit(url, {**forged, "round_id": "nosuchround"}, user="u-leader", conversation=LEADER, reply_to=None))
    assert "optælling" in [a.get("text") or "" for a in mock.activities_in(LEADER).values()][-1]
    await post(f.personal_submit(url, {**forged, "page": 0}, user="u-leader", conversation=LEADER, reply_to=None))
    assert not cards_in(mock, LEADER)
    # In anonymous mode the pages carry no names and no paper mark.
    await post(f.personal_submit(url, forged, user="u-leader", conversation=LEADER, reply_to=None))
    page = json.dumps(cards_in(mock, LEADER)[-1][1], ensure_ascii=False)
    assert "Medarbejder" not in page and "papirskema" not in page and "Trivsel" in page
