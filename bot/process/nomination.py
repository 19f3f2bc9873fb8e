"""Step 3 of the guide: an employee nominates one well-being and one leadership theme.

The rules here decide what a submission means and whether it counts. They take plain data and
an explicit ``now`` so they test in microseconds; the Teams layer only feeds them.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from .concept import Concept, Kind
from .rounds import Round
from .text import TextRejected, clean_text

# Card input ids, shared with bot/cards so the form and its parser cannot drift apart.
FIELD_THEME = "{kind}_theme"
FIELD_OWN_TITLE = "{kind}_own_title"
FIELD_WHY_ME = "{kind}_why_me"
FIELD_CORE_TASK = "{kind}_core_task"
FORM_FIELDS = tuple(
    f.format(kind=k.value) for k in Kind for f in (FIELD_THEME, FIELD_OWN_TITLE, FIELD_WHY_ME, FIELD_CORE_TASK)
)


def field_name(template: str, kind: Kind) -> str:
    return template.format(kind=kind.value)


@dataclass(frozen=True)
class ThemeChoice:
    kind: Kind
    theme_id: str
    own_title: str | None
    why_me: str
    core_task: str


@dataclass(frozen=True)
class NominationInput:
    wellbeing: ThemeChoice
    leadership: ThemeChoice

    def choice(self, kind: Kind) -> ThemeChoice:
        return self.wellbeing if kind is Kind.WELLBEING else self.leadership


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str  # required | too_long | unknown_choice | not_text
    limit: int | None = None


class NominationInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class NominationRefused(Exception):
    """The sender may not nominate in this round now; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # round_closed | not_invited | unknown_round


def parse_nomination(concept: Concept, values: Mapping[str, object]) -> NominationInput:
    """Turn card input values into a nomination, or raise with every field's problem at once."""
    errors: list[FieldError] = []
    choices: dict[Kind, ThemeChoice] = {}
    limits = concept.limits
    for kind in Kind:
        catalogue = concept.catalogue(kind)
        theme_field = field_name(FIELD_THEME, kind)
        theme_id = values.get(theme_field)
        if theme_id in (None, ""):
            errors.append(FieldError(theme_field, "required"))
        elif not isinstance(theme_id, str) or catalogue.find(theme_id) is None:
            errors.append(FieldError(theme_field, "unknown_choice"))
        own_title = None
        if theme_id == catalogue.own_proposal.id:
            own_title = _clean(values, field_name(FIELD_OWN_TITLE, kind), limits.own_title_max_chars, errors, single_line=True)
        why_me = _clean(values, field_name(FIELD_WHY_ME, kind), limits.reason_max_chars, errors)
        core_task = _clean(values, field_name(FIELD_CORE_TASK, kind), limits.reason_max_chars, errors)
        if not any(e.field.startswith(kind.value) for e in errors):
            choices[kind] = ThemeChoice(kind, str(theme_id), own_title, why_me or "", core_task or "")
    if errors:
        raise NominationInvalid(errors)
    return NominationInput(choices[Kind.WELLBEING], choices[Kind.LEADERSHIP])


def _clean(values: Mapping[str, object], name: str, limit: int, errors: list[FieldError], *, single_line: bool = False) -> str | None:
    raw = values.get(name, "")
    try:
        return clean_text(raw if raw is not None else "", max_chars=limit, single_line=single_line)  # type: ignore[arg-type]
    except TextRejected as rejected:
        errors.append(FieldError(name, rejected.code, rejected.limit))
        return None


def check_may_nominate(round_: Round | None, *, invited: bool, now: datetime) -> Round:
    """Employees invited to an open round may nominate (and edit) until its deadline."""
    if round_ is None:
        raise NominationRefused("unknown_round")
    if not round_.is_open(now):
        raise NominationRefused("round_closed")
    if not invited:
        raise NominationRefused("not_invited")
    return round_


@dataclass(frozen=True)
class Invitee:
    """Someone invited to nominate in a round (the N of "n of N"), and how the card reached them."""

    round_id: str
    user_id: str
    name: str = ""
    card_activity_id: str | None = None
    delivery: str = "pending"  # pending | sent | unreachable | failed
    delivery_reason: str | None = None


def is_unchanged(previous: NominationInput | None, new: NominationInput) -> bool:
    """A submission identical to the stored one is a double click: nothing to store, no new version."""
    return previous is not None and previous == new
