"""Step 6 in Teams: an invited employee prepares an everyday example for each chosen theme.

``forbered`` / ``prepare`` (or the invitation's and the reminders' button) brings the person's
own card: the themes, the guide's hints, a private note per theme and "Jeg er klar". Saving and
the ready toggle update that card in place. From the day's date on the card shows the notes
back, read-only. The planning group's ``forberedelse`` / ``preparation`` gives counts only.
Who may prepare is checked on the server for every press (``check_may_prepare``): the dialogue
named by a card is only used if the sender is invited to it.
"""
from __future__ import annotations

from collections.abc import Callable

from botbuilder.core import TurnContext

from ..cards.everyday_example import (
    ExampleNotesDelete,
    ExampleNotesDeleteConfirm,
    PreparationShow,
    PrepareReady,
    PrepareSave,
    PrepareShow,
    notes_card,
    notes_delete_confirm_card,
    preparation_card,
    readiness_card,
)
from ..process.dialogue import Role
from ..process.everyday_example import (
    NotesInvalid,
    NotesRefused,
    Readiness,
    check_may_prepare,
    parse_notes,
    readiness,
    shows_notes_back,
)
from ..process.selection import Selection
from ..services import Services
from ..texts import t
from .context import planning_group_of_turn
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
from .turn import TurnInfo


async def _prepared_dialogue(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str,
                             dialogue_id: str | None) -> tuple[str, Selection] | None:
    """The dialogue the sender prepares for (the one named, else their newest) and its themes,
    or None after saying why not."""
    invited_to = await services.store.invitations.dialogues_of(turn.user_id)
    chosen = dialogue_id if dialogue_id else (invited_to[0] if invited_to else None)
    selection = await services.store.selections.get(chosen) if chosen else None
    try:
        check_may_prepare(invited=chosen is not None and chosen in invited_to,
                          announced=selection is not None and selection.announced_at is not None)
    except NotesRefused as refused:
        if dialogue_id:  # a card named a dialogue the sender may not prepare for: audited, without content
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=f"example:{refused.code}",
                                              now=services.clock.now())
        await say(ctx, lang, f"example.{refused.code}")
        return None
    assert chosen is not None and selection is not None
    return chosen, selection


async def _view(services: Services, dialogue_id: str) -> dict:
    """What every card of the dialogue shows besides the person's own data: whose dialogue, and when."""
    team_id = await services.store.examples.team_of(dialogue_id)
    workplace = await services.store.workplaces.get(team_id) if team_id else None
    return {"workplace_name": workplace.name if workplace else "", "day": await services.store.invitations.get_day(dialogue_id)}


async def _own_card(services: Services, turn: TurnInfo, dialogue_id: str, selection: Selection) -> Callable[..., dict]:
    """The person's own card as a function of the language (and the form's state): the
    preparation card, or from the day's date on their notes, read-only."""
    view = await _view(services, dialogue_id)
    preparation = await services.store.examples.preparation(dialogue_id, turn.user_id)
    now = services.clock.now()
    if shows_notes_back(view["day"], now):
        today = view["day"].date == now.astimezone(services.window.tz).date()
        return lambda lang, **_: notes_card(lang, services.concept, themes=selection.themes, notes=preparation.notes, today=today, **view)
    return lambda lang, **kwargs: preparation_card(lang, services.concept, dialogue_id=dialogue_id, themes=selection.themes,
                                                   preparation=preparation, **view, **kwargs)


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PrepareShow) -> None:
    """``forbered`` / ``prepare``: the person's own card; the notes are personal, so asked in a
    channel, the card goes to the 1:1 chat."""
    lang = await language_of(services, turn)
    found = await _prepared_dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, selection = found
    card = await _own_card(services, turn, dialogue_id, selection)
    await deliver_privately(ctx, turn, services, card, summary="example.summary", sent_key="example.sent_privately")


async def save(ctx: TurnContext, turn: TurnInfo, services: Services, payload: PrepareSave | PrepareReady) -> None:
    """Save the notes (and, for ``PrepareReady``, the ready mark); the card is updated in place."""
    lang = await language_of(services, turn)
    found = await _prepared_dialogue(ctx, turn, services, lang, payload.dialogue_id)
    if found is None:
        return
    dialogue_id, selection = found
    values = payload.note_values()
    try:
        notes = parse_notes(values)
    except NotesInvalid as invalid:
        card = await _own_card(services, turn, dialogue_id, selection)
        await replace_card(ctx, turn, card(lang, errors=invalid.errors, values={k: v for k, v in values.items() if isinstance(v, str)}),
                           summary=t(lang, "common.invalid_submission"), lang=lang)
        return
    now = services.clock.now()
    changed = await services.store.examples.save_notes(dialogue_id, turn.user_id, notes, now=now)
    if isinstance(payload, PrepareReady):
        # Pending reminders stay in the queue: they are dropped as obsolete when due, so that
        # "not ready after all" brings them back (bot/process/everyday_example.py).
        await services.store.examples.mark_ready(dialogue_id, turn.user_id, payload.ready, now=now)
    saved = "saved" if changed else "unchanged" if isinstance(payload, PrepareSave) else None
    card = await _own_card(services, turn, dialogue_id, selection)
    await replace_card(ctx, turn, card(lang, saved=saved), summary=t(lang, "example.summary"), lang=lang)


async def preparation_counts(services: Services, dialogue_id: str | None) -> Readiness | None:
    """How many of those invited to the day are coming, cannot come and ready; None before anyone
    is invited (the status card leaves the line out then)."""
    invited = await services.store.invitations.invited(dialogue_id) if dialogue_id else []
    if not invited:
        return None
    return readiness([i.user_id for i in invited], await services.store.examples.ready(dialogue_id),
                     await services.store.invitations.answers(dialogue_id))


async def show_readiness(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: PreparationShow) -> None:
    """``forberedelse`` / ``preparation``: for each workplace whose planning group the sender is in,
    how many are invited, coming, cannot come and ready. Counts only, never names or notes."""
    lang = await language_of(services, turn)
    teams = await planning_group_of_turn(ctx, turn, services, lang)
    if teams is None:
        return
    now = services.clock.now()
    cards = []
    for team_id in teams:
        dialogue = await services.store.dialogues.current_dialogue(team_id, now)
        counts = await preparation_counts(services, dialogue.id if dialogue else None)
        if counts is None:
            continue
        workplace = await services.store.workplaces.get(team_id)
        day = await services.store.invitations.get_day(dialogue.id)
        cards.append((counts, workplace.name if workplace else "", day))
    if not cards:
        await say(ctx, lang, "preparation.none")
        return
    for index, (counts, name, day) in enumerate(cards):
        await deliver_privately(
            ctx, turn, services,
            lambda own, counts=counts, name=name, day=day: readiness_card(own, counts, workplace_name=name, concept=services.concept, day=day),
            summary="preparation.summary", sent_key="preparation.sent_privately", announce=index == len(cards) - 1,
        )


async def ask_delete(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ExampleNotesDelete) -> None:
    """"Mine data": confirm before deleting the sender's notes for a dialogue."""
    view = await _view(services, payload.dialogue_id)
    await deliver_privately(
        ctx, turn, services,
        lambda own: notes_delete_confirm_card(own, dialogue_id=payload.dialogue_id, workplace=view["workplace_name"]),
        summary="data.summary", sent_key="data.delete_sent_privately",
    )


async def delete(ctx: TurnContext, turn: TurnInfo, services: Services, payload: ExampleNotesDeleteConfirm) -> None:
    """Delete the sender's own notes and ready mark (only ever theirs: the sender is the key);
    a second press finds nothing."""
    lang = await language_of(services, turn)
    if await services.store.examples.delete(payload.dialogue_id, turn.user_id):
        await services.store.audit.record(actor=turn.user_id, action="example.notes_deleted", subject=payload.dialogue_id,
                                          now=services.clock.now())
        await say(ctx, lang, "example.deleted")
    else:
        await say(ctx, lang, "example.nothing_to_delete")


DECLARES = (
    Verb(PrepareShow, show, who=Role.EMPLOYEE),
    Verb(PrepareSave, save, who=Role.EMPLOYEE),
    Verb(PrepareReady, save, who=Role.EMPLOYEE),
    Verb(PreparationShow, show_readiness, who=Role.PLANNING_GROUP),
    Verb(ExampleNotesDelete, ask_delete, who=Role.EMPLOYEE),
    Verb(ExampleNotesDeleteConfirm, delete, who=Role.EMPLOYEE),
    Command(da=("forbered",), en=("prepare",), payload=PrepareShow, who=Role.EMPLOYEE, help="help.cmd.prepare"),
    Command(da=("forberedelse",), en=("preparation",), payload=PreparationShow, who=Role.PLANNING_GROUP, help="help.cmd.preparation"),
)
