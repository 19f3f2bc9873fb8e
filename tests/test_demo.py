"""Demo mode (bot/demo.py), end to end through the real app, adapter and a mock Bot Connector.

Added to a team with DEMO on, the bot fills the workplace with a sample year (once, however
often it is added), and says in the channel what to try; ``optælling`` then brings the sample
tally and ``plan`` the adopted plan, as they would in the Agents Playground. DEMO is refused
without LOCAL_DEVELOPMENT, like the test clock.
"""
from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot import demo_data
from bot.app import Overrides, create_app
from bot.cards.elements import message_with_card
from bot.concepts import load_concept
from bot.demo import demo_card
from bot.process.clock import FixedClock
from bot.process.concept import Kind
from bot.process.follow_up import SEND_ON_DUE_KIND, latest_statuses
from bot.scheduler.runner import build_runner
from bot.settings import Settings, SettingsError, load_settings
from bot.teams.connector import ConnectorClient
from bot.texts import t
from cards_validation import assert_valid_card
from mock_connector import MockBotConnector
from test_journey import ROSTER, Journey, card_text

PEOPLE = len(ROSTER) + len(demo_data.COLLEAGUES)
THREAD = f"{f.TEAM};messageid=1"


@pytest_asyncio.fixture
async def journey(tmp_path):
    clock = FixedClock(demo_data.DEMO_NOW)
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(THREAD, tenant_id=f.TENANT)
        for member in ROSTER:
            mock.add_conversation(f"a:{member['id']}", tenant_id=f.TENANT)
        ticks = itertools.count(0.0, 1.0)  # several cards into one chat in a real second: a second apart to the mock
        mock._clock = lambda: next(ticks)
        settings = Settings(local_development=True, demo=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


async def counts(journey: Journey) -> tuple:
    store = journey.services.store
    dialogue = await store.dialogues.current_dialogue(f.TEAM, journey.clock.now())
    round_ = await store.dialogues.latest_round(f.TEAM)
    return (
        dialogue.id, len(await store.dialogues.invitees(round_.id)), len(await store.nominations.records(round_.id)),
        len(await store.invitations.invited(dialogue.id)), len(await store.group_results.of_dialogue(dialogue.id)),
        len(await store.follow_ups.statuses(dialogue.id)), len(await store.plans.history(dialogue.id)),
    )


async def test_installing_fills_the_workplace_once_and_the_commands_show_it(journey: Journey):
    store, url = journey.services.store, journey.mock.url
    assert await journey.post(f.bot_added_to_team(url)) == 200

    # The channel: the usual welcome, then the demo's card saying what to try.
    cards = [card_text(c) for _, c in journey.cards_in(f.TEAM)]
    assert len(cards) == 2 and "Velkommen" in cards[0] and "Lea Leder" in cards[0]
    assert "Demo: et helt års udviklingsdialog" in cards[1] and "optælling" in cards[1] and "opfølgning" in cards[1]
    assert f"{PEOPLE} kolleger" in cards[1] and "tirsdag den 22. september 2026" in cards[1]

    # Everything of the year is there: the installer runs it, everyone was invited, 12 answered.
    dialogue = await store.dialogues.current_dialogue(f.TEAM, journey.clock.now())
    assert [m.user_id for m in await store.planning_group.members(f.TEAM)] == ["u-leader"]
    seeded = await counts(journey)
    assert seeded[1:4] == (PEOPLE, len(demo_data.ANSWERS), PEOPLE)
    selection = await store.selections.get(dialogue.id)
    assert selection.announced_at is not None and selection.themes.wellbeing.theme_id == "social-support-trust"
    assert selection.themes.wellbeing.nominations == 5 and selection.themes.leadership.nominations == 5
    assert (await store.invitations.get_day(dialogue.id)).date == demo_data.DAY
    grouping = await store.groupings.get(dialogue.id)
    grouped = {u for g in grouping.wellbeing for u in g}
    assert "u-leader" not in grouped and len(grouped) == PEOPLE - 1 - demo_data.CANNOT_COME
    assert seeded[4] == len(grouping.wellbeing) + len(grouping.leadership)
    plan = await store.plans.get(dialogue.id)
    assert plan.adopted_at == demo_data.PLAN_ADOPTED and [i.title for i in plan.initiatives] == [
        "Makkerordning og faglig sparring", "Tydelig information på tværs af vagter"]
    assert plan.initiatives[0].owner_id == "u-bo"  # a member of the team, so nudges could reach them
    assert set(latest_statuses(await store.follow_ups.statuses(dialogue.id))) == {"i1", "i2"}

    # Added again (removed and re-added, or a second install): nothing is duplicated.
    assert await journey.post(f.bot_added_to_team(url)) == 200
    assert await counts(journey) == seeded
    assert len(await store.plans.history(dialogue.id)) == 1

    # `optælling` in the channel: the sample tally arrives in Lea's personal chat.
    await journey.post(f.channel_mention(url, "optælling", user="u-leader", name="Lea Leder"))
    tally = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "Social støtte og tillid" in tally and "Kommunikation" in tally
    assert "Vi har fået mange nye kolleger" in tally  # a reason, as a colleague wrote it

    # `plan`: the adopted plan with its two initiatives (shown where it is asked for).
    await journey.post(f.channel_mention(url, "plan", user="u-leader", name="Lea Leder"))
    shown = card_text(journey.cards_in(THREAD)[-1][1])
    assert "Makkerordning og faglig sparring" in shown and "Tydelig information på tværs af vagter" in shown

    # `opfølgning`: the 3-month follow-up as recorded.
    await journey.post(f.channel_mention(url, "opfølgning", user="u-leader", name="Lea Leder"))
    shown = card_text(journey.cards_in("a:u-leader")[-1][1])
    assert "tablets til bilerne afventer IT" in shown

    # Every other word the demo card suggests answers with a card, none with an error.
    for word in ("status", "vælg temaer", "dag", "grupper", "resultater", "send videre", "hjælp"):
        before = len(journey.cards_in("a:u-leader")) + len(journey.cards_in(THREAD))
        await journey.post(f.channel_mention(url, word, user="u-leader", name="Lea Leder"))
        assert len(journey.cards_in("a:u-leader")) + len(journey.cards_in(THREAD)) == before + 1, word
        assert t("da", "common.error") not in journey.texts_in(THREAD), word

    # What adoption queued lies ahead: moving the demo's clock to 20 October brings the first
    # reminder to send the plan on before 1 December.
    pending = await store.reminders.pending_for(dialogue.id)
    assert SEND_ON_DUE_KIND in {r.kind for r in pending} and all(r.due_at > demo_data.DEMO_NOW for r in pending)
    journey.clock.set(datetime(2026, 10, 20, 7, 5, tzinfo=timezone.utc))
    sweeper = build_runner(journey.services).sweeper
    await sweeper.run_once()
    await sweeper.run_once()
    assert any("send_on.show" in card_text(c) for _, c in journey.cards_in("a:u-leader"))


async def test_without_demo_nothing_is_filled_in(tmp_path):
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
        app = create_app(settings, Overrides(clock=FixedClock(demo_data.DEMO_NOW), connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            journey = Journey(client, mock, FixedClock(demo_data.DEMO_NOW))
            assert await journey.post(f.bot_added_to_team(mock.url)) == 200
            assert len(journey.cards_in(f.TEAM)) == 1
            assert await journey.services.store.dialogues.latest_round(f.TEAM) is None


def test_demo_is_refused_without_local_development():
    with pytest.raises(SettingsError, match="DEMO"):
        load_settings(demo=True, microsoft_app_id="app", microsoft_app_password="secret", microsoft_app_tenant_id="tenant",
                      _env_file=None)


def test_demo_starts_the_clock_where_the_sample_year_makes_sense():
    assert Settings(local_development=True, demo=True, _env_file=None).test_clock_start == demo_data.DEMO_CLOCK_START
    moved = "2026-10-20T07:00:00+00:00"
    assert Settings(local_development=True, demo=True, test_clock_start=moved, _env_file=None).test_clock_start == moved
    assert Settings(local_development=True, _env_file=None).test_clock_start == ""


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_demo_card_is_valid(lang):
    card = demo_card(lang, load_concept("nyborg"), people=PEOPLE, now=demo_data.DEMO_NOW)
    assert_valid_card(message_with_card(card, summary="demo", lang=lang))
    assert ("tally" in card_text(card)) == (lang == "en")


def test_the_sample_year_lies_in_one_cycle_before_the_demo_moment():
    from bot.process.plan import cycle_of

    moments = [demo_data.ROUND_OPENED, demo_data.THEMES_CHOSEN, demo_data.GROUPS_FORMED, demo_data.RESULTS_ENTERED,
               demo_data.PLAN_ADOPTED, demo_data.FOLLOW_UP_RECORDED]
    assert moments == sorted(moments) and moments[-1] < demo_data.DEMO_NOW
    assert {cycle_of(m) for m in moments + [demo_data.DEMO_NOW]} == {2026}
    assert all(len(demo_data.FLIP_CHARTS[k]) >= 1 for k in Kind)


async def test_a_concept_without_the_sample_themes_gets_its_own(tmp_path):
    """DTU's concept has other themes (or none where its material names none): the demo uses the concept's own."""
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        settings = Settings(local_development=True, demo=True, concept="dtu", database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
                            _env_file=None)
        clock = FixedClock(demo_data.DEMO_NOW)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            journey = Journey(client, mock, clock)
            assert await journey.post(f.bot_added_to_team(mock.url)) == 200
            concept, store = journey.services.concept, journey.services.store
            round_ = await store.dialogues.latest_round(f.TEAM)
            for record in await store.nominations.records(round_.id):
                for kind in Kind:
                    assert concept.catalogue(kind).find(record.nomination.choice(kind).theme_id) is not None
            dialogue = await store.dialogues.current_dialogue(f.TEAM, clock.now())
            selection = await store.selections.get(dialogue.id)
            assert concept.catalogue(Kind.WELLBEING).find(selection.themes.wellbeing.theme_id) is not None
