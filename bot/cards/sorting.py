"""Sorting the groups' desired actions into topics and prioritising them (step 10).

The sorting card shows the guide's criteria, the bot's proposals (accept, move, ignore), the
planning group's topics by priority (rename and prioritise; make an initiative of one) and what
is not sorted yet. Entries are named by round and group number, never by who wrote them.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field, field_validator

from bot.process.sorting import TOPIC_TITLE_MAX_CHARS, Item, Priority, Proposal, Topic

from ..texts import t
from .development_plan import InitiativeNew, PlanShow
from .elements import MAX_MESSAGE_BYTES, Element, action_set, card, container, heading, json_size, subheading, submit, text, verbatim
from .payload import Payload, RoundId, capped

NEW_TOPIC = "new"  # the move card's target meaning "a new topic"
PROPOSALS_SHOWN = 8  # at a time: the next appear as these are answered (and the card stays small)
ITEMS_MAX_CHARS = 2_000  # a comma-separated choice of item keys (120 entries of at most 10 characters)


class SortingShow(Payload):
    """Open the sorting card (typed ``sortér`` / ``sort``, or the plenum card's button)."""

    VERB: ClassVar[str] = "sorting.show"
    dialogue_id: RoundId | None = None


class ProposalAccept(Payload):
    """Make a proposal a topic. The proposal is looked up again on the server by its key."""

    VERB: ClassVar[str] = "sorting.accept"
    dialogue_id: RoundId
    proposal: RoundId


class ProposalIgnore(Payload):
    VERB: ClassVar[str] = "sorting.ignore"
    dialogue_id: RoundId
    proposal: RoundId


class MoveShow(Payload):
    """Open the move card, with a proposal's entries chosen (or none)."""

    VERB: ClassVar[str] = "sorting.move_show"
    dialogue_id: RoundId
    proposal: RoundId | None = None


class MoveSave(Payload):
    """Move the chosen entries (``items``: comma-separated keys) to ``target`` (a topic id or
    ``new``, then called ``new_title``). Every key and the topic are checked on the server."""

    VERB: ClassVar[str] = "sorting.move"
    dialogue_id: RoundId
    proposal: RoundId | None = None
    items: str | None = Field(default=None, max_length=ITEMS_MAX_CHARS)
    target: RoundId | None = None
    new_title: str | None = None

    @field_validator("new_title")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, 2 * TOPIC_TITLE_MAX_CHARS)


class TopicEdit(Payload):
    VERB: ClassVar[str] = "sorting.topic_edit"
    dialogue_id: RoundId
    topic_id: RoundId


class TopicSave(Payload):
    """A topic's new heading and priority (1 high, 2 medium, 3 low)."""

    VERB: ClassVar[str] = "sorting.topic_save"
    dialogue_id: RoundId
    topic_id: RoundId
    title: str | None = None
    priority: Literal["1", "2", "3", ""] | None = None

    @field_validator("title")
    @classmethod
    def _cap(cls, value: str | None) -> str | None:
        return capped(value, 2 * TOPIC_TITLE_MAX_CHARS)


def item_label(lang: str, item: Item) -> str:
    """"Trivsel · gruppe 2 · handling 1: " – the round, the group's number, the place; no names."""
    return t(lang, f"sorting.item.{item.slot}", round=t(lang, f"sorting.round.{item.kind.value}"), group=item.group, n=item.index + 1)


def _cut(value: str, limit: int | None) -> str:
    return value if limit is None or len(value) <= limit else value[:limit].rstrip() + "…"


def _entries(lang: str, items: Sequence[Item], limit: int | None, *, brief: bool = False) -> list[Element]:
    """Each entry under its label; ``brief``: only how many (all of them are on the move card)."""
    if brief:
        return [text(t(lang, "sorting.entries.count", count=len(items)), subtle=True, spacing="Small")] if items else []
    return [verbatim(_cut(i.text, limit), prefix=item_label(lang, i), prefix_subtle=True, spacing="Small") for i in items]


def priority_text(lang: str, priority: Priority | None) -> str:
    return t(lang, f"sorting.priority.{int(priority)}" if priority is not None else "sorting.priority.none")


def criteria(lang: str) -> Element:
    """The guide's "Kriterier for prioritering af udviklingsområder", in its own words."""
    return container([
        text(t(lang, "sorting.criteria.title"), weight="Bolder"),
        text(t(lang, "sorting.criteria.wellbeing"), spacing="Small"),
        text(t(lang, "sorting.criteria.leadership"), spacing="Small"),
        text(t(lang, "sorting.criteria.all"), subtle=True, spacing="Small"),
    ], style="emphasis", spacing="Medium")


def _proposal(lang: str, dialogue_id: str, proposal: Proposal, limit: int | None) -> Element:
    return container([
        verbatim(_cut(proposal.title, limit), prefix=t(lang, "sorting.proposal.title"), bold=True),
        *_entries(lang, proposal.items, limit),
        action_set([
            submit(t(lang, "action.sorting.accept"), ProposalAccept, style="positive", dialogue_id=dialogue_id, proposal=proposal.key),
            submit(t(lang, "action.sorting.move"), MoveShow, dialogue_id=dialogue_id, proposal=proposal.key),
            submit(t(lang, "action.sorting.ignore"), ProposalIgnore, dialogue_id=dialogue_id, proposal=proposal.key),
        ], spacing="Small"),
    ], separator=True, spacing="Medium")


def _topic(lang: str, dialogue_id: str, topic: Topic, limit: int | None, brief: bool) -> Element:
    return container([
        verbatim(topic.title, bold=True),
        text(t(lang, "sorting.priority.label") + priority_text(lang, topic.priority), subtle=True, spacing="None"),
        *_entries(lang, topic.items, limit, brief=brief),
        action_set([
            submit(t(lang, "action.sorting.topic_edit"), TopicEdit, dialogue_id=dialogue_id, topic_id=topic.id),
            submit(t(lang, "action.sorting.initiative"), InitiativeNew, style="positive", dialogue_id=dialogue_id, topic_id=topic.id),
        ], spacing="Small"),
    ], separator=True, spacing="Medium")


def sorting_card(lang: str, *, dialogue_id: str, items: Sequence[Item], proposals: Sequence[Proposal], topics: Sequence[Topic],
                 notice: str | None = None, warn: bool = False) -> Element:
    """The whole sorting: criteria, proposals, topics by priority, and what is not sorted yet.
    Entries are shortened only if the whole would not fit in one message (120 entries of 300
    characters do not); at the last resort, topics and unsorted entries show only how many."""
    in_topics = {entry.key for topic in topics for entry in topic.items}
    proposed = {entry.key for proposal in proposals[:PROPOSALS_SHOWN] for entry in proposal.items}
    loose = [i for i in items if i.key not in in_topics | proposed]  # in no topic and no proposal
    actions = [submit(t(lang, "action.sorting.plan"), PlanShow, dialogue_id=dialogue_id)]
    if items:
        actions.insert(0, submit(t(lang, "action.sorting.move_entries"), MoveShow, dialogue_id=dialogue_id))
    for limit, brief in ((None, False), (150, False), (80, False), (40, False), (40, True), (25, True)):
        body: list[Element] = [heading(t(lang, "sorting.title"))]
        if notice:
            body.append(text(notice, color="Attention" if warn else "Good", weight="Bolder", spacing="Small"))
        body += [text(t(lang, "sorting.intro"), spacing="Small"), criteria(lang)]
        if not items:
            body.append(text(t(lang, "sorting.nothing"), color="Attention", spacing="Medium"))
        body.append(subheading(t(lang, "sorting.topics.title"), separator=True))
        body += [_topic(lang, dialogue_id, topic, limit, brief) for topic in topics] or [text(t(lang, "sorting.topics.none"), subtle=True)]
        if items:
            body.append(subheading(t(lang, "sorting.proposals.title"), separator=True))
            body.append(text(t(lang, "sorting.proposals.how"), subtle=True, spacing="Small"))
            body += [_proposal(lang, dialogue_id, p, limit) for p in proposals[:PROPOSALS_SHOWN]] \
                or [text(t(lang, "sorting.proposals.none"), subtle=True)]
            if len(proposals) > PROPOSALS_SHOWN:
                body.append(text(t(lang, "sorting.proposals.more", count=len(proposals) - PROPOSALS_SHOWN), subtle=True, spacing="Small"))
            if loose:
                body.append(subheading(t(lang, "sorting.unsorted.title"), separator=True))
                body += _entries(lang, loose, limit, brief=brief)
            elif all(i.key in in_topics for i in items):
                body.append(text(t(lang, "sorting.unsorted.none"), color="Good", spacing="Medium"))
        if limit is not None:
            body.append(text(t(lang, "sorting.shortened"), subtle=True, spacing="Medium"))
        built = card(body, actions)
        if json_size(built) < MAX_MESSAGE_BYTES - 2_000:
            break
    return built


def _choice_title(lang: str, item: Item) -> str:
    return item_label(lang, item) + _cut(item.text.replace("\n", " "), 90)


def move_card(lang: str, *, dialogue_id: str, items: Sequence[Item], topics: Sequence[Topic], proposal: Proposal | None,
              chosen: Sequence[str] = (), target: str | None = None, new_title: str = "", error: str | None = None) -> Element:
    """Choose entries and the topic they go to, or a new topic and its heading."""
    chosen = list(chosen) or ([i.key for i in proposal.items] if proposal else [])
    body: list[Element] = [heading(t(lang, "sorting.move.title"))]
    if error:
        body.append(text(t(lang, error, limit=TOPIC_TITLE_MAX_CHARS), color="Attention", weight="Bolder"))
    body.append({
        "type": "Input.ChoiceSet", "id": "items", "label": t(lang, "sorting.move.items"), "isMultiSelect": True, "style": "expanded",
        "wrap": True, "value": ",".join(chosen), "choices": [{"title": _choice_title(lang, i), "value": i.key} for i in items],
    })
    body.append({
        "type": "Input.ChoiceSet", "id": "target", "label": t(lang, "sorting.move.target"), "style": "compact", "wrap": True,
        "value": target or NEW_TOPIC,
        "choices": [{"title": t(lang, "sorting.move.new"), "value": NEW_TOPIC}]
        + [{"title": _cut(topic.title, 90), "value": topic.id} for topic in topics],
    })
    title_input: Element = {"type": "Input.Text", "id": "new_title", "label": t(lang, "sorting.move.new_title"),
                            "maxLength": TOPIC_TITLE_MAX_CHARS}
    if new_title or proposal:
        title_input["value"] = new_title or proposal.title
    body.append(title_input)
    carried = {"dialogue_id": dialogue_id, **({"proposal": proposal.key} if proposal else {})}
    return card(body, [submit(t(lang, "sorting.move.save"), MoveSave, style="positive", **carried),
                       submit(t(lang, "action.sorting.back"), SortingShow, dialogue_id=dialogue_id)])


def topic_card(lang: str, *, dialogue_id: str, topic: Topic, title: str | None = None, error: str | None = None) -> Element:
    """Rename a topic and give it a priority by the guide's criteria."""
    body: list[Element] = [heading(t(lang, "sorting.topic.title")), criteria(lang)]
    if error:
        body.append(text(t(lang, error, limit=TOPIC_TITLE_MAX_CHARS), color="Attention", weight="Bolder"))
    body.append({"type": "Input.Text", "id": "title", "label": t(lang, "sorting.topic.name"), "maxLength": TOPIC_TITLE_MAX_CHARS,
                 "value": title if title is not None else topic.title})
    priority: Element = {
        "type": "Input.ChoiceSet", "id": "priority", "label": t(lang, "sorting.topic.priority"), "style": "expanded",
        "choices": [{"title": priority_text(lang, p), "value": str(int(p))} for p in Priority],
    }
    if topic.priority is not None:
        priority["value"] = str(int(topic.priority))
    body.append(priority)
    actions = [
        submit(t(lang, "sorting.topic.save"), TopicSave, style="positive", dialogue_id=dialogue_id, topic_id=topic.id),
        submit(t(lang, "action.sorting.initiative"), InitiativeNew, dialogue_id=dialogue_id, topic_id=topic.id),
        submit(t(lang, "action.sorting.back"), SortingShow, dialogue_id=dialogue_id),
    ]
    for limit, brief in ((None, False), (150, False), (80, False), (40, False), (40, True)):
        built = card(body + _entries(lang, topic.items, limit, brief=brief), actions)
        if json_size(built) < MAX_MESSAGE_BYTES - 2_000:
            break
    return built
