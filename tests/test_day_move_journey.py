"""Issue 10: the day moves after the invitations went out. Each invitation card that went out is
updated in place to the day as it is now (told or not), the notice goes out as before, and an
answer pressed on a card that showed another date or time is refused politely and not stored.
End to end through the real app, adapter and the mock Bot Connector; the rules as unit tests.
"""
from __future__ import annotations

import itertools
from datetime import date, datetime, time, timezone

import pytest

import factories as f
from bot.cards.elements import message_with_card
from bot.cards.invitation import DayAnswer, invitation_card
from bot.concepts import load_concept
from bot.dialogs.router import REGISTRY
from bot.process.day_move import ShownDay, plan_invitation_refresh, refresh_invitation_cards, shown_day
from bot.process.invitation import (
    INVITATION_REFRESH_KIND, UNLIMITED_KINDS, Answer, AnswerRefused, DialogueDay, Invited, check_may_answer,
)
from bot.scheduler.runner import build_sweeper
from cards_validation import assert_valid_card
from test_invitation_journey import DAY, THREAD, invitation_of, journey, selection_of, set_day, shown, start_round, thread_submit  # noqa: F401
from test_journey import ROSTER, Journey, card_text

NOW = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
OLD = DialogueDay(date(2026, 9, 29), time(8, 0), "Mødelokale 2")


# -- the rules ----------------------------------------------------------------------------------------
def test_an_answer_made_for_another_date_or_time_is_refused_as_day_moved() -> None:
    check_may_answer(invited=True, day=OLD, now=NOW, shown=ShownDay(date(2026, 9, 29), time(8, 0)))
    check_may_answer(invited=True, day=OLD, now=NOW, shown=None)  # a card from before the rule: today's behaviour
    check_may_answer(invited=True, day=OLD, now=NOW, shown=ShownDay())
    for shown_as in (ShownDay(date(2026, 9, 22), time(8, 0)), ShownDay(date(2026, 9, 29), time(9, 0)), ShownDay(date(2026, 9, 22))):
        with pytest.raises(AnswerRefused) as refused:
            check_may_answer(invited=True, day=OLD, now=NOW, shown=shown_as)
        assert refused.value.code == "day_moved"
    # The older refusals come first: not invited, no day, the day started.
    with pytest.raises(AnswerRefused, match="not_invited"):
        check_may_answer(invited=False, day=OLD, now=NOW, shown=ShownDay(date(2026, 9, 22)))
    with pytest.raises(AnswerRefused, match="day_started"):
        check_may_answer(invited=True, day=OLD, now=OLD.starts_at, shown=ShownDay(date(2026, 9, 22)))


def test_shown_day_reads_the_buttons_values_and_takes_nonsense_for_another_day() -> None:
    assert shown_day(None, None) == ShownDay()
    assert shown_day("2026-09-29", "08:00") == ShownDay(date(2026, 9, 29), time(8, 0))
    assert shown_day("2026-02-30", None).date != OLD.date  # matches the pattern, is no date: another day
    with pytest.raises(AnswerRefused, match="day_moved"):
        check_may_answer(invited=True, day=OLD, now=NOW, shown=shown_day("2026-09-29", "99:99"))


def test_every_card_that_went_out_or_may_be_going_is_refreshed_once_per_change() -> None:
    invited = [Invited("d1", "u-a", "A", "sent", "act-1", Answer.CANNOT_COME), Invited("d1", "u-b", "B", "pending"),
               Invited("d1", "u-c", "C", "unreachable"), Invited("d1", "u-d", "D", "failed"), Invited("d1", "u-a", "A", "sent", "act-1")]
    people = refresh_invitation_cards(invited)
    assert people == ["u-a", "u-b"]  # who cannot come too: the card they keep must show the room as it is
    plans = plan_invitation_refresh(dialogue_id="d1", team_id="t1", people=people, change_number=3, now=NOW)
    assert [(p.key, p.kind, p.round_id, p.recipient_id, p.sequence, p.due_at) for p in plans] == [
        ("invitation_refresh:d1:u-a:3", INVITATION_REFRESH_KIND, "d1", "u-a", 3, NOW),
        ("invitation_refresh:d1:u-b:3", INVITATION_REFRESH_KIND, "d1", "u-b", 3, NOW),
    ]
    assert INVITATION_REFRESH_KIND in UNLIMITED_KINDS


def test_the_refresh_kind_is_wired_into_the_sweeper_and_not_held_to_one_a_day(journey: Journey) -> None:
    sweeper = build_sweeper(journey.services)
    assert INVITATION_REFRESH_KIND in sweeper.resolver.kinds
    assert INVITATION_REFRESH_KIND in sweeper.unlimited_kinds


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_answer_buttons_carry_the_day_the_card_shows(lang: str) -> None:
    concept = load_concept("nyborg")
    for answer in (None, Answer.COMING):
        built = invitation_card(lang, concept, dialogue_id="d1", selection=selection_of("d1", NOW), day=OLD, answer=answer)
        assert_valid_card(message_with_card(built, summary="x", lang=lang))
        buttons = [a["data"] for a in built["actions"] if a["data"]["verb"] == DayAnswer.VERB]
        assert buttons and all(b["day_date"] == "2026-09-29" and b["day_start"] == "08:00" for b in buttons)
        for data in buttons:
            payload, verb = REGISTRY.parse(data, concept)
            assert verb.payload is DayAnswer and payload.day_date == "2026-09-29"
        assert "2026-09-29" not in card_text(built).replace('"2026-09-29"', "")  # no ISO date a person reads


# -- end to end -----------------------------------------------------------------------------------------
def _originals(journey: Journey) -> dict[str, str]:
    return {m["id"]: invitation_of(journey, m["id"])[0] for m in ROSTER}


def _answer_buttons(journey: Journey, user: str, activity_id: str) -> list[dict]:
    content = journey.mock.activities_in(f"a:{user}")[activity_id]["attachments"][0]["content"]
    return [a["data"] for a in content.get("actions", []) if a.get("data", {}).get("verb") == DayAnswer.VERB]


async def test_moving_the_day_updates_every_invitation_card_in_place_and_refuses_old_answers(journey: Journey):
    url, store = journey.mock.url, journey.services.store
    # Many messages reach one chat within a real second here; Teams' limits are the dispatcher's
    # tests' business, so the mock sees them a second apart (as tests/test_results_journey.py does).
    ticks = itertools.count(0.0, 1.0)
    journey.mock._clock = lambda: next(ticks)
    dialogue = await start_round(journey)
    await set_day(journey, DAY)
    await store.selections.save(selection_of(dialogue.id, journey.clock.now()))
    await journey.post(f.channel_mention(url, "annoncér", user="u-leader", name="Lea Leder"))
    confirm_id, _ = journey.cards_in(THREAD)[-1]
    await journey.post(thread_submit(url, {"verb": "themes.announce", "dialogue_id": dialogue.id}, user="u-leader", name="Lea Leder",
                                     reply_to=confirm_id))
    originals = _originals(journey)
    for user, activity_id in originals.items():
        assert (await store.invitations.invitation(dialogue.id, user)).card_activity_id == activity_id

    # Bo is coming; Cecilie cannot come. Bo's button carries the day his card shows.
    [coming] = [b for b in _answer_buttons(journey, "u-bo", originals["u-bo"]) if b["answer"] == "coming"]
    assert coming["day_date"] == "2026-09-29" and coming["day_start"] == "08:00"
    await journey.post(f.personal_submit(url, coming, user="u-bo", conversation="a:u-bo", reply_to=originals["u-bo"]))
    cannot = {"verb": "day.answer", "dialogue_id": dialogue.id, "answer": "cannot_come"}  # a card from before the rule: still an answer
    await journey.post(f.personal_submit(url, cannot, user="u-cecilie", conversation="a:u-cecilie", reply_to=originals["u-cecilie"]))
    assert await store.invitations.answers(dialogue.id) == {"u-bo": Answer.COMING, "u-cecilie": Answer.CANNOT_COME}

    # Only the room changes: Cecilie is not told, but the card she keeps shows the room as it is, her answer kept.
    before = {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER}
    await set_day(journey, {**DAY, "day_place": "Kantinen"})
    after = {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER}
    assert {k: after[k] - before[k] for k in after} == {"u-leader": 1, "u-bo": 1, "u-cecilie": 0, "u-dorte": 1, "u-erik": 1}
    cecilie = shown(journey, "a:u-cecilie", originals["u-cecilie"])
    assert "Kantinen" in cecilie and "Mødelokale 2" not in cecilie and "Du har svaret: Jeg kan ikke komme." in cecilie
    bo = shown(journey, "a:u-bo", originals["u-bo"])
    assert "Kantinen" in bo and "Du har svaret: Jeg kommer." in bo
    place_notice_id, _ = journey.cards_in("a:u-bo")[-1]  # the notice of the new room, made for 29 September
    [old_button] = _answer_buttons(journey, "u-bo", place_notice_id)  # he is coming: "I can't come after all"
    assert old_button["day_date"] == "2026-09-29" and old_button["answer"] == "cannot_come"

    # A new date: everyone is told as before, and every original card now shows the new date with
    # the answer cleared and buttons for the new date only.
    form_id = await set_day(journey, {**DAY, "day_date": "2026-10-06", "day_place": "Kantinen"})
    assert "5 inviterede får besked" in shown(journey, THREAD, form_id)
    assert {m["id"]: len(journey.cards_in(f"a:{m['id']}")) for m in ROSTER} == {k: v + 1 for k, v in after.items()}
    assert await store.invitations.answers(dialogue.id) == {}
    for user, activity_id in originals.items():
        text = shown(journey, f"a:{user}", activity_id)
        assert "tirsdag den 6. oktober 2026 kl. 8.00-11.00" in text and "29. september" not in text, user
        assert "Kommer du?" in text and "Kantinen" in text and "Dialog om trivsel" in text, user
        buttons = _answer_buttons(journey, user, activity_id)
        assert {b["answer"] for b in buttons} == {"coming", "cannot_come"}, user
        assert all(b["day_date"] == "2026-10-06" and b["day_start"] == "08:00" for b in buttons), user
        notice = card_text(journey.cards_in(f"a:{user}")[-1][1])
        assert "Ændring i udviklingsdialogen" in notice and "tirsdag den 6. oktober 2026" in notice, user
    updates = [r for r in journey.mock.requests if r.kind == "update" and 200 <= r.status < 300]
    assert {r.conversation_id for r in updates} >= {f"a:{u}" for u in originals}
    refreshed = [r for r in await store.reminders.pending_for(dialogue.id) if r.kind == INVITATION_REFRESH_KIND]
    assert refreshed == []  # all sent, none waits for tomorrow

    # Bo presses "I can't come after all" on the room notice, made for 29 September: not stored; he is told the
    # new day politely, and the pressed card becomes the invitation as it is now.
    await journey.post(f.personal_submit(url, old_button, user="u-bo", conversation="a:u-bo", reply_to=place_notice_id))
    assert await store.invitations.answers(dialogue.id) == {}
    reply = journey.texts_in("a:u-bo")[-1]
    assert "ikke gemt" in reply and "tirsdag den 6. oktober 2026 kl. 8.00-11.00" in reply
    pressed = shown(journey, "a:u-bo", place_notice_id)
    assert "tirsdag den 6. oktober 2026" in pressed and "Kommer du?" in pressed
    assert all(b["day_date"] == "2026-10-06" for b in _answer_buttons(journey, "u-bo", place_notice_id))
    assert [e.action for e in await store.audit.entries(actor="u-bo")].count("day.answered") == 1  # only his first answer

    # The same press on the refreshed original card is an answer to the new day.
    [new_coming] = [b for b in _answer_buttons(journey, "u-bo", originals["u-bo"]) if b["answer"] == "coming"]
    await journey.post(f.personal_submit(url, new_coming, user="u-bo", conversation="a:u-bo", reply_to=originals["u-bo"]))
    assert await store.invitations.answers(dialogue.id) == {"u-bo": Answer.COMING}
    assert "Du har svaret: Jeg kommer." in shown(journey, "a:u-bo", originals["u-bo"])

    # Only the start time moves: a button made for 8.00 is no answer to 10.00.
    await set_day(journey, {**DAY, "day_date": "2026-10-06", "day_start": "10:00", "day_place": "Kantinen"})
    assert await store.invitations.answers(dialogue.id) == {}
    assert "kl. 10.00-13.00" in shown(journey, "a:u-erik", originals["u-erik"])
    cards_before = len(journey.cards_in("a:u-bo"))
    await journey.post(f.personal_submit(url, new_coming, user="u-bo", conversation="a:u-bo", reply_to=None))
    assert await store.invitations.answers(dialogue.id) == {}
    assert any("ikke gemt" in text and "kl. 10.00-13.00" in text for text in journey.texts_in("a:u-bo")[-2:])
    # Without a pressed card to replace, the invitation as it is now comes as a new card.
    assert len(journey.cards_in("a:u-bo")) == cards_before + 1
    current = journey.cards_in("a:u-bo")[-1][1]
    assert "kl. 10.00-13.00" in card_text(current) and "Kommer du?" in card_text(current)


async def test_an_answer_on_the_notice_puts_the_notice_and_the_invitation_in_place(journey: Journey):
    url, store = journey.mock.url, journey.services.store
    ticks = itertools.count(0.0, 1.0)
    journey.mock._clock = lambda: next(ticks)
    dialogue = await start_round(journey)
    await set_day(journey, DAY)
    await store.selections.save(selection_of(dialogue.id, journey.clock.now()))
    await journey.post(f.channel_mention(url, "annoncér", user="u-leader", name="Lea Leder"))
    confirm_id, _ = journey.cards_in(THREAD)[-1]
    await journey.post(thread_submit(url, {"verb": "themes.announce", "dialogue_id": dialogue.id}, user="u-leader", name="Lea Leder",
                                     reply_to=confirm_id))
    original = invitation_of(journey, "u-bo")[0]
    [coming] = [b for b in _answer_buttons(journey, "u-bo", original) if b["answer"] == "coming"]
    await journey.post(f.personal_submit(url, coming, user="u-bo", conversation="a:u-bo", reply_to=original))

    # A new date clears his answer; the notice asks again, its buttons marked as the notice's.
    await set_day(journey, {**DAY, "day_date": "2026-10-06"})
    notice_id, notice = journey.cards_in("a:u-bo")[-1]
    assert "Ændring i udviklingsdialogen" in card_text(notice) and "Kommer du?" in shown(journey, "a:u-bo", original)
    buttons = _answer_buttons(journey, "u-bo", notice_id)
    assert {b["answer"] for b in buttons} == {"coming", "cannot_come"} and all(b["card"] == "notice" for b in buttons)
    assert all("card" not in b for b in _answer_buttons(journey, "u-bo", original))

    # He answers on the notice: the notice stays the notice with his answer, and his invitation shows it too.
    cards_before = len(journey.cards_in("a:u-bo"))
    [coming] = [b for b in buttons if b["answer"] == "coming"]
    await journey.post(f.personal_submit(url, coming, user="u-bo", conversation="a:u-bo", reply_to=notice_id))
    assert await store.invitations.answers(dialogue.id) == {"u-bo": Answer.COMING}
    assert len(journey.cards_in("a:u-bo")) == cards_before  # both in place, nothing new
    on_notice, on_invitation = shown(journey, "a:u-bo", notice_id), shown(journey, "a:u-bo", original)
    assert "Ændring i udviklingsdialogen" in on_notice and "Du har svaret: Jeg kommer." in on_notice
    assert "Du har svaret: Jeg kommer." in on_invitation and "tirsdag den 6. oktober 2026" in on_invitation
    for card_id in (notice_id, original):  # each offers only the change, for the day as it is
        [change] = _answer_buttons(journey, "u-bo", card_id)
        assert change["answer"] == "cannot_come" and change["day_date"] == "2026-10-06", card_id

    # Changing his mind on the notice again: one answer per press, both cards follow.
    [change] = _answer_buttons(journey, "u-bo", notice_id)
    await journey.post(f.personal_submit(url, change, user="u-bo", conversation="a:u-bo", reply_to=notice_id))
    assert await store.invitations.answers(dialogue.id) == {"u-bo": Answer.CANNOT_COME}
    for card_id in (notice_id, original):
        assert "Du har svaret: Jeg kan ikke komme." in shown(journey, "a:u-bo", card_id), card_id
    assert [e.action for e in await store.audit.entries(actor="u-bo")].count("day.answered") == 3
    # Another person's invitation is not touched by his answer.
    assert "Kommer du?" in shown(journey, "a:u-dorte", invitation_of(journey, "u-dorte")[0])
