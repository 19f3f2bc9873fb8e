"""The day as an iCalendar file (bot/process/calendar_file.py): RFC 5545's line endings, folding and
escaping, UTC times on the autumn night too, and a link token that cannot be guessed."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

from bot.process.calendar_file import calendar_token, day_calendar, escape_text, fold, token_matches
from bot.process.invitation import DialogueDay

NOW = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def parse_ics(text: str) -> dict[str, str]:
    """The VEVENT's properties (unfolded, unescaped), checking the file's shape on the way."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    for line in lines:
        assert len(line.encode("utf-8")) <= 75, line
    unfolded: list[str] = []
    for line in lines:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in unfolded and any(p.startswith("PRODID:") for p in unfolded)
    start, end = unfolded.index("BEGIN:VEVENT"), unfolded.index("END:VEVENT")
    event = {}
    for line in unfolded[start + 1:end]:
        name, _, value = line.partition(":")
        event[name] = value if name == "URL" else unescape(value)
    for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        assert required in event, required
    return event


def test_the_day_is_one_event_in_utc_with_place_and_link() -> None:
    day = DialogueDay(date(2026, 9, 15), time(8, 0), "Mødelokale 2; stuen, Rådhuset", "https://teams.microsoft.com/l/meetup-join/abc")
    event = parse_ics(day_calendar(dialogue_id="d1", day=day, summary="Udviklingsdialog", description="1. Velkommen\n2. Dialog", now=NOW))
    assert event["UID"] == "d1@talsammen"
    assert event["DTSTAMP"] == "20260901T080000Z"
    assert (event["DTSTART"], event["DTEND"]) == ("20260915T060000Z", "20260915T090000Z")  # 08:00-11:00 summer time
    assert event["LOCATION"] == "Mødelokale 2; stuen, Rådhuset"
    assert event["URL"] == "https://teams.microsoft.com/l/meetup-join/abc"
    assert event["DESCRIPTION"] == "1. Velkommen\n2. Dialog"


def test_the_autumn_night_and_winter_time() -> None:
    # 25 October 2026: summer time ends at 03:00; a day starting 01:30 ends 04:30 on the wall clock.
    night = DialogueDay(date(2026, 10, 25), time(1, 30), "Vagtstuen")
    event = parse_ics(day_calendar(dialogue_id="d1", day=night, summary="x", description="", now=NOW))
    assert (event["DTSTART"], event["DTEND"]) == ("20261024T233000Z", "20261025T033000Z")
    winter = DialogueDay(date(2026, 11, 3), time(8, 0), None, "https://example.org/m")
    event = parse_ics(day_calendar(dialogue_id="d1", day=winter, summary="x", description="", now=NOW))
    assert event["DTSTART"] == "20261103T070000Z" and event["LOCATION"] == "https://example.org/m"


def test_text_is_escaped_and_long_lines_fold_without_splitting_letters() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    line = "LOCATION:" + "æøå" * 60
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    long = DialogueDay(date(2026, 9, 15), time(8, 0), "Å" * 190)
    assert parse_ics(day_calendar(dialogue_id="d1", day=long, summary="x", description="", now=NOW))["LOCATION"] == "Å" * 190


def test_the_token_belongs_to_one_dialogue_and_one_key() -> None:
    token = calendar_token(b"k1", "d1")
    assert len(token) == 32 and token_matches(b"k1", "d1", token)
    assert not token_matches(b"k1", "d2", token) and not token_matches(b"k2", "d1", token)
    assert not token_matches(b"k1", "d1", token[:-1] + ("0" if token[-1] != "0" else "1"))
