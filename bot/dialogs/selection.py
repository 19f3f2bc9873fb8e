"""Step 4 in Teams: the planning group chooses the day's themes (rules: bot/process/selection.py).

A member opens the card (``vælg temaer`` / ``choose themes``, or the button on the final tally
or the status card); it goes to their personal chat, because it names what employees proposed.
Whatever the card says, the server re-checks: the sender must be in the planning group of the
dialogue's own team, nominations must be closed, and the themes not yet announced. The card a
member submits turns into the result in place; another member can open the card, see who chose
what and when, and change it, until the themes are announced (step 5, bot/dialogs/invitation.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from botbuilder.core import TurnContext

from ..concepts import load_concept
from ..cards.dialogue_kind import SelectionKind
from ..cards.selection import SelectionShow, SelectionSubmit, selection_card, selection_result_card
from ..process.concept import Concept, Kind
from ..process.dialogue import Dialogue, Role
from ..process.nomination import Round
from ..process.people import Member
from ..process.selection import (
    Selection, SelectionInvalid, SelectionRefused, check_may_select, choose, chooses_kind, kinds_from, parse_selection,
)
from ..process.tally import Tally, tally
from ..services import Services
from ..texts import format_date, t
from ..texts.selection import COMMAND_DA, COMMAND_EN, KIND_COMMAND_DA, KIND_COMMAND_EN, KIND_WORDS
from .context import planning_dialogue
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say, update_card
from .turn import TurnInfo

_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class _Found:
    """A workplace and its dialogue of this cycle (None: not begun yet)."""

    team_id: str
    dialogue: Dialogue | None


@dataclass(frozen=True)
class _Target:
    """The workplace whose themes are chosen, its dialogue of this cycle (None: not begun yet, as
    at a workplace that chooses without nominations) and its planning group."""

    team_id: str
    dialogue: Dialogue | None
    members: list[Member]
    concept: Concept  # the workplace's (its round's, once one ran): the themes the choice is made from

    @property
    def round(self) -> Round | None:
        return self.dialogue.round if self.dialogue else None

    def kinds(self, chosen: str | None) -> tuple[Kind, ...]:
        """The kinds the card asks for: ``chosen`` on the card (only where the concept lets the
        planning group choose the dialogue, DTU), else the dialogue's (both before one began)."""
        if chosen is not None and chooses_kind(self.concept):
            return kinds_from(chosen)
        return self.dialogue.kinds if self.dialogue else kinds_from(None)


async def _target(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, *, dialogue_id: str | None,
                  team_id: str | None = None) -> _Target | None:
    """The dialogue the sender may choose themes for, or None after saying why.

    A card names its dialogue (or, before one existed, its team); typed, it is the team's in a
    channel, and in a personal chat the one of the sender's planning groups that is furthest
    along: nominations closed first, then no round at all, newest round first. An id from a
    card is never trusted: membership is checked on the dialogue's own team."""
    now = services.clock.now()

    async def of_id(_named: str) -> _Found | None:
        if dialogue_id:
            dialogue = await services.store.selections.dialogue(dialogue_id)
            return _Found(dialogue.team_id, dialogue) if dialogue else None
        return _Found(str(team_id), await services.store.dialogues.current_dialogue(str(team_id), now))

    async def of_teams(teams: list[str]) -> _Found | None:
        candidates = [_Found(team, await services.store.dialogues.current_dialogue(team, now)) for team in teams]
        return max(candidates, key=lambda c: _furthest_along(c.dialogue, now), default=None)

    found = await planning_dialogue(ctx, turn, services, lang, dialogue_id or team_id, step="selection", none="selection.no_dialogue",
                                    of_id=of_id, of_teams=of_teams, outsiders=True)
    if found is None:
        return None
    team, dialogue = found.team_id, found.dialogue
    members = await services.store.planning_group.members(team)
    return _Target(team, dialogue, members, await _concept_of(services, team, dialogue))


async def _concept_of(services: Services, team_id: str, dialogue: Dialogue | None) -> Concept:
    name = dialogue.round.concept if dialogue and dialogue.round and dialogue.round.concept else None
    if name is None:
        workplace = await services.store.workplaces.get(team_id)
        name = workplace.concept if workplace and workplace.concept else services.concept.id
    return services.concept if name == services.concept.id else load_concept(name)


def _furthest_along(dialogue: Dialogue | None, now: datetime) -> tuple[int, datetime]:
    if dialogue is None or dialogue.round is None:
        return 1, _EARLIEST
    return (0 if dialogue.round.is_open(now) else 2), dialogue.round.opened_at


async def _tally(services: Services, target: _Target) -> Tally | None:
    """The round's final tally, as ``optælling`` shows it; None without a round."""
    round_ = target.round
    if round_ is None:
        return None
    records = await services.store.nominations.records(round_.id)
    invited = len(await services.store.dialogues.invitees(round_.id))
    return tally(target.concept, records, round_id=round_.id, invited=invited, named_mode=round_.named_mode)


async def _names(services: Services, target: _Target, current: Selection | None) -> tuple[str, str]:
    """The workplace's name and the name of whoever made the current choice."""
    workplace = await services.store.workplaces.get(target.team_id)
    chooser = ""
    if current is not None:
        chooser = next((m.name for m in target.members if m.user_id == current.chosen_by and m.name), "")
        if not chooser:
            person = await services.store.people.get(current.chosen_by)
            chooser = person.name if person and person.name else ""
    return (workplace.name if workplace else ""), chooser


async def _refuse(ctx: TurnContext, lang: str, code: str, round_: Round | None) -> None:
    if code == "nominations_open" and round_ is not None:
        await say(ctx, lang, "selection.refused.nominations_open", deadline=format_date(lang, round_.deadline_date))
    else:
        await say(ctx, lang, "selection.refused.announced")


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SelectionShow | SelectionKind) -> None:
    lang = await language_of(services, turn)
    target = await _target(ctx, turn, services, lang, dialogue_id=payload.dialogue_id, team_id=getattr(payload, "team_id", None))
    if target is None:
        return
    now = services.clock.now()
    current = await services.store.selections.get(target.dialogue.id) if target.dialogue else None
    workplace_name, chooser = await _names(services, target, current)
    concept = target.concept
    if current is not None and current.announced_at is not None:  # nothing left to change: what was announced
        await deliver_privately(ctx, turn, services, lambda own: selection_result_card(
            own, concept, selection=current, chosen_by_name=chooser, workplace_name=workplace_name, saved="shown",
        ), summary="selection.summary", sent_key="selection.sent_privately")
        return
    try:
        check_may_select(turn.user_id, planning_group={m.user_id for m in target.members},
                         nominations_open=target.round is not None and target.round.is_open(now), current=current)
    except SelectionRefused as refused:
        await _refuse(ctx, lang, refused.code, target.round)
        return
    result = await _tally(services, target)
    if result is not None:  # the card names what employees proposed (own titles): a view of the tally
        await services.store.audit.record(actor=turn.user_id, action="tally.viewed", subject=result.round_id, now=now)
    dialogue_id = target.dialogue.id if target.dialogue else None
    kinds = target.kinds(getattr(payload, "kind", None))

    def form(own: str) -> dict:
        return selection_card(own, concept, dialogue_id=dialogue_id, team_id=None if dialogue_id else target.team_id, tally=result,
                              workplace_name=workplace_name, current=current, chosen_by_name=chooser, kinds=kinds)

    if isinstance(payload, SelectionKind) and turn.is_personal and turn.reply_to_id:  # the card's own button: in place
        await replace_card(ctx, turn, form(lang), summary=t(lang, "selection.summary"), lang=lang)
        return
    await deliver_privately(ctx, turn, services, form, summary="selection.summary", sent_key="selection.sent_privately")


async def submit(ctx: TurnContext, turn: TurnInfo, services: Services, payload: SelectionSubmit) -> None:
    lang = await language_of(services, turn)
    target = await _target(ctx, turn, services, lang, dialogue_id=payload.dialogue_id, team_id=payload.team_id)
    if target is None:
        return
    now, concept = services.clock.now(), target.concept
    dialogue = target.dialogue
    current = await services.store.selections.get(dialogue.id) if dialogue else None
    try:
        check_may_select(turn.user_id, planning_group={m.user_id for m in target.members},
                         nominations_open=target.round is not None and target.round.is_open(now), current=current)
    except SelectionRefused as refused:
        if refused.code == "announced" and current is not None:
            await _show_announced(ctx, turn, services, lang, target, current)
        await _refuse(ctx, lang, refused.code, target.round)
        return
    result = await _tally(services, target)
    values = payload.form_values()
    workplace_name, chooser = await _names(services, target, current)
    kinds = target.kinds(payload.kinds)
    try:
        chosen = parse_selection(concept, result, values, kinds=kinds)
    except SelectionInvalid as invalid:
        card = selection_card(lang, concept, dialogue_id=dialogue.id if dialogue else None, team_id=None if dialogue else target.team_id,
                              tally=result, workplace_name=workplace_name, current=current, chosen_by_name=chooser,
                              values={k: v for k, v in values.items() if isinstance(v, str)}, errors=invalid.errors, kinds=kinds)
        await replace_card(ctx, turn, card, summary=t(lang, "common.invalid_submission"), lang=lang)
        return
    if dialogue is None:  # a workplace without nominations begins its dialogue with the choice
        dialogue = await services.store.dialogues.ensure_dialogue(target.team_id, now)
        current = await services.store.selections.get(dialogue.id)
    selection = choose(current, chosen, dialogue_id=dialogue.id, sender=turn.user_id, now=now)
    saved = "unchanged"
    if selection is not current:
        stored = await services.store.selections.save(selection)
        if stored is None:  # announced since it was read: the announcement stands
            announced = await services.store.selections.get(dialogue.id)
            if announced is not None:
                await _show_announced(ctx, turn, services, lang, target, announced)
            await say(ctx, lang, "selection.refused.announced")
            return
        await services.store.audit.record(actor=turn.user_id, action="selection.saved", subject=dialogue.id, now=now)
        if kinds != dialogue.kinds:  # after the themes, so kinds never change once they are announced
            await services.store.dialogues.set_kinds(dialogue.id, kinds)
        selection, saved = stored, "saved"
        workplace_name, chooser = await _names(services, target, stored)
    card = selection_result_card(lang, concept, selection=selection, chosen_by_name=chooser, workplace_name=workplace_name, saved=saved)
    await replace_card(ctx, turn, card, summary=t(lang, "selection.summary"), lang=lang)


async def _show_announced(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, target: _Target, announced: Selection) -> None:
    """The pressed card turns into the announced result, so it cannot be pressed again."""
    if not turn.reply_to_id:
        return
    workplace_name, chooser = await _names(services, target, announced)
    card = selection_result_card(lang, target.concept, selection=announced, chosen_by_name=chooser, workplace_name=workplace_name,
                                 saved="shown")
    await update_card(ctx, turn.reply_to_id, card, summary=t(lang, "selection.summary"), lang=lang)


DECLARES = (
    Verb(SelectionShow, show, who=Role.PLANNING_GROUP),
    Verb(SelectionSubmit, submit, who=Role.PLANNING_GROUP),
    Command(da=COMMAND_DA, en=COMMAND_EN, payload=SelectionShow, who=Role.PLANNING_GROUP,
            help="help.cmd.choose_themes"),
    Verb(SelectionKind, show, who=Role.PLANNING_GROUP),
    Command(da=KIND_COMMAND_DA, en=KIND_COMMAND_EN, payload=SelectionKind, who=Role.PLANNING_GROUP, step="dialogue_kinds",
            args=lambda words: {"kind": KIND_WORDS.get(words[0].casefold()) if words else None}, help="help.cmd.choose_dialogue"),
)
