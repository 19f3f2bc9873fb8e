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
from .elements import MAX_MESSAGE_BYTES, Element, action_set, json_size, card, container, heading, rich, run, subheading, submit, text
from .group_results import ResultsShow
from .payload import Payload, RoundId
from .run_sheet import RunSheetShow

ABSENT_INPUT, FIRST_HELD_INPUT = "absent", "first_held"
# A comma-separated list of user ids from the absentee card (ids are up to 200 characters).
AbsentIds = Annotated[str, Field(max_length=60_000)]


class GroupsShow(Payload):
    """Open the grouping card (typed ``grupper`` / ``groups``, or the status card's button)."""

    VERB: ClassVar[str] = "groups.show"
    dialogue_id: RoundId | None = None


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


def _rounds(lang: str, grouping: Grouping, names: Mapping[str, str]) -> list[Element]:
    body: list[Element] = []
    for kind in (Kind.WELLBEING, Kind.LEADERSHIP):
        body.append(subheading(t(lang, f"groups.round.{kind}"), separator=True))
        for number, group in enumerate(grouping.groups(kind), start=1):
            body.append(rich(run(t(lang, "groups.group", number=number), bold=True),
                             run(", ".join(name_of(names, p) for p in group)), spacing="Small"))
    return body


def grouping_card(lang: str, view: GroupingView) -> Element:
    """Both rounds' groups with names, the repeated pairs against the fewest possible, the size rule,
    what changed since the groups were formed, and the buttons to post, mark absentees, form again
    and open the run-sheet."""
    saved, grouping = view.saved, view.saved.grouping
    people = sum(len(g) for g in grouping.wellbeing)
    body: list[Element] = [heading(t(lang, "groups.title"))]
    if view.day is not None:
        body.append(text(t(lang, "groups.post.when", date=view.day.date, start=format_clock(lang, view.day.start)), spacing="Small"))
    if view.note:
        body.append(text(view.note, weight="Bolder", color="Accent"))
    count_key = "groups.count.one" if len(grouping.wellbeing) == 1 else "groups.count"  # "i 1 grupper" is no Danish
    body.append(text(t(lang, count_key, people=people, groups=len(grouping.wellbeing)), spacing="Small"))
    body += _rounds(lang, grouping, view.names)
    repeats = t(lang, "groups.repeats.one" if grouping.repeats == 1 else "groups.repeats", count=grouping.repeats) + " " + (
        t(lang, "groups.repeats.fewest") if grouping.repeats <= grouping.fewest_possible
        else t(lang, "groups.repeats.fewer_possible", fewest=grouping.fewest_possible))
    body += [text(repeats, weight="Bolder", separator=True), text(t(lang, "groups.rule"), subtle=True, spacing="Small")]
    if saved.absent:
        body.append(rich(run(t(lang, "groups.absent"), bold=True),
                         run(", ".join(sorted(name_of(view.names, p) for p in saved.absent)))))
    if saved.first_held:
        body.append(text(t(lang, "groups.first_held"), subtle=True, spacing="Small"))
    if not view.change.is_empty:
        changed: list[Element] = [subheading(t(lang, "groups.changed.title"))]
        for key, people_ in (("groups.changed.left", view.change.left), ("groups.changed.joined", view.change.joined)):
            if people_:
                changed.append(rich(run(t(lang, key), bold=True), run(", ".join(name_of(view.names, p) for p in people_)), spacing="Small"))
        changed.append(text(t(lang, "groups.changed.hint"), spacing="Small"))
        body.append(container(changed, style="warning", separator=True))
    body.append(text(t(lang, "groups.formed", date=saved.formed_at), subtle=True, spacing="Small"))
    ids = {"dialogue_id": view.dialogue_id}
    actions = [
        submit(t(lang, "groups.action.post"), GroupsPost, style="positive", version=saved.version, **ids),
        submit(t(lang, "groups.action.absent"), GroupsAbsentShow, version=saved.version, **ids),
        submit(t(lang, "groups.action.form_again"), GroupsForm, version=saved.version, **ids),
        submit(t(lang, "groups.action.run_sheet"), RunSheetShow, **ids),
    ]
    return card(body, actions)


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
                     replaced: bool = False) -> Element:
    """The groups for the channel: each person @mentioned in their group (so Teams tells them),
    where to sit on arrival and after the break, and each round's button for the group's results.

    A very large workplace (well over 100 people) would not fit with a mention entity per person;
    then the names are shown without mentions rather than not at all."""
    result = _groups_post(lang, dialogue_id, grouping, names, day, replaced, mentions=True)
    if json_size(result) > MAX_MESSAGE_BYTES - _MESSAGE_MARGIN:
        result = _groups_post(lang, dialogue_id, grouping, names, day, replaced, mentions=False)
    return result


_MESSAGE_MARGIN = 2_000  # the message around the card: summary, lang marks on the buttons


def _groups_post(lang: str, dialogue_id: str, grouping: Grouping, names: Mapping[str, str], day: DialogueDay | None,
                 replaced: bool, *, mentions: bool) -> Element:
    body: list[Element] = [heading(t(lang, "groups.title"))]
    if day is not None:
        body.append(text(t(lang, "groups.post.when", date=day.date, start=format_clock(lang, day.start)), spacing="Small"))
    if replaced:
        body.append(text(t(lang, "groups.post.replaced"), weight="Bolder", color="Attention"))
    body.append(text(t(lang, "groups.post.intro")))
    entities: dict[str, dict] = {}
    for kind in (Kind.WELLBEING, Kind.LEADERSHIP):
        body.append(subheading(t(lang, f"groups.round.{kind}"), separator=True))
        for number, group in enumerate(grouping.groups(kind), start=1):
            if not mentions:
                body.append(rich(run(t(lang, "groups.group", number=number), bold=True),
                                 run(", ".join(name_of(names, p) for p in group)), spacing="Small"))
                continue
            tags = []
            for user_id in group:
                tag = mention_text(name_of(names, user_id))
                entities.setdefault(user_id, {"type": "mention", "text": tag, "mentioned": {"id": user_id, "name": name_of(names, user_id)}})
                tags.append(tag)
            # The group label is the bot's own words; the tags are what Teams turns into mentions.
            body.append(text(t(lang, "groups.group", number=number) + ", ".join(tags), spacing="Small"))
        body.append(text(t(lang, "groups.post.results"), subtle=True, spacing="Small"))
        body.append(action_set([submit(t(lang, f"groups.action.results.{kind}"), ResultsShow, dialogue_id=dialogue_id, kind=str(kind))]))
    result = card(body)
    if entities:
        result["msteams"] = {"entities": list(entities.values())}
    return result
