"""Step 5 in Teams: the planning group announces the chosen themes and invites everyone
(Bilag 3); each employee answers coming or cannot come.

``annoncér`` / ``announce`` (or the selection card's button) shows a confirmation with both
themes, the day and how many will be invited; confirming needs a chosen selection and a day,
and the first click wins (``store.selections.mark_announced``). Who is invited: the round's
invitees when the dialogue had a nomination round, else the team's roster read from Teams now.
The channel post, each invitation and the everyday-example reminders are rows in the queue.
An answer is re-checked (``check_may_answer``) and updates in place both the card pressed (the
invitation, or the notice that the day moved) and the invitation card; one pressed on a card that
showed another date or time than the day's now is not stored: the person is told the new day and
the pressed card shows the day as it is now.
"""
from __future__ import annotations

import logging

from botbuilder.core import TurnContext

from ..cards.invitation import (
    AnnounceAsk, AnnounceConfirm, DayAnswer, announce_confirm_card, announced_card, day_changed_card, invitation_card, when_text,
)
from ..concepts import load_concept
from ..process.concept import Concept
from ..process.dialogue import Dialogue, Role
from ..process.everyday_example import plan_example_reminders
from ..process.leader_loop import plan_leader_reminders
from ..process.day_move import shown_day
from ..process.invitation import Answer, AnswerRefused, DialogueDay, Invited, check_may_answer, plan_announcement
from ..process.invitees import by_name
from ..process.people import Member
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..teams.connector import ConnectorError
from ..texts import t
from ..scheduler.invitation import calendar_url
from .day import dialogue_to_manage
from .invitees import read_roster
from .language import language_of
from .registry import Command, Verb
from .replies import replace_card, say, send_card, update_card
from .turn import TurnInfo

log = logging.getLogger(__name__)


async def people_to_invite(services: Services, dialogue: Dialogue) -> list[Member]:
    """The round's invitees if the dialogue had a nomination round, else the team's roster now
    (raises ConnectorError when Teams cannot be read)."""
    if dialogue.round is not None:
        return [Member(i.user_id, i.name) for i in await services.store.dialogues.invitees(dialogue.round.id)]
    workplace = await services.store.workplaces.get(dialogue.team_id)
    if workplace is None:
        return []
    return by_name(await read_roster(services, team_id=workplace.team_id, tenant_id=workplace.tenant_id, service_url=workplace.service_url))


async def concept_of(services: Services, team_id: str) -> Concept:
    """The concept the workplace runs (the app's, unless the workplace was set up with another)."""
    workplace = await services.store.workplaces.get(team_id)
    name = workplace.concept if workplace and workplace.concept else services.concept.id
    return services.concept if name == services.concept.id else load_concept(name)


async def _ready(ctx: TurnContext, services: Services, lang: str, dialogue: Dialogue):  # noqa: ANN202
    """The selection and the day, or None after saying which is missing or that it was announced."""
    selection = await services.store.selections.get(dialogue.id)
    if selection is None:
        await say(ctx, lang, "announce.no_selection")
        return None
    if selection.announced_at is not None:
        await say(ctx, lang, "announce.already")
        return None
    day = await services.store.invitations.get_day(dialogue.id)
    if day is None:
        await say(ctx, lang, "announce.no_day")
        return None
    return selection, day


async def ask_announce(ctx: TurnContext, turn: TurnInfo, services: Services, payload: AnnounceAsk) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    ready = await _ready(ctx, services, lang, dialogue)
    if ready is None:
        return
    selection, day = ready
    try:
        people = await people_to_invite(services, dialogue)
    except ConnectorError:
        await say(ctx, lang, "announce.roster_failed")
        return
    card = announce_confirm_card(lang, await concept_of(services, dialogue.team_id), dialogue_id=dialogue.id, selection=selection, day=day, invited=len(people))
    await send_card(ctx, card, summary=t(lang, "announce.title"), lang=lang)


async def announce(ctx: TurnContext, turn: TurnInfo, services: Services, payload: AnnounceConfirm) -> None:
    lang = await language_of(services, turn)
    dialogue = await dialogue_to_manage(ctx, turn, services, lang, payload.dialogue_id)
    if dialogue is None:
        return
    ready = await _ready(ctx, services, lang, dialogue)
    if ready is None:
        return
    _, day = ready
    try:  # read before anything is marked, so a Teams failure leaves the themes unannounced
        people = await people_to_invite(services, dialogue)
    except ConnectorError:
        await say(ctx, lang, "announce.roster_failed")
        return
    now = services.clock.now()
    selection = await services.store.selections.mark_announced(dialogue.id, now)
    if selection is None:  # another click (or another member) announced it first
        await say(ctx, lang, "announce.already")
        return
    await services.store.invitations.invite(dialogue.id, people)
    workplace = await services.store.workplaces.get(dialogue.team_id)
    users = [m.user_id for m in people]
    plans = plan_announcement(dialogue_id=dialogue.id, team_id=dialogue.team_id, channel_id=workplace.channel_id if workplace else "",
                              people=users, now=now)
    plans += plan_example_reminders(dialogue_id=dialogue.id, team_id=dialogue.team_id, day=day, invitation_sent_at=now,
                                    recipients=users, window=services.window)
    plans += plan_leader_reminders(dialogue_id=dialogue.id, team_id=dialogue.team_id, day=day, planned_at=now, window=services.window,
                                   planning_group=[m.user_id for m in await services.store.planning_group.members(dialogue.team_id)])
    await services.store.reminders.add(plans)
    await services.store.audit.record(actor=turn.user_id, action="themes.announced", subject=dialogue.id, now=now)
    card = announced_card(lang, await concept_of(services, dialogue.team_id), selection=selection, day=day, invited=len(people))
    await replace_card(ctx, turn, card, summary=t(lang, "announce.done.title"), lang=lang)
    services.spawn(sweep_soon(services), name=f"announce:{dialogue.id}")


async def answer(ctx: TurnContext, turn: TurnInfo, services: Services, payload: DayAnswer) -> None:
    """Coming or cannot come, from the invitation or the day-changed notice; both cards show it."""
    lang = await language_of(services, turn)
    store, now = services.store, services.clock.now()
    invitation = await store.invitations.invitation(payload.dialogue_id, turn.user_id)  # the sender's own, whatever the card said
    day = await store.invitations.get_day(payload.dialogue_id) if invitation else None
    try:
        check_may_answer(invited=invitation is not None, day=day, now=now, shown=shown_day(payload.day_date, payload.day_start))
    except AnswerRefused as refused:
        if refused.code != "day_moved":
            await say(ctx, lang, f"answer.error.{refused.code}")
            return
        # Pressed on a card made for another date or time: not stored; the pressed card shows the
        # day as it is now, with the answer as it stands, to answer again.
        await say(ctx, lang, "answer.error.day_moved", when=when_text(lang, day))
        await _show_answer(ctx, turn, services, lang, payload, day, invitation, invitation.answer, answered=False)
        return
    given = Answer(payload.answer)
    if await store.invitations.answer(payload.dialogue_id, turn.user_id, given, now=now):
        await store.audit.record(actor=turn.user_id, action="day.answered", subject=payload.dialogue_id, now=now)
    await _show_answer(ctx, turn, services, lang, payload, day, invitation, given, answered=True)


async def _show_answer(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, payload: DayAnswer, day: DialogueDay,
                       invitation: Invited, answer: Answer | None, *, answered: bool) -> None:
    """The answer on the pressed card and on the invitation card, both in place, so neither shows
    an answer or a day that no longer holds. A pressed notice stays a notice; without a pressed
    card (a refusal only) the invitation as it is now comes as a new card."""
    store, dialogue_id = services.store, payload.dialogue_id
    selection = await store.selections.get(dialogue_id)
    if selection is None:
        return
    found = await store.invitations.team_and_cycle(dialogue_id)
    workplace = await store.workplaces.get(found[0]) if found else None
    concept = await concept_of(services, found[0]) if found else services.concept
    link = calendar_url(services.settings, dialogue_id)
    invitation_now = invitation_card(lang, concept, dialogue_id=dialogue_id, selection=selection, day=day, answer=answer,
                                     calendar_url=link, workplace_name=workplace.name if workplace else "")
    summary = t(lang, "invitation.answered.summary" if answered else "invitation.summary")
    original = invitation.card_activity_id if invitation.delivery == "sent" else None
    pressed = turn.reply_to_id
    if pressed and payload.card == "notice" and pressed != original:
        notice = day_changed_card(lang, dialogue_id=dialogue_id, day=day, answer=answer, calendar_url=link)
        await update_card(ctx, pressed, notice, summary=summary, lang=lang)
    elif pressed or not answered:
        await replace_card(ctx, turn, invitation_now, summary=summary, lang=lang)
    # The invitation went to this person's chat with the bot, where the answer was pressed.
    if original and original != pressed and turn.conversation_type == "personal":
        try:
            await update_card(ctx, original, invitation_now, summary=t(lang, "invitation.summary"), lang=lang)
        except Exception:  # the answer is stored; a card Teams no longer has must not undo the turn
            log.warning("updating the invitation card of %s in %s failed", turn.user_id, dialogue_id, exc_info=True)


DECLARES = (
    Verb(AnnounceAsk, ask_announce, who=Role.PLANNING_GROUP),
    Verb(AnnounceConfirm, announce, who=Role.PLANNING_GROUP),
    Verb(DayAnswer, answer, who=Role.EMPLOYEE),
    Command(da=("annoncér", "annoncer"), en=("announce",), payload=AnnounceAsk, who=Role.PLANNING_GROUP, help="help.cmd.announce"),
)
