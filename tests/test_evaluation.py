"""The short evaluation: the guide's two questions, who answers when, shown only aggregated."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from bot.process.evaluation import (
    ANSWER_MAX_CHARS,
    OPEN_DAYS,
    QUESTIONS,
    EvaluationAnswer,
    EvaluationInvalid,
    EvaluationRefused,
    attendees,
    check_may_evaluate,
    parse_evaluation,
    summarise,
)
from bot.process.grouping import form_groups, regroup
from bot.process.invitation import Answer, DialogueDay
from bot.process.overview import DEFAULT_MIN_GROUP_SIZE

DAY = DialogueDay(date(2026, 9, 17), time(8, 0), "Lokale 2")
CLOSE = datetime(2026, 9, 17, 8, 45, tzinfo=timezone.utc)  # 10:45 CEST


def test_the_guides_two_questions() -> None:
    assert [q.id for q in QUESTIONS] == ["good", "adjust"]
    assert QUESTIONS[0].text("da") == "Hvad har været særligt godt ved udviklingsdialogen?"
    assert QUESTIONS[1].text("da").startswith("Er der noget, vi skal have justeret")
    assert all(q.text("en") != q.text("da") for q in QUESTIONS)


def test_answers_are_optional_but_not_both_empty() -> None:
    assert parse_evaluation({"evaluation_good": " Trygt at tale i små grupper ", "evaluation_adjust": None}) == EvaluationAnswer(
        "Trygt at tale i små grupper", "")
    with pytest.raises(EvaluationInvalid) as refused:
        parse_evaluation({"evaluation_good": "", "evaluation_adjust": "\u202e"})
    assert [(e.field, e.code) for e in refused.value.errors] == [("evaluation_good", "required")]
    with pytest.raises(EvaluationInvalid) as refused:
        parse_evaluation({"evaluation_good": "x" * (ANSWER_MAX_CHARS + 1), "evaluation_adjust": ["x"]})
    assert [e.code for e in refused.value.errors] == ["too_long", "not_text"]


def test_those_who_took_part_answer_from_the_close_for_a_while() -> None:
    grouping = regroup(form_groups([f"u{i}" for i in range(9)], seed=1), absent=["u3"])
    present = attendees(grouping, {"u3": Answer.COMING})
    assert "u3" not in present and len(present) == 8
    check_may_evaluate("u1", attendees=present, day=DAY, now=CLOSE)
    with pytest.raises(EvaluationRefused, match="not_attendee"):
        check_may_evaluate("u3", attendees=present, day=DAY, now=CLOSE)
    with pytest.raises(EvaluationRefused, match="not_yet"):
        check_may_evaluate("u1", attendees=present, day=DAY, now=CLOSE - timedelta(seconds=1))
    check_may_evaluate("u1", attendees=present, day=DAY, now=CLOSE + timedelta(days=OPEN_DAYS) - timedelta(seconds=1))
    with pytest.raises(EvaluationRefused, match="closed"):
        check_may_evaluate("u1", attendees=present, day=DAY, now=CLOSE + timedelta(days=OPEN_DAYS))


def test_without_groups_in_the_bot_those_who_said_yes_took_part() -> None:
    assert attendees(None, {"a": Answer.COMING, "b": Answer.CANNOT_COME}) == {"a"}


def test_nothing_but_the_count_below_the_minimum() -> None:
    answers = {f"u{i}": EvaluationAnswer(f"godt {i}", "") for i in range(DEFAULT_MIN_GROUP_SIZE - 1)}
    hidden = summarise(answers)
    assert (hidden.respondents, hidden.shown, hidden.good, hidden.adjust) == (DEFAULT_MIN_GROUP_SIZE - 1, False, (), ())


def test_at_the_minimum_the_answers_show_without_names_in_text_order() -> None:
    answers = {"zoe": EvaluationAnswer("Åbenheden", "Mere tid"), "adam": EvaluationAnswer("Grupperne", ""),
               "bo": EvaluationAnswer("", "Kortere plenum"), "cy": EvaluationAnswer("Alle kom til orde", ""),
               "di": EvaluationAnswer("Grupperne", "")}
    shown = summarise(answers)
    assert shown.shown and shown.respondents == 5
    assert shown.good == ("Alle kom til orde", "Grupperne", "Grupperne", "Åbenheden")
    assert shown.adjust == ("Kortere plenum", "Mere tid")
    assert summarise(answers, min_count=6).shown is False
    with pytest.raises(ValueError):
        summarise(answers, min_count=0)
