"""Moving or closing a round's deadline (bot/process/deadline.py), and what members see of it.

The planning group's cards: the extend form (a date), the close confirmation, and the results
that replace them in place once used. The members' cards: the short announcement of a new
deadline with the way to their form, and the closed form of a card nobody answered. The
buttons that open the planning group's cards sit on the "round started" and status cards,
which import the payloads from here (this module imports neither, so there is no cycle).
"""
from __future__ import annotations

from datetime import date
from typing import ClassVar

from bot.process.concept import Concept

from .elements import Element, card, container, heading, submit, text, verbatim
from .nomination import NominationOpen
from .payload import DateText, Payload, RoundId
from ..texts import format_date, t

FIELD_NEW_DEADLINE = "deadline"


class DeadlineExtendShow(Payload):
    """Open the extend card (typed ``forlæng`` / ``extend``)."""

    VERB: ClassVar[str] = "round.extend_show"
    round_id: RoundId | None = None


class DeadlineExtend(Payload):
    """The extend card's answer; the date is checked again on the server."""

    VERB: ClassVar[str] = "round.extend"
    round_id: RoundId
    deadline: DateText | None = None


class RoundCloseAsk(Payload):
    """Ask to close the round early (typed ``luk runden`` / ``close round``): shows the confirmation."""

    VERB: ClassVar[str] = "round.close_ask"
    round_id: RoundId | None = None


class RoundClose(Payload):
    """The confirmation: close the round now."""

    VERB: ClassVar[str] = "round.close"
    round_id: RoundId


def planning_actions(lang: str, round_id: str) -> list[Element]:
    """The two buttons the round-started and status cards carry while the round is open."""
    return [
        submit(t(lang, "action.extend"), DeadlineExtendShow, round_id=round_id),
        submit(t(lang, "action.close_round"), RoundCloseAsk, round_id=round_id),
    ]


def extend_card(lang: str, *, round_id: str, deadline: date, proposed: date, latest: date, error: str | None = None) -> Element:
    """The form: the current deadline, and a later date to choose (``error``: a DeadlineRefused code)."""
    body: list[Element] = [heading(t(lang, "extend.title"))]
    if error:
        message = text(extend_error_text(lang, error, deadline=deadline, latest=latest), color="Attention", weight="Bolder")
        body.append(container([message], style="attention"))
    body += [
        text(t(lang, "extend.current", deadline=format_date(lang, deadline))),
        {
            "type": "Input.Date",
            "id": FIELD_NEW_DEADLINE,
            "label": t(lang, "extend.label"),
            "value": proposed.isoformat(),
            "min": date.fromordinal(deadline.toordinal() + 1).isoformat(),
            "max": latest.isoformat(),
            "isRequired": True,
            "errorMessage": t(lang, "extend.input_error", latest=format_date(lang, latest)),
        },
        text(t(lang, "extend.hint"), subtle=True, spacing="Small"),
    ]
    return card(body, [submit(t(lang, "action.extend.confirm"), DeadlineExtend, style="positive", round_id=round_id)])


def extend_error_text(lang: str, code: str, *, deadline: date, latest: date) -> str:
    """Why the deadline was not moved, in words."""
    return t(lang, f"extend.error.{code}", deadline=format_date(lang, deadline), latest=format_date(lang, latest))


def extended_card(lang: str, *, deadline: date, announced: int) -> Element:
    """What the used extend card turns into: the new deadline and who is told."""
    return card([
        heading(t(lang, "extended.title")),
        text(t(lang, "extended.text", deadline=format_date(lang, deadline))),
        text(t(lang, "extended.announced", count=announced), subtle=True),
    ])


def close_confirm_card(lang: str, *, round_id: str, deadline: date, responded: int, invited: int) -> Element:
    """Are you sure? Closing cannot be undone; those who have not answered can no longer do so."""
    body: list[Element] = [
        heading(t(lang, "close.title")),
        text(t(lang, "close.text", deadline=format_date(lang, deadline), responded=responded, invited=invited)),
        text(t(lang, "close.after"), subtle=True),
    ]
    return card(body, [submit(t(lang, "action.close_round.confirm"), RoundClose, style="destructive", round_id=round_id)])


def closed_early_card(lang: str, *, closed_on: date) -> Element:
    """What the used confirmation turns into."""
    return card([heading(t(lang, "closed_early.title")), text(t(lang, "closed_early.text", date=format_date(lang, closed_on)))])


def announcement_card(lang: str, concept: Concept, *, round_id: str, deadline: date, workplace_name: str = "") -> Element:
    """To a member who has not answered: the deadline has moved, with the way to their form."""
    body: list[Element] = [heading(t(lang, "announcement.title"))]
    if workplace_name:  # the team's name from Teams: a TextRun, never markdown
        body.append(verbatim(workplace_name, prefix=t(lang, "announcement.team") + " ", prefix_subtle=True))
    body += [
        text(t(lang, "announcement.text", deadline=format_date(lang, deadline), dialogue=concept.dialogue_name(lang))),
    ]
    return card(body, [submit(t(lang, "action.nomination.open"), NominationOpen, style="positive", round_id=round_id)])


def form_closed_card(lang: str, concept: Concept, *, deadline: date, closed_early_on: date | None, contact_name: str,
                     workplace_name: str = "") -> Element:
    """The closed form of a nomination card that was never answered: no inputs, no buttons."""
    when = (t(lang, "form_closed.early", date=format_date(lang, closed_early_on)) if closed_early_on
            else t(lang, "form_closed.deadline", deadline=format_date(lang, deadline)))
    body: list[Element] = [heading(concept.dialogue_name(lang))]
    if workplace_name:
        body.append(verbatim(workplace_name, prefix=t(lang, "announcement.team") + " ", prefix_subtle=True))
    body += [text(when), text(t(lang, "form_closed.no_answer"), subtle=True)]
    if contact_name:
        body.append(verbatim(contact_name, prefix=t(lang, "label.contact") + " "))
    return card(body)
