"""No ISO date (2026-12-15) anywhere a person reads: every card in both languages, every text
template filled with a date, and no ``.isoformat()`` on the way to a person in the dialogs or
the scheduler. Dates people read are Babel's ("tirsdag den 15. december 2026").

Only an Input.Date's ``value``/``min``/``max`` (the client's own format, shown to nobody as
text) and the hidden data a button sends back may hold one.
"""
from __future__ import annotations

import re
import string
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from bot import texts
from bot.concepts import load_concept
from bot.texts import t
from test_cards import LANGS, all_cards

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DAY = date(2026, 12, 15)
BOT = Path(texts.__file__).resolve().parent.parent


def read_by_people(node: object, where: str = "") -> list[tuple[str, str]]:
    """Every string in a card a person can read, with where it is."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if node.get("type") == "Input.Date" and key in ("value", "min", "max"):
                continue  # the date picker's own value, in the format Adaptive Cards require
            if key == "data" and str(node.get("type", "")).startswith("Action."):
                continue  # what the button sends back to the bot, not shown
            found += read_by_people(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += read_by_people(item, f"{where}[{i}]")
    elif isinstance(node, str):
        found.append((where, node))
    return found


@pytest.mark.parametrize("concept_id", ["nyborg", "dtu"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_card_shows_an_iso_date(lang: str, concept_id: str) -> None:
    for name, card in all_cards(lang, load_concept(concept_id)).items():
        iso = [(where, text) for where, text in read_by_people(card) if ISO_DATE.search(text)]
        assert not iso, f"{name} ({lang}) shows an ISO date: {iso[:3]}"


def test_the_check_itself_finds_one() -> None:
    card = {"type": "AdaptiveCard", "body": [
        {"type": "TextBlock", "text": "frist 2026-12-15"},
        {"type": "Input.Date", "id": "d", "value": "2026-12-15", "min": "2026-12-01", "max": "2027-03-01"},
    ], "actions": [{"type": "Action.Submit", "title": "Start", "data": {"deadline": "2026-12-15"}}]}
    assert [where for where, text in read_by_people(card) if ISO_DATE.search(text)] == [".body[0].text"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", sorted(texts.TEXTS))
def test_every_template_filled_with_a_date_reads_as_people_write(key: str, lang: str) -> None:
    """Each placeholder gets the date itself: ``t`` writes it as Babel does, whatever its name."""
    # The role placeholders hold the concept's word for a role, never a date (texts.ROLE_PLACEHOLDERS).
    names = {name for template in texts.TEXTS[key] for _, name, _, _ in string.Formatter().parse(template)
             if name and name not in texts.ROLE_PLACEHOLDERS}
    filled = t(lang, key, **{name: DAY for name in names})
    assert not ISO_DATE.search(filled), filled
    if names:
        assert texts.format_date(lang, DAY) in filled


def test_a_moment_is_the_day_in_copenhagen() -> None:
    late = datetime(2026, 12, 14, 23, 30, tzinfo=timezone.utc)  # already the 15th in Copenhagen
    assert t("da", "status.deadline") == "Frist"
    assert t("da", "plan.round_already_open", deadline=late).endswith("tirsdag den 15. december 2026.")


@pytest.mark.parametrize("folder", ["dialogs", "scheduler"])
def test_no_isoformat_on_the_way_to_a_person(folder: str) -> None:
    """An ISO string built in a handler or a resolver would reach a text or a card; dates travel
    as dates and are formatted where they are shown."""
    for path in (BOT / folder).rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            assert ".isoformat()" not in code and "strftime(" not in code, f"{path.name}:{number}: {line.strip()}"
