"""Step 4 in Teams: the tally and the status, for the planning group only, sent privately.

Both hold what employees wrote or who could not be reached, so they never go to the channel,
where every member of the team would read them.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from .. import cards
from ..process import planning_group
from ..process.rounds import Round
from ..process.tally import tally
from ..scheduler.dispatcher import OutgoingMessage
from ..services import Services
from .context import language_of, names
from .replies import say, send_card, send_text
from .turn import TurnInfo


async def _managed_round(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> Round | None:
    """The round the sender may report on: their team's in a channel, their newest in a 1:1 chat."""
    team_ids = [turn.team_id] if turn.team_id else await services.store.planning_group.teams_of(turn.user_id)
    if turn.team_id:
        members = await services.store.planning_group.members(turn.team_id)
        if not planning_group.may_manage(turn.user_id, [m.user_id for m in members]):
            await send_text(ctx, say(lang, "only_planning_group", names=names(members)) if members else say(lang, "no_planning_group"))
            return None
    elif not team_ids:
        await send_text(ctx, say(lang, "only_planning_group", names="–"))
        return None
    rounds = [r for r in [await services.store.dialogues.latest_round(t) for t in team_ids] if r is not None]
    if not rounds:
        await send_text(ctx, say(lang, "no_round"))
        return None
    return max(rounds, key=lambda r: r.opened_at)


async def show_tally(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: object = None) -> None:
    lang = await language_of(services, turn)
    round_ = await _managed_round(ctx, turn, services, lang)
    if round_ is None:
        return
    records = await services.store.nominations.records(round_.id)
    invited = len(await services.store.dialogues.invitees(round_.id))
    result = tally(services.concept, records, round_id=round_.id, invited=invited, named_mode=round_.named_mode)
    card = cards.tally_card(lang, services.concept, result, deadline=round_.deadline_date, is_open=round_.is_open(services.clock.now()))
    await services.store.audit.record(actor=turn.user_id, action="tally.viewed", subject=round_.id, now=services.clock.now())
    await deliver_privately(ctx, turn, services, lang, card, summary="Optælling" if lang == "da" else "Tally")


async def show_status(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: object = None) -> None:
    lang = await language_of(services, turn)
    round_ = await _managed_round(ctx, turn, services, lang)
    if round_ is None:
        return
    members = await services.store.dialogues.invitees(round_.id)
    answered = await services.store.nominations.respondents(round_.id)
    counts = await services.store.reminders.counts(round_.id)
    by_id = {m.user_id: m for m in members}
    unreachable = {m.user_id: m.delivery_reason or "failed" for m in members if m.delivery in ("unreachable", "failed")}
    for user_id, reason in await services.store.reminders.unreachable(round_.id):
        unreachable.setdefault(user_id, reason or "failed")
    card = cards.status_card(
        lang, step_label="Temaer nomineres" if lang == "da" else "Themes are being nominated",
        answered=len(answered & set(by_id)), invited=len(members), reminders_sent=counts.get("sent", 0),
        unreachable=[(by_id[u].name if u in by_id else u, reason) for u, reason in sorted(unreachable.items())],
    )
    await deliver_privately(ctx, turn, services, lang, card, summary="Status")


async def deliver_privately(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, card: dict, *, summary: str, announce: bool = True) -> None:
    """Send `card` in the sender's 1:1 chat; asked in a channel, say there that it went privately.

    It goes through the dispatcher like every proactive message, which opens the chat first if
    the bot has never written to this person privately."""
    if turn.is_personal:
        await send_card(ctx, card, summary=summary)
        return
    person = await services.store.people.get(turn.user_id)
    [result] = await services.dispatcher.deliver([OutgoingMessage(
        key=f"private:{turn.user_id}", tenant_id=turn.tenant_id, service_url=turn.service_url,
        conversation_id=(person.conversation_id if person else None) or "", member_id=turn.user_id, bot_id=services.bot_id,
        activity=cards.message_with_card(card, summary=summary),
    )])
    if result.status != "sent":
        await send_text(ctx, say(lang, "no_personal_chat"))
        return
    if result.conversation_id and not (person and person.conversation_id):
        await services.store.people.remember(user_id=turn.user_id, tenant_id=turn.tenant_id, now=services.clock.now(), conversation_id=result.conversation_id, service_url=turn.service_url)
    if announce:
        await send_text(ctx, say(lang, "sent_privately"))
