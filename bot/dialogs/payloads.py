"""Strict models of what each card verb may carry in ``activity.value``.

A card submission is written by the client, so anything in it can be forged: another person's
id, a theme the card never offered, a round of another team, a number where text belongs, or a
megabyte of text. Each verb has a model that forbids unknown keys (Teams' own ``msteams`` key
excepted), checks types without coercion, limits ids and lengths, and limits choices to those
the card offered. Whatever fails is refused before a handler runs; the router audits it.

Who is acting never comes from here: the sender is the authenticated activity's ``from``.
Lengths a real client cannot exceed (the card's ``maxLength``) are refused as forged only
beyond twice the limit; between the two, the form shows a polite "too long" error.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ..cards import verbs
from ..cards.round import CONTACT_NAME_MAX_CHARS
from ..process.concept import Concept, Kind

# Round ids are uuid4 hex; a little slack for other id schemes, never more than the column.
RoundId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
# An ISO date from Input.Date; anything longer is not a date.
DateText = Annotated[str, Field(max_length=32)]
# Set by Teams itself on some submissions (messageBack); its content is never read.
TeamsData = dict[str, Any] | None


class PayloadRejected(ValueError):
    """A card submission that no card of ours could have sent; ``code`` is a fixed word."""

    def __init__(self, verb: str, code: str) -> None:
        super().__init__(f"{verb}:{code}")
        self.verb, self.code = verb, code


class Payload(BaseModel):
    """Every verb's payload: its verb, Teams' own data, nothing else unless declared."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    verb: str
    msteams: TeamsData = None

    def data(self) -> dict[str, Any]:
        """The checked values for the handler, without Teams' own key."""
        return self.model_dump(exclude={"msteams"})


class NoData(Payload):
    """Buttons that carry nothing but their verb."""


class RoundStart(Payload):
    deadline: DateText | None = None
    contact_name: Annotated[str, Field(max_length=2 * CONTACT_NAME_MAX_CHARS)] | None = None
    named_mode: Literal["anonymous", "named"] | None = None


class OptionalRound(Payload):
    round_id: RoundId | None = None


class WithRound(Payload):
    round_id: RoundId


class LanguageSet(Payload):
    lang: Literal["da", "en"] | None = None


class NominationSubmit(Payload):
    """The nomination form; themes must be ones the concept offers, texts have hard caps."""

    round_id: RoundId
    wellbeing_theme: str | None = None
    wellbeing_own_title: str | None = None
    wellbeing_why_me: str | None = None
    wellbeing_core_task: str | None = None
    leadership_theme: str | None = None
    leadership_own_title: str | None = None
    leadership_why_me: str | None = None
    leadership_core_task: str | None = None

    @field_validator("wellbeing_theme", "leadership_theme")
    @classmethod
    def _offered_theme(cls, value: str | None, info: ValidationInfo) -> str | None:
        concept: Concept = (info.context or {})["concept"]
        kind = Kind.WELLBEING if info.field_name.startswith("wellbeing") else Kind.LEADERSHIP
        if value not in (None, "") and value not in concept.catalogue(kind).choice_ids:
            raise ValueError("not_offered")
        return value

    @field_validator("wellbeing_own_title", "leadership_own_title")
    @classmethod
    def _title_cap(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _capped(value, 2 * (info.context or {})["concept"].limits.own_title_max_chars)

    @field_validator("wellbeing_why_me", "wellbeing_core_task", "leadership_why_me", "leadership_core_task")
    @classmethod
    def _reason_cap(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _capped(value, 2 * (info.context or {})["concept"].limits.reason_max_chars)


def _capped(value: str | None, limit: int) -> str | None:
    if value is not None and len(value) > limit:
        raise ValueError("over_hard_limit")
    return value


MODELS: dict[str, type[Payload]] = {
    verbs.ROUND_SETUP: NoData,
    verbs.ROUND_START: RoundStart,
    verbs.NOMINATION_OPEN: OptionalRound,
    verbs.NOMINATION_SUBMIT: NominationSubmit,
    verbs.NOMINATION_EDIT: WithRound,
    verbs.NOMINATION_DELETE: WithRound,
    verbs.NOMINATION_DELETE_CONFIRM: WithRound,
    verbs.TALLY_SHOW: NoData,
    verbs.STATUS_SHOW: NoData,
    verbs.HELP_SHOW: NoData,
    verbs.LANGUAGE_SET: LanguageSet,
    verbs.DATA_SHOW: NoData,
    verbs.DATA_EXPORT: NoData,
}


def parse_payload(value: Mapping[str, Any], concept: Concept) -> Payload:
    """The checked payload of a card submission, or `PayloadRejected` naming verb and reason.

    The reason is pydantic's error type (``extra_forbidden``, ``string_too_long``…) or a code
    of ours, never a piece of the submitted text, so it can go in the audit log.
    """
    verb = value.get("verb")
    model = MODELS.get(verb) if isinstance(verb, str) else None
    if model is None:
        raise PayloadRejected("unknown", "unknown_verb")
    try:
        return model.model_validate(dict(value), context={"concept": concept})
    except ValidationError as error:
        first = error.errors()[0]
        code = first["type"]
        if code == "value_error":  # our validators: the message is one of our fixed words
            code = str(first.get("ctx", {}).get("error", "invalid"))
        raise PayloadRejected(verb, code[:60]) from None
