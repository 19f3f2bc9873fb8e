"""Everyday examples: reminder dates (the 31st, a leap day, DST, Easter, a weekend), obsolescence,
private notes and what the planning group sees."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN
from bot.process.everyday_example import (
    EVERYDAY_EXAMPLE_KIND,
    NOTE_MAX_CHARS,
    ExampleNotes,
    NotesInvalid,
    NotesRefused,
    check_may_prepare,
    example_obsolete_reason,
    parse_notes,
    plan_example_reminders,
    planned_for,
    readiness,
)
from bot.process.invitation import Answer, DialogueDay

WINDOW = WorkingWindow()


def local(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def plan(day: date, invited_at: datetime, people=("u1",), **kwargs):
    return plan_example_reminders(dialogue_id="d1", team_id="team-1", day=DialogueDay(day, time(8, 0), "Lokale 2"),
                                  invitation_sent_at=invited_at, recipients=people, window=WINDOW, **kwargs)


def when(plans) -> list[tuple[int, datetime]]:
    return [(p.sequence, p.due_at) for p in plans]


def test_seven_and_two_working_days_before_a_day_on_the_31st() -> None:
    plans = plan(date(2026, 8, 31), local(2026, 8, 3, 14))  # Monday 31 August
    assert when(plans) == [(1, local(2026, 8, 20)), (2, local(2026, 8, 27))]  # Thursdays, 09:00
    assert plans[0].due_at == datetime(2026, 8, 20, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST
    first = plans[0]
    assert (first.kind, first.team_id, first.round_id, first.recipient_id) == (EVERYDAY_EXAMPLE_KIND, "team-1", "d1", "u1")
    assert first.key == "everyday_example:d1:2026-08-31:u1:1" and planned_for(first.key) == date(2026, 8, 31)


def test_a_reminder_on_the_leap_day() -> None:
    plans = plan(date(2028, 3, 2), local(2028, 2, 1, 10))  # Thursday 2 March 2028
    assert when(plans) == [(1, local(2028, 2, 22)), (2, local(2028, 2, 29))]


def test_the_first_in_summer_time_the_last_in_winter_time() -> None:
    plans = plan(date(2026, 10, 29), local(2026, 10, 1, 10))  # clocks went back on Sunday 25 October
    assert when(plans) == [(1, local(2026, 10, 20)), (2, local(2026, 10, 27))]
    assert [p.due_at.hour for p in plans] == [7, 8]  # 09:00 CEST, then 09:00 CET


def test_easter_is_skipped() -> None:
    # Wednesday 31 March 2027: 2. påskedag, Påskedag, Langfredag and Skærtorsdag are not counted.
    assert when(plan(date(2027, 3, 31), local(2027, 3, 1, 10))) == [(1, local(2027, 3, 17)), (2, local(2027, 3, 24))]


def test_a_day_on_monday_is_reminded_before_the_weekend() -> None:
    assert when(plan(date(2026, 9, 14), local(2026, 8, 24, 10))) == [(1, local(2026, 9, 3)), (2, local(2026, 9, 10))]


def test_never_before_the_invitation_nor_on_its_day() -> None:
    day = date(2026, 9, 14)
    assert when(plan(day, local(2026, 9, 7, 10))) == [(2, local(2026, 9, 10))]  # a week before: the first had passed
    assert when(plan(day, local(2026, 9, 10, 7, 30))) == []  # invited the morning of the last reminder
    assert when(plan(day, local(2026, 9, 11, 10))) == []


def test_never_on_or_after_the_day_and_at_most_one_a_day() -> None:
    day = date(2026, 9, 14)
    assert when(plan(day, local(2026, 8, 3), days_before=(0,))) == []  # the day itself: never
    assert when(plan(day, local(2026, 8, 3), days_before=(2, 2))) == [(2, local(2026, 9, 10))]
    with pytest.raises(ValueError):
        plan(day, local(2026, 8, 3), days_before=(10, 7, 2))
    with pytest.raises(ValueError):
        plan(day, local(2026, 8, 3), days_before=(-1,))


def test_a_day_set_on_a_saturday_still_counts_working_days() -> None:
    assert when(plan(date(2026, 9, 19), local(2026, 8, 3))) == [(1, local(2026, 9, 10)), (2, local(2026, 9, 17))]


def test_each_person_once_and_keys_unique() -> None:
    plans = plan(date(2026, 9, 14), local(2026, 8, 3), people=[f"u{i}" for i in range(40)] + ["u3"])
    assert len(plans) == 80 and len({p.key for p in plans}) == 80


def test_obsolete_when_ready_cannot_come_moved_or_begun() -> None:
    day = DialogueDay(date(2026, 9, 14), time(8, 0), "Lokale 2")
    before = local(2026, 9, 10)
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=False, answer=None) is None
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=False, answer=Answer.COMING) is None
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=True, answer=None) == "ready"
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=False, answer=Answer.CANNOT_COME) == "cannot_come"
    assert example_obsolete_reason(day, planned_for=date(2026, 9, 7), now=before, ready=False, answer=None) == "day_moved"
    assert example_obsolete_reason(day, planned_for=day.date, now=day.starts_at, ready=False, answer=None) == "day_started"
    assert example_obsolete_reason(None, planned_for=day.date, now=before, ready=False, answer=None) == "day_missing"


def test_a_moved_day_plans_new_keys_so_the_old_rows_do_not_block_them() -> None:
    old = {p.key for p in plan(date(2026, 9, 14), local(2026, 8, 3))}
    new = {p.key for p in plan(date(2026, 9, 21), local(2026, 8, 3))}
    assert not old & new


def test_notes_are_optional_cleaned_and_limited() -> None:
    notes = parse_notes({"wellbeing_note": " Da vi fik ny kollega … 😊 \n\n\n\nDet virkede ", "leadership_note": None})
    assert notes == ExampleNotes("Da vi fik ny kollega … 😊\n\nDet virkede", "")
    assert parse_notes({}) == ExampleNotes()
    with pytest.raises(NotesInvalid) as refused:
        parse_notes({"wellbeing_note": "x" * (NOTE_MAX_CHARS + 1), "leadership_note": 7})
    assert [(e.field, e.code) for e in refused.value.errors] == [("wellbeing_note", "too_long"), ("leadership_note", "not_text")]


def test_who_may_prepare() -> None:
    check_may_prepare(invited=True, announced=True)
    with pytest.raises(NotesRefused, match="not_invited"):
        check_may_prepare(invited=False, announced=True)
    with pytest.raises(NotesRefused, match="no_themes"):
        check_may_prepare(invited=True, announced=False)


def test_the_planning_group_sees_counts_of_the_invited_only() -> None:
    seen = readiness(["a", "b", "c", "d"], ["a", "b", "gone"], {"a": Answer.COMING, "c": Answer.CANNOT_COME, "gone": Answer.COMING})
    assert (seen.invited, seen.ready, seen.coming, seen.cannot_come) == (4, 2, 1, 1)


# -- showing notes back, retention, and the step's cards --------------------------------------
def test_notes_come_back_from_the_days_own_date_and_go_a_month_after_it() -> None:
    from bot.process.everyday_example import notes_expired, shows_notes_back

    day = DialogueDay(date(2026, 9, 14), time(8, 0), "Lokale 2")
    assert not shows_notes_back(day, local(2026, 9, 13, 23, 59)) and not shows_notes_back(None, local(2026, 9, 14))
    assert shows_notes_back(day, local(2026, 9, 14, 0, 1)) and shows_notes_back(day, local(2026, 9, 20))
    assert not notes_expired(day.date, 2026, now=local(2026, 10, 14, 23))
    assert notes_expired(day.date, 2026, now=local(2026, 10, 15, 0, 30))
    assert not notes_expired(None, 2026, now=local(2026, 12, 31)) and notes_expired(None, 2026, now=local(2027, 1, 1))


EVIL = "**fed** [link](http://x) <at>Alex</at> ${expr}"
MARKERS = ("**fed**", "[link](http://x)", "<at>Alex</at>", "${expr}")


def _step_cards(lang: str) -> dict[str, dict]:
    from bot.cards.everyday_example import (
        example_reminder_card,
        notes_card,
        notes_delete_confirm_card,
        preparation_card,
        readiness_card,
    )
    from bot.cards.my_data import my_data_card
    from bot.concepts import load_concept
    from bot.process.concept import Kind
    from bot.process.everyday_example import Preparation, Readiness
    from bot.process.my_data import PersonalData, StoredExampleNotes
    from bot.process.nomination import FieldError
    from bot.process.selection import ChosenTheme, SelectionInput

    concept = load_concept("nyborg")
    themes = SelectionInput(ChosenTheme(Kind.WELLBEING, "social-support-trust", None, "Fordi"),
                            ChosenTheme(Kind.LEADERSHIP, "own", f"Mødekultur {EVIL}", "Fordi"))
    day = DialogueDay(date(2026, 9, 14), time(8, 0), "Lokale 2")
    notes = ExampleNotes(f"Da vi fik ny kollega {EVIL}\n\nDet virkede", "")
    ready = Preparation(notes, ready_at=local(2026, 9, 1), updated_at=local(2026, 9, 1))
    huge = ExampleNotes("æ😀" * (NOTE_MAX_CHARS // 2), "ø" * NOTE_MAX_CHARS)
    stored = StoredExampleNotes("d1", f"Hjemmeplejen {EVIL}", notes.wellbeing, "Ledelse", local(2026, 9, 1), local(2026, 9, 1))
    return {
        "preparation": preparation_card(lang, concept, dialogue_id="d1", themes=themes, preparation=Preparation(notes), day=day,
                                        workplace_name=f"Hjemmeplejen {EVIL}", saved="saved"),
        "preparation_ready": preparation_card(lang, concept, dialogue_id="d1", themes=themes, preparation=ready),
        "preparation_huge": preparation_card(lang, concept, dialogue_id="d1", themes=themes, preparation=Preparation(huge), day=day),
        "preparation_refused": preparation_card(lang, concept, dialogue_id="d1", themes=themes, preparation=Preparation(),
                                                values={"wellbeing_note": "x" * 2100}, errors=[FieldError("wellbeing_note", "too_long", 2000)]),
        "notes_today": notes_card(lang, concept, themes=themes, notes=notes, day=day),
        "notes_later": notes_card(lang, concept, themes=themes, notes=huge, day=day, today=False, workplace_name="Nord"),
        "reminder": example_reminder_card(lang, concept, dialogue_id="d1", themes=themes, day=day, workplace_name="Nord"),
        "readiness": readiness_card(lang, Readiness(invited=12, ready=5, coming=9, cannot_come=2), workplace_name="Nord",
                                    concept=concept, day=day),
        "delete": notes_delete_confirm_card(lang, dialogue_id="d1", workplace=f"Nord {EVIL}"),
        "my_data": my_data_card(lang, concept, PersonalData(None, example_notes=(stored,))),
    }


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_steps_cards_are_valid_in_both_languages_and_show_typed_text_inert(lang: str) -> None:
    import json

    from cards_validation import assert_valid_card, walk
    from bot.cards.elements import message_with_card

    for name, card in _step_cards(lang).items():
        assert_valid_card(message_with_card(card, summary="x", lang=lang))
        parents = {path: node for path, node in walk(card) if isinstance(node, dict)}
        for path, value in walk(card):
            if isinstance(value, str) and any(m in value for m in MARKERS):
                parent = parents[path[:-1]]
                inert = (parent.get("type") == "TextRun" and path[-1] == "text") or (
                    str(parent.get("type", "")).startswith("Input.") and path[-1] == "value") or (
                    parent.get("type") == "Action.Submit" and path[-1] == "title")  # a button's title is plain text
                assert inert, f"{name}: user text at {path}"
        assert "2026-09-14" not in json.dumps(card, ensure_ascii=False), name  # no ISO date a person reads
    cards = _step_cards(lang)
    prep = json.dumps(cards["preparation"], ensure_ascii=False)
    assert "example.save" in prep and '"ready": true' in prep and "wellbeing_note" in prep and "leadership_note" in prep
    assert ('"ready": false' in json.dumps(cards["preparation_ready"])) and "example.show" in json.dumps(cards["reminder"])
    assert "Action.Submit" not in json.dumps(cards["notes_today"])  # read-only
    assert "example.delete" in json.dumps(cards["my_data"])
    readiness_text = json.dumps(cards["readiness"], ensure_ascii=False)
    assert "12" in readiness_text and "5" in readiness_text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_status_card_carries_the_counts_in_one_line_and_the_way_to_them(lang: str) -> None:
    import json

    from cards_validation import assert_valid_card
    from test_cards import sample_status
    from bot.cards.elements import message_with_card
    from bot.cards.status import status_card
    from bot.process.everyday_example import Readiness

    with_counts = status_card(lang, sample_status(), preparation=Readiness(invited=12, ready=5, coming=9, cannot_come=2))
    assert_valid_card(message_with_card(with_counts, summary="x", lang=lang))
    shown = json.dumps(with_counts, ensure_ascii=False)
    assert ("5 af 12 klar med eksempler" if lang == "da" else "5 of 12 ready with examples") in shown and "preparation.show" in shown
    before = json.dumps(status_card(lang, sample_status(), preparation=Readiness(0, 0, 0, 0)))
    assert "preparation.show" not in before
