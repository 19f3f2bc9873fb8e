"""Nominating: reading a submitted card into a nomination, who may nominate, and deadlines."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.concepts import load_concept
from bot.process.clock import COPENHAGEN
from bot.process.concept import Concept, Kind, Limits
from bot.process.nomination import (
    FieldError,
    NominationInvalid,
    NominationRefused,
    ThemeChoice,
    check_may_nominate,
    parse_nomination,
)
from bot.process.nomination import Round
from bot.process.plan import DeadlineRejected, default_deadline_date, end_of_local_day, parse_deadline

CONCEPT = load_concept("nyborg")
LIMITS = CONCEPT.limits
WELLBEING_THEME = CONCEPT.catalogue(Kind.WELLBEING).themes[0].id
LEADERSHIP_THEME = CONCEPT.catalogue(Kind.LEADERSHIP).themes[0].id
OWN = CONCEPT.catalogue(Kind.WELLBEING).own_proposal.id


def local(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def utc(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=timezone.utc)


def a_round(deadline: date = date(2026, 10, 2), *, closed_at: datetime | None = None) -> Round:
    return Round(
        id="r1", team_id="team-1", opened_by="u0", opened_at=local(2026, 9, 1, 10),
        deadline_at=end_of_local_day(deadline), contact_name="Kim", named_mode=False, closed_at=closed_at,
    )


def card(**overrides: object) -> dict[str, object]:
    """A complete, valid submission of the nomination card; ``None`` leaves a field out."""
    values: dict[str, object] = {
        "wellbeing_theme": WELLBEING_THEME,
        "wellbeing_why_me": "Jeg trives, når vi hjælper hinanden.",
        "wellbeing_core_task": "Borgerne mærker, når vi står sammen.",
        "leadership_theme": LEADERSHIP_THEME,
        "leadership_why_me": "Jeg vil vide, hvor vi er på vej hen.",
        "leadership_core_task": "Retning gør opgaven bedre.",
    }
    values.update(overrides)
    return {name: value for name, value in values.items() if value is not None}


def errors_of(values: dict[str, object], concept: Concept = CONCEPT) -> list[FieldError]:
    with pytest.raises(NominationInvalid) as invalid:
        parse_nomination(concept, values)
    return invalid.value.errors


def codes(errors: list[FieldError]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in errors]


# --- parse_nomination -----------------------------------------------------------------------


def test_a_complete_card_becomes_a_nomination_with_cleaned_texts() -> None:
    nomination = parse_nomination(CONCEPT, card(wellbeing_why_me="  Fordi\r\n\r\n\r\nvi kan.  "))
    assert nomination.wellbeing == ThemeChoice(
        Kind.WELLBEING, WELLBEING_THEME, None, "Fordi\n\nvi kan.", "Borgerne mærker, når vi står sammen."
    )
    assert nomination.choice(Kind.LEADERSHIP).theme_id == LEADERSHIP_THEME
    assert nomination.choice(Kind.LEADERSHIP).kind is Kind.LEADERSHIP


def test_own_proposal_keeps_its_title_on_one_line() -> None:
    nomination = parse_nomination(CONCEPT, card(wellbeing_theme=OWN, wellbeing_own_title=" Grøn\nomstilling "))
    assert (nomination.wellbeing.theme_id, nomination.wellbeing.own_title) == (OWN, "Grøn omstilling")


def test_own_proposal_needs_a_title() -> None:
    assert codes(errors_of(card(wellbeing_theme=OWN))) == [("wellbeing_own_title", "required")]
    assert codes(errors_of(card(leadership_theme=OWN, leadership_own_title="   "))) == [
        ("leadership_own_title", "required")
    ]


def test_own_proposal_title_has_its_own_limit() -> None:
    limit = LIMITS.own_title_max_chars
    assert parse_nomination(CONCEPT, card(wellbeing_theme=OWN, wellbeing_own_title="å" * limit)).wellbeing.own_title == "å" * limit
    (error,) = errors_of(card(wellbeing_theme=OWN, wellbeing_own_title="å" * (limit + 1)))
    assert error == FieldError("wellbeing_own_title", "too_long", limit)


def test_a_title_sent_with_a_catalogue_theme_is_ignored() -> None:
    # The card hides the title field unless "own" is chosen; a stale value must not be stored.
    nomination = parse_nomination(CONCEPT, card(wellbeing_own_title="Noget andet"))
    assert nomination.wellbeing.own_title is None


@pytest.mark.parametrize(
    "theme, code",
    [
        pytest.param(None, "required", id="missing"),
        pytest.param("", "required", id="empty"),
        pytest.param("no-such-theme", "unknown_choice", id="unknown"),
        pytest.param(LEADERSHIP_THEME, "unknown_choice", id="other-kinds-theme"),
        pytest.param(7, "unknown_choice", id="not-text"),
        pytest.param([WELLBEING_THEME], "unknown_choice", id="a-list"),
    ],
)
def test_theme_errors(theme: object, code: str) -> None:
    assert codes(errors_of(card(wellbeing_theme=theme))) == [("wellbeing_theme", code)]


@pytest.mark.parametrize("field", ["wellbeing_why_me", "wellbeing_core_task", "leadership_why_me", "leadership_core_task"])
@pytest.mark.parametrize(
    "value, code",
    [
        pytest.param(None, "required", id="missing"),
        pytest.param(" \n ", "required", id="blank"),
        pytest.param(42, "not_text", id="not-text"),
        pytest.param("x" * 501, "too_long", id="too-long"),
    ],
)
def test_reason_errors(field: str, value: object, code: str) -> None:
    (error,) = errors_of(card(**{field: value}))
    assert (error.field, error.code) == (field, code)
    assert error.limit == (LIMITS.reason_max_chars if code == "too_long" else None)


def test_a_reason_of_exactly_the_limit_is_accepted() -> None:
    reason = "ø" * LIMITS.reason_max_chars
    assert parse_nomination(CONCEPT, card(leadership_core_task=reason)).leadership.core_task == reason


def test_the_concept_sets_the_limits() -> None:
    strict = CONCEPT.model_copy(update={"limits": Limits(reason_max_chars=20)})
    short = {f"{kind}_{field}": "x" * 20 for kind in ("wellbeing", "leadership") for field in ("why_me", "core_task")}
    assert parse_nomination(strict, card(**short)).wellbeing.why_me == "x" * 20
    (error,) = errors_of(card(**{**short, "wellbeing_why_me": "x" * 21}), concept=strict)
    assert error == FieldError("wellbeing_why_me", "too_long", 20)


def test_every_error_is_reported_at_once() -> None:
    errors = errors_of({"wellbeing_theme": OWN, "leadership_theme": "nonsense", "leadership_why_me": "x" * 501})
    assert codes(errors) == [
        ("wellbeing_own_title", "required"),
        ("wellbeing_why_me", "required"),
        ("wellbeing_core_task", "required"),
        ("leadership_theme", "unknown_choice"),
        ("leadership_why_me", "too_long"),
        ("leadership_core_task", "required"),
    ]


def test_an_empty_card_names_every_required_field() -> None:
    with pytest.raises(NominationInvalid) as invalid:
        parse_nomination(CONCEPT, {})
    assert str(invalid.value) == ", ".join(
        f"{kind}_{field}:required" for kind in ("wellbeing", "leadership") for field in ("theme", "why_me", "core_task")
    )


# --- check_may_nominate ---------------------------------------------------------------------


def test_an_invited_employee_may_nominate_in_an_open_round() -> None:
    rnd = a_round()
    assert check_may_nominate(rnd, invited=True, now=local(2026, 9, 15)) is rnd


@pytest.mark.parametrize(
    "rnd, invited, code",
    [
        pytest.param(None, True, "unknown_round", id="unknown-round"),
        pytest.param(a_round(closed_at=local(2026, 9, 10)), True, "round_closed", id="closed-early"),
        pytest.param(a_round(closed_at=local(2026, 9, 10)), False, "round_closed", id="closed-before-not-invited"),
        pytest.param(a_round(), False, "not_invited", id="not-invited"),
    ],
)
def test_refusals(rnd: Round | None, invited: bool, code: str) -> None:
    with pytest.raises(NominationRefused) as refused:
        check_may_nominate(rnd, invited=invited, now=local(2026, 9, 15))
    assert refused.value.code == code


def test_the_deadline_is_the_first_moment_no_longer_allowed() -> None:
    rnd = a_round(date(2026, 10, 2))  # until midnight Copenhagen time: 22:00 UTC in summer time
    assert rnd.deadline_at == utc(2026, 10, 2, 22, 0)
    check_may_nominate(rnd, invited=True, now=rnd.deadline_at - timedelta(microseconds=1))
    with pytest.raises(NominationRefused) as refused:
        check_may_nominate(rnd, invited=True, now=rnd.deadline_at)
    assert refused.value.code == "round_closed"


# --- deadlines ------------------------------------------------------------------------------

NOW = local(2026, 9, 15, 10)  # Tuesday 15 September 2026, 10:00 in Copenhagen


def deadline_error(value: object, now: datetime = NOW, limits: Limits = LIMITS) -> DeadlineRejected:
    with pytest.raises(DeadlineRejected) as rejected:
        parse_deadline(value, now=now, limits=limits)
    return rejected.value


def test_today_is_allowed_and_runs_to_midnight() -> None:
    assert parse_deadline("2026-09-15", now=NOW, limits=LIMITS) == utc(2026, 9, 15, 22, 0)


def test_yesterday_is_refused() -> None:
    error = deadline_error("2026-09-14")
    assert (error.code, error.limit) == ("in_past", None)


def test_today_is_the_local_date() -> None:
    # 22:30 UTC on 14 September is already 00:30 on the 15th in Copenhagen.
    just_after_midnight = utc(2026, 9, 14, 22, 30)
    assert deadline_error("2026-09-14", now=just_after_midnight).code == "in_past"
    assert parse_deadline("2026-09-15", now=just_after_midnight, limits=LIMITS) == utc(2026, 9, 15, 22, 0)


def test_the_furthest_deadline_is_allowed_one_day_more_is_too_far() -> None:
    furthest = NOW.astimezone(COPENHAGEN).date() + timedelta(days=LIMITS.max_deadline_days)
    assert parse_deadline(furthest.isoformat(), now=NOW, limits=LIMITS) == end_of_local_day(furthest)
    error = deadline_error((furthest + timedelta(days=1)).isoformat())
    assert (error.code, error.limit) == ("too_far", LIMITS.max_deadline_days)


def test_too_far_names_the_concepts_limit() -> None:
    error = deadline_error("2026-10-16", limits=Limits(max_deadline_days=30))
    assert (error.code, error.limit) == ("too_far", 30)


@pytest.mark.parametrize(
    "value",
    ["15-10-2026", "2026-02-30", "2027-02-29", "næste fredag", 20261015, ["2026-10-15"], date(2026, 10, 15)],
)
def test_not_a_date(value: object) -> None:
    assert deadline_error(value).code == "not_a_date"


def test_a_date_with_a_time_part_counts_as_its_date() -> None:
    # Some clients send Input.Date values as a full timestamp.
    assert parse_deadline("2026-10-15T00:00:00Z", now=NOW, limits=LIMITS) == end_of_local_day(date(2026, 10, 15))


@pytest.mark.parametrize("empty", [None, ""])
def test_no_date_gives_the_default_deadline(empty: object) -> None:
    assert default_deadline_date(NOW, LIMITS) == date(2026, 9, 29)
    assert parse_deadline(empty, now=NOW, limits=LIMITS) == end_of_local_day(date(2026, 9, 29))


def test_the_default_is_counted_from_the_local_date() -> None:
    just_after_midnight = utc(2026, 9, 14, 22, 30)  # 15 September in Copenhagen
    assert default_deadline_date(just_after_midnight, LIMITS) == date(2026, 9, 29)
    assert default_deadline_date(just_after_midnight, Limits(default_deadline_days=1)) == date(2026, 9, 16)


@pytest.mark.parametrize(
    "day, end",
    [
        pytest.param(date(2026, 10, 31), utc(2026, 10, 31, 23, 0), id="31st-in-winter-time"),
        pytest.param(date(2026, 8, 31), utc(2026, 8, 31, 22, 0), id="31st-in-summer-time"),
        pytest.param(date(2026, 12, 31), utc(2026, 12, 31, 23, 0), id="new-years-eve"),
        pytest.param(date(2028, 2, 29), utc(2028, 2, 29, 23, 0), id="leap-day"),
        pytest.param(date(2026, 10, 24), utc(2026, 10, 24, 22, 0), id="day-before-fall-back"),
        pytest.param(date(2026, 10, 25), utc(2026, 10, 25, 23, 0), id="fall-back-day"),
        pytest.param(date(2027, 3, 27), utc(2027, 3, 27, 23, 0), id="day-before-spring-forward"),
        pytest.param(date(2027, 3, 28), utc(2027, 3, 28, 22, 0), id="spring-forward-day"),
    ],
)
def test_end_of_local_day_in_utc(day: date, end: datetime) -> None:
    deadline_at = end_of_local_day(day)
    assert deadline_at == end
    assert deadline_at.utcoffset() == timedelta(0)
    assert a_round(day).deadline_date == day


def test_the_days_of_the_clock_changes_are_25_and_23_hours_long() -> None:
    fall_back = end_of_local_day(date(2026, 10, 25)) - end_of_local_day(date(2026, 10, 24))
    spring_forward = end_of_local_day(date(2027, 3, 28)) - end_of_local_day(date(2027, 3, 27))
    assert (fall_back, spring_forward) == (timedelta(hours=25), timedelta(hours=23))


@pytest.mark.parametrize(
    "day, now",
    [
        pytest.param(date(2026, 10, 31), local(2026, 10, 1), id="31st"),
        pytest.param(date(2028, 2, 29), local(2028, 2, 1), id="leap-day"),
        pytest.param(date(2026, 10, 25), local(2026, 10, 1), id="fall-back-day"),
        pytest.param(date(2027, 3, 28), local(2027, 3, 1), id="spring-forward-day"),
    ],
)
def test_a_parsed_deadline_reads_back_as_the_date_chosen(day: date, now: datetime) -> None:
    deadline_at = parse_deadline(day.isoformat(), now=now, limits=LIMITS)
    assert replace(a_round(), deadline_at=deadline_at).deadline_date == day


def test_deadline_date_is_the_local_date_for_every_day_of_three_years() -> None:
    day = date(2026, 1, 1)
    while day < date(2029, 1, 1):
        assert a_round(day).deadline_date == day, day
        day += timedelta(days=1)


# --- a double click -------------------------------------------------------------------------


def test_an_identical_submission_is_a_double_click_and_any_difference_is_a_change() -> None:
    from bot.process.nomination import is_unchanged

    stored = parse_nomination(CONCEPT, card())
    assert is_unchanged(stored, parse_nomination(CONCEPT, card()))
    assert not is_unchanged(None, stored)  # the first submission always counts
    assert not is_unchanged(stored, parse_nomination(CONCEPT, card(leadership_core_task="Retning gør opgaven lettere.")))
    assert not is_unchanged(stored, parse_nomination(CONCEPT, card(wellbeing_theme=OWN, wellbeing_own_title="Grøn omstilling")))


# --- paper forms (Bilag 2): who may enter one, for whom ----------------------------------------

from bot.process.nomination import Invitee  # noqa: E402 - grouped with the tests that use them
from bot.process.paper_form import (  # noqa: E402
    PaperFormRefused,
    check_may_enter_paper_form,
    check_paper_colleague,
    may_enter_paper_forms,
    paper_form_candidates,
)


def contact_round(**changes: object) -> Round:
    return replace(a_round(), contact_user_id="u-kim", **changes)


@pytest.mark.parametrize(
    "sender, group, allowed",
    [
        pytest.param("u-kim", [], True, id="the-contact-person"),
        pytest.param("u-lea", ["u-lea"], True, id="planning-group-local-choice"),
        pytest.param("u-bo", ["u-lea"], False, id="an-employee"),
        pytest.param("u-bo", [], False, id="an-employee-no-group"),
    ],
)
def test_the_contact_person_and_the_planning_group_may_enter_paper_forms(sender: str, group: list[str], allowed: bool) -> None:
    assert may_enter_paper_forms(contact_round(), sender, group) is allowed
    if allowed:
        assert check_may_enter_paper_form(contact_round(), sender=sender, planning_group=group, now=local(2026, 9, 15)).id == "r1"
    else:
        with pytest.raises(PaperFormRefused) as refused:
            check_may_enter_paper_form(contact_round(), sender=sender, planning_group=group, now=local(2026, 9, 15))
        assert refused.value.code == "not_contact"


def test_a_round_without_a_contact_member_leaves_it_to_the_planning_group() -> None:
    assert not may_enter_paper_forms(a_round(), "u-kim", [])  # contact named in text only
    assert may_enter_paper_forms(a_round(), "u-lea", ["u-lea"])


@pytest.mark.parametrize(
    "rnd, sender, code",
    [
        pytest.param(None, "u-kim", "unknown_round", id="unknown-round"),
        pytest.param(contact_round(closed_at=local(2026, 9, 10)), "u-kim", "round_closed", id="closed-early"),
        pytest.param(contact_round(deadline_at=local(2026, 9, 14)), "u-kim", "round_closed", id="past-deadline"),
        pytest.param(contact_round(closed_at=local(2026, 9, 10)), "u-bo", "not_contact", id="employee-hears-who-may-first"),
    ],
)
def test_paper_form_refusals_for_the_round(rnd: Round | None, sender: str, code: str) -> None:
    with pytest.raises(PaperFormRefused) as refused:
        check_may_enter_paper_form(rnd, sender=sender, planning_group=[], now=local(2026, 9, 15))
    assert refused.value.code == code


BO = Invitee("r1", "u-bo", "Bo Bæk")


@pytest.mark.parametrize(
    "colleague, answered, entered_by, code",
    [
        pytest.param(BO, False, None, None, id="invited-not-answered"),
        pytest.param(BO, True, "u-kim", None, id="paper-form-to-correct"),
        pytest.param(BO, True, "u-lea", None, id="paper-form-by-someone-else-in-the-group"),
        pytest.param(None, False, None, "not_invited", id="not-invited"),
        pytest.param(BO, True, None, "answered_themselves", id="answered-themselves"),
        pytest.param(Invitee("r1", "u-kim", "Kim"), False, None, "own_form", id="own-form"),
    ],
)
def test_for_whom_a_paper_form_may_be_entered(colleague: Invitee | None, answered: bool, entered_by: str | None, code: str | None) -> None:
    if code is None:
        assert check_paper_colleague(colleague, sender="u-kim", answered=answered, entered_by=entered_by) is colleague
        return
    with pytest.raises(PaperFormRefused) as refused:
        check_paper_colleague(colleague, sender="u-kim", answered=answered, entered_by=entered_by)
    assert refused.value.code == code


def test_the_chooser_lists_colleagues_without_an_answer_and_paper_forms_to_correct_by_name() -> None:
    invitees = [Invitee("r1", u, n) for u, n in [("u-kim", "Kim"), ("u-ø", "Øjvind"), ("u-a", "anna"), ("u-b", "Bo"),
                                                 ("u-c", "Carl"), ("u-d", "")]]
    entries = {"u-b": None, "u-c": "u-kim", "u-kim": None}
    chosen = paper_form_candidates(invitees, entries, sender="u-kim")
    assert [i.user_id for i in chosen] == ["u-a", "u-c", "u-d", "u-ø"]  # Bo answered himself; Kim is the sender
