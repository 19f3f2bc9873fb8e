"""Step 10 in Teams: the planning group sorts the input into topics and prioritises them
(rules and method: process/sorting.py).

``sortér`` / ``sort`` (or the plenum card's button) opens the sorting card for the planning
group, privately. Every press is checked again whatever the card said: the dialogue's own team,
the sender in its planning group, the proposal still proposed now, each moved entry one of the
groups' current entries, the topic one of this dialogue's. A used card is replaced in place.
"""
from __future__ import annotations

import asyncio

from botbuilder.core import TurnContext

from ..cards.sorting import (
    NEW_TOPIC, MoveSave, MoveShow, ProposalAccept, ProposalIgnore, SortingShow, TopicEdit, TopicSave, move_card, sorting_card,
    topic_card,
)
from ..process.dialogue import Role
from ..process.sorting import TOPIC_TITLE_MAX_CHARS, Item, Priority, Proposal, Topic, items_of, open_proposals
from ..process.text import TextRejected, clean_text
from ..services import Services
from ..texts import t
from .context import planning_dialogue
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card
from .turn import TurnInfo

AUDIT_ACCEPTED = "sorting.accepted"
AUDIT_IGNORED = "sorting.ignored"
AUDIT_MOVED = "sorting.moved"
AUDIT_TOPIC = "sorting.topic_saved"


async def _dialogue(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str | None) -> str | None:
    """The dialogue the press or command means, if the sender is in its planning group (else say why)."""
    dialogue = await planning_dialogue(ctx, turn, services, lang, dialogue_id, step="sorting", none="sorting.none", invited=True)
    return dialogue.id if dialogue else None


async def _state(services: Services, dialogue_id: str) -> tuple[list[Item], list[Topic], list[Proposal]]:
    """Every entry of both rounds as the groups left them, the topics, and what to propose now."""
    store = services.store
    items = items_of(await store.group_results.of_dialogue(dialogue_id))
    topics = await store.sorting.topics(dialogue_id)
    decided = (await store.sorting.decided(dialogue_id)).keys()
    # Up to a few hundred ms of arithmetic for a big day: off the event loop, so other turns go on.
    proposals = await asyncio.to_thread(open_proposals, items, topics, decided)
    return items, topics, proposals


async def _answer(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, card) -> None:  # noqa: ANN001
    """Replace the card pressed in the 1:1 chat; typed in a channel, the card goes privately."""
    if turn.is_personal:
        await replace_card(ctx, turn, card(lang), summary=t(lang, "sorting.summary"), lang=lang)
    else:
        await deliver_privately(ctx, turn, services, card, summary="sorting.summary")


async def _sorting(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, dialogue_id: str,
                   notice: str | None = None, *, warn: bool = False) -> None:
    items, topics, proposals = await _state(services, dialogue_id)
    await _answer(ctx, turn, services, lang, lambda own: sorting_card(
        own, dialogue_id=dialogue_id, items=items, proposals=proposals, topics=topics,
        notice=t(own, notice) if notice else None, warn=warn))


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SortingShow) -> None:
    lang = await language_of(services, turn)
    dialogue_id = await _dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue_id is not None:
        await _sorting(ctx, turn, services, lang, dialogue_id)


async def accept(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ProposalAccept) -> None:
    """The proposal becomes a topic, if it is still proposed (a second press finds it answered)."""
    lang = await language_of(services, turn)
    dialogue_id = await _dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue_id is None:
        return
    _, _, proposals = await _state(services, dialogue_id)
    proposal = next((p for p in proposals if p.key == payload.proposal), None)
    if proposal is None:
        await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.stale", warn=True)
        return
    now = services.clock.now()
    await services.store.sorting.accept(dialogue_id, proposal.key, proposal.title, proposal.items, now=now)
    await services.store.audit.record(actor=turn.user_id, action=AUDIT_ACCEPTED, subject=f"{dialogue_id}|{proposal.key}", now=now)
    await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.done.accepted")


async def ignore(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ProposalIgnore) -> None:
    lang = await language_of(services, turn)
    dialogue_id = await _dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue_id is None:
        return
    _, _, proposals = await _state(services, dialogue_id)
    if payload.proposal not in {p.key for p in proposals}:
        await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.stale", warn=True)
        return
    now = services.clock.now()
    if await services.store.sorting.ignore(dialogue_id, payload.proposal, now=now):
        await services.store.audit.record(actor=turn.user_id, action=AUDIT_IGNORED, subject=f"{dialogue_id}|{payload.proposal}", now=now)
    await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.done.ignored")


async def move_show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: MoveShow) -> None:
    lang = await language_of(services, turn)
    dialogue_id = await _dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue_id is None:
        return
    items, topics, proposals = await _state(services, dialogue_id)
    proposal = next((p for p in proposals if p.key == payload.proposal), None)
    await _answer(ctx, turn, services, lang, lambda own: move_card(own, dialogue_id=dialogue_id, items=items, topics=topics,
                                                                   proposal=proposal))


async def move(ctx: TurnContext, turn: TurnInfo, services: Services, payload: MoveSave) -> None:
    """Move the chosen entries to a topic or a new one; what the card sent is checked against now."""
    lang = await language_of(services, turn)
    dialogue_id = await _dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue_id is None:
        return
    items, topics, proposals = await _state(services, dialogue_id)
    by_key = {i.key: i for i in items}
    chosen = [by_key[k] for k in dict.fromkeys((payload.items or "").split(",")) if k in by_key]
    proposal = next((p for p in proposals if p.key == payload.proposal), None)
    target = payload.target if payload.target and payload.target != NEW_TOPIC else None
    if target is not None and target not in {topic.id for topic in topics}:
        await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.error.topic_gone", warn=True)
        return
    error, title = None, None
    if not chosen:
        error = "sorting.error.no_items"
    elif target is None:
        try:
            title = clean_text(payload.new_title or "", max_chars=TOPIC_TITLE_MAX_CHARS, required=True, single_line=True)
        except TextRejected as rejected:
            error = {"required": "sorting.error.no_title", "too_long": "sorting.error.too_long"}.get(rejected.code, "sorting.error.other")
    if error:
        await replace_card(ctx, turn, move_card(lang, dialogue_id=dialogue_id, items=items, topics=topics, proposal=proposal,
                                                chosen=[i.key for i in chosen], target=payload.target,
                                                new_title=payload.new_title or "", error=error),
                           summary=t(lang, "sorting.summary"), lang=lang)
        return
    now = services.clock.now()
    moved = await services.store.sorting.move(dialogue_id, chosen, topic_id=target, new_title=title,
                                              proposal_key=proposal.key if proposal else None, now=now)
    if moved is None:  # the topic went away between the check and the move
        await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.error.topic_gone", warn=True)
        return
    await services.store.audit.record(actor=turn.user_id, action=AUDIT_MOVED, subject=f"{dialogue_id}|{moved.id}", now=now)
    await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.done.moved")


async def topic_edit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: TopicEdit) -> None:
    lang = await language_of(services, turn)
    dialogue_id = await _dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue_id is None:
        return
    topic = await services.store.sorting.topic(dialogue_id, payload.topic_id)
    if topic is None:
        await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.error.topic_gone", warn=True)
        return
    await _answer(ctx, turn, services, lang, lambda own: topic_card(own, dialogue_id=dialogue_id, topic=topic))


async def topic_save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: TopicSave) -> None:
    """Rename the topic and set its priority (the same values twice change nothing)."""
    lang = await language_of(services, turn)
    dialogue_id = await _dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue_id is None:
        return
    store = services.store
    topic = await store.sorting.topic(dialogue_id, payload.topic_id)
    if topic is None:
        await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.error.topic_gone", warn=True)
        return
    try:
        title = clean_text(payload.title or "", max_chars=TOPIC_TITLE_MAX_CHARS, required=True, single_line=True)
    except TextRejected as rejected:
        error = {"required": "sorting.error.title_required", "too_long": "sorting.error.too_long"}.get(rejected.code, "sorting.error.other")
        await replace_card(ctx, turn, topic_card(lang, dialogue_id=dialogue_id, topic=topic, title=payload.title or "", error=error),
                           summary=t(lang, "sorting.summary"), lang=lang)
        return
    priority = Priority(int(payload.priority)) if payload.priority else None
    if (title, priority) != (topic.title, topic.priority):
        now = services.clock.now()
        await store.sorting.update_topic(dialogue_id, topic.id, title=title, priority=priority)
        await store.audit.record(actor=turn.user_id, action=AUDIT_TOPIC, subject=f"{dialogue_id}|{topic.id}", now=now)
    await _sorting(ctx, turn, services, lang, dialogue_id, "sorting.done.saved")


DECLARES = (
    Verb(SortingShow, show, who=Role.PLANNING_GROUP),
    Verb(ProposalAccept, accept, who=Role.PLANNING_GROUP),
    Verb(ProposalIgnore, ignore, who=Role.PLANNING_GROUP),
    Verb(MoveShow, move_show, who=Role.PLANNING_GROUP),
    Verb(MoveSave, move, who=Role.PLANNING_GROUP),
    Verb(TopicEdit, topic_edit, who=Role.PLANNING_GROUP),
    Verb(TopicSave, topic_save, who=Role.PLANNING_GROUP),
    Command(da=("sortér", "sorter"), en=("sort",), payload=SortingShow, who=Role.PLANNING_GROUP, help="help.cmd.sorting"),
)
