"""The routing decision, tested with nothing sent: verbs and typed commands declared once per
step, merged, and chosen by whole words (the real table is checked in tests/test_router.py)."""
from __future__ import annotations

from typing import ClassVar, Literal

import pytest

from bot.cards.payload import Payload
from bot.concepts import load_concept
from bot.dialogs.registry import Command, Registry, Verb, words
from bot.process.dialogue import Role

CONCEPT = load_concept("nyborg")


class Show(Payload):
    VERB: ClassVar[str] = "thing.show"


class Pick(Payload):
    VERB: ClassVar[str] = "thing.pick"
    choice: Literal["a", "b"] | None = None


async def handler(*_args) -> None:  # never called: routing only decides
    return None


def registry() -> Registry:
    return Registry.merge([
        Verb(Show, handler, who=Role.ANYONE),
        Verb(Pick, handler, who=Role.PLANNING_GROUP),
        Command(da=("vis",), en=("show",), payload=Show, who=Role.ANYONE, help="help.cmd.help"),
        Command(da=("vælg ting",), en=("pick thing",), payload=Pick, who=Role.PLANNING_GROUP,
                args=lambda rest: {"choice": rest[0] if rest and rest[0] in ("a", "b") else None}, help="help.cmd.start"),
        Command(da=("hjælp",), en=("help",), payload=Show, who=Role.ANYONE),
    ])


def test_a_card_goes_by_its_verb_with_its_typed_payload() -> None:
    route = registry().route(value={"verb": "thing.pick", "choice": "b"}, text="", concept=CONCEPT)
    assert route.verb.name == "thing.pick" and isinstance(route.payload, Pick) and route.payload.choice == "b"


@pytest.mark.parametrize(("value", "code"), [
    ({"verb": "thing.pick", "choice": "c"}, "literal_error"),
    ({"verb": "thing.show", "user_id": "someone-else"}, "extra_forbidden"),
    ({"verb": "thing.gone"}, "unknown_verb"),
    ({}, "unknown_verb"),
])
def test_a_card_no_card_of_ours_could_send_is_refused_before_any_handler(value, code) -> None:
    route = registry().route(value=value, text="", concept=CONCEPT)
    assert route.verb is None and route.rejected is not None and route.rejected.code == code


@pytest.mark.parametrize(("text", "verb", "choice"), [
    ("vis", "thing.show", None),
    ("SHOW!", "thing.show", None),
    ("Vælg ting b", "thing.pick", "b"),
    ("pick thing a", "thing.pick", "a"),
    ("pick thing z", "thing.pick", None),  # an unknown word after the command is not a choice
    ("", "thing.show", None),  # an empty message asks for help
])
def test_typed_words_choose_the_same_verb_as_the_button(text, verb, choice) -> None:
    route = registry().route(value=None, text=text, concept=CONCEPT)
    assert route.verb.name == verb and route.command is not None
    assert getattr(route.payload, "choice", None) == choice


@pytest.mark.parametrize("text", ["showing", "jeg vil vise noget", "pick", "ting vælg"])
def test_only_whole_leading_words_match(text) -> None:
    assert registry().route(value=None, text=text, concept=CONCEPT).unknown_command


def test_a_verb_or_a_word_declared_twice_is_refused_at_start_up() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        Registry.merge([Verb(Show, handler, who=Role.ANYONE), Verb(Show, handler, who=Role.ANYONE)])
    with pytest.raises(ValueError, match="declared twice"):
        Registry.merge([Verb(Show, handler, who=Role.ANYONE),
                        Command(da=("vis",), en=("show",), payload=Show, who=Role.ANYONE),
                        Command(da=("vis",), en=("display",), payload=Show, who=Role.ANYONE)])
    with pytest.raises(ValueError, match="no step declares"):
        Registry.merge([Command(da=("vis",), en=("show",), payload=Show, who=Role.ANYONE)])
    with pytest.raises(ValueError, match="one or two words"):
        Registry.merge([Verb(Show, handler, who=Role.ANYONE),
                        Command(da=("vis mig det nu",), en=("show",), payload=Show, who=Role.ANYONE)])


def test_help_lists_what_the_role_may_type() -> None:
    r = registry()
    assert r.help_lines({Role.EMPLOYEE}) == [("vis", "show", "help.cmd.help")]
    assert r.help_lines({Role.PLANNING_GROUP}) == [("vis", "show", "help.cmd.help"), ("vælg ting", "pick thing", "help.cmd.start")]


def test_words_are_normalised() -> None:
    assert words("  Optælling!  ") == ["optælling"]
    assert words("O\u0308") == words("Ö")  # decomposed and composed letters are one word


@pytest.mark.parametrize(("text", "lang"), [
    ("vis", "da"),
    ("SHOW", "en"),
    ("vælg ting a", "da"),
    ("pick thing", "en"),
    ("", None),  # an empty message is nobody's word
])
def test_the_route_says_which_language_the_typed_words_are_in(text, lang) -> None:
    assert registry().route(value=None, text=text, concept=CONCEPT).typed_lang == lang


def test_a_word_both_languages_share_and_a_card_carry_no_language() -> None:
    shared = Registry.merge([Verb(Show, handler, who=Role.ANYONE), Command(da=("status",), en=("status",), payload=Show, who=Role.ANYONE)])
    assert shared.route(value=None, text="status", concept=CONCEPT).typed_lang is None
    assert registry().route(value={"verb": "thing.show"}, text="", concept=CONCEPT).typed_lang is None


def test_help_outside_a_team_leaves_out_what_works_only_in_a_team() -> None:
    r = Registry.merge([
        Verb(Show, handler, who=Role.ANYONE),
        Command(da=("vis",), en=("show",), payload=Show, who=Role.ANYONE, help="help.cmd.help"),
        Command(da=("hold",), en=("team",), payload=Show, who=Role.ANYONE, help="help.cmd.group", team_only=True),
    ])
    assert [key for *_, key in r.help_lines({Role.EMPLOYEE})] == ["help.cmd.help", "help.cmd.group"]
    assert [key for *_, key in r.help_lines({Role.EMPLOYEE}, in_team=False)] == ["help.cmd.help"]
