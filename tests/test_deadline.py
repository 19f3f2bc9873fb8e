"""The rules for moving or closing a round's deadline, and what the deadline plans (bot/process/deadline.py).

Pure: plain data and an explicit ``now``. The same behaviour through the real app is in
tests/test_deadline_journey.py, and against the Agents Playground in
tests/e2e/test_playground_deadline.py.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN
from bot.process.concept import Limits
from bot.process.deadline import (
    CARD_CLOSED_KIND, CLOSING_KIND, EXTENDED_KIND, FINAL_TALLY_KIND, UNLIMITED_KINDS, DeadlineRefused, announcement_obsolete_reason,
    check_close, check_extension, closing_key, closing_obsolete_reason, default_extension, latest_deadline, plan_after_closing,
    plan_announcements, plan_closing,
)
from bot.process.nomination import NOMINATION_KIND, Round, plan_nomination_reminders
from bot.process.plan import end_of_local_day

WINDOW = WorkingWindow()
LIMITS = Limits()  # at most 90 days from the opening


def local(y, m, d, hh=9, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def a_round(deadline: date, opened: date = date(2026, 9, 1), **changes) -> Round:
    return Round(id="r1", team_id="team-1", opened_by="u0", opened_at=local(opened.year, opened.month, opened.day, 10),
                 deadline_at=end_of_local_day(deadline), contact_name="Kim", named_mode=False, **changes)


# -- extending ---------------------------------------------------------------------------------
def test_an_open_round_moves_to_the_end_of_a_later_day():
    rnd = a_round(date(2026, 10, 2))
    assert check_extension(rnd, "2026-10-09", now=local(2026, 9, 20), limits=LIMITS) == end_of_local_day(date(2026, 10, 9))


@pytest.mark.parametrize(("value", "code"), [
    ("2026-10-02", "not_later"),  # the same day
    ("2026-09-30", "not_later"),  # earlier
    ("2026-11-31", "not_a_date"),  # November has 30 days
    ("", "not_a_date"),
    (None, "not_a_date"),
    (20261009, "not_a_date"),
    ("2026-12-01", "too_far"),  # 91 days after the opening on 1 September
])
def test_a_new_deadline_must_be_a_later_date_within_the_limit(value, code):
    with pytest.raises(DeadlineRefused) as refused:
        check_extension(a_round(date(2026, 10, 2)), value, now=local(2026, 9, 20), limits=LIMITS)
    assert refused.value.code == code


def test_the_limit_counts_from_the_opening_day_so_extensions_cannot_go_on_for_ever():
    rnd = a_round(date(2026, 10, 2))
    assert latest_deadline(rnd, LIMITS) == date(2026, 11, 30)
    assert check_extension(rnd, "2026-11-30", now=local(2026, 9, 20), limits=LIMITS) == end_of_local_day(date(2026, 11, 30))
    again = replace(rnd, deadline_at=end_of_local_day(date(2026, 11, 30)))
    with pytest.raises(DeadlineRefused, match="too_far"):
        check_extension(again, "2026-12-01", now=local(2026, 11, 1), limits=LIMITS)


def test_a_closed_or_ended_round_cannot_be_extended_or_closed():
    rnd = a_round(date(2026, 10, 2))
    for late in (rnd.deadline_at, rnd.deadline_at + timedelta(days=1)):
        with pytest.raises(DeadlineRefused, match="round_closed"):
            check_extension(rnd, "2026-10-09", now=late, limits=LIMITS)
        with pytest.raises(DeadlineRefused, match="round_closed"):
            check_close(rnd, now=late)
    closed = replace(rnd, closed_at=local(2026, 9, 20))
    with pytest.raises(DeadlineRefused, match="round_closed"):
        check_extension(closed, "2026-10-09", now=local(2026, 9, 21), limits=LIMITS)
    with pytest.raises(DeadlineRefused, match="unknown_round"):
        check_close(None, now=local(2026, 9, 21))
    assert check_close(rnd, now=local(2026, 10, 2, 23, 59)) is rnd  # the last minute still counts


def test_on_the_31st_across_dst_the_deadline_ends_at_local_midnight():
    # 31 October 2026: the Saturday after summer time ended (25 October), so midnight is 23:00 UTC.
    rnd = a_round(date(2026, 10, 23))
    moved = check_extension(rnd, "2026-10-31", now=local(2026, 10, 20), limits=LIMITS)
    assert moved == datetime(2026, 10, 31, 23, 0, tzinfo=timezone.utc)
    assert replace(rnd, deadline_at=moved).deadline_date == date(2026, 10, 31)
    # From 31 August, across the end of September (30 days): a week later is 7 September.
    assert default_extension(a_round(date(2026, 8, 31), opened=date(2026, 8, 1)), LIMITS) == date(2026, 9, 7)


def test_the_proposed_date_is_a_week_later_but_never_past_the_limit():
    assert default_extension(a_round(date(2026, 10, 2)), LIMITS) == date(2026, 10, 9)
    assert default_extension(a_round(date(2026, 11, 27)), LIMITS) == date(2026, 11, 30)


def test_reminders_for_a_deadline_moved_past_christmas_skip_holidays_and_the_weekend():
    # Opened 1 December, extended on Friday 18 December to Monday 28 December 2026: 24-27
    # December are days off (juleaftensdag by default, the two Christmas days, a Sunday), so
    # the last call is on Wednesday 23 December and the early one on Friday 18 would share the
    # announcement's day: it is skipped.
    rnd = a_round(date(2026, 12, 18), opened=date(2026, 12, 1))
    moved = replace(rnd, deadline_at=check_extension(rnd, "2026-12-28", now=local(2026, 12, 18, 10), limits=LIMITS))
    plans = plan_nomination_reminders(moved, ["u1"], WINDOW, since=local(2026, 12, 18, 10))
    assert [(p.sequence, p.due_at) for p in plans] == [(2, local(2026, 12, 23))]
    assert plans[0].due_at == datetime(2026, 12, 23, 8, 0, tzinfo=timezone.utc)  # 09:00 CET


def test_an_extension_on_a_weekend_plans_from_the_next_working_day():
    rnd = a_round(date(2026, 10, 5))
    saturday = local(2026, 10, 3, 11)
    moved = replace(rnd, deadline_at=check_extension(rnd, "2026-10-16", now=saturday, limits=LIMITS))
    plans = plan_nomination_reminders(moved, ["u1"], WINDOW, since=saturday)
    assert [(p.sequence, p.due_at) for p in plans] == [(1, local(2026, 10, 9)), (2, local(2026, 10, 15))]


# -- announcements -----------------------------------------------------------------------------
def test_announcements_are_keyed_by_the_new_deadline_and_dropped_when_superseded_or_answered():
    moved = replace(a_round(date(2026, 10, 2)), deadline_at=end_of_local_day(date(2026, 10, 9)))
    now = local(2026, 9, 28, 10)
    plans = plan_announcements(moved, ["u1", "u2", "u1"], now)
    assert [(p.key, p.kind, p.due_at) for p in plans] == [
        ("extended:r1:u1:2026-10-09", EXTENDED_KIND, now), ("extended:r1:u2:2026-10-09", EXTENDED_KIND, now),
    ]
    key = plans[0].key
    assert plans[0].sequence == date(2026, 10, 9).toordinal()  # a later extension supersedes an earlier one
    assert announcement_obsolete_reason(moved, key=key, now=now, has_nominated=False) is None
    assert announcement_obsolete_reason(moved, key=key, now=now, has_nominated=True) == "nominated"
    later = replace(moved, deadline_at=end_of_local_day(date(2026, 10, 16)))
    assert announcement_obsolete_reason(later, key=key, now=now, has_nominated=False) == "deadline_moved"
    assert announcement_obsolete_reason(moved, key=key, now=moved.deadline_at, has_nominated=False) == "round_closed"
    assert announcement_obsolete_reason(None, key=key, now=now, has_nominated=False) == "round_missing"


# -- the closing -------------------------------------------------------------------------------
def test_one_closing_is_wanted_per_round_as_it_stands():
    rnd = a_round(date(2026, 10, 2))
    at_deadline = plan_closing(rnd)
    assert (at_deadline.key, at_deadline.kind, at_deadline.due_at) == ("closing:r1:2026-10-02", CLOSING_KIND, rnd.deadline_at)
    # Not before the deadline, then once.
    assert closing_obsolete_reason(rnd, key=at_deadline.key, now=rnd.deadline_at - timedelta(seconds=1)) == "round_open"
    assert closing_obsolete_reason(rnd, key=at_deadline.key, now=rnd.deadline_at) is None
    # Extended: the old closing is no longer wanted, the new one is.
    moved = replace(rnd, deadline_at=end_of_local_day(date(2026, 10, 9)))
    assert closing_obsolete_reason(moved, key=at_deadline.key, now=moved.deadline_at) == "deadline_moved"
    assert closing_obsolete_reason(moved, key=closing_key(moved), now=moved.deadline_at) is None
    # Closed early: due at once, and only the early closing is sent.
    closed = replace(moved, closed_at=local(2026, 9, 25, 11))
    early = plan_closing(closed)
    assert (early.key, early.due_at) == ("closing:r1:closed", closed.closed_at)
    assert closing_obsolete_reason(closed, key=early.key, now=closed.closed_at) is None
    assert closing_obsolete_reason(closed, key=closing_key(moved), now=moved.deadline_at) == "deadline_moved"
    assert closing_obsolete_reason(None, key=early.key, now=closed.closed_at) == "round_missing"


def test_the_closing_plans_the_final_tally_and_a_closed_card_once_each():
    rnd = a_round(date(2026, 10, 2))
    now = local(2026, 10, 5)
    plans = plan_after_closing(rnd, planning_group=["lea", "kim", "lea"], cards=["bo", "lea"], now=now)
    assert [(p.key, p.kind) for p in plans] == [
        ("final-tally:r1:lea", FINAL_TALLY_KIND), ("final-tally:r1:kim", FINAL_TALLY_KIND),
        ("card-closed:r1:bo", CARD_CLOSED_KIND), ("card-closed:r1:lea", CARD_CLOSED_KIND),
    ]
    assert {p.due_at for p in plans} == {now}


def test_only_reminders_are_held_to_one_a_person_a_day():
    assert NOMINATION_KIND not in UNLIMITED_KINDS
    assert {EXTENDED_KIND, CLOSING_KIND, FINAL_TALLY_KIND, CARD_CLOSED_KIND} <= UNLIMITED_KINDS


# -- the cards (bot/cards/deadline.py) -----------------------------------------------------------
EVIL = "**fed** [link](https://evil.example) <at>x</at> ${$root} 💪 æøå"


def deadline_cards(lang: str, concept) -> dict[str, dict]:  # noqa: ANN001
    from bot.cards.deadline import (
        announcement_card, close_confirm_card, closed_early_card, extend_card, extended_card, form_closed_card,
    )
    from bot.cards.plan import round_closed_card

    d, later, latest = date(2026, 10, 2), date(2026, 10, 9), date(2026, 11, 30)
    return {
        "extend": extend_card(lang, round_id="r1", deadline=d, proposed=later, latest=latest),
        "extend_error": extend_card(lang, round_id="r1", deadline=d, proposed=later, latest=latest, error="not_later"),
        "extended": extended_card(lang, deadline=later, announced=1),
        "close_confirm": close_confirm_card(lang, round_id="r1", deadline=d, responded=3, invited=12),
        "closed_early": closed_early_card(lang, closed_on=date(2026, 9, 30)),
        "announcement": announcement_card(lang, concept, round_id="r1", deadline=later, workplace_name=f"Hjemmeplejen {EVIL}"),
        "form_closed": form_closed_card(lang, concept, deadline=d, closed_early_on=None, contact_name=f"Anna {EVIL}",
                                        workplace_name=f"Hjemmeplejen {EVIL}"),
        "form_closed_early": form_closed_card(lang, concept, deadline=d, closed_early_on=date(2026, 9, 30), contact_name="Anna"),
        "round_closed_early": round_closed_card(lang, concept, deadline=d, responded=3, invited=12, closed_early_on=date(2026, 9, 30)),
    }


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("concept_name", ["nyborg", "dtu"])
def test_the_deadline_cards_are_valid_small_and_route_back(lang, concept_name):
    from bot.concepts import load_concept
    from bot.dialogs.router import REGISTRY
    from cards_validation import assert_valid_card, walk

    concept = load_concept(concept_name)
    for name, card in deadline_cards(lang, concept).items():
        assert_valid_card(card)
        for path, value in walk(card):
            if isinstance(value, dict) and value.get("type") == "Action.Submit":
                REGISTRY.parse(value["data"], concept)  # every button sends what its model accepts
            if isinstance(value, str) and "evil.example" in value:
                assert path[-1] == "text" and path[-3] == "inlines", (name, path)  # user text only in TextRuns
            if isinstance(value, str):
                assert "2026-10-09" not in value or path[-1] in ("value", "min", "max"), (name, path)  # no ISO date people read


def test_the_extend_card_offers_only_later_dates_within_the_limit():
    from bot.cards.deadline import extend_card

    card = extend_card("da", round_id="r1", deadline=date(2026, 10, 2), proposed=date(2026, 10, 9), latest=date(2026, 11, 30))
    [field] = [b for b in card["body"] if b.get("type") == "Input.Date"]
    assert (field["value"], field["min"], field["max"]) == ("2026-10-09", "2026-10-03", "2026-11-30")
    assert "fredag den 2. oktober 2026" in str(card)
