"""The declarations each step's dialog makes once: its card verbs and its typed commands.

A step's module (``dialogs/nomination.py`` …) ends with ``DECLARES``: one ``Verb`` per button
its cards send (the payload model, which names the verb, the handler, who may act) and one
``Command`` per typed command (Danish and English words, and the button it stands for, so
typing ``optælling`` is pressing "Se optællingen"). ``Registry.merge`` joins them for the
router and refuses a verb or a word declared twice. Nothing here sends anything, so the
routing decision (``Registry.route``) is tested with nothing sent.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..cards.payload import Payload
from ..process.concept import Concept
from ..process.dialogue import Role

from botbuilder.core import TurnContext

from ..services import Services
from .turn import TurnInfo

Handler = Callable[[TurnContext, TurnInfo, Services, Any], Awaitable[None]]
ArgsParser = Callable[[tuple[str, ...]], Mapping[str, Any]]


@dataclass(frozen=True)
class Verb:
    payload: type[Payload]
    handler: Handler
    who: Role

    @property
    def name(self) -> str:
        return self.payload.VERB


@dataclass(frozen=True)
class Command:
    """A typed command: the words that call it and the button it stands for.

    ``da``/``en`` hold phrases of one or two words; the first of each is the one help shows.
    ``args`` turns the words typed after the command into the payload's fields.
    """

    da: tuple[str, ...]
    en: tuple[str, ...]
    payload: type[Payload]
    who: Role
    args: ArgsParser | None = None
    help: str | None = None  # the text key that describes it in help; None leaves it out
    team_only: bool = False  # works only in a team's channel: help in a personal chat leaves it out
    step: str | None = None  # the optional step it belongs to (Concept.has_step); None: every concept runs it

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        return tuple(dict.fromkeys(tuple(words(p)) for p in (*self.da, *self.en)))  # "start" is both

    def language_of(self, phrase: tuple[str, ...]) -> str | None:
        """"da" or "en" when only that language has ``phrase``; None for a word both share
        ("start", "status") or one the command does not have."""
        da = phrase in {tuple(words(p)) for p in self.da}
        en = phrase in {tuple(words(p)) for p in self.en}
        return "da" if da and not en else "en" if en and not da else None


Declaration = Verb | Command


class PayloadRejected(ValueError):
    """A card submission that no card of ours could have sent; ``code`` is a fixed word."""

    def __init__(self, verb: str, code: str) -> None:
        super().__init__(f"{verb}:{code}")
        self.verb, self.code = verb, code


@dataclass(frozen=True)
class Route:
    """What the router will do with a message: run ``verb`` with ``payload``, or answer why not."""

    verb: Verb | None = None
    payload: Payload | None = None
    rejected: PayloadRejected | None = None  # a card submission refused before any handler
    command: Command | None = None  # set when typed words chose the verb
    unknown_command: bool = False
    typed_lang: str | None = None  # the language of the typed phrase, when only one language has it


def words(text: str) -> list[str]:
    """Whole words, case-folded and NFC-normalised; a trailing ``!`` or ``.`` is no word."""
    return unicodedata.normalize("NFC", text).casefold().replace("!", " ").replace(".", " ").split()


@dataclass(frozen=True)
class Registry:
    verbs: dict[str, Verb] = field(default_factory=dict)
    commands: dict[tuple[str, ...], Command] = field(default_factory=dict)
    ordered_commands: tuple[Command, ...] = ()

    @classmethod
    def merge(cls, declarations: Iterable[Declaration]) -> Registry:
        verbs: dict[str, Verb] = {}
        commands: dict[tuple[str, ...], Command] = {}
        ordered: list[Command] = []
        for d in declarations:
            if isinstance(d, Verb):
                if d.name in verbs:
                    raise ValueError(f"verb {d.name!r} is declared twice")
                verbs[d.name] = d
                continue
            ordered.append(d)
            for phrase in d.phrases:
                if not 1 <= len(phrase) <= 2:
                    raise ValueError(f"a command is one or two words, not {phrase!r}")
                if phrase in commands:
                    raise ValueError(f"command {' '.join(phrase)!r} is declared twice")
                commands[phrase] = d
        for c in ordered:
            if c.payload.VERB not in verbs:
                raise ValueError(f"command {c.da[0]!r} stands for {c.payload.VERB!r}, which no step declares")
        return cls(verbs, commands, tuple(ordered))

    def route(self, *, value: Mapping[str, Any] | None, text: str, concept: Concept) -> Route:
        """A card submission goes by its verb; typed words by the command they start with.

        Matching is on whole words, never on substrings, so a reason that happens to contain
        "start" does not start anything. An empty message asks for help.
        """
        if value is not None:
            try:
                payload, verb = self.parse(value, concept)
            except PayloadRejected as rejected:
                return Route(rejected=rejected)
            return Route(verb=verb, payload=payload)
        typed = tuple(words(text))
        empty = not typed
        if empty:
            typed = ("help",)
        for length in (2, 1):
            command = self.commands.get(typed[:length])
            if command is not None:
                extra = command.args(typed[length:]) if command.args else {}
                return Route(verb=self.verbs[command.payload.VERB], payload=command.payload.of(**extra), command=command,
                             typed_lang=None if empty else command.language_of(typed[:length]))
        return Route(unknown_command=True)

    def parse(self, value: Mapping[str, Any], concept: Concept) -> tuple[Payload, Verb]:
        """The checked payload of a card submission, or `PayloadRejected` naming verb and reason.

        The reason is pydantic's error type (``extra_forbidden``, ``string_too_long``…) or a
        code of ours, never a piece of the submitted text, so it can go in the audit log.
        """
        name = value.get("verb")
        verb = self.verbs.get(name) if isinstance(name, str) else None
        if verb is None:
            raise PayloadRejected("unknown", "unknown_verb")
        try:
            return verb.payload.model_validate(dict(value), context={"concept": concept}), verb
        except ValidationError as error:
            first = error.errors()[0]
            code = first["type"]
            if code == "value_error":  # our validators: the message is one of our fixed words
                code = str(first.get("ctx", {}).get("error", "invalid"))
            raise PayloadRejected(verb.name, code[:60]) from None

    def help_lines(self, roles: set[Role], *, in_team: bool = True, concept: Concept | None = None) -> list[tuple[str, str, str]]:
        """(Danish words, English words, text key) of the commands help shows to ``roles``;
        outside a team's channel, only those that work there; with a ``concept``, only those of
        the steps it runs (DTU's file has no nomination round: no "mine temaer", no "optælling")."""
        return [
            (c.da[0], c.en[0], c.help) for c in self.ordered_commands
            if c.help and (c.who is Role.ANYONE or c.who in roles) and (in_team or not c.team_only)
            and (concept is None or concept.has_step(c.step))
        ]
