"""The groups of the day's two rounds (step 7): the planning group's card, the absentee card, and
the channel post that names (and @mentions) everyone in their group.

Names are Teams display names: on the planning group's cards they go in TextRuns (shown as
typed, never as markdown). The channel post must use ``<at>…</at>`` in a TextBlock for Teams to
mention people, so the name inside the tag is stripped of markdown and tag characters first.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from ..process.concept import Kind
from ..process.grouping import ABSENTEES_PER_PAGE, Grouping, PeopleChange, SavedGrouping, absentee_keys
from ..process.invitees import MAX_KEYS, join_keys
from ..process.invitation import DialogueDay
from ..texts import t
from ..texts.run_sheet import format_clock
from .elements import Element, action_set, json_size, card, container, heading, rich, run, subheading, submit, text
from .invitees import KeysText, member_choices, short_name
from .group_results import PAGE_BYTES, PageNumber, ResultsShow, page_actions, page_line, pages_by_size
from .payload import Payload, RoundId
from .run_sheet import RunSheetShow

ABSENT_INPUT, FIRST_HELD_INPUT = "absent", "first_held"
# A comma-separated list of user ids from the absentee card (ids are up to 200 characters).
AbsentIds = Annotated[str, Field(max_length=60_000)]
AbsentPageNumber = Annotated[int, Field(ge=0, le=MAX_KEYS // ABSENTEES_PER_PAGE)]


class GroupsShow(Payload):
    """Open the grouping card (typed ``grupper`` / ``groups``, or the status card's button)."""

    VERB: ClassVar[str] = "groups.show"
    dialogue_id: RoundId | None = None


class GroupsPage(Payload):
    """Another page of a large day's grouping card, in place (always the current grouping)."""

    VERB: ClassVar[str] = "groups.page"
    dialogue_id: RoundId
    page: PageNumber


class GroupsPostPage(Payload):
    """Another page of the channel's post of the groups, in place: the room's own view, so whoever
    turns it turns it for everyone (mentions are only ever sent with the first page)."""

    VERB: ClassVar[str] = "groups.post.page"
    dialogue_id: RoundId
    page: PageNumber


class GroupsForm(Payload):
    """Form the groups again ("Dan grupperne igen") from the card that showed ``version``."""

    VERB: ClassVar[str] = "groups.form"
    dialogue_id: RoundId
    version: int = Field(ge=0, le=1_000_000)


class GroupsPost(Payload):
    """Post the groups, as the card showed them (``version``), to the team's channel."""

    VERB: ClassVar[str] = "groups.post"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=1_000_000)


class GroupsAbsentShow(Payload):
    """Open the absentee card."""

    VERB: ClassVar[str] = "groups.absent.show"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=1_000_000)


class GroupsAbsentSave(Payload):
    """Mark absentees and regroup (the absentee card's button). ``absent`` is the page's ticks
    (short keys; Teams ids from a card of before the pages), ``shown`` the keys on that page and
    ``marked`` those marked on every page when it was shown; without ``shown`` the card showed everyone."""

    VERB: ClassVar[str] = "groups.absent.save"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=1_000_000)
    absent: AbsentIds | None = None
    first_held: Literal["true", "false"] | None = None
    shown: KeysText | None = None
    marked: KeysText | None = None


class GroupsAbsentPage(Payload):
    """Another page of the absentee card, in place: this page's ticks join what is marked on the
    others; nothing is saved or regrouped until "Dan grupperne om"."""

    VERB: ClassVar[str] = "groups.absent.page"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=1_000_000)
    page: AbsentPageNumber
    absent: AbsentIds | None = None
    first_held: Literal["true", "false"] | None = None
    shown: KeysText
    marked: KeysText | None = None


@dataclass(frozen=True)
class GroupingView:
    """What the planning group's grouping card shows."""

    dialogue_id: str
    saved: SavedGrouping
    names: Mapping[str, str]
    change: PeopleChange
    day: DialogueDay | None = None
    note: str | None = None  # a line in the bot's own words (posting, stale card)


def one_kind(grouping: Grouping) -> str:
    """The suffix of a text's one-kind variant: ".one_kind" on a day of one round (DTU), else ""."""
    return ".one_kind" if bool(grouping.wellbeing) != bool(grouping.leadership) else ""


def name_of(names: Mapping[str, str], user_id: str) -> str:
    return names.get(user_id) or user_id


def _round_rows(lang: str, grouping: Grouping, names: Mapping[str, str]) -> list[tuple[Kind, Element]]:
    return [(kind, rich(run(t(lang, "groups.group", number=number), bold=True), run(", ".join(name_of(names, p) for p in group)),
                        spacing="Small"))
            for kind in (Kind.WELLBEING, Kind.LEADERSHIP) for number, group in enumerate(grouping.groups(kind), start=1)]


def paged_rounds(lang: str, rows: list[tuple[Kind | None, Element]], pages: list[range], page: int) -> list[Element]:
    """The rows of one page, each round's title before its first row on the page (``None``: a row after the rounds)."""
    body: list[Element] = []
    current: Kind | None = None
    one = ".one_kind" if len({kind for kind, _ in rows if kind is not None}) == 1 else ""  # a one-kind day: no "2. runde"
    for index in pages[page]:
        kind, row = rows[index]
        if kind is not None and kind != current:
            body.append(subheading(t(lang, f"groups.round.{kind}{one}"), separator=True))
        current = kind
        body.append(row)
    return body


def grouping_card(lang: str, view: GroupingView, *, page: int = 0) -> Element:
    """Both rounds' groups with names, the repeated pairs against the fewest possible, the size rule,
    what changed since the groups were formed, and the buttons to post, mark absentees, form again
    and open the run-sheet. A large day's groups go on pages turned in place, nothing left out."""
    saved, grouping = view.saved, view.saved.grouping
    first = grouping.wellbeing or grouping.leadership  # a one-kind day (DTU) has one round, in its kind's place
    people = sum(len(g) for g in first)
    head: list[Element] = [heading(t(lang, "groups.title"))]
    if view.day is not None:
        head.append(text(t(lang, "groups.post.when", date=view.day.date, start=format_clock(lang, view.day.start)), spacing="Small"))
    if view.note:
        head.append(text(view.note, weight="Bolder", color="Accent"))
    count_key = "groups.count.one" if len(first) == 1 else "groups.count"  # "i 1 grupper" is no Danish
    head.append(text(t(lang, count_key, people=people, groups=len(first)), spacing="Small"))
    rows: list[tuple[Kind | None, Element]] = list(_round_rows(lang, grouping, view.names))
    repeats = t(lang, "groups.repeats.one" if grouping.repeats == 1 else "groups.repeats", count=grouping.repeats) + " " + (
        t(lang, "groups.repeats.fewest") if grouping.repeats <= grouping.fewest_possible
        else t(lang, "groups.repeats.fewer_possible", fewest=grouping.fewest_possible))
    rows += [(None, text(repeats, weight="Bolder", separator=True))] if grouping.wellbeing and grouping.leadership else []
    rows += [(None, text(t(lang, "groups.rule" + one_kind(grouping)), subtle=True, spacing="Small"))]
    if saved.absent:
        rows.append((None, rich(run(t(lang, "groups.absent"), bold=True),
                                run(", ".join(sorted(name_of(view.names, p) for p in saved.absent))))))
    if saved.first_held:
        rows.append((None, text(t(lang, "groups.first_held" + one_kind(grouping)), subtle=True, spacing="Small")))
    if not view.change.is_empty:
        changed: list[Element] = [subheading(t(lang, "groups.changed.title"))]
        for key, people_ in (("groups.changed.left", view.change.left), ("groups.changed.joined", view.change.joined)):
            if people_:
                changed.append(rich(run(t(lang, key), bold=True), run(", ".join(name_of(view.names, p) for p in people_)), spacing="Small"))
        changed.append(text(t(lang, "groups.changed.hint"), spacing="Small"))
        rows.append((None, container(changed, style="warning", separator=True)))
    tail = [text(t(lang, "groups.formed", date=saved.formed_at), subtle=True, spacing="Small")]
    ids = {"dialogue_id": view.dialogue_id}
    actions = [
        submit(t(lang, "groups.action.post"), GroupsPost, style="positive", version=saved.version, **ids),
        submit(t(lang, "groups.action.absent"), GroupsAbsentShow, version=saved.version, **ids),
        submit(t(lang, "groups.action.form_again"), GroupsForm, version=saved.version, **ids),
        submit(t(lang, "groups.action.run_sheet"), RunSheetShow, **ids),
    ]
    frame = json_size(card([*head, page_line(lang, 199, 200), *tail, subheading(t(lang, "groups.round.wellbeing")),
                            subheading(t(lang, "groups.round.leadership"))], actions + page_actions(lang, GroupsPage, 1, 3, **ids)))
    pages = pages_by_size([json_size(row) for _, row in rows], PAGE_BYTES - frame)
    page = min(max(page, 0), len(pages) - 1)
    body = head + ([page_line(lang, page, len(pages))] if len(pages) > 1 else []) + paged_rounds(lang, rows, pages, page) + tail
    # The page buttons first: Teams shows the first six actions in a row.
    return card(body, page_actions(lang, GroupsPage, page, len(pages), **ids) + actions)


def absentees_card(lang: str, *, dialogue_id: str, version: int, people: Sequence[tuple[str, str]], absent: set[str] | frozenset[str],
                   first_held: bool, page: int = 0, one_round: bool = False) -> Element:
    """A multi-select of the people (``(user_id, name)``, in the order shown), those marked absent
    ticked, and whether the first round (``one_round``: the day's only one, DTU) has been held. A large day goes on pages of
    ``ABSENTEES_PER_PAGE``, turned in place; every button carries what is marked on all pages
    (by short keys), so nothing ticked on another page is lost, and only "Dan grupperne om" regroups."""
    keys = absentee_keys(p for p, _ in people)
    pages = max(1, -(-len(people) // ABSENTEES_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = people[page * ABSENTEES_PER_PAGE:(page + 1) * ABSENTEES_PER_PAGE]
    one = ".one_kind" if one_round else ""  # a one-kind day has no "1. runde" and no "2. runde"
    body: list[Element] = [heading(t(lang, "groups.absent.title")), text(t(lang, "groups.absent.intro" + one), spacing="Small")]
    if pages > 1:
        first = page * ABSENTEES_PER_PAGE + 1
        body += [text(t(lang, "list.page", page=page + 1, pages=pages, first=first, last=first + len(shown) - 1, total=len(people)),
                      weight="Bolder", spacing="Small"),
                 text(t(lang, "groups.absent.marked", count=len(absent)), subtle=True, spacing="Small")]
    body += [
        {"type": "Input.ChoiceSet", "id": ABSENT_INPUT, "label": t(lang, "groups.absent.people"), "isMultiSelect": True,
         "style": "expanded", "choices": member_choices((keys[p], short_name(name)) for p, name in shown),
         "value": join_keys(keys[p] for p, _ in shown if p in absent)},
        {"type": "Input.Toggle", "id": FIRST_HELD_INPUT, "title": t(lang, "groups.absent.first_held" + one),
         "value": "true" if first_held else "false", "valueOn": "true", "valueOff": "false"},
    ]
    carried = {"dialogue_id": dialogue_id, "version": version, "shown": join_keys(keys[p] for p, _ in shown),
               "marked": join_keys(keys[p] for p, _ in people if p in absent)}
    actions = [submit(t(lang, "groups.action.regroup"), GroupsAbsentSave, style="positive", **carried)]
    if page > 0:
        actions.append(submit(t(lang, "list.previous"), GroupsAbsentPage, page=page - 1, **carried))
    if page < pages - 1:
        actions.append(submit(t(lang, "list.next"), GroupsAbsentPage, page=page + 1, **carried))
    return card(body, actions)


# -- the channel post, with mentions ---------------------------------------------------------
_NOT_IN_A_MENTION = re.compile(r"[<>*_\[\]()`~#|\\{}$]")


def mention_text(name: str) -> str:
    """``<at>name</at>`` with the name stripped of what Teams would read as markdown or markup."""
    clean = " ".join(_NOT_IN_A_MENTION.sub("", name).split())
    return f"<at>{clean or '?'}</at>"


def _post_layout(lang: str, *, dialogue_id: str, grouping: Grouping, names: Mapping[str, str], day: DialogueDay | None,
                 replaced: bool) -> tuple[list[Element], list[tuple[Kind | None, Element, list[dict]]], list[range]]:
    """The post's head, its rows (each with the mentions it makes) and the rows of each page."""
    head: list[Element] = [heading(t(lang, "groups.title"))]
    if day is not None:
        head.append(text(t(lang, "groups.post.when", date=day.date, start=format_clock(lang, day.start)), spacing="Small"))
    if replaced:
        head.append(text(t(lang, "groups.post.replaced"), weight="Bolder", color="Attention"))
    head.append(text(t(lang, "groups.post.intro" + one_kind(grouping))))
    rows: list[tuple[Kind | None, Element, list[dict]]] = []
    for kind in [kind for kind in Kind if grouping.groups(kind)] or list(Kind):  # a one-kind day posts its one round
        for number, group in enumerate(grouping.groups(kind), start=1):
            mentions = [{"type": "mention", "text": mention_text(name_of(names, u)), "mentioned": {"id": u, "name": name_of(names, u)}}
                        for u in group]
            # The group label is the bot's own words; the tags are what Teams turns into mentions.
            rows.append((kind, text(t(lang, "groups.group", number=number) + ", ".join(m["text"] for m in mentions), spacing="Small"),
                         mentions))
        rows.append((kind, container([
            text(t(lang, "groups.post.results"), subtle=True, spacing="Small"),
            action_set([submit(t(lang, f"groups.action.results.{kind}"), ResultsShow, dialogue_id=dialogue_id, kind=str(kind))]),
        ]), []))
    frame = json_size(card([*head, page_line(lang, 199, 200), subheading(t(lang, "groups.round.wellbeing")),
                            subheading(t(lang, "groups.round.leadership"))], page_actions(lang, GroupsPostPage, 1, 3, dialogue_id=dialogue_id)))
    return head, rows, pages_by_size([json_size(row) + json_size(mentions) for _, row, mentions in rows], PAGE_BYTES - frame)


def groups_post_page_count(lang: str, *, dialogue_id: str, grouping: Grouping, names: Mapping[str, str], day: DialogueDay | None,
                           replaced: bool = False) -> int:
    """How many pages (messages) the channel's post of these groups takes."""
    return len(_post_layout(lang, dialogue_id=dialogue_id, grouping=grouping, names=names, day=day, replaced=replaced)[2])


def groups_post_card(lang: str, *, dialogue_id: str, grouping: Grouping, names: Mapping[str, str], day: DialogueDay | None,
                     replaced: bool = False, page: int = 0, turnable: bool = True) -> Element:
    """The groups for the channel: each person @mentioned in their group (so Teams tells them),
    where to sit on arrival and after the break, and each round's button for the group's results.

    A large day (well over 100 people) goes on pages, each with the mentions of those on it;
    nobody is left out and no name loses its mention. The bot posts each page as a message of its
    own (``turnable=False``: no page buttons, since an update in place notifies nobody); a post
    from before that turns its pages in place with "Næste side"."""
    head, rows, pages = _post_layout(lang, dialogue_id=dialogue_id, grouping=grouping, names=names, day=day, replaced=replaced)
    page = min(max(page, 0), len(pages) - 1)
    body = head + ([page_line(lang, page, len(pages))] if len(pages) > 1 else [])
    body += paged_rounds(lang, [(kind, row) for kind, row, _ in rows], pages, page)
    result = card(body, page_actions(lang, GroupsPostPage, page, len(pages), dialogue_id=dialogue_id) if turnable else [])
    entities: dict[str, dict] = {}
    for index in pages[page]:
        for mention in rows[index][2]:
            entities.setdefault(mention["mentioned"]["id"], mention)
    if entities:
        result["msteams"] = {"entities": list(entities.values())}
    return result
