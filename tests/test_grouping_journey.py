"""Forming the groups, posting them to the channel, marking absentees and reading the run-sheet,
end to end through the real app and adapter (Teams is the mock Bot Connector).

The dialogue, its day, the invitations and the answers are seeded through the storage APIs (the
invitation step's own journey is tested with that step); what is tested here starts where the
planning group types ``grupper``. The rules are unit-tested in tests/test_grouping.py.
"""
from __future__ import annotations

import json
from datetime import date, datetime, time, timezone
from itertools import combinations

import factories as f
from bot.process.grouping import GROUPS_POSTED_KIND, absentee_keys
from bot.process.invitation import Answer, DialogueDay
from bot.process.people import Member
from bot.scheduler.runner import build_runner
from cards_validation import assert_valid_card
from test_journey import Journey, card_text, journey  # noqa: F401 - the fixture

LEADER = "u-leader"
# Twelve colleagues besides the leader; one of them cannot come, so twelve people take part.
OTHERS = [Member(f"u-{i:02d}", name) for i, name in enumerate((
    "Anna Andersen", "Bo Bæk", "Cecilie Ø", "Dorte Dam", "Erik Eg", "Frida Fisker", "Gorm Gade", "Hanne Hjort",
    "Ib Isak", "Jens Juul", "Karen Kok", "Lone Lund"), start=1)]
CANNOT_COME = "u-05"
LEADER_CHAT = f"a:{LEADER}"


async def seed(journey: Journey) -> str:
    """A workplace whose planning group is Lea, with the day set and everyone invited."""
    services, url, now = journey.services, journey.mock.url, journey.clock.now()
    await journey.post(f.bot_added_to_team(url))
    store = services.store
    await store.planning_group.add(f.TEAM, LEADER, "Lea Leder", added_by=LEADER, now=now)
    dialogue = await store.dialogues.ensure_dialogue(f.TEAM, now)
    await store.invitations.set_day(dialogue.id, DialogueDay(date(2026, 9, 24), time(9, 30), "Kantinen"), by=LEADER, now=now)
    await store.invitations.invite(dialogue.id, [Member(LEADER, "Lea Leder"), *OTHERS])
    await store.invitations.answer(dialogue.id, CANNOT_COME, Answer.CANNOT_COME, now=now)
    await store.invitations.answer(dialogue.id, "u-01", Answer.COMING, now=now)
    return dialogue.id


def pairs(groups) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}


def last_card(journey: Journey, conversation: str) -> tuple[str, dict]:
    return journey.cards_in(conversation)[-1]


def press(journey: Journey, value: dict, reply_to: str, *, user: str = LEADER) -> dict:
    return f.personal_submit(journey.mock.url, value, user=user, conversation=f"a:{user}", reply_to=reply_to)


async def test_groups_are_formed_posted_with_mentions_regrouped_after_absentees_and_the_run_sheet_follows(journey: Journey):
    services, url = journey.services, journey.mock.url
    dialogue_id = await seed(journey)

    # Erik is no planning group member: refused, nothing is formed.
    await journey.post(f.channel_mention(url, "grupper", user="u-erik", name="Erik Eg"))
    assert await services.store.groupings.get(dialogue_id) is None

    # Lea types "grupper" in the channel: the groups are formed and reach her privately.
    await journey.post(f.channel_mention(url, "grupper", user=LEADER, name="Lea Leder"))
    grouping = await services.store.groupings.get(dialogue_id)
    people = [LEADER, *(m.user_id for m in OTHERS if m.user_id != CANNOT_COME)]
    for groups in (grouping.wellbeing, grouping.leadership):
        assert sorted(p for g in groups for p in g) == sorted(people)  # everyone once; the one who cannot come not at all
        assert sorted(len(g) for g in groups) in ([4, 4, 4], [3, 3, 3, 3])
    assert not pairs(grouping.wellbeing) & pairs(grouping.leadership)  # no one sits with the same person twice
    assert grouping.seed == dialogue_id
    card_id, card = last_card(journey, LEADER_CHAT)
    text = card_text(card)
    assert "0 par sidder sammen igen i 2. runde." in text and "Færre er ikke muligt" in text
    assert "5 personer bliver én gruppe på 5" in text and "Anna Andersen" in text and "Erik Eg" not in text
    assert "torsdag den 24. september 2026 kl. 09.30" in text

    # Typed again after a new answer: the same groups (only "Dan grupperne igen" changes them); the card says who changed.
    await services.store.invitations.answer(dialogue_id, "u-12", Answer.CANNOT_COME, now=journey.clock.now())
    await journey.post(f.personal_message(url, "grupper", user=LEADER, conversation=LEADER_CHAT))
    assert await services.store.groupings.get(dialogue_id) == grouping
    _, again = last_card(journey, LEADER_CHAT)
    assert "Har meldt afbud" in card_text(again) and "Lone Lund" in card_text(again)
    await services.store.invitations.answer(dialogue_id, "u-12", Answer.COMING, now=journey.clock.now())

    # "Slå op i kanalen": one queue row, the channel post mentions everyone and carries the results buttons.
    post = {"verb": "groups.post", "dialogue_id": dialogue_id, "version": 1}
    await journey.post(press(journey, post, card_id))
    assert "Grupperne bliver slået op i kanalen om lidt" in card_text(journey.mock.activities_in(LEADER_CHAT)[card_id]["attachments"][0]["content"])
    await journey.post(press(journey, post, card_id))  # the same button twice: one post
    assert "allerede sendt til kanalen" in card_text(journey.mock.activities_in(LEADER_CHAT)[card_id]["attachments"][0]["content"])
    await build_runner(services).sweeper.run_once()
    posts = [c for _, c in journey.cards_in(f.TEAM) if "Sæt jer ved jeres gruppe" in card_text(c)]
    assert len(posts) == 1
    entities = posts[0]["msteams"]["entities"]
    assert {e["mentioned"]["id"] for e in entities} == set(people)
    body = card_text(posts[0])
    assert all(e["type"] == "mention" and e["text"] in body for e in entities)
    assert "<at>Anna Andersen</at>" in body and "Erik Eg" not in body
    assert body.count('"results.show"') == 2 and '"kind": "wellbeing"' in body and '"kind": "leadership"' in body

    # On the day, two do not come: the absentee card, then regrouped before the first round.
    journey.clock.set(datetime(2026, 9, 24, 7, 20, tzinfo=timezone.utc))  # 09:20 in Copenhagen
    card_id, _ = last_card(journey, LEADER_CHAT)
    await journey.post(press(journey, {"verb": "groups.absent.show", "dialogue_id": dialogue_id, "version": 1}, card_id))
    absent_id, absent_card = last_card(journey, LEADER_CHAT)
    choice_set = next(e for e in absent_card["body"] if e.get("type") == "Input.ChoiceSet")
    keys = absentee_keys(people)  # the card names people by short keys, not their Teams ids
    assert {c["value"] for c in choice_set["choices"]} == set(keys.values())
    regroup_button = absent_card["actions"][0]["data"]
    toggle = next(e for e in absent_card["body"] if e.get("type") == "Input.Toggle")
    assert toggle["value"] == "false"  # 09:20: the first round has not begun

    # A forged id is refused and changes nothing.
    forged = {**regroup_button, "absent": "u-05,u-x", "first_held": "false"}
    await journey.post(press(journey, forged, absent_id))
    assert (await services.store.groupings.record(dialogue_id)).version == 1

    save = {**regroup_button, "absent": f"{keys['u-02']},{keys['u-07']}", "first_held": "false"}
    await journey.post(press(journey, save, absent_id))
    saved = await services.store.groupings.record(dialogue_id)
    assert saved.version == 2 and saved.absent == {"u-02", "u-07"} and saved.first_held is False
    here = sorted(set(people) - {"u-02", "u-07"})
    for groups in (saved.grouping.wellbeing, saved.grouping.leadership):
        assert sorted(p for g in groups for p in g) == here
        assert all(len(g) in (3, 4) for g in groups)
    # Few moves: most of who sat together in the first round still does (the dialogue id seeds the groups,
    # so which groups the two leave differs from run to run; the rule's exact moves are in test_grouping.py).
    before = {p for p in pairs(grouping.wellbeing) if not {"u-02", "u-07"} & set(p)}
    assert len(before & pairs(saved.grouping.wellbeing)) * 2 >= len(before)
    regrouped = card_text(journey.mock.activities_in(LEADER_CHAT)[absent_id]["attachments"][0]["content"])
    assert "Grupperne er dannet om" in regrouped and "Fraværende" in regrouped  # the absentee card turned into the groups

    # The old card (version 1) cannot act any more.
    await journey.post(press(journey, {"verb": "groups.form", "dialogue_id": dialogue_id, "version": 1}, card_id))
    assert (await services.store.groupings.record(dialogue_id)).version == 2

    # Posting again: the new version goes out (the sweeper runs inside working hours).
    journey.clock.set(datetime(2026, 9, 24, 7, 25, tzinfo=timezone.utc))
    await journey.post(press(journey, {"verb": "groups.post", "dialogue_id": dialogue_id, "version": 2}, absent_id))
    journey.clock.set(datetime(2026, 9, 24, 7, 30, tzinfo=timezone.utc))  # 09:30: inside the window
    await build_runner(services).sweeper.run_once()
    posts = [c for _, c in journey.cards_in(f.TEAM) if "Sæt jer ved jeres gruppe" in card_text(c)]
    assert len(posts) == 2 and "Grupperne er dannet om" in card_text(posts[-1])
    assert {e["mentioned"]["id"] for e in posts[-1]["msteams"]["entities"]} == set(here)
    rows = [r for r in await services.store.reminders.pending_for(dialogue_id) if r.kind == GROUPS_POSTED_KIND]
    assert rows == []  # both sent

    # The run-sheet, from the grouping card's button: times from 09:30, the leader's role, the buttons.
    await journey.post(press(journey, {"verb": "run_sheet.show", "dialogue_id": dialogue_id}, absent_id))
    _, sheet = last_card(journey, LEADER_CHAT)
    text = card_text(sheet)
    for clock in ("09.30-09.45", "09.45-10.15", "10.15-10.30", "10.30-10.55", "10.55-11.05", "11.05-11.35", "12.15-12.30"):
        assert clock in text
    assert "store ører og lille mund" in text and "Hvad har jeg særligt hæftet mig ved?" in text
    assert "ca. 8 min. 20 sek. til hver" in text  # 10 people: 3 groups share the 25 minutes
    verbs = [a["data"]["verb"] for a in sheet["actions"]]
    assert verbs == ["results.show", "results.show", "evaluation.start"]
    assert "2026-09-24" not in text.replace(dialogue_id, "")


async def test_the_run_sheet_is_for_the_planning_group_and_needs_the_day(journey: Journey):
    services, url = journey.services, journey.mock.url
    await journey.post(f.bot_added_to_team(url))
    await services.store.planning_group.add(f.TEAM, LEADER, "Lea Leder", added_by=LEADER, now=journey.clock.now())
    dialogue = await services.store.dialogues.ensure_dialogue(f.TEAM, journey.clock.now())

    await journey.post(f.channel_mention(url, "drejebog", user="u-erik", name="Erik Eg"))
    assert "Lea Leder" in journey.texts_in(f"{f.TEAM};messageid=1")[-1]  # refused in the thread: who the planning group is

    journey.mock.add_conversation(LEADER_CHAT, tenant_id=f.TENANT)
    await journey.post(f.personal_message(url, "drejebog", user=LEADER, conversation=LEADER_CHAT))
    assert "ikke sat endnu" in journey.texts_in(LEADER_CHAT)[-1]

    await services.store.invitations.set_day(dialogue.id, DialogueDay(date(2026, 9, 24), time(8, 0), "Kantinen"), by=LEADER,
                                             now=journey.clock.now())
    await journey.post(f.personal_message(url, "run-sheet", user=LEADER, conversation=LEADER_CHAT, locale="en-US"))
    _, sheet = last_card(journey, LEADER_CHAT)
    text = card_text(sheet)
    assert "08:00-08:15" in text and "10:45-11:00" in text and "big ears, small mouth" in text
    assert "not been formed yet" in text  # no groups: the plenum share waits for them


async def test_forming_again_takes_the_new_answers_and_a_post_outside_working_hours_waits(journey: Journey):
    services, url = journey.services, journey.mock.url
    dialogue_id = await seed(journey)
    journey.mock.add_conversation(LEADER_CHAT, tenant_id=f.TENANT)
    await journey.post(f.personal_message(url, "groups", user=LEADER, conversation=LEADER_CHAT))
    first = await services.store.groupings.record(dialogue_id)
    await services.store.invitations.answer(dialogue_id, "u-12", Answer.CANNOT_COME, now=journey.clock.now())

    card_id, _ = last_card(journey, LEADER_CHAT)
    await journey.post(press(journey, {"verb": "groups.form", "dialogue_id": dialogue_id, "version": 1}, card_id))
    again = await services.store.groupings.record(dialogue_id)
    assert again.version == 2 and again.grouping.seed == f"{dialogue_id}:2" and again.grouping != first.grouping
    assert "u-12" not in {p for g in again.grouping.wellbeing + again.grouping.leadership for p in g}
    assert sorted(len(g) for g in again.grouping.wellbeing) == [3, 4, 4]
    shown = card_text(journey.mock.activities_in(LEADER_CHAT)[card_id]["attachments"][0]["content"])
    assert "Grupperne er dannet om" in shown and "Har meldt afbud" not in shown  # the card in place: nothing left to say

    # Saturday evening: the post waits for Monday 09:00 and says so.
    journey.clock.set(datetime(2026, 9, 5, 18, 0, tzinfo=timezone.utc))
    await journey.post(press(journey, {"verb": "groups.post", "dialogue_id": dialogue_id, "version": 2}, card_id))
    shown = card_text(journey.mock.activities_in(LEADER_CHAT)[card_id]["attachments"][0]["content"])
    assert "mandag den 7. september 2026" in shown
    assert not [c for _, c in journey.cards_in(f.TEAM) if "Sæt jer ved jeres gruppe" in card_text(c)]
    journey.clock.set(datetime(2026, 9, 7, 7, 0, tzinfo=timezone.utc))
    await build_runner(services).sweeper.run_once()
    assert len([c for _, c in journey.cards_in(f.TEAM) if "Sæt jer ved jeres gruppe" in card_text(c)]) == 1


def submit_of(card: dict, title: str) -> dict:
    return next(a["data"] for a in card["actions"] if a["title"] == title)


async def test_a_day_of_300_marks_absentees_page_by_page_and_posts_every_page_with_its_mentions(journey: Journey):
    """300 people: the absentee card goes on pages whose ticks all count; the channel gets every page of the
    groups as a message of its own, each mentioning those on it (an update in place notifies nobody)."""
    services, url, now = journey.services, journey.mock.url, journey.clock.now()
    await journey.post(f.bot_added_to_team(url))
    store = services.store
    await store.planning_group.add(f.TEAM, LEADER, "Lea Leder", added_by=LEADER, now=now)
    dialogue_id = (await store.dialogues.ensure_dialogue(f.TEAM, now)).id
    await store.invitations.set_day(dialogue_id, DialogueDay(date(2026, 9, 24), time(9, 30), "Kantinen"), by=LEADER, now=now)
    everyone = [Member(LEADER, "Lea Leder"), *(Member(f"29:{'x' * 80}{i:03d}", f"Kollega Østergaard Bækgård {i:03d}") for i in range(299))]
    await store.invitations.invite(dialogue_id, everyone)
    await journey.post(f.channel_mention(url, "grupper", user=LEADER, name="Lea Leder"))
    card_id, _ = last_card(journey, LEADER_CHAT)
    journey.clock.set(datetime(2026, 9, 24, 7, 20, tzinfo=timezone.utc))

    # Page 1: tick two; on to page 3 (via 2), tick one there; back to page 1, whose ticks are still there; regroup.
    await journey.post(press(journey, {"verb": "groups.absent.show", "dialogue_id": dialogue_id, "version": 1}, card_id))
    absent_id, page = last_card(journey, LEADER_CHAT)
    keys = absentee_keys(m.user_id for m in everyone)
    user_of = {k: u for u, k in keys.items()}
    gone: list[str] = []
    new_ticks = {0: 2, 2: 1}  # how many to tick the first time a page is shown
    for to_page in (1, 2, 1, 0):
        shown = [c["value"] for c in next(e for e in page["body"] if e.get("type") == "Input.ChoiceSet")["choices"]]
        gone += [user_of[k] for k in shown[:new_ticks.pop(turned(page), 0)]]
        ticks = [k for k in shown if user_of[k] in gone]
        turn = submit_of(page, "Næste side" if to_page > turned(page) else "Forrige side")
        await journey.post(press(journey, {**turn, "absent": ",".join(ticks), "first_held": "false"}, absent_id))
        page = journey.mock.activities_in(LEADER_CHAT)[absent_id]["attachments"][0]["content"]
        assert turned(page) == to_page
    assert (await store.groupings.record(dialogue_id)).version == 1  # turning pages regroups nobody
    choices = next(e for e in page["body"] if e.get("type") == "Input.ChoiceSet")
    assert set(choices["value"].split(",")) == {keys[u] for u in gone[:2]}  # page 1's ticks, carried over two turns
    # A forged key is refused; then "Dan grupperne om" with page 1 as it is.
    forged = {**submit_of(page, "Dan grupperne om"), "absent": "zzzzzzzz", "first_held": "false"}
    await journey.post(press(journey, forged, absent_id))
    assert (await store.groupings.record(dialogue_id)).version == 1
    await journey.post(press(journey, {**submit_of(page, "Dan grupperne om"), "absent": choices["value"], "first_held": "false"}, absent_id))
    saved = await store.groupings.record(dialogue_id)
    assert saved.version == 2 and saved.absent == set(gone) and len(gone) == 3
    here = {m.user_id for m in everyone} - set(gone)

    # Posted: every page its own channel message, everyone mentioned in exactly one of them.
    await journey.post(press(journey, {"verb": "groups.post", "dialogue_id": dialogue_id, "version": 2}, absent_id))
    await build_runner(services).sweeper.run_once()
    await build_runner(services).sweeper.run_once()  # a page the first page's delivery planned, if any
    posts = [c for _, c in journey.cards_in(f.TEAM) if "Sæt jer ved jeres gruppe" in card_text(c)]
    assert len(posts) > 1 and all("actions" not in p for p in posts)  # no page buttons: every page is posted
    mentioned = [e["mentioned"]["id"] for p in posts for e in p["msteams"]["entities"]]
    assert set(mentioned) == here and len(mentioned) <= 2 * len(here)  # at most once a message, once for each round
    names = {m.user_id: m.name for m in everyone}
    for post_ in posts:  # a page mentions exactly those named on it
        assert {e["text"] for e in post_["msteams"]["entities"]} == {f"<at>{names[u]}</at>" for u in here if f"<at>{names[u]}<" in body_of(post_)}
    text = "".join(body_of(p) for p in posts)
    assert all(text.count(f"<at>{names[u]}</at>") == 2 for u in here)  # in one group of each round, on whichever page
    for post_ in posts:
        assert_valid_card(post_)
    # Each page says which it is (they are sent side by side, so Teams may show them in another order).
    assert sorted(next(b["text"] for b in p["body"] if b.get("text", "").startswith("Side ")) for p in posts) == sorted(
        f"Side {n} af {len(posts)}" for n in range(1, len(posts) + 1))
    assert [r for r in await store.reminders.pending_for(dialogue_id) if r.kind == GROUPS_POSTED_KIND] == []
    await journey.post(press(journey, {"verb": "groups.post", "dialogue_id": dialogue_id, "version": 2}, absent_id))
    await build_runner(services).sweeper.run_once()
    assert len([c for _, c in journey.cards_in(f.TEAM) if "Sæt jer ved jeres gruppe" in card_text(c)]) == len(posts)  # no duplicates


def body_of(card: dict) -> str:
    return json.dumps(card["body"], ensure_ascii=False)


def turned(page: dict) -> int:
    """The 0-based page an absentee card shows, from its "Side x af y" line."""
    line = next(e["text"] for e in page["body"] if e.get("text", "").startswith("Side "))
    return int(line.split()[1]) - 1
