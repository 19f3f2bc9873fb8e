"""The invitation list as a card: who is invited to nominate in the open round.

The planning group leaves people out (hourly-paid staff, people on leave, external members) and
adds team members back while the round is open. Members are named by short keys
(``process.invitees.member_keys``); a large team is paged, and every button saves the page it
is on before it turns, so nothing ticked is lost.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, ClassVar

from pydantic import Field

from bot.process import invitees as rules
from bot.process.invitees import LONG_KEY_CHARS, MAX_KEYS, PAGE_SIZE, join_keys

from .elements import Element, card, container, facts, heading, rich, run, submit, text
from .payload import Payload, RoundId
from ..texts import format_date, t

NAME_CHARS_SHOWN = 60  # a choice's title is cut here: the list must fit in one message
MemberKey = Annotated[str, Field(pattern=rf"^[a-z0-9]{{1,{LONG_KEY_CHARS}}}$")]
# Comma-separated member keys, as a multi-select ChoiceSet sends them.
KeysText = Annotated[str, Field(max_length=MAX_KEYS * (LONG_KEY_CHARS + 1))]
PageNumber = Annotated[int, Field(ge=0, le=MAX_KEYS // PAGE_SIZE + 1)]
FIELD_INVITED = "invited"


class InviteesShow(Payload):
    """The planning group asks to see the invitation list (sent to them privately)."""

    VERB: ClassVar[str] = "invitees.show"
    round_id: RoundId | None = None
    page: PageNumber | None = None


class InviteesSave(Payload):
    """Save the ticks of one page of the invitation list, then show ``to_page`` (or the same page)."""

    VERB: ClassVar[str] = "invitees.save"
    round_id: RoundId
    page: PageNumber
    shown: KeysText
    invited: KeysText | None = None  # absent when every box on the page was unticked
    to_page: PageNumber | None = None


def member_choices(members: Iterable[tuple[str, str]]) -> list[Element]:
    """ChoiceSet choices of (key, title); a choice's title is plain text in every client, never
    markdown or a mention, so a display name may go there. Cut names with ``short_name`` first."""
    return [{"title": title or key, "value": key} for key, title in members]


def short_name(name: str) -> str:
    """A display name cut to what one choice may take."""
    return name if len(name) <= NAME_CHARS_SHOWN else name[:NAME_CHARS_SHOWN - 1] + "…"


@dataclass(frozen=True)
class Listed:
    """A person on a page of the list: their key, name, and whether invited and answered."""

    key: str
    name: str
    invited: bool
    answered: bool = False


@dataclass(frozen=True)
class Saved:
    """What the last save did, shown at the top of the card."""

    added: int = 0
    removed: int = 0
    kept: tuple[str, ...] = ()  # names of people who answered and so stay invited


def invitees_card(lang: str, *, round_id: str, deadline: date, is_open: bool, listed: list[Listed], page: int, pages: int,
                  total: int, invited: int, answered: int, saved: Saved | None = None) -> Element:
    """One page of the invitation list: counts, what the last save did, and the ticks to change."""
    body: list[Element] = [
        heading(t(lang, "invitees.title")),
        facts([
            (t(lang, "invitees.invited"), str(invited)),
            (t(lang, "invitees.answered"), str(answered)),
            (t(lang, "invitees.deadline"), format_date(lang, deadline)),
        ]),
    ]
    if saved is not None:
        body.append(_saved(lang, saved))
    if not is_open:
        body.append(text(t(lang, "invitees.closed"), spacing="Medium"))
        return card(body)
    body.append(text(t(lang, "invitees.hint"), subtle=True, spacing="Small"))
    if pages > 1:
        first = page * rules.PAGE_SIZE + 1
        body.append(text(t(lang, "list.page", page=page + 1, pages=pages, first=first, last=first + len(listed) - 1, total=total),
                         subtle=True, spacing="Small"))
    body.append({
        "type": "Input.ChoiceSet", "id": FIELD_INVITED, "label": t(lang, "invitees.label"),
        "isMultiSelect": True, "style": "compact", "wrap": True,
        "value": join_keys(p.key for p in listed if p.invited),
        "choices": member_choices((p.key, t(lang, "invitees.has_answered", name=short_name(p.name)) if p.answered
                                   else short_name(p.name)) for p in listed),
    })
    carried = {"round_id": round_id, "page": page, "shown": join_keys(p.key for p in listed)}
    actions = [submit(t(lang, "action.invitees.save"), InviteesSave, style="positive", **carried)]
    if page > 0:
        actions.append(submit(t(lang, "list.previous.save"), InviteesSave, to_page=page - 1, **carried))
    if page < pages - 1:
        actions.append(submit(t(lang, "list.next.save"), InviteesSave, to_page=page + 1, **carried))
    return card(body, actions)


def _saved(lang: str, saved: Saved) -> Element:
    if not (saved.added or saved.removed or saved.kept):
        return container([text(t(lang, "invitees.saved.nothing"), weight="Bolder")], style="emphasis")
    rows: list[Element] = [text(t(lang, "invitees.saved", added=saved.added, removed=saved.removed), weight="Bolder")]
    if saved.added:
        rows.append(text(t(lang, "invitees.saved.sending"), spacing="Small"))
    for name in saved.kept:
        # A name is what Teams calls the person: a TextRun, never markdown or a mention.
        rows.append(rich(run(name, bold=True), run(" " + t(lang, "invitees.saved.kept")), spacing="Small"))
    return container(rows, style="emphasis")
