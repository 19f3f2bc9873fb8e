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
from ..process.grouping import Grouping, PeopleChange, SavedGrouping
from ..process.invitation import DialogueDay
from ..texts import t
from ..texts.run_sheet import format_clock
from .elements import Element, action_set, json_size, card, container, heading, rich, run, subheading, submit, text
from .group_results import PAGE_BYTES, PageNumber, ResultsShow, page_actions, page_line, pages_by_size
from .payload import Payload, RoundId
from .run_sheet import RunSheetShow

ABSENT_INPUT, FIRST_HELD_INPUT = "absent", "first_held"
# A comma-separated list of user ids from the absentee card (ids are up to 200 characters).
AbsentIds = Annotated[str, Field(max_length=60_000)]


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
    """Mark absentees and regroup (the absentee card's button)."""

    VERB: ClassVar[str] = "groups.absent.save"
    dialogue_id: RoundId
    version: int = Field(ge=1, le=1_000_000)
    absent: AbsentIds | None = None
    first_held: Literal["true", "false"] | None = None


@dataclass(frozen=True)
class GroupingView:
    """What the planning group's grouping card shows."""

    dialogue_id: str
    saved: SavedGrouping
    names: Mapping[str, str]
    change: PeopleChange
    day: DialogueDay | None = None
    note: str | None = None  # a line in the bot's own words (posting, stale card)


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
    for index in pages[page]:
        kind, row = rows[index]
        if kind is not None and kind != current:
            body.append(subheading(t(lang, f"groups.round.{kind}"), separator=True))
        current = kind
        body.append(row)
    return body


def grouping_card(lang: str, view: GroupingView, *, page: int = 0) -> Element:
    """Both rounds' groups with names, the repeated pairs against the fewest possible, the size rule,
    what changed since the groups were formed, and the buttons to post, mark absentees, form again
    and open the run-sheet. A large day's groups go on pages turned in place, nothing left out."""
    saved, grouping = view.saved, view.saved.grouping
    people = sum(len(g) for g in grouping.wellbeing)
    head: list[Element] = [heading(t(lang, "groups.title"))]
    if view.day is not None:
        head.append(text(t(lang, "groups.post.when", date=view.day.date, start=format_clock(lang, view.day.start)), spacing="Small"))
    if view.note:
        head.append(text(view.note, weight="Bolder", color="Accent"))
    count_key = "groups.count.one" if len(grouping.wellbeing) == 1 else "groups.count"  # "i 1 grupper" is no Danish
    head.append(text(t(lang, count_key, people=people, groups=len(grouping.wellbeing)), spacing="Small"))
    rows: list[tuple[Kind | None, Element]] = list(_round_rows(lang, grouping, view.names))
    repeats = t(lang, "groups.repeats.one" if grouping.repeats == 1 else "groups.repeats", count=grouping.repeats) + " " + (
        t(lang, "groups.repeats.fewest") if grouping.repeats <= grouping.fewest_possible
        else t(lang, "groups.repeats.fewer_possible", fewest=grouping.fewest_possible))
    rows += [(None, text(repeats, weight="Bolder", separator=True)), (None, text(t(lang, "groups.rule"), subtle=True, spacing="Small"))]
    if saved.absent:
        rows.append((None, rich(run(t(lang, "groups.absent"), bold=True),
                                run(", ".join(sorted(name_of(view.names, p) for p in saved.absent))))))
    if saved.first_held:
        rows.append((None, text(t(lang, "groups.first_held"), subtle=True, spacing="Small")))
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
                   first_held: bool) -> Element:
    """A multi-select of the people (``(user_id, name)``, in the order shown), those marked absent
    ticked, and whether the first round has been held."""
    choices = [{"title": name, "value": user_id} for user_id, name in people]
    body: list[Element] = [
        heading(t(lang, "groups.absent.title")),
        text(t(lang, "groups.absent.intro"), spacing="Small"),
        {"type": "Input.ChoiceSet", "id": ABSENT_INPUT, "label": t(lang, "groups.absent.people"), "isMultiSelect": True,
         "style": "expanded", "choices": choices, "value": ",".join(p for p, _ in people if p in absent)},
        {"type": "Input.Toggle", "id": FIRST_HELD_INPUT, "title": t(lang, "groups.absent.first_held"),
         "value": "true" if first_held else "false", "valueOn": "true", "valueOff": "false"},
    ]
    actions = [submit(t(lang, "groups.action.regroup"), GroupsAbsentSave, style="positive", dialogue_id=dialogue_id, version=version)]
    return card(body, actions)


# -- the channel post, with mentions ---------------------------------------------------------
_NOT_IN_A_MENTION = re.compile(r"[<>*_\[\]()`~#|\\{}$]")


def mention_text(name: str) -> str:
    """``<at>name</at>`` with the name stripped of what Teams would read as markdown or markup."""
    clean = " ".join(_NOT_IN_A_MENTION.sub("", name).split())
    return f"<at>{clean or '?'}</at>"


def groups_post_card(lang: str, *, dialogue_id: str, grouping: Grouping, names: Mapping[str, str], day: DialogueDay | None,
                     replaced: bool = False, page: int = 0) -> Element:
    """The groups for the channel: each person @mentioned in their group (so Teams tells them),
    where to sit on arrival and after the break, and each round's button for the group's results.

    A large day (well over 100 people) goes on pages, each with the mentions of those on it,
    turned in place with "Næste side"; nobody is left out and no name loses its mention."""
    head: list[Element] = [heading(t(lang, "groups.title"))]
    if day is not None:
        head.append(text(t(lang, "groups.post.when", date=day.date, start=format_clock(lang, day.start)), spacing="Small"))
    if replaced:
        head.append(text(t(lang, "groups.post.replaced"), weight="Bolder", color="Attention"))
    head.append(text(t(lang, "groups.post.intro")))
    rows: list[tuple[Kind | None, Element, list[dict]]] = []
    for kind in (Kind.WELLBEING, Kind.LEADERSHIP):
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
    ids = {"dialogue_id": dialogue_id}
    frame = json_size(card([*head, page_line(lang, 199, 200), subheading(t(lang, "groups.round.wellbeing")),
                            subheading(t(lang, "groups.round.leadership"))], page_actions(lang, GroupsPostPage, 1, 3, **ids)))
    pages = pages_by_size([json_size(row) + json_size(mentions) for _, row, mentions in rows], PAGE_BYTES - frame)
    page = min(max(page, 0), len(pages) - 1)
    body = head + ([page_line(lang, page, len(pages))] if len(pages) > 1 else [])
    body += paged_rounds(lang, [(kind, row) for kind, row, _ in rows], pages, page)
    result = card(body, page_actions(lang, GroupsPostPage, page, len(pages), **ids))
    entities: dict[str, dict] = {}
    for index in pages[page]:
        for mention in rows[index][2]:
            entities.setdefault(mention["mentioned"]["id"], mention)
    if entities:
        result["msteams"] = {"entities": list(entities.values())}
    return result
