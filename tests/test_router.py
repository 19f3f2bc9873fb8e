"""The real routing table: every step's declarations merged, decided with nothing sent.

The same decisions run end to end through the adapter in tests/test_journey.py and against the
Agents Playground in tests/e2e/test_playground_journey.py.
"""
from __future__ import annotations

import pytest

from bot.cards.help import HelpShow
from bot.cards.my_data import DataShow
from bot.cards.nomination import NominationOpen
from bot.cards.plan import RoundSetup
from bot.cards.planning_group import GroupManage
from bot.cards.status import StatusShow
from bot.cards.tally import TallyShow
from bot.cards.welcome import LanguageSet
from bot.concepts import load_concept
from bot.dialogs import router
from bot.dialogs.router import REGISTRY
from bot.process.dialogue import STEPS, Role

CONCEPT = load_concept("nyborg")


def route(text: str = "", value: dict | None = None):
    return REGISTRY.route(value=value, text=text, concept=CONCEPT)


@pytest.mark.parametrize(("text", "payload", "fields"), [
    ("start", RoundSetup, {}),
    ("optælling", TallyShow, {}),
    ("Optaelling", TallyShow, {}),
    ("tally", TallyShow, {}),
    ("status", StatusShow, {}),
    ("mine temaer", NominationOpen, {"round_id": None}),
    ("My Themes", NominationOpen, {"round_id": None}),
    ("mine data", DataShow, {}),
    ("my data please", DataShow, {}),
    ("hjælp", HelpShow, {}),
    ("?", HelpShow, {}),
    ("", HelpShow, {}),
    ("sprog", LanguageSet, {"lang": None}),
    ("sprog engelsk", LanguageSet, {"lang": "en"}),
    ("language da", LanguageSet, {"lang": "da"}),
    ("language klingon", LanguageSet, {"lang": None}),
    ("gruppe", GroupManage, {"action": None}),
    ("gruppe tilføj", GroupManage, {"action": "add"}),
    ("planning group remove", GroupManage, {"action": "remove"}),
    ("planlægningsgruppe fjern", GroupManage, {"action": "remove"}),
])
def test_typed_commands_in_danish_and_english(text, payload, fields) -> None:
    decided = route(text)
    assert type(decided.payload) is payload and decided.verb.payload is payload
    for name, value in fields.items():
        assert getattr(decided.payload, name) == value


@pytest.mark.parametrize("text", ["hej", "kan jeg starte nu?", "my", "restart", "optællingen"])
def test_what_is_not_a_command_gets_the_polite_answer(text) -> None:
    assert route(text).unknown_command


def test_every_typed_command_stands_for_a_button() -> None:
    """Every step is reachable by a typed command and by a button: a command is the button's verb."""
    assert {c.payload.VERB for c in REGISTRY.ordered_commands} <= set(REGISTRY.verbs)


def test_every_declared_verb_names_who_may_act_in_its_step() -> None:
    roles_in_steps = {role for step in STEPS for role in step.who} | {Role.ANYONE}
    for verb in REGISTRY.verbs.values():
        assert verb.who in roles_in_steps


def test_the_routing_decision_reads_the_turn_not_the_network() -> None:
    """``router.decide`` needs the turn and the concept only: no store, no connector."""
    class Turn:
        value = None
        text = "optælling"

    class Services:
        concept = CONCEPT

    assert router.decide(Turn(), Services()).verb.name == "tally.show"


def test_help_lists_each_role_its_commands_in_both_languages() -> None:
    employee = REGISTRY.help_lines({Role.EMPLOYEE})
    planning = REGISTRY.help_lines({Role.EMPLOYEE, Role.PLANNING_GROUP})
    assert ("mine temaer", "my themes", "help.cmd.my_themes") in employee
    assert not any(key == "help.cmd.start" for _, _, key in employee)
    assert [key for _, _, key in planning][:4] == ["help.cmd.start", "help.cmd.tally", "help.cmd.status", "help.cmd.group"]


@pytest.mark.parametrize(("text", "lang"), [
    ("hjælp", "da"), ("hjaelp", "da"), ("mine temaer", "da"), ("optælling", "da"), ("sprog", "da"), ("mine data", "da"),
    ("gruppe tilføj", "da"),
    ("start", None), ("status", None),  # both languages' word
    ("help", "en"), ("my themes", "en"), ("tally", "en"),
])
def test_the_route_knows_the_language_of_the_command_word(text, lang) -> None:
    assert route(text).typed_lang == lang


def test_help_in_a_personal_chat_lists_only_what_works_there() -> None:
    planning = REGISTRY.help_lines({Role.EMPLOYEE, Role.PLANNING_GROUP}, in_team=False)
    keys = [key for _, _, key in planning]
    assert "help.cmd.start" not in keys and "help.cmd.group" not in keys  # both answer "only in a team" there
    assert {"help.cmd.tally", "help.cmd.status", "help.cmd.my_themes", "help.cmd.my_data"} <= set(keys)
