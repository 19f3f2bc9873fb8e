"""The leader's own loop and step 9, end to end through the real app, adapter and mock Bot Connector.

A nomination round, the chosen themes and the day are seeded through the other steps' storage;
the planning group announces through the real handler, which plans the leader's reminders. The
planning group names the leader (an employee may not); the preparation reminder reaches the leader
five working days before the day inside working hours; after the day the immediate follow-up
(the question to the attendees, answered, shown without names) and the feedback: at most three
development areas, posted to the channel, marked done, and the reminders stop. The planning group's
status says whether it happened, never what it says. The rules are unit-tested in
tests/test_leader_loop_rules.py.
"""
from __future__ import annotations

import itertools
import json
from datetime import date, datetime, time, timedelta, timezone

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.cards.elements import message_with_card
from bot.cards.immediate_follow_up import immediate_card, immediate_results_card, immediate_thanks_card, my_immediate_section
from bot.cards.leader_loop import feedback_post_card, leader_card, leader_reminder_card, my_leader_section, name_leader_card, unnamed_reminder_card
from bot.cards.status import status_card
from bot.concepts import load_concept
from bot.settings import Settings
from bot.dialogs.router import REGISTRY
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.concept import Kind
from bot.process.invitation import Answer, DialogueDay
from bot.process.immediate_follow_up import summarise_immediate
from bot.process.leader_loop import LEADER, LEADER_FEEDBACK_KIND, LEADER_PREPARE_KIND, DevelopmentArea, Feedback, LeaderLoop
from bot.process.my_data import StoredImmediateAnswer, StoredLeaderLoop, export_json
from bot.process.nomination import FieldError
from bot.process.people import Member
from bot.process.selection import ChosenTheme, Selection, SelectionInput
from bot.scheduler.runner import build_runner
from bot.teams.connector import ConnectorClient
from cards_validation import assert_valid_card, walk
from mock_connector import MockBotConnector
from test_journey import ROSTER, Journey

DAY = DialogueDay(date(2026, 9, 17), time(8, 0), "Mødelokale 2")  # a Thursday
THREAD = f"{f.TEAM};messageid=1"


@pytest_asyncio.fixture
async def journey(tmp_path):
    """The mock connector's clock a second on per request: many replies go to one chat here."""
    clock = FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))  # Tuesday 10:00 in Copenhagen
    seconds = itertools.count()
    async with MockBotConnector(clock=lambda: float(next(seconds))) as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(THREAD, tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def local(m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def text_of(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


def cards_with(journey: Journey, conversation: str, needle: str) -> list[tuple[str, dict]]:
    return [(aid, c) for aid, c in journey.cards_in(conversation) if needle in text_of(c)]


async def say(journey: Journey, user: str, text: str) -> None:
    await journey.post(f.personal_message(journey.mock.url, text, user=user, conversation=f"a:{user}"))


async def press(journey: Journey, user: str, value: dict, card_id: str | None) -> None:
    await journey.post(f.personal_submit(journey.mock.url, value, user=user, conversation=f"a:{user}", reply_to=card_id))


def mention_leader(url: str, *, user: str, name: str, who: dict) -> dict:
    activity = f.channel_mention(url, f"leder <at>{who['name']}</at>", user=user, name=name)
    activity["entities"].append({"type": "mention", "text": f"<at>{who['name']}</at>", "mentioned": {"id": who["id"], "name": who["name"]}})
    return activity


async def seed_and_announce(journey: Journey) -> str:
    """A round that has ended, themes chosen and the day set; Lea announces through the real handler."""
    url, services, now = journey.mock.url, journey.services, journey.clock.now()
    store = services.store
    await journey.post(f.bot_added_to_team(url))
    for m in ROSTER:
        journey.mock.add_conversation(f"a:{m['id']}", tenant_id=f.TENANT)
        await store.people.remember(user_id=m["id"], tenant_id=f.TENANT, now=now, name=m["name"], conversation_id=f"a:{m['id']}",
                                    service_url=url)
    await store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    await store.planning_group.add(f.TEAM, "u-bo", "Bo Bæk", added_by="u-leader", now=now)
    round_ = await store.dialogues.open_round(team_id=f.TEAM, opened_by="u-leader", opened_at=now - timedelta(days=20),
                                              deadline_at=now - timedelta(days=2), contact_name="Lea Leder", named_mode=False,
                                              concept="nyborg")
    await store.dialogues.add_invitees(round_.id, [Member(m["id"], m["name"]) for m in ROSTER])
    dialogue_id = round_.dialogue_id
    themes = SelectionInput(ChosenTheme(Kind.WELLBEING, "social-support-trust", None, "Flest ønskede det", 3),
                            ChosenTheme(Kind.LEADERSHIP, "own", "Mødekultur", "Det fylder i hverdagen", 2))
    await store.selections.save(Selection(dialogue_id, themes, "u-leader", now))
    await store.invitations.set_day(dialogue_id, DAY, by="u-leader", now=now)
    await journey.post(f.channel_submit(url, {"verb": "themes.announce", "dialogue_id": dialogue_id}, user="u-leader", name="Lea Leder"))
    assert (await store.selections.get(dialogue_id)).announced_at is not None
    return dialogue_id


async def test_the_leader_prepares_follows_up_gives_feedback_and_closes_the_loop(journey: Journey):
    services, url = journey.services, journey.mock.url
    store = services.store
    d = await seed_and_announce(journey)
    sweeper = build_runner(services).sweeper
    await sweeper.run_once()  # the invitations of 1 September go out
    pending = await store.reminders.pending_for(d)
    leader_rows = sorted((r.kind, r.recipient_id, r.due_at) for r in pending if r.kind.startswith("leader_"))
    assert (LEADER_PREPARE_KIND, LEADER, local(9, 10)) in leader_rows and (LEADER_PREPARE_KIND, "u-bo", local(9, 10)) in leader_rows
    assert len(leader_rows) == 15  # five stages, for the leader and each of the two in the planning group

    # Erik is not in the planning group: he cannot name the leader. Bo can; Lea is a member of the team.
    lea = {"id": "u-leader", "name": "Lea Leder"}
    await journey.post(mention_leader(url, user="u-erik", name="Erik Eg", who=lea))
    assert await store.leaders.get(f.TEAM) is None
    await journey.post(mention_leader(url, user="u-bo", name="Bo Bæk", who={"id": "u-stranger", "name": "Sten Fremmed"}))
    assert await store.leaders.get(f.TEAM) is None and "ikke medlem af teamet" in journey.texts_in(THREAD)[-1]
    await journey.post(mention_leader(url, user="u-bo", name="Bo Bæk", who=lea))
    assert (await store.leaders.get(f.TEAM)).user_id == "u-leader" and "Lea Leder er nu registreret" in journey.texts_in(THREAD)[-1]

    # Thursday 10 September, 08:55: not yet; 09:05: the preparation reminder reaches Lea only.
    journey.clock.set(local(9, 10, 8, 55))
    await sweeper.run_once()
    assert not cards_with(journey, "a:u-leader", "Tid til din forberedelse")
    journey.clock.set(local(9, 10, 9, 5))
    await sweeper.run_once()
    [(reminder_id, reminder)] = cards_with(journey, "a:u-leader", "Tid til din forberedelse")
    assert "torsdag den 17. september 2026" in text_of(reminder)
    assert not cards_with(journey, "a:u-bo", "Hvem er arbejdspladsens leder?")  # a leader is named: no fallback
    await press(journey, "u-leader", {"verb": "leader.show", "dialogue_id": d}, reminder_id)
    prepare = text_of(journey.cards_in("a:u-leader")[-1][1])
    assert "Hvordan bliver du som leder klar til at lytte?" in prepare and "Hvordan vil du arbejde med det, du har hørt?" in prepare
    assert "leader.act" not in prepare  # the feedback part comes after the day
    await press(journey, "u-leader", {"verb": "leader.act", "dialogue_id": d, "act": "save", "area_1_title": "For tidligt"}, None)
    assert await store.leader_loops.get(d) is None and "når Udviklingsdialogen er begyndt" in journey.texts_in("a:u-leader")[-1]

    # Bo and Cecilie came. Friday 18 September: the immediate follow-up reminder; Lea asks the attendees.
    for user in ("u-bo", "u-cecilie"):
        await store.invitations.answer(d, user, Answer.COMING, now=journey.clock.now())
    journey.clock.set(local(9, 18, 9, 5))
    await sweeper.run_once()
    [(reminder_id, _)] = cards_with(journey, "a:u-leader", "hvad kan vi hver især gøre allerede nu?")
    await press(journey, "u-leader", {"verb": "leader.show", "dialogue_id": d}, reminder_id)
    card_id, card = journey.cards_in("a:u-leader")[-1]
    assert "Umiddelbar opfølgning" in text_of(card) and "KOM-Leder samtale" in text_of(card)
    await press(journey, "u-erik", {"verb": "leader.act", "dialogue_id": d, "act": "ask"}, None)  # not the leader
    assert await store.leader_loops.get(d) is None
    await press(journey, "u-leader", {"verb": "leader.act", "dialogue_id": d, "act": "ask"}, card_id)
    await sweeper.run_once()
    [(bo_card, _)] = cards_with(journey, "a:u-bo", "immediate.save")
    assert len(cards_with(journey, "a:u-cecilie", "immediate.save")) == 1 and not cards_with(journey, "a:u-erik", "immediate.save")
    await press(journey, "u-bo", {"verb": "immediate.save", "dialogue_id": d, "immediate_answer": "Sige godmorgen til alle"}, bo_card)
    assert "Tak for dit svar" in text_of(journey.cards_in("a:u-bo")[-1][1]) or "Tak for dit svar" in json.dumps(
        journey.mock.activities_in("a:u-bo")[bo_card], ensure_ascii=False)
    await press(journey, "u-erik", {"verb": "immediate.save", "dialogue_id": d, "immediate_answer": "Forfalsket"}, None)
    assert await store.leader_loops.answers(d) == {"u-bo": "Sige godmorgen til alle"}
    await journey.post(f.channel_mention(url, "allerede nu", user="u-bo", name="Bo Bæk"))
    material = text_of(journey.cards_in("a:u-bo")[-1][1])
    assert "1 har svaret" in material and "Sige godmorgen" not in material  # fewer than five: the count only

    # Three development areas at most: a fourth is a forged card, refused; then three are saved, private.
    save = {"verb": "leader.act", "dialogue_id": d, "act": "save", "leader_share": "false",
            "area_1_title": "Lytte mere", "area_1_next_step": "Spørge før jeg svarer", "area_2_title": "Tydelighed",
            "area_2_next_step": "Fast status om fredagen", "area_3_title": "Anerkendelse", "area_3_next_step": "",
            "feedback_thanks": "Tak for jeres ærlige input", "feedback_noticed": "Jeg afbryder for ofte",
            "feedback_help": "Sig til, når det sker", "feedback_follow_up": "Til personalemødet i december"}
    await press(journey, "u-leader", {**save, "area_4_title": "En fjerde"}, card_id)
    assert (await store.leader_loops.get(d)).areas == () and "leader.act:extra_forbidden" in [
        e.subject for e in await store.audit.entries(actor="u-leader")]
    await press(journey, "u-leader", save, card_id)
    loop = await store.leader_loops.get(d)
    assert [a.title for a in loop.areas] == ["Lytte mere", "Tydelighed", "Anerkendelse"] and not loop.shared

    # Posted to the channel: the feedback, not the private areas.
    await press(journey, "u-leader", {**save, "act": "post"}, card_id)
    await sweeper.run_once()
    [(_, post)] = cards_with(journey, f.TEAM, "Tilbagemelding fra lederen")
    assert "Tak for jeres ærlige input" in text_of(post) and "Jeg afbryder for ofte" in text_of(post)
    assert "Lytte mere" not in text_of(post)
    # Pressed again as it stands, a while later: no second post (changed feedback would be a new one).
    journey.clock.set(journey.clock.now() + timedelta(minutes=5))
    await press(journey, "u-leader", {**save, "act": "post"}, card_id)
    await sweeper.run_once()
    assert len(cards_with(journey, f.TEAM, "Tilbagemelding fra lederen")) == 1

    # Thursday 24 September: the first feedback reminder. Lea marks it done; the rest stop.
    journey.clock.set(local(9, 24, 9, 5))
    await sweeper.run_once()
    assert len(cards_with(journey, "a:u-leader", "Har du givet medarbejderne din tilbagemelding?")) == 1
    await press(journey, "u-leader", {**save, "act": "done"}, card_id)
    assert (await store.leader_loops.get(d)).done_at == local(9, 24, 9, 5)
    for day in (local(10, 8, 9, 5), local(10, 29, 9, 5)):
        journey.clock.set(day)
        await sweeper.run_once()
    assert len(cards_with(journey, "a:u-leader", "Har du givet medarbejderne din tilbagemelding?")) == 1
    assert not [r for r in await store.reminders.pending_for(d) if r.kind == LEADER_FEEDBACK_KIND]

    # The planning group's status: one line, done, never what it says.
    await journey.post(f.channel_mention(url, "status", user="u-bo", name="Bo Bæk"))
    status = text_of(cards_with(journey, "a:u-bo", "Lederens tilbagemelding")[-1][1])
    assert "givet torsdag den 24. september 2026" in status
    assert not any(words in status for words in ("Lytte mere", "Jeg afbryder", "Tak for jeres ærlige"))

    # "Mine data": Lea's development plan and Bo's answer are theirs, exported and deletable.
    lea_data = await store.my_data.personal_data("u-leader", now=journey.clock.now())
    exported = json.loads(export_json(lea_data, exported_at=journey.clock.now()))
    assert exported["leader_development_plans"][0]["development_areas"][0] == {"title": "Lytte mere", "next_step": "Spørge før jeg svarer"}
    bo_data = await store.my_data.personal_data("u-bo", now=journey.clock.now())
    assert [a.text for a in bo_data.immediate_answers] == ["Sige godmorgen til alle"]
    await say(journey, "u-leader", "mine data")
    assert "Lytte mere" in text_of(journey.cards_in("a:u-leader")[-1][1])
    await press(journey, "u-bo", {"verb": "immediate.delete", "dialogue_id": d}, None)
    await press(journey, "u-leader", {"verb": "leader.delete", "dialogue_id": d}, None)
    assert await store.leader_loops.answers(d) == {} and await store.leader_loops.get(d) is None


async def test_until_a_leader_is_named_the_planning_group_is_asked_to_name_one(journey: Journey):
    services = journey.services
    store = services.store
    d = await seed_and_announce(journey)
    sweeper = build_runner(services).sweeper
    journey.clock.set(local(9, 10, 9, 5))
    await sweeper.run_once()
    for user in ("u-leader", "u-bo"):
        [(card_id, card)] = cards_with(journey, f"a:{user}", "Hvem er arbejdspladsens leder?")
        assert "leader.name" in text_of(card) and "@TalSammen leder @navn" in text_of(card)
    assert not cards_with(journey, "a:u-erik", "Hvem er arbejdspladsens leder?")
    # Bo chooses Lea on the card; Erik's forged choice is refused.
    await press(journey, "u-erik", {"verb": "leader.name", "team_id": f.TEAM, "leader_user_id": "u-erik"}, None)
    assert await store.leaders.get(f.TEAM) is None
    await press(journey, "u-bo", {"verb": "leader.name", "team_id": f.TEAM, "leader_user_id": "u-leader"}, card_id)
    assert (await store.leaders.get(f.TEAM)).name == "Lea Leder"
    # From now on the leader's rows go to Lea, and the fallback rows are dropped.
    journey.clock.set(local(9, 18, 9, 5))
    await sweeper.run_once()
    assert len(cards_with(journey, "a:u-leader", "hvad kan vi hver især gøre allerede nu?")) == 1
    assert len(cards_with(journey, "a:u-bo", "Hvem er arbejdspladsens leder?")) == 1
    assert d


# -- the cards, in both languages ---------------------------------------------------------------
def all_cards(lang: str) -> dict[str, dict]:
    loop = LeaderLoop("d1", (DevelopmentArea("Lytte <at>x</at> **fed**", "Spørge"),), Feedback("Tak", "Jeg afbryder", "Hjælp", "December"),
                      shared=True, asked_at=local(9, 18), posted_at=local(9, 18), done_at=local(9, 24))
    stored = StoredLeaderLoop("d1", "Hjemmeplejen Nord", (("Lytte", "Spørge"),), {"thanks": "Tak"}, False, None, None, local(9, 18))
    leader_rows, leader_actions = my_leader_section(lang, [stored])
    answer_rows, answer_actions = my_immediate_section(lang, [StoredImmediateAnswer("d1", "Hjemmeplejen Nord", "Godmorgen", local(9, 18))])
    many = {f"u{i}": "æ" * 1000 for i in range(60)}
    return {
        "before": leader_card(lang, dialogue_id="d1", stage="before", day=DAY.date, loop=None),
        "after": leader_card(lang, dialogue_id="d1", stage="after", day=DAY.date, loop=None),
        "after_done": leader_card(lang, dialogue_id="d1", stage="after", day=DAY.date, loop=loop, saved="leader.feedback.saved"),
        "errors": leader_card(lang, dialogue_id="d1", stage="after", day=DAY.date, loop=None, values={"area_1_next_step": "x"},
                              errors=[FieldError("area_1_title", "required"), FieldError("areas", "too_many", 3)]),
        "name": name_leader_card(lang, team_id=f.TEAM, people=[("u-leader", "Lea Leder"), ("u-bo", "Bo <at>Bæk</at>")]),
        "unnamed": unnamed_reminder_card(lang, team_id=f.TEAM, day=DAY.date, people=[("u-leader", "Lea Leder")]),
        "reminder": leader_reminder_card(lang, kind_key="leader.remind.feedback", dialogue_id="d1", day=DAY.date),
        "reminder_dtu": leader_reminder_card(lang, kind_key="leader.remind.feedback", dialogue_id="d1", day=DAY.date, concept_id="dtu"),
        "after_dtu": leader_card(lang, dialogue_id="d1", stage="after", day=DAY.date, loop=None, concept_id="dtu"),
        "post": feedback_post_card(lang, leader_name="Lea Leder", feedback=loop.feedback, areas=[("Lytte", "Spørge")]),
        "ask": immediate_card(lang, dialogue_id="d1", min_count=5, value="x", errors=[FieldError("immediate_answer", "too_long", 1000)]),
        "thanks": immediate_thanks_card(lang, dialogue_id="d1", answer="Godmorgen **fed**", changed=False),
        "results_hidden": immediate_results_card(lang, dialogue_id="d1", summary=summarise_immediate({"u1": "a"})),
        "results_many": immediate_results_card(lang, dialogue_id="d1", summary=summarise_immediate(many)),
        "my_data": {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.5",
                    "body": leader_rows + answer_rows, "actions": leader_actions + answer_actions},
    }


@pytest.mark.parametrize("lang", ["da", "en"])
def test_leader_cards_are_valid_small_and_send_what_the_router_accepts(lang: str) -> None:
    concept = load_concept("nyborg")
    for name, card in all_cards(lang).items():
        assert_valid_card(message_with_card(card, summary=name, lang=lang))
        for _, value in walk(card):
            if isinstance(value, dict) and value.get("type") == "Action.Submit":
                payload, verb = REGISTRY.parse(value["data"], concept)
                assert verb.payload is type(payload), name
            if isinstance(value, dict) and value.get("type") == "TextBlock":
                assert "<at>" not in value["text"] and "**fed**" not in value["text"], name
    assert "KOM-Leder" in text_of(all_cards(lang)["after"]) and "KOM-Leder" not in text_of(all_cards(lang)["after_dtu"])
    assert ("egen leder" if lang == "da" else "own manager") in text_of(all_cards(lang)["reminder_dtu"])
    status = text_of(status_card(lang, _status(), leader_loop=True, leader_done_on=date(2026, 9, 24)))
    assert ("givet" if lang == "da" else "given on") in status


def _status():
    from test_cards import sample_status
    return sample_status()
