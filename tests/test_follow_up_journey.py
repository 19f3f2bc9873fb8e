"""The initiatives under way and the send-on, end to end through the real app and adapter (steps 12-13).

An adopted plan is seeded through ``store.plans`` and its rows planned with ``plan_after_adoption``
(as the adoption handler does). Then time moves: the owner is nudged about a milestone and marks
it; the 1 December run-up reaches the planning group in working hours; at 3 months the follow-up
card arrives, statuses are recorded and the channel gets a short progress post; the plan is sent
on, the run-up stops, and the plan downloads as a spreadsheet through a signed, expiring link.
The rules are unit-tested in tests/test_follow_up_rules.py.
"""
from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

import factories as f
from bot.app import Overrides, create_app
from bot.cards.elements import message_with_card
from bot.cards.follow_up import follow_up_card, follow_up_form_card, milestone_nudge_card, progress_post_card
from bot.cards.send_on import send_on_card, send_on_reminder_card
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.calendar import is_working_moment
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.development_plan import DevelopmentPlan, Initiative, Level, Milestone, Phase
from bot.process.follow_up import (
    FOLLOW_UP_CARD_KIND, MILESTONE_NUDGE_KIND, SEND_ON_DUE_KIND, SEND_ON_REMINDER_KIND, SentOn, Status, StatusEntry,
    plan_after_adoption,
)
from bot.scheduler.runner import build_runner
from bot.settings import Settings
from bot.teams.connector import ConnectorClient
from cards_validation import assert_valid_card
from mock_connector import MockBotConnector
from test_journey import ROSTER, Journey, card_text

PUBLIC = "https://talsammen.example"
THREAD = f"{f.TEAM};messageid=1"
EVIL = "<at>Alle</at> **fed** [link](https://evil.example)"


@pytest_asyncio.fixture
async def journey(tmp_path):
    clock = FixedClock(datetime(2026, 8, 3, 8, 0, tzinfo=timezone.utc))  # Monday 10:00 in Copenhagen
    async with MockBotConnector() as mock:
        mock.add_conversation(f.TEAM, tenant_id=f.TENANT, members=ROSTER)
        mock.add_conversation(THREAD, tenant_id=f.TENANT)
        settings = Settings(local_development=True, database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", public_base_url=PUBLIC,
                            _env_file=None)
        app = create_app(settings, Overrides(clock=clock, connector=ConnectorClient(), start_scheduler=False))
        async with TestClient(TestServer(app)) as client:
            yield Journey(client, mock, clock)


def local(y: int, m: int, d: int, hh: int = 9, mm: int = 5) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def the_plan(dialogue_id: str, now: datetime) -> DevelopmentPlan:
    return DevelopmentPlan(dialogue_id, (
        Initiative("i1", "Ny mødestruktur", "Møderne fylder", actions=("Fast dagsorden",),
                   milestones=(Milestone("m1", Phase.PLANNING, "Dagsorden aftalt", date(2026, 9, 4)),
                               Milestone("m2", Phase.EVALUATION, "Evaluering på personalemøde", date(2027, 3, 5))),
                   owner_id="u-bo", owner_name="Bo Bæk", iglo=((Level.GROUP, "Vi holder tiden"),)),
        Initiative("i2", "Kendskab til hinandens faglighed", "Vi kender ikke hinanden", owner_id="u-cecilie", owner_name="Cecilie Ø",
                   needs_organisation=True, ask="Tid til en temadag på tværs af afdelinger"),
    ), version=1, edited_by="u-leader", edited_at=now)


async def seed_adopted_plan(journey: Journey) -> str:
    services, now = journey.services, journey.clock.now()
    ticks = itertools.count(0.0, 1.0)  # many messages into one chat in a real second: the mock sees them a second apart
    journey.mock._clock = lambda: next(ticks)
    for user in [m["id"] for m in ROSTER]:
        journey.mock.add_conversation(f"a:{user}", tenant_id=f.TENANT)
    await journey.post(f.bot_added_to_team(journey.mock.url))
    await services.store.planning_group.add(f.TEAM, "u-leader", "Lea Leder", added_by="u-leader", now=now)
    for m in ROSTER:  # the bot knows everyone's 1:1 chat
        await services.store.people.remember(user_id=m["id"], tenant_id=f.TENANT, now=now, conversation_id=f"a:{m['id']}",
                                             service_url=journey.mock.url, name=m["name"])
    dialogue = await services.store.dialogues.ensure_dialogue(f.TEAM, now)
    assert await services.store.plans.save(the_plan(dialogue.id, now), expected_version=None) is not None
    plan = await services.store.plans.adopt(dialogue.id, by="u-leader", now=now)
    rows = plan_after_adoption(plan, team_id=f.TEAM, cycle=dialogue.cycle, window=services.window, now=now)
    await services.store.reminders.add(rows)
    return dialogue.id


async def sweep(journey: Journey, when: datetime) -> None:
    """Two sweeps at ``when``: the team's row hands on, then the personal rows go out."""
    journey.clock.set(when)
    sweeper = build_runner(journey.services).sweeper
    await sweeper.run_once()
    await sweeper.run_once()


async def press(journey: Journey, user: str, value: dict, card_id: str | None) -> None:
    await journey.post(f.personal_submit(journey.mock.url, value, user=user, conversation=f"a:{user}", reply_to=card_id))


async def say_privately(journey: Journey, user: str, text: str) -> None:
    await journey.post(f.personal_message(journey.mock.url, text, user=user, conversation=f"a:{user}"))


def shown(journey: Journey, user: str, card_id: str) -> str:
    return card_text(journey.mock.activities_in(f"a:{user}")[card_id]["attachments"][0]["content"])


def cards_with(journey: Journey, conversation: str, marker: str) -> list[tuple[str, dict]]:
    return [(aid, c) for aid, c in journey.cards_in(conversation) if marker in card_text(c)]


async def test_follow_ups_nudges_run_up_and_send_on(journey: Journey):
    services, store = journey.services, journey.services.store
    dialogue_id = await seed_adopted_plan(journey)
    pending = await store.reminders.pending_for(dialogue_id)
    assert {r.kind for r in pending} >= {SEND_ON_DUE_KIND, MILESTONE_NUDGE_KIND, "follow_up_due"}

    # Monday 7 September, the first working day after milestone m1's date: Bo, its owner, is nudged.
    await sweep(journey, local(2026, 9, 7))
    [(nudge_id, nudge)] = cards_with(journey, "a:u-bo", "follow_up.milestone_done")
    assert "Dagsorden aftalt" in card_text(nudge) and "fredag den 4. september 2026" in card_text(nudge)
    # Erik (not owner, not planning group) cannot mark it with a forged press.
    await press(journey, "u-erik", {"verb": "follow_up.milestone_done", "dialogue_id": dialogue_id, "initiative_id": "i1",
                                    "milestone_id": "m1"}, None)
    assert await store.follow_ups.done(dialogue_id) == {}
    await press(journey, "u-bo", {"verb": "follow_up.milestone_done", "dialogue_id": dialogue_id, "initiative_id": "i1",
                                  "milestone_id": "m1"}, nudge_id)
    assert "markeret som nået" in shown(journey, "u-bo", nudge_id) and "follow_up.milestone_done" not in shown(journey, "u-bo", nudge_id)
    assert ("i1", "m1") in await store.follow_ups.done(dialogue_id)
    # A week later the second nudge is obsolete: nothing more to Bo.
    before = len(journey.cards_in("a:u-bo"))
    await sweep(journey, local(2026, 9, 14))
    assert len(journey.cards_in("a:u-bo")) == before

    # 20 October, 30 working days before 1 December: the run-up's first reminder reaches Lea, in working hours.
    await sweep(journey, local(2026, 10, 20))
    reminders = cards_with(journey, "a:u-leader", "send_on.show")
    assert len(reminders) == 1 and "tirsdag den 1. december 2026" in card_text(reminders[0][1])
    assert is_working_moment(journey.clock.now(), services.window)

    # 3 November: the 3-month follow-up card reaches the planning group (Lea), with both initiatives.
    await sweep(journey, local(2026, 11, 3))
    [(card_id, card)] = cards_with(journey, "a:u-leader", "Opfølgning efter 3 måneder")
    assert "Ny mødestruktur" in card_text(card) and "Kendskab til hinandens faglighed" in card_text(card)
    assert "Dagsorden aftalt" in card_text(card)  # the milestone, shown reached
    # Lea opens i1's form from the card and records its status; the card turns into the overview in place.
    await press(journey, "u-leader", {"verb": "follow_up.show", "dialogue_id": dialogue_id, "initiative_id": "i1"}, card_id)
    assert "follow_up.save" in shown(journey, "u-leader", card_id)
    save = {"verb": "follow_up.save", "dialogue_id": dialogue_id, "initiative_id": "i1", "version": 1, "status": "on_track",
            "note": EVIL, "done": "m1"}
    await press(journey, "u-leader", save, card_id)
    text = shown(journey, "u-leader", card_id)
    assert "Gemt" in text and "I gang" in text and EVIL.replace('"', '\\"') in text
    await press(journey, "u-leader", save, card_id)  # the same save twice: one entry
    assert "Intet er ændret" in shown(journey, "u-leader", card_id)
    assert len(await store.follow_ups.statuses(dialogue_id)) == 1
    assert not cards_with(journey, THREAD, "follow_up") and not cards_with(journey, f.TEAM, "Status på indsatserne")
    # Erik is refused; a card of an older plan version is refused as stale.
    await press(journey, "u-erik", {**save, "status": "done"}, None)
    await press(journey, "u-leader", {**save, "initiative_id": "i2", "version": 0, "status": "done"}, card_id)
    assert len(await store.follow_ups.statuses(dialogue_id)) == 1
    # The second initiative recorded: the follow-up is done, the channel gets a short post (no notes).
    await press(journey, "u-leader", {**save, "initiative_id": "i2", "status": "off_track", "note": "Venter på HR", "done": None}, card_id)
    posts = cards_with(journey, f.TEAM, "Status på indsatserne efter 3 måneder")
    assert len(posts) == 1
    post = card_text(posts[0][1])
    assert "I gang" in post and "I fare" in post and "1 af 2 milepæle nået" in post and "Venter på HR" not in post
    assert [e.action for e in await store.audit.entries(actor="u-leader")].count("follow_up.status") == 2
    # The notes Lea wrote are her data: in her "mine data" export.
    data = await store.my_data.personal_data("u-leader", now=journey.clock.now())
    assert {(n.initiative_id, n.note) for n in data.status_notes} == {("i1", EVIL), ("i2", "Venter på HR")}

    # 11 November (14 working days before): the second run-up reminder.
    await sweep(journey, local(2026, 11, 11))
    assert len([c for _, c in journey.cards_in("a:u-leader") if "skal sendes videre inden 1. december" in card_text(c)]) == 2
    # 20 November: the 7-day reminder; then Lea opens the send-on card from it and sends the plan on.
    await sweep(journey, local(2026, 11, 20))
    reminders = [(aid, c) for aid, c in journey.cards_in("a:u-leader") if "skal sendes videre inden 1. december" in card_text(c)]
    assert len(reminders) == 3
    reminder_id = reminders[-1][0]
    journey.clock.set(local(2026, 11, 20, 10))
    await press(journey, "u-erik", {"verb": "send_on.send", "dialogue_id": dialogue_id, "version": 1}, None)
    assert await store.sent_on.get(dialogue_id) is None
    await press(journey, "u-leader", {"verb": "send_on.show", "dialogue_id": dialogue_id}, reminder_id)
    send_card = shown(journey, "u-leader", reminder_id)
    assert "Kræver opbakning fra organisationen" in send_card and "Tid til en temadag på tværs af afdelinger" in send_card
    assert "send_on.send" in send_card
    await press(journey, "u-leader", {"verb": "send_on.send", "dialogue_id": dialogue_id, "version": 1}, reminder_id)
    receipt = journey.mock.activities_in("a:u-leader")[reminder_id]["attachments"][0]["content"]
    assert "Sendt videre" in card_text(receipt) and "Lea Leder" in card_text(receipt) and "send_on.send" not in card_text(receipt)
    assert await store.sent_on.get(dialogue_id) == SentOn(dialogue_id, journey.clock.now(), "u-leader", 1)
    await press(journey, "u-leader", {"verb": "send_on.send", "dialogue_id": dialogue_id, "version": 1}, reminder_id)  # twice: one
    assert [e.action for e in await store.audit.entries(actor="u-leader")].count("send_on.sent") == 1
    # The plan as a spreadsheet: the signed link downloads (audited); altered or expired, it is refused.
    [link] = [a["url"] for a in receipt["actions"] if a["type"] == "Action.OpenUrl"]
    assert link.startswith(PUBLIC + "/plan/" + dialogue_id + "/1/")
    path = link[len(PUBLIC):]
    response = await journey.client.get(path)
    assert response.status == 200 and (await response.read())[:2] == b"PK"
    assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert [e.subject for e in await store.audit.entries(actor="link") if e.action == "send_on.downloaded"] == [f"{dialogue_id}:v1"]
    parts = path.split("/")
    forged = "/".join(parts[:3] + ["2"] + parts[4:])  # another version under the same token
    assert (await journey.client.get(forged)).status == 403
    assert (await journey.client.get(path[:-9] + "0" * 4 + ".xlsx")).status == 403
    journey.clock.set(journey.clock.now() + timedelta(days=8))
    assert (await journey.client.get(path)).status == 410
    refused = [e.subject for e in await store.audit.entries(actor="link") if e.action == "send_on.download_refused"]
    assert refused == [f"{dialogue_id}:forged", f"{dialogue_id}:forged", f"{dialogue_id}:expired"]

    # The run-up stops: nothing of it is pending, and 30 November brings nothing.
    assert not [r for r in await store.reminders.pending_for(dialogue_id) if r.kind in (SEND_ON_DUE_KIND, SEND_ON_REMINDER_KIND)]
    before = len(journey.cards_in("a:u-leader"))
    await sweep(journey, local(2026, 11, 30))
    assert len(journey.cards_in("a:u-leader")) == before


async def test_the_owner_marks_milestones_but_not_the_status_and_typed_commands_work(journey: Journey):
    store = journey.services.store
    dialogue_id = await seed_adopted_plan(journey)
    # Typed in the channel by the planning group: the card goes privately.
    await journey.post(f.channel_mention(journey.mock.url, "opfølgning", user="u-leader", name="Lea Leder"))
    assert cards_with(journey, "a:u-leader", "follow_up.show")
    # Typed by Erik: refused.
    await say_privately(journey, "u-erik", "opfølgning")
    assert not journey.cards_in("a:u-erik")
    # Bo, owner of i1, opens his initiative: milestones only, no status.
    await press(journey, "u-bo", {"verb": "follow_up.show", "dialogue_id": dialogue_id, "initiative_id": "i1"}, None)
    [(form_id, form)] = cards_with(journey, "a:u-bo", "follow_up.save")
    assert '"id": "status"' not in card_text(form) and "Dagsorden aftalt" in card_text(form)
    await press(journey, "u-bo", {"verb": "follow_up.save", "dialogue_id": dialogue_id, "initiative_id": "i1", "version": 1,
                                  "status": "done", "note": "Forsøg", "done": "m1,m2,zz"}, form_id)
    assert await store.follow_ups.statuses(dialogue_id) == []  # the status is the planning group's
    assert set(await store.follow_ups.done(dialogue_id)) == {("i1", "m1"), ("i1", "m2")}
    # Bo cannot touch i2.
    await press(journey, "u-bo", {"verb": "follow_up.save", "dialogue_id": dialogue_id, "initiative_id": "i2", "version": 1,
                                  "done": ""}, None)
    assert "payload.rejected" in [e.action for e in await store.audit.entries(actor="u-bo")]
    # Lea sends on from a typed command in English.
    await say_privately(journey, "u-leader", "send on")
    assert cards_with(journey, "a:u-leader", "send_on.send")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_follow_up_card_is_valid_in_both_languages(lang: str) -> None:
    now = datetime(2026, 11, 3, 8, tzinfo=timezone.utc)
    plan = the_plan("d1", now)
    plan = DevelopmentPlan(plan.dialogue_id, tuple(
        Initiative(i.id, EVIL, i.why, milestones=i.milestones, owner_id=i.owner_id, owner_name=EVIL, needs_organisation=i.needs_organisation,
                   ask=EVIL) for i in plan.initiatives), 1, "u1", now, adopted_at=now)
    latest = {"i1": StatusEntry("d1", "i1", Status.ON_TRACK, EVIL, "u1", now)}
    done = {("i1", "m1"): now}
    built = {
        "overview": follow_up_card(lang, plan, latest=latest, done=done, months=3, due=True, dates=(date(2026, 11, 3), date(2027, 2, 3)),
                                   notice="ok"),
        "form": follow_up_form_card(lang, plan, plan.initiatives[0], latest=latest["i1"], done=done, may_status=True, error="x"),
        "form_owner": follow_up_form_card(lang, plan, plan.initiatives[0], latest=None, done={}, may_status=False, notice="ok"),
        "progress": progress_post_card(lang, plan, months=6, latest=latest, done=done),
        "nudge": milestone_nudge_card(lang, "d1", plan.initiatives[0], plan.initiatives[0].milestones[0]),
        "nudge_marked": milestone_nudge_card(lang, "d1", plan.initiatives[0], plan.initiatives[0].milestones[0], marked_on=date(2026, 9, 7)),
        "send_on": send_on_card(lang, plan, deadline=date(2026, 12, 1)),
        "send_on_sent": send_on_card(lang, plan, deadline=date(2026, 12, 1), sent=SentOn("d1", now, "u1", 1), sent_by_name="Lea",
                                     download_url="https://talsammen.example/plan/x.xlsx", link_days=7),
        "reminder": send_on_reminder_card(lang, "d1", deadline=date(2026, 12, 1), late=False),
        "reminder_late": send_on_reminder_card(lang, "d1", deadline=date(2026, 12, 1), late=True),
    }
    concept = load_concept("nyborg")
    for name, card in built.items():
        try:
            assert_valid_card(message_with_card(card, summary=name, lang=lang))
        except AssertionError as failure:
            raise AssertionError(f"{name} ({lang}): {failure}") from None
        text = card_text(card)
        assert "2026-" not in text.replace("2026-11-03", ""), name  # no ISO date a person reads
        for block in _walk(card):
            if isinstance(block, dict) and block.get("type") == "TextBlock":
                assert EVIL not in block["text"], f"{name}: user text in a TextBlock"
            if isinstance(block, dict) and block.get("type") == "Action.Submit":
                payload, verb = REGISTRY.parse(block["data"], concept)
                assert verb.payload is type(payload), name


def _walk(node):  # noqa: ANN001, ANN202
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)
