"""Steps 1-3 in the channel: the planning group sets up a nomination round, and sees it start and end.

The set-up card holds the deadline, the channel's language, the contact person (a member of the
team), whether names follow the reasons, and the invitation list (every member preselected).
A large team's list is paged (``process.invitees.PAGE_SIZE`` a page): the other inputs sit on
the first page, and every button carries what was chosen on the other pages in its data, so
the server keeps no draft and nothing is lost between pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from bot.process.concept import Concept
from bot.process import invitees as rules
from bot.process.invitees import join_keys, page_count
from bot.process.people import Member

from .invitees import InviteesShow, KeysText, MemberKey, PageNumber, member_choices, short_name
from .payload import DateText, Payload
from .deadline import planning_actions
from .status import StatusShow
from .tally import TallyShow
from .elements import Element, card, container, heading, submit, text, verbatim
from ..texts import format_date, t

CONTACT_NAME_MAX_CHARS = 100
# Past this many members the contact person is chosen among the planning group and the person
# setting up: a choice of every member of a larger team would not fit in one message.
MAX_CONTACT_CHOICES = 300
# Input ids of the set-up card, which its payload model names as fields.
FIELD_DEADLINE = "deadline"
FIELD_CONTACT = "contact"
FIELD_NAMED_MODE = "named_mode"
FIELD_CHANNEL_LANG = "channel_lang"
FIELD_INVITEES = "invitees"
NAMED_MODE_ANONYMOUS = "anonymous"
NAMED_MODE_NAMED = "named"


class RoundSetup(Payload):
    """Open the set-up card."""

    VERB: ClassVar[str] = "round.setup"


class RoundStart(Payload):
    """The set-up card's answers; each is checked again on the server (plan and invitees rules)."""

    VERB: ClassVar[str] = "round.start"
    deadline: DateText | None = None
    # Free text on set-up cards from before the contact person was a member; read no more.
    contact_name: Annotated[str, Field(max_length=2 * CONTACT_NAME_MAX_CHARS)] | None = None
    contact: MemberKey | None = None
    named_mode: Literal["anonymous", "named"] | None = None
    channel_lang: Literal["da", "en"] | None = None
    invitees: KeysText | None = None  # the keys ticked on this page
    shown: KeysText | None = None  # the keys this page listed
    left_out: KeysText | None = None  # the keys left out on the other pages
    page: PageNumber | None = None


class RoundSetupPage(RoundStart):
    """Turn a page of the set-up card's invitation list, keeping every answer."""

    VERB: ClassVar[str] = "round.setup_page"
    to_page: PageNumber


@dataclass(frozen=True)
class SetupForm:
    """What the set-up card shows chosen: the defaults, or what a submission brought back."""

    deadline: date
    channel_lang: str
    contact: str | None = None  # a member key
    named_mode: str = NAMED_MODE_ANONYMOUS
    left_out: frozenset[str] = field(default_factory=frozenset)
    page: int = 0


def round_setup_card(lang: str, concept: Concept, *, form: SetupForm, members: dict[str, Member],
                     contact_choices: dict[str, Member], min_date: date, max_date: date,
                     error: str | None = None) -> Element:
    """The planning group's form. ``members`` is the team by key, in the order listed;
    ``contact_choices`` those the contact person is chosen among. ``error`` is a code from the
    set-up rules (``in_past``, ``too_far``, ``not_a_date``, ``contact_required``,
    ``contact_not_member``, ``none_invited``), shown above the form."""
    keys = list(members)
    size = rules.PAGE_SIZE
    pages = page_count(len(keys), size)
    page = min(max(form.page, 0), pages - 1)
    shown = keys[page * size:(page + 1) * size]
    body: list[Element] = [heading(t(lang, "setup.title"))]
    if error:
        message = text(setup_error_text(lang, error, max_date=max_date), color="Attention", weight="Bolder")
        body.append(container([message], style="attention"))
    carried: dict[str, object] = {"left_out": join_keys(sorted(form.left_out - set(shown))), "shown": join_keys(shown), "page": page}
    if page == 0:
        body += _first_page(lang, concept, form, contact_choices, min_date=min_date, max_date=max_date)
    else:
        # The first page's answers travel with every button of the later pages.
        carried.update(deadline=form.deadline.isoformat(), channel_lang=form.channel_lang, named_mode=form.named_mode)
        if form.contact:
            carried["contact"] = form.contact
        body.append(text(t(lang, "setup.later_page"), subtle=True))
    body += [
        text(t(lang, "setup.invitees.title", count=len(keys)), weight="Bolder", spacing="Medium", separator=True),
        text(t(lang, "setup.invitees.hint"), subtle=True, spacing="Small"),
    ]
    if pages > 1:
        body.append(text(t(lang, "list.page", page=page + 1, pages=pages, first=page * size + 1,
                           last=page * size + len(shown), total=len(keys)), subtle=True, spacing="Small"))
    body.append({
        "type": "Input.ChoiceSet", "id": FIELD_INVITEES, "label": t(lang, "setup.invitees.label"),
        "isMultiSelect": True, "style": "compact", "wrap": True,
        "value": join_keys(k for k in shown if k not in form.left_out),
        "choices": member_choices((k, short_name(members[k].name)) for k in shown),
    })
    if page == 0:
        body.append(text(t(lang, "setup.after_start"), subtle=True, spacing="Medium"))
    actions = [submit(t(lang, "action.start_round"), RoundStart, style="positive", **carried)]
    if page > 0:
        actions.append(submit(t(lang, "list.previous"), RoundSetupPage, to_page=page - 1, **carried))
    if page < pages - 1:
        actions.append(submit(t(lang, "list.next"), RoundSetupPage, to_page=page + 1, **carried))
    return card(body, actions)


def _first_page(lang: str, concept: Concept, form: SetupForm, contact_choices: dict[str, Member], *,
                min_date: date, max_date: date) -> list[Element]:
    contact = form.contact if form.contact in contact_choices else None
    return [
        text(t(lang, "setup.intro", workplace=concept.workplace_word(lang))),
        {
            "type": "Input.Date", "id": FIELD_DEADLINE, "label": t(lang, "setup.deadline.label"),
            "value": form.deadline.isoformat(), "min": min_date.isoformat(), "max": max_date.isoformat(), "isRequired": True,
            "errorMessage": t(lang, "setup.deadline.error", min_date=format_date(lang, min_date), max_date=format_date(lang, max_date)),
        },
        text(t(lang, "setup.deadline.hint"), subtle=True, spacing="Small"),
        {
            "type": "Input.ChoiceSet", "id": FIELD_CHANNEL_LANG, "label": t(lang, "setup.lang.label"), "style": "expanded",
            "value": form.channel_lang, "isRequired": True, "errorMessage": t(lang, "setup.lang.error"),
            "choices": [{"title": t(lang, "setup.lang.da"), "value": "da"}, {"title": t(lang, "setup.lang.en"), "value": "en"}],
        },
        {
            "type": "Input.ChoiceSet", "id": FIELD_CONTACT, "label": t(lang, "setup.contact.label"), "style": "compact",
            "isRequired": True, "errorMessage": t(lang, "setup.contact.error"), "wrap": True,
            **({"value": contact} if contact else {}),
            "choices": member_choices((k, short_name(m.name)) for k, m in contact_choices.items()),
        },
        text(t(lang, "setup.contact.hint"), subtle=True, spacing="Small"),
        {
            "type": "Input.ChoiceSet", "id": FIELD_NAMED_MODE, "label": t(lang, "setup.mode.label"), "style": "expanded",
            "value": form.named_mode, "isRequired": True, "errorMessage": t(lang, "setup.mode.error"), "wrap": True,
            "choices": [
                {"title": t(lang, "setup.mode.anonymous"), "value": NAMED_MODE_ANONYMOUS},
                {"title": t(lang, "setup.mode.named"), "value": NAMED_MODE_NAMED},
            ],
        },
    ]


def setup_error_text(lang: str, code: str, *, max_date: date) -> str:
    """Why the round was not started, in words; KeyError for a code the rules never give."""
    return t(lang, f"setup.error.{code}", max_date=format_date(lang, max_date))


def round_started_card(lang: str, concept: Concept, *, deadline: date, contact_name: str, named_mode: bool,
                       invited: int, unreachable: int, round_id: str | None = None, sending: bool = False) -> Element:
    """The channel's confirmation that employees have been asked to nominate themes; the set-up
    card turns into it (``sending``: the cards are on their way, counted as the invited)."""
    invited_key = "started.sending" if sending else "started.invited"
    body: list[Element] = [
        heading(t(lang, "started.title.deadline", deadline=format_date(lang, deadline))),
        text(t(lang, "started.choose")),
        text(t(lang, invited_key, count=invited)),
    ]
    if unreachable:
        body.append(text(t(lang, "started.unreachable", count=unreachable), color="Warning"))
    body += [
        verbatim(contact_name, prefix=t(lang, "label.contact") + " "),
        text(t(lang, "mode.named" if named_mode else "mode.anonymous"), subtle=True),
        text(t(lang, "started.not_in_chat"), subtle=True),
    ]
    actions = [submit(t(lang, "action.tally"), TallyShow), submit(t(lang, "action.status"), StatusShow)]
    if round_id:
        actions.append(submit(t(lang, "action.invitees"), InviteesShow, round_id=round_id))
        actions += planning_actions(lang, round_id)  # extend the deadline, close the round early
    return card(body, actions)


def round_closed_card(lang: str, concept: Concept, *, deadline: date, responded: int, invited: int,
                      closed_early_on: date | None = None) -> Element:
    """The channel's notice that the deadline has passed (or the round was closed early on
    ``closed_early_on``), with the way to the tally."""
    intro = (t(lang, "closed.intro.early", date=format_date(lang, closed_early_on), responded=responded, invited=invited)
             if closed_early_on else t(lang, "closed.intro", deadline=format_date(lang, deadline), responded=responded, invited=invited))
    body: list[Element] = [
        heading(t(lang, "closed_early.title" if closed_early_on else "closed.title")),
        text(intro),
        text(t(lang, "closed.next"), subtle=True),
    ]
    return card(body, [submit(t(lang, "action.tally"), TallyShow)])
