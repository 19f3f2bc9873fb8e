"""Steps 1-3 in the channel: the planning group sets up a nomination round, and sees it start and end."""
from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from bot.process.concept import Concept

from .payload import DateText, Payload
from .status import StatusShow
from .tally import TallyShow
from .elements import Element, card, container, heading, submit, text, verbatim
from ..texts import format_date, t

CONTACT_NAME_MAX_CHARS = 100
# Input ids of the set-up card, which its payload model names as fields.
FIELD_DEADLINE = "deadline"
FIELD_CONTACT_NAME = "contact_name"
FIELD_NAMED_MODE = "named_mode"
NAMED_MODE_ANONYMOUS = "anonymous"
NAMED_MODE_NAMED = "named"


class RoundSetup(Payload):
    """Open the set-up card."""

    VERB: ClassVar[str] = "round.setup"


class RoundStart(Payload):
    """The set-up card's answers; each is checked again by the plan's rules."""

    VERB: ClassVar[str] = "round.start"
    deadline: DateText | None = None
    contact_name: Annotated[str, Field(max_length=2 * CONTACT_NAME_MAX_CHARS)] | None = None
    named_mode: Literal["anonymous", "named"] | None = None


def round_setup_card(lang: str, concept: Concept, *, default_deadline: date, min_date: date, max_date: date,
                     contact_default: str, error: str | None = None) -> Element:
    """The planning group's form: deadline, contact person, and whether names follow the reasons.

    ``error`` is a code from the set-up parser (``in_past``, ``too_far``, ``not_a_date``,
    ``contact_required``), shown above the form.
    """
    body: list[Element] = [heading(t(lang, "setup.title"))]
    if error:
        message = text(setup_error_text(lang, error, max_date=max_date), color="Attention", weight="Bolder")
        body.append(container([message], style="attention"))
    body += [
        text(t(lang, "setup.intro", workplace=concept.workplace_word(lang))),
        {
            "type": "Input.Date",
            "id": FIELD_DEADLINE,
            "label": t(lang, "setup.deadline.label"),
            "value": default_deadline.isoformat(),
            "min": min_date.isoformat(),
            "max": max_date.isoformat(),
            "isRequired": True,
            "errorMessage": t(lang, "setup.deadline.error", min_date=format_date(lang, min_date), max_date=format_date(lang, max_date)),
        },
        text(t(lang, "setup.deadline.hint", default=format_date(lang, default_deadline)), subtle=True, spacing="Small"),
        {
            "type": "Input.Text",
            "id": FIELD_CONTACT_NAME,
            "label": t(lang, "setup.contact.label"),
            "value": contact_default,
            "maxLength": CONTACT_NAME_MAX_CHARS,
            "isRequired": True,
            "errorMessage": t(lang, "setup.contact.error"),
        },
        text(t(lang, "setup.contact.hint"), subtle=True, spacing="Small"),
        {
            "type": "Input.ChoiceSet",
            "id": FIELD_NAMED_MODE,
            "label": t(lang, "setup.mode.label"),
            "style": "expanded",
            "value": NAMED_MODE_ANONYMOUS,
            "isRequired": True,
            "errorMessage": t(lang, "setup.mode.error"),
            "wrap": True,
            "choices": [
                {"title": t(lang, "setup.mode.anonymous"), "value": NAMED_MODE_ANONYMOUS},
                {"title": t(lang, "setup.mode.named"), "value": NAMED_MODE_NAMED},
            ],
        },
        text(t(lang, "setup.after_start"), subtle=True, spacing="Medium"),
    ]
    return card(body, [submit(t(lang, "action.start_round"), RoundStart, style="positive")])


def setup_error_text(lang: str, code: str, *, max_date: date) -> str:
    """Why the round was not started, in words; KeyError for a code the parser never gives."""
    return t(lang, f"setup.error.{code}", max_date=format_date(lang, max_date))


def round_started_card(lang: str, concept: Concept, *, deadline: date, contact_name: str, named_mode: bool,
                       invited: int, unreachable: int) -> Element:
    """The channel's confirmation that employees have been asked to nominate themes."""
    body: list[Element] = [
        heading(t(lang, "started.title")),
        text(t(lang, "started.intro", deadline=format_date(lang, deadline))),
        text(t(lang, "started.invited", count=invited)),
    ]
    if unreachable:
        body.append(text(t(lang, "started.unreachable", count=unreachable), color="Warning"))
    body += [
        verbatim(contact_name, prefix=t(lang, "label.contact") + " "),
        text(t(lang, "mode.named" if named_mode else "mode.anonymous"), subtle=True),
        text(t(lang, "started.not_in_chat"), subtle=True),
    ]
    actions = [submit(t(lang, "action.tally"), TallyShow), submit(t(lang, "action.status"), StatusShow)]
    return card(body, actions)


def round_closed_card(lang: str, concept: Concept, *, deadline: date, responded: int, invited: int) -> Element:
    """The channel's notice that the deadline has passed, with the way to the tally."""
    body: list[Element] = [
        heading(t(lang, "closed.title")),
        text(t(lang, "closed.intro", deadline=format_date(lang, deadline), responded=responded, invited=invited)),
        text(t(lang, "closed.next"), subtle=True),
    ]
    return card(body, [submit(t(lang, "action.tally"), TallyShow)])
