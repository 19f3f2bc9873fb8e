"""The one text system: every key in both languages with the same placeholders, and every key
the code asks for exists; dates and numbers as Danes and English readers write them."""
from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest

from bot import texts
from bot.texts import ROLE_PLACEHOLDERS, choose_language, format_date, format_number, format_short_date, language_of_locale, t

BOT = Path(texts.__file__).resolve().parent.parent


def placeholders(template: str) -> set[str]:
    """The names a template fills; a role's word capitalised to start a sentence ("{Planning_group}")
    is the same placeholder as the word inside one, since Danish and English order a sentence differently."""
    return {name.lower() if name in ROLE_PLACEHOLDERS else name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(texts.TEXTS))
def test_every_text_is_written_in_both_languages_with_the_same_placeholders(key: str) -> None:
    da, en = texts.TEXTS[key]
    assert da.strip() and en.strip(), f"{key} is empty in a language"
    assert placeholders(da) == placeholders(en), f"{key}: placeholders differ"


def test_a_singular_variant_exists_only_beside_its_plural() -> None:
    singular = [k for k in texts.TEXTS if k.endswith(".one")]
    assert singular
    for key in singular:
        assert key.removesuffix(".one") in texts.TEXTS


def test_every_key_the_code_asks_for_exists() -> None:
    """A literal key in ``t(lang, "…")`` anywhere in bot/ must be defined: a typo fails here,
    not in front of a user."""
    pattern = re.compile(r"""\bt\(\s*[a-z_]+\s*,\s*["']([a-z_.]+)["']""")
    asked = {
        (path.relative_to(BOT).as_posix(), key)
        for path in BOT.rglob("*.py")
        for key in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert len(asked) > 50  # the scan itself works
    missing = sorted((where, key) for where, key in asked if key not in texts.TEXTS)
    assert not missing


def test_no_user_facing_words_outside_the_text_modules() -> None:
    """Dialogs and the scheduler say things only through t(): no sentence written inline, no
    literal summary or reply. (Typed command words, one or two each, are declared there.)"""
    sentence = re.compile(r"""["'][^"'\n]*[æøåÆØÅ][^"'\n]* [^"'\n]*["']""")
    literal_reply = re.compile(r"""(summary=|send_text\(\s*ctx,\s*)f?["'][^"'\n]* [^"'\n]*["']""")  # a key has no space
    for folder in ("dialogs", "scheduler"):
        for path in (BOT / folder).rglob("*.py"):
            code = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#"))
            code = re.sub(r'"""[\s\S]*?"""', "", code)  # docstrings may quote the guide
            assert not sentence.findall(code), f"{path.name} writes Danish words inline"
            assert not literal_reply.findall(code), f"{path.name} writes a reply or summary inline"


def test_plural_and_fallback() -> None:
    assert t("da", "tally.reasons.elsewhere", count=1) == "1 begrundelse står på en side for sig."
    assert t("da", "tally.reasons.elsewhere", count=7) == "7 begrundelser står på sider for sig."
    assert t("de", "help.summary") == t("da", "help.summary") == "Hjælp"  # a language we do not speak reads Danish
    with pytest.raises(KeyError):
        t("da", "no.such.key")


@pytest.mark.parametrize(
    ("day", "da", "en"),
    [
        (date(2026, 10, 2), "fredag den 2. oktober 2026", "Friday 2 October 2026"),
        (date(2026, 12, 15), "tirsdag den 15. december 2026", "Tuesday 15 December 2026"),
        (date(2028, 2, 29), "tirsdag den 29. februar 2028", "Tuesday 29 February 2028"),
        (date(2026, 8, 31), "mandag den 31. august 2026", "Monday 31 August 2026"),
    ],
)
def test_dates_are_written_as_people_write_them(day: date, da: str, en: str) -> None:
    assert format_date("da", day) == da
    assert format_date("en", day) == en
    assert "-" not in format_date("da", day)  # never ISO


def test_short_dates_and_numbers() -> None:
    assert format_short_date("da", date(2026, 12, 1)) == "1. december 2026"
    assert format_short_date("en", date(2026, 12, 1)) == "1 December 2026"
    assert format_number("da", 45000) == "45.000"
    assert format_number("en", 45000) == "45,000"


@pytest.mark.parametrize(
    ("stored", "locale", "default", "expected"),
    [
        ("da", "en-US", "da", "da"),  # a stored choice beats the Playground's en-US
        ("en", "da-DK", "da", "en"),
        (None, "en-US", "da", "en"),
        (None, "da-DK", "en", "da"),
        (None, "de-DE", "da", "da"),  # a locale we do not speak falls back to the default
        (None, None, "en", "en"),
        ("fr", None, "da", "da"),  # a stored value we do not speak is ignored
    ],
)
def test_the_language_rule_in_a_personal_chat(stored, locale, default, expected) -> None:
    assert choose_language(stored=stored, locale=locale, default=default) == expected


@pytest.mark.parametrize(
    ("stored", "typed", "locale", "expected"),
    [
        (None, "da", "en-US", "da"),  # "hjælp" from an en-US client: Danish for that answer
        (None, "en", "da-DK", "da"),  # an English word is no sign: Danes type "help" too
        (None, "en", "en-US", "en"),
        (None, None, "en-US", "en"),  # "start"/"status" are both languages: the locale decides
        ("en", "da", "en-US", "en"),  # a stored choice beats the word
        (None, "da", None, "da"),
    ],
)
def test_a_danish_only_command_word_is_answered_in_danish(stored, typed, locale, expected) -> None:
    assert choose_language(stored=stored, typed=typed, locale=locale, default="en") == expected


@pytest.mark.parametrize(
    ("team", "stored", "typed", "locale", "default", "expected"),
    [
        (None, None, None, "en-US", "da", "da"),  # the Playground: everyone en-US, the channel Danish
        (None, "en", "en", "en-US", "da", "da"),  # whoever wrote: their choice is for their own chat
        ("en", "da", "da", "da-DK", "da", "en"),  # the team chose English at set-up
        ("da", None, None, "en-US", "en", "da"),
        (None, None, None, "da-DK", "en", "en"),  # no choice yet: the default, not the writer's locale
        ("fr", None, None, None, "en", "en"),  # a stored team language we do not speak is ignored
    ],
)
def test_a_teams_channel_speaks_the_teams_language(team, stored, typed, locale, default, expected) -> None:
    assert choose_language(shared=True, team=team, stored=stored, typed=typed, locale=locale, default=default) == expected


def test_a_proactive_message_to_a_person_reads_their_choice_else_the_default() -> None:
    assert choose_language(stored="en", default="da") == "en"
    assert choose_language(stored=None, default="da") == "da"
    assert choose_language(stored=None, default="en") == "en"


def test_locales() -> None:
    assert language_of_locale("en-GB") == "en"
    assert language_of_locale("DA-dk") == "da"
    assert language_of_locale("") is None
    assert language_of_locale("nb-NO") is None
