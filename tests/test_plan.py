"""Step 1, the plan: the cycle a round belongs to, when a round is open, who is invited
(bot/process/invitees.py), and the set-up card through the real app (tests/test_journey.py's
harness: the real adapter and a mock Bot Connector with the team's roster). The same journey
against the Agents Playground is tests/e2e/test_playground_plan.py."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import factories as f
from bot.process.clock import COPENHAGEN
from bot.process.invitees import (
    PAGE_SIZE,
    ListChange,
    ListRejected,
    by_name,
    change_list,
    choose_contact,
    invited_at_start,
    keys_by_user,
    left_out_after_page,
    listed,
    member_keys,
    page_count,
    page_of,
    split_keys,
)
from bot.process.nomination import Round
from bot.process.people import Member
from bot.process.plan import cycle_of
from bot.scheduler.runner import build_runner
from test_journey import Journey, journey, submit_value  # noqa: F401 - the fixture is used by name


@pytest.mark.parametrize("local, cycle", [
    (datetime(2026, 1, 2, 9, 0), 2026),
    (datetime(2026, 8, 15, 9, 0), 2026),  # dialogues run August-October
    (datetime(2026, 11, 30, 23, 59), 2026),
    (datetime(2026, 12, 1, 0, 0), 2026),  # on 1 December: that year's send-on still ahead
    (datetime(2026, 12, 1, 23, 59), 2026),
    (datetime(2026, 12, 2, 0, 0), 2027),  # after it: the next year's cycle
    (datetime(2026, 12, 31, 23, 59), 2027),
    (datetime(2028, 2, 29, 12, 0), 2028),  # a leap day
])
def test_a_cycle_is_the_year_of_the_next_1_december_in_copenhagen(local: datetime, cycle: int):
    assert cycle_of(local.replace(tzinfo=COPENHAGEN)) == cycle
    assert cycle_of(local.replace(tzinfo=COPENHAGEN).astimezone(timezone.utc)) == cycle


def test_the_boundary_is_local_midnight_not_utc():
    # 1 December 23:30 UTC is already 2 December in Copenhagen (CET, UTC+1).
    assert cycle_of(datetime(2026, 12, 1, 22, 59, tzinfo=timezone.utc)) == 2026
    assert cycle_of(datetime(2026, 12, 1, 23, 0, tzinfo=timezone.utc)) == 2027


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        cycle_of(datetime(2026, 9, 1, 8, 0))


def test_a_round_is_open_until_its_deadline_or_until_closed():
    opened = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
    round_ = Round("r1", "t", "u", opened, opened + timedelta(days=14), "Kim", False)
    assert round_.is_open(opened) and round_.is_open(round_.deadline_at - timedelta(seconds=1))
    assert not round_.is_open(round_.deadline_at)
    closed = Round("r1", "t", "u", opened, opened + timedelta(days=14), "Kim", False, closed_at=opened + timedelta(days=1))
    assert not closed.is_open(opened + timedelta(days=2))
    assert round_.dialogue_id is None  # rounds made before the dialogue record existed


# --- who is invited: pure rules ------------------------------------------------------------

TEAM = [Member("u-leader", "Lea Leder"), Member("u-bo", "Bo Bæk"), Member("u-ae", "Ærø Æble"), Member("u-aa", "Åse Å"),
        Member("u-oe", "Øjvind Ø"), Member("u-z", "Zara Z")]


def key(user_id: str, members=TEAM) -> str:  # noqa: ANN001
    return keys_by_user(member_keys(members))[user_id]


def test_member_keys_are_short_stable_and_distinct():
    keyed = member_keys(TEAM)
    assert len(keyed) == len(TEAM) and all(len(k) == 8 and k.isalnum() for k in keyed)
    assert member_keys(reversed(TEAM)).keys() == keyed.keys()  # the same member, the same key, whatever the order
    big = [Member(f"29:{'x' * 80}{i}", f"M {i}") for i in range(5000)]
    assert len(member_keys(big)) == 5000


def test_a_danish_list_puts_ae_oe_aa_after_z():
    assert [m.name for m in by_name(TEAM)] == ["Bo Bæk", "Lea Leder", "Zara Z", "Ærø Æble", "Øjvind Ø", "Åse Å"]


@pytest.mark.parametrize("value, keys", [
    ("a1,b2", ["a1", "b2"]), (" a1 , a1,,b2 ", ["a1", "b2"]), ("", []), (None, []), (42, []),
    ("a1,<at>x</at>,b-2," + "c" * 17, ["a1"]),  # junk is no key
])
def test_split_keys(value, keys):
    assert split_keys(value) == keys


def test_pages_split_a_large_team_and_clamp():
    members = [Member(f"u{i}", f"M {i:03}") for i in range(250)]
    assert page_count(250) == 3 and page_count(0) == 1 and page_count(PAGE_SIZE) == 1
    assert [len(page_of(members, p)) for p in (0, 1, 2)] == [100, 100, 50]
    assert page_of(members, 9) == page_of(members, 2) and page_of(members, -1) == page_of(members, 0)


def test_left_out_follows_the_ticks_of_each_page():
    assert left_out_after_page(set(), shown=["a", "b", "c"], selected=["a", "c"]) == {"b"}
    # Ticked again on a later visit: back on the list; other pages' choices are kept.
    assert left_out_after_page({"b", "x"}, shown=["a", "b", "c"], selected=["a", "b"]) == {"c", "x"}


def test_everyone_is_invited_at_start_except_those_left_out():
    assert [m.user_id for m in invited_at_start(TEAM, {key("u-bo")})] == ["u-leader", "u-z", "u-ae", "u-oe", "u-aa"]
    assert len(invited_at_start(TEAM, {"unknown"})) == len(TEAM)  # a key nobody has changes nothing
    with pytest.raises(ListRejected) as refused:
        invited_at_start(TEAM, set(member_keys(TEAM)))
    assert refused.value.code == "none_invited"


def test_the_contact_person_must_be_a_member_of_the_team():
    setter = Member("u-leader", "Lea Leder")
    assert choose_contact(key("u-bo"), TEAM, default=setter) == Member("u-bo", "Bo Bæk")
    assert choose_contact(None, TEAM, default=setter) == setter  # a card from before the choice existed
    for forged in ("zzzzzzzz", "u-bo", 7):
        with pytest.raises(ListRejected) as refused:
            choose_contact(forged, TEAM, default=setter)
        assert refused.value.code == "contact_not_member"
    with pytest.raises(ListRejected):
        choose_contact("", TEAM, default=None)


def test_a_saved_page_adds_members_and_leaves_out_all_but_those_who_answered():
    invited = [m for m in TEAM if m.user_id not in ("u-z",)]
    shown = [key(m.user_id) for m in TEAM]
    selected = [key(u) for u in ("u-leader", "u-ae", "u-z")]  # Bo, Åse and Øjvind unticked, Zara ticked
    change = change_list(invited=invited, roster=TEAM, shown=shown, selected=selected, answered={"u-bo"})
    assert [m.user_id for m in change.added] == ["u-z"]
    assert sorted(m.user_id for m in change.removed) == ["u-aa", "u-oe"]
    assert [m.user_id for m in change.kept] == ["u-bo"]  # has answered: stays invited
    assert change.changed
    # The same save again (a double click on a refreshed list) changes nothing.
    after = [m for m in invited if m.user_id not in ("u-aa", "u-oe")] + [Member("u-z", "Zara Z")]
    again = change_list(invited=after, roster=TEAM, shown=shown, selected=selected, answered={"u-bo"})
    assert not again.changed and [m.user_id for m in again.kept] == ["u-bo"]


def test_only_members_shown_change_and_only_team_members_are_added():
    outsider = Member("u-out", "Outsider")
    change = change_list(invited=[TEAM[0]], roster=TEAM, shown=[key("u-bo"), key("u-out", [outsider])],
                         selected=[key("u-bo"), key("u-out", [outsider])], answered=set())
    assert change == ListChange(added=(Member("u-bo", "Bo Bæk"),))  # Lea was not on the page: untouched
    # Someone invited who has left the team can still be left out, but never added back.
    gone = Member("u-gone", "Gone")
    change = change_list(invited=[gone], roster=TEAM, shown=[key("u-gone", [gone])], selected=[], answered=set())
    assert change.removed == (gone,)
    assert [m.user_id for m in listed([gone], TEAM)][-1] == "u-aa" and len(listed([gone], TEAM)) == 7


# --- the set-up card through the real app --------------------------------------------------

THREAD = f"{f.TEAM};messageid=1"  # the bot answers a channel message in its thread
ROSTER = [Member(m["id"], m["name"]) for m in f.ROSTER]


def card_text(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


def inputs(card: dict) -> dict[str, dict]:
    found: dict[str, dict] = {}

    def walk(node):  # noqa: ANN001, ANN202
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Input."):
                found[node["id"]] = node
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(card)
    return found


def in_thread(activity: dict) -> dict:
    """A card press in the thread where the set-up card was posted, as Teams sends it."""
    activity["conversation"]["id"] = THREAD
    return activity


async def setup_card(journey: Journey) -> tuple[str, dict]:
    url = journey.mock.url
    await journey.post(f.bot_added_to_team(url))
    await journey.post(f.channel_mention(url, "start", user="u-leader", name="Lea Leder"))
    return journey.cards_in(THREAD)[-1]


def start_value(card: dict, *, leave_out: tuple[str, ...] = (), contact: str = "u-leader") -> dict:
    """Pressing Start with every member ticked except ``leave_out``, as the card's inputs and data send it."""
    keys = keys_by_user(member_keys(ROSTER))
    start = card["actions"][0]["data"]
    ticked = [k for k in inputs(card)["invitees"]["value"].split(",") if k not in {keys[u] for u in leave_out}]
    return {**start, "deadline": "2026-09-15", "channel_lang": "da", "contact": keys[contact], "named_mode": "anonymous",
            "invitees": ",".join(ticked)}


async def test_a_member_left_out_gets_no_card_no_reminder_and_is_not_counted(journey: Journey):
    url, services = journey.mock.url, journey.services
    setup_id, setup = await setup_card(journey)
    # The card offers the team's members: the contact defaults to the person setting up, and
    # every member is ticked for the invitation.
    keys = keys_by_user(member_keys(ROSTER))
    assert inputs(setup)["contact"]["value"] == keys["u-leader"]
    assert sorted(inputs(setup)["invitees"]["value"].split(",")) == sorted(keys.values())

    value = start_value(setup, leave_out=("u-erik",), contact="u-cecilie")
    await journey.post(in_thread(f.channel_submit(url, value, user="u-leader", name="Lea Leder", reply_to=setup_id)))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    assert (round_.contact_user_id, round_.contact_name) == ("u-cecilie", "Cecilie Ø")
    assert (await services.store.workplaces.get(f.TEAM)).lang == "da"
    assert sorted(i.user_id for i in await services.store.dialogues.invitees(round_.id)) == ["u-bo", "u-cecilie", "u-dorte", "u-leader"]
    assert journey.cards_in("a:u-erik") == []
    for member in ("u-leader", "u-bo", "u-cecilie", "u-dorte"):
        assert len(journey.cards_in(f"a:{member}")) == 1

    # Bo answers; the reminders reach the other invited, never Erik.
    bo_card = journey.cards_in("a:u-bo")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card))
    journey.clock.set(datetime(2026, 9, 8, 7, 5, tzinfo=timezone.utc))
    await build_runner(services).sweeper.run_once()
    assert {m: len(journey.cards_in(f"a:{m}")) for m in ("u-leader", "u-bo", "u-cecilie", "u-dorte")} == {
        "u-leader": 2, "u-bo": 1, "u-cecilie": 2, "u-dorte": 2}
    assert journey.cards_in("a:u-erik") == []

    # The response rate counts the invited only: 1 of 4.
    await journey.post(f.channel_mention(url, "status", user="u-leader", name="Lea Leder"))
    assert "1 af 4" in card_text(journey.cards_in("a:u-leader")[-1][1])


async def test_the_set_up_card_turns_into_the_started_round_and_a_second_press_starts_nothing(journey: Journey):
    url, services = journey.mock.url, journey.services
    setup_id, setup = await setup_card(journey)
    value = start_value(setup)
    await journey.post(in_thread(f.channel_submit(url, value, user="u-leader", name="Lea Leder", reply_to=setup_id)))
    first = await services.store.dialogues.latest_round(f.TEAM)
    replaced = journey.mock.activities_in(THREAD)[setup_id]["attachments"][0]["content"]
    assert replaced["body"][0]["text"] == "Runden er startet – frist tirsdag den 15. september 2026"
    assert "round.start" not in card_text(replaced) and "invitees.show" in card_text(replaced)
    assert "5 inviterede" in card_text(replaced)
    # One message says it: no "Runden er åbnet …" text beside the card, no second card.
    assert [a for a in journey.sent_to(THREAD) if not a.get("attachments")] == []
    assert len(journey.cards_in(THREAD)) == 1 and len(journey.cards_in(f.TEAM)) == 1  # the welcome only

    # The same card pressed again (a new activity): the card stays the result, a polite answer, no second round.
    await journey.post(in_thread(f.channel_submit(url, value, user="u-leader", name="Lea Leder", reply_to=setup_id)))
    assert (await services.store.dialogues.latest_round(f.TEAM)).id == first.id
    answer = journey.texts_in(THREAD)[-1]
    assert "allerede startet" in answer and "tirsdag den 15. september 2026" in answer and "2026-09-15" not in answer
    assert "round.start" not in card_text(journey.mock.activities_in(THREAD)[setup_id]["attachments"][0]["content"])
    assert all(len(journey.cards_in(f"a:{m.user_id}")) == 1 for m in ROSTER)  # nobody got a second card


async def test_a_contact_who_is_not_a_member_is_refused_on_the_card(journey: Journey):
    url, services = journey.mock.url, journey.services
    setup_id, setup = await setup_card(journey)
    value = {**start_value(setup), "contact": "zzzzzzzz"}
    await journey.post(in_thread(f.channel_submit(url, value, user="u-leader", name="Lea Leder", reply_to=setup_id)))
    assert await services.store.dialogues.latest_round(f.TEAM) is None
    shown = journey.mock.activities_in(THREAD)[setup_id]["attachments"][0]["content"]
    assert "Kontaktpersonen skal være medlem af teamet" in card_text(shown) and "round.start" in card_text(shown)
    assert inputs(shown)["deadline"]["value"] == "2026-09-15"  # nothing typed is lost


async def test_the_list_after_the_start_adds_members_back_and_keeps_those_who_answered(journey: Journey):
    url, services = journey.mock.url, journey.services
    keys = keys_by_user(member_keys(ROSTER))
    setup_id, setup = await setup_card(journey)
    await journey.post(in_thread(f.channel_submit(url, start_value(setup, leave_out=("u-erik",)), user="u-leader",
                                                  name="Lea Leder", reply_to=setup_id)))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    bo_card = journey.cards_in("a:u-bo")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-bo", conversation="a:u-bo", reply_to=bo_card))

    # "inviterede" in the channel: the list arrives privately, Erik unticked, Bo marked as answered.
    await journey.post(f.channel_mention(url, "inviterede", user="u-leader", name="Lea Leder"))
    list_id, card = journey.cards_in("a:u-leader")[-1]
    choice = inputs(card)["invited"]
    assert keys["u-erik"] not in choice["value"].split(",")
    assert any(c["title"] == "Bo Bæk (har svaret)" for c in choice["choices"])

    # Erik's colleague forges a save: refused, nothing changes.
    forged = {**card["actions"][0]["data"], "invited": ",".join(keys.values())}
    await journey.post(f.personal_submit(url, forged, user="u-dorte", conversation="a:u-dorte", reply_to=None))
    assert len(await services.store.dialogues.invitees(round_.id)) == 4

    # Lea ticks Erik, unticks Bo (who answered) and Dorte, and saves.
    ticked = [keys[u] for u in ("u-leader", "u-cecilie", "u-erik")]
    save = {**card["actions"][0]["data"], "invited": ",".join(ticked)}
    await journey.post(f.personal_submit(url, save, user="u-leader", conversation="a:u-leader", reply_to=list_id))
    invited = sorted(i.user_id for i in await services.store.dialogues.invitees(round_.id))
    assert invited == ["u-bo", "u-cecilie", "u-erik", "u-leader"]
    assert len(journey.cards_in("a:u-erik")) == 1  # Erik got the card, through invite with just him
    saved = card_text(journey.mock.activities_in("a:u-leader")[list_id]["attachments"][0]["content"])
    assert "1 tilføjet, 1 fjernet" in saved and "har allerede svaret og bliver på listen" in saved
    assert [e.action for e in await services.store.audit.entries(actor="u-leader") if e.action.startswith("invitees.")] == [
        "invitees.add", "invitees.remove"]

    # Dorte is left out: her card no longer counts and no reminder reaches her; Erik's does.
    journey.clock.set(datetime(2026, 9, 8, 7, 5, tzinfo=timezone.utc))
    await build_runner(services).sweeper.run_once()
    assert len(journey.cards_in("a:u-dorte")) == 1 and len(journey.cards_in("a:u-erik")) == 2
    dorte_card = journey.cards_in("a:u-dorte")[0][0]
    await journey.post(f.personal_submit(url, submit_value(round_.id), user="u-dorte", conversation="a:u-dorte", reply_to=dorte_card))
    assert await services.store.nominations.get(round_.id, "u-dorte") is None


async def test_a_large_team_pages_the_list_and_keeps_every_answer(journey: Journey, monkeypatch):
    """A 300-member team is three pages; with the page size at 2, the five members make three too."""
    import bot.process.invitees as rules
    url, services = journey.mock.url, journey.services
    keys = keys_by_user(member_keys(ROSTER))
    monkeypatch.setattr(rules, "PAGE_SIZE", 2)
    setup_id, first = await setup_card(journey)
    # Page 1: untick Bo (by name the list is Bo, Cecilie | Dorte, Erik | Lea), choose Erik as contact, go on.
    turn = next(a["data"] for a in first["actions"] if a["data"]["verb"] == "round.setup_page")
    value = {**turn, "deadline": "2026-09-16", "channel_lang": "en", "contact": keys["u-erik"], "named_mode": "named",
             "invitees": keys["u-cecilie"]}
    await journey.post(in_thread(f.channel_submit(url, value, user="u-leader", name="Lea Leder", reply_to=setup_id)))
    second = journey.mock.activities_in(THREAD)[setup_id]["attachments"][0]["content"]
    assert set(inputs(second)) == {"invitees"} and "Page 2 of 3" not in card_text(second)  # still the team's language
    assert "Side 2 af 3" in card_text(second)
    start = {**second["actions"][0]["data"], "invitees": keys["u-dorte"]}  # Erik unticked on page 2
    await journey.post(in_thread(f.channel_submit(url, start, user="u-leader", name="Lea Leder", reply_to=setup_id)))
    round_ = await services.store.dialogues.latest_round(f.TEAM)
    assert round_.deadline_date.isoformat() == "2026-09-16" and round_.named_mode and round_.contact_user_id == "u-erik"
    assert sorted(i.user_id for i in await services.store.dialogues.invitees(round_.id)) == ["u-cecilie", "u-dorte", "u-leader"]
    assert (await services.store.workplaces.get(f.TEAM)).lang == "en"
    replaced = journey.mock.activities_in(THREAD)[setup_id]["attachments"][0]["content"]
    assert replaced["body"][0]["text"] == "The round has started – deadline Wednesday 16 September 2026"
