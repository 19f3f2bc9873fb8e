"""Cleaning free text: what a forged or pasted card input is turned into before it is stored."""
from __future__ import annotations

import pytest

from bot.process.text import TextRejected, clean_text, fold_title

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # man ZWJ woman ZWJ girl: one picture, 5 code points
THUMBS_UP_MEDIUM = "\U0001F44D\U0001F3FD"  # thumbs up + skin tone modifier


def clean(value: object, max_chars: int = 100, **options) -> str:
    return clean_text(value, max_chars=max_chars, **options)  # type: ignore[arg-type]


def rejected(value: object, max_chars: int = 100, **options) -> TextRejected:
    with pytest.raises(TextRejected) as caught:
        clean(value, max_chars, **options)
    return caught.value


# --- characters -----------------------------------------------------------------------------


def test_text_is_nfc_normalised() -> None:
    # "å" and "é" typed as letter + combining mark (as some keyboards and pastes deliver them).
    decomposed = "Tra\u030aden er ble\u0301vet god"
    assert clean(decomposed) == "Tråden er blévet god"
    assert clean(decomposed) == clean("Tråden er blévet god")


def test_danish_letters_pass_unchanged() -> None:
    text = "Æblegrød, øl og Åbenrå: ÆØÅ æøå"
    assert clean(text) == text


@pytest.mark.parametrize("emoji", [FAMILY, THUMBS_UP_MEDIUM, "\U0001F1E9\U0001F1F0", "\u2764\ufe0f"])
def test_emoji_and_zwj_sequences_are_kept_whole(emoji: str) -> None:
    assert clean(f"Godt samarbejde {emoji}") == f"Godt samarbejde {emoji}"


@pytest.mark.parametrize(
    "control",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"],
)
def test_bidi_overrides_and_isolates_are_removed(control: str) -> None:
    assert clean(f"fordi{control} det virker") == "fordi det virker"


def test_a_right_to_left_override_cannot_reverse_what_is_shown() -> None:
    # "Trojan Source": the override would show "evil" reversed, reading as something else.
    assert clean("ok \u202elive\u202c ok") == "ok live ok"


@pytest.mark.parametrize(
    "junk",
    [
        pytest.param("\x00", id="nul"),
        pytest.param("\x07", id="bell"),
        pytest.param("\x1b", id="escape"),
        pytest.param("\x7f", id="delete"),
        pytest.param("\x85", id="c1-next-line"),
        pytest.param("\ue000", id="private-use"),
        pytest.param("\ud800", id="lone-surrogate"),
        pytest.param("\u0378", id="unassigned"),
    ],
)
def test_control_and_invalid_characters_are_removed(junk: str) -> None:
    assert clean(f"ab{junk}cd") == "abcd"


def test_an_escape_sequence_loses_its_escape() -> None:
    assert clean("\x1b[31mrød\x1b[0m") == "[31mrød[0m"


# --- lines and spacing ----------------------------------------------------------------------


def test_windows_line_endings_become_newlines() -> None:
    assert clean("første\r\nanden") == "første\nanden"


def test_runs_of_blank_lines_collapse_to_one() -> None:
    assert clean("første\n\n\n\n\nanden") == "første\n\nanden"
    assert clean("første\r\n\r\n\r\n\r\nanden") == "første\n\nanden"
    assert clean("første\n\nanden") == "første\n\nanden"  # one blank line is a paragraph break


def test_trailing_spaces_and_surrounding_whitespace_are_trimmed() -> None:
    assert clean("  \n første   \nanden\t \n\n ") == "første\nanden"


def test_tabs_inside_a_line_are_kept() -> None:
    assert clean("a\tb") == "a\tb"


def test_single_line_turns_line_breaks_and_tabs_into_spaces() -> None:
    assert clean("Grøn\nomstilling", single_line=True) == "Grøn omstilling"
    assert clean("Grøn\tomstilling", single_line=True) == "Grøn omstilling"
    assert "\n" not in clean("a\r\n\r\n\r\nb", single_line=True)


# --- required, type and length --------------------------------------------------------------


@pytest.mark.parametrize("empty", ["", "   ", "\n\t\r\n", "\u202e\u200f", "\x00"])
def test_required_text_cannot_be_empty_after_cleaning(empty: str) -> None:
    error = rejected(empty)
    assert (error.code, error.limit) == ("required", None)


def test_optional_text_may_be_empty() -> None:
    assert clean("  \n ", required=False) == ""


@pytest.mark.parametrize("value", [None, 42, ["fordi"], {"text": "fordi"}, b"fordi"])
def test_anything_but_a_string_is_refused(value: object) -> None:
    assert rejected(value).code == "not_text"
    assert rejected(value, required=False).code == "not_text"


def test_the_limit_itself_is_allowed_one_more_is_too_long() -> None:
    assert clean("x" * 20, max_chars=20) == "x" * 20
    error = rejected("x" * 21, max_chars=20)
    assert (error.code, error.limit) == ("too_long", 20)


def test_length_counts_danish_letters_as_one_character_each() -> None:
    assert clean("æøå" * 10, max_chars=30) == "æøå" * 10
    # Decomposed, "å" is two code points; after NFC it counts as one, as the user sees it.
    assert clean("a\u030a" * 30, max_chars=30) == "å" * 30
    assert rejected("æøå" * 10 + "æ", max_chars=30).code == "too_long"


def test_length_counts_code_points_so_an_emoji_sequence_counts_all_of_its_parts() -> None:
    assert clean("\U0001F44D" * 5, max_chars=5) == "\U0001F44D" * 5  # one code point each, not UTF-16 pairs
    assert clean(FAMILY, max_chars=5) == FAMILY
    assert rejected(FAMILY, max_chars=4).code == "too_long"


def test_length_is_measured_after_cleaning() -> None:
    assert clean("  ab\x00\u202ec  ", max_chars=3) == "abc"


# --- own-proposal titles --------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["Grøn omstilling", "grøn omstilling", "  GRØN   OMSTILLING ", "Grøn\nomstilling", "Grøn\tomstilling"],
)
def test_spellings_of_one_title_fold_to_one_key(spelling: str) -> None:
    assert fold_title(spelling) == "grøn omstilling"


def test_folding_is_compatibility_folding_too() -> None:
    assert fold_title("Ｔrivsel") == fold_title("trivsel")  # full-width letter
    assert fold_title("ﬁnans") == fold_title("finans")  # ligature
    assert fold_title("STRASSE") == fold_title("straße")


def test_different_titles_stay_apart() -> None:
    assert fold_title("Grøn omstilling") != fold_title("Grå omstilling")
    assert fold_title("Ældre") != fold_title("Alder")
