"""Moving or closing a nomination round's deadline, in Teams (rules: bot/process/deadline.py).

The planning group extends the deadline (``forlæng`` / ``extend``, or the button on the round
started and status cards) or closes the round early (``luk runden`` / ``close round``, after a
confirmation). Everything is re-checked here whatever the card said: the sender must be in the
planning group of the round's own team, the round must be open, and the new date must satisfy
the rules. What follows for other people goes through the queue, in working hours, once each.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.deadline import (
    DeadlineExtend, DeadlineExtendShow, RoundClose, RoundCloseAsk, close_confirm_card, closed_early_card, extend_card, extend_error_text, extended_card,
)
from ..process.clock import COPENHAGEN
from ..process.deadline import (
    CLOSING_KIND, EXTENDED_KIND, DeadlineRefused, check_close, check_extension, default_extension, latest_deadline,
    plan_announcements, plan_closing,
)
from ..process.dialogue import Role
from ..process.nomination import NOMINATION_KIND, Round, plan_nomination_reminders
from ..scheduler.runner import sweep_soon
from ..services import Services
from ..texts import t
from .context import planning_dialogue
from .language import language_of
from .registry import Command, Verb
from .replies import replace_card, say, send_card
from .turn import TurnInfo


async def _round_to_change(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str, round_id: str | None) -> Round | None:
    """The round the card names (typed: the open, else the latest, round of the team, or in a 1:1
    chat of a team whose planning group the sender is in), if the sender may change it
    (``planning_dialogue``); else None after saying why."""
    async def of_teams(teams: list[str]) -> Round | None:
        latest = [r for r in [await services.store.dialogues.latest_round(team) for team in teams] if r is not None]
        open_now = [r for r in latest if r.is_open(services.clock.now())]
        return max(open_now or latest, key=lambda r: r.opened_at, default=None)

    return await planning_dialogue(ctx, turn, services, lang, round_id, step="deadline", none="extend.error.unknown_round",
                                   of_id=services.store.dialogues.get_round, of_teams=of_teams)


def _extend_form(services: Services, lang: str, round_: Round, *, error: str | None = None) -> dict:
    limits = services.concept.limits
    return extend_card(lang, round_id=round_.id, deadline=round_.deadline_date, proposed=default_extension(round_, limits),
                       latest=latest_deadline(round_, limits), error=error)


async def show_extend(ctx: TurnContext, turn: TurnInfo, services: Services, payload: DeadlineExtendShow) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_to_change(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    try:
        check_close(round_, now=services.clock.now())  # open, so its deadline can move
    except DeadlineRefused as refused:
        await say(ctx, lang, f"extend.error.{refused.code}")
        return
    await send_card(ctx, _extend_form(services, lang, round_), summary=t(lang, "extend.title"), lang=lang)


async def extend(ctx: TurnContext, turn: TurnInfo, services: Services, payload: DeadlineExtend) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_to_change(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    now = services.clock.now()
    try:
        deadline_at = check_extension(round_, payload.deadline, now=now, limits=services.concept.limits)
    except DeadlineRefused as refused:
        if refused.code in ("not_a_date", "not_later", "too_far"):
            limits = services.concept.limits
            summary = extend_error_text(lang, refused.code, deadline=round_.deadline_date, latest=latest_deadline(round_, limits))
            await replace_card(ctx, turn, _extend_form(services, lang, round_, error=refused.code), summary=summary, lang=lang)
        else:
            await say(ctx, lang, f"extend.error.{refused.code}")
        return
    moved = await services.store.dialogues.extend_deadline(round_.id, deadline_at=deadline_at, now=now)
    if moved is None:  # closed, or moved by someone else, since it was read
        await say(ctx, lang, "extend.error.round_closed")
        return
    invitees = await services.store.dialogues.invitees(moved.id)
    answered = await services.store.nominations.respondents(moved.id)
    waiting = [i for i in invitees if i.user_id not in answered]
    # What was planned for the old date goes; the new keys carry the new date.
    await services.store.reminders.drop_pending(moved.id, "deadline_moved", kinds=(NOMINATION_KIND, EXTENDED_KIND, CLOSING_KIND))
    # Told: those whose card reached them. A card still on its way is built with the new date.
    told = [i.user_id for i in waiting if i.delivery in ("sent", "maybe_delivered")]  # maybe: it may show the old date
    plans = plan_announcements(moved, told, now)
    plans += plan_nomination_reminders(moved, [i.user_id for i in waiting], services.window, since=now)
    plans.append(plan_closing(moved))
    await services.store.reminders.add(plans)
    await services.store.audit.record(actor=turn.user_id, action="round.extended", subject=moved.id, now=now)
    await replace_card(ctx, turn, extended_card(lang, deadline=moved.deadline_date, announced=len(told)), summary=t(lang, "extended.title"), lang=lang)
    services.spawn(sweep_soon(services), name=f"extended:{moved.id}")


async def ask_close(ctx: TurnContext, turn: TurnInfo, services: Services, payload: RoundCloseAsk) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_to_change(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    try:
        check_close(round_, now=services.clock.now())
    except DeadlineRefused as refused:
        await say(ctx, lang, f"extend.error.{refused.code}")
        return
    invited = {i.user_id for i in await services.store.dialogues.invitees(round_.id)}
    responded = len(await services.store.nominations.respondents(round_.id) & invited)
    card = close_confirm_card(lang, round_id=round_.id, deadline=round_.deadline_date, responded=responded, invited=len(invited))
    await send_card(ctx, card, summary=t(lang, "close.title"), lang=lang)


async def close(ctx: TurnContext, turn: TurnInfo, services: Services, payload: RoundClose) -> None:
    lang = await language_of(services, turn)
    round_ = await _round_to_change(ctx, turn, services, lang, payload.round_id)
    if round_ is None:
        return
    now = services.clock.now()
    try:
        check_close(round_, now=now)
    except DeadlineRefused as refused:
        await say(ctx, lang, f"extend.error.{refused.code}")
        return
    closed = await services.store.dialogues.close_round(round_.id, now=now)
    if closed is None:  # the deadline passed, or another member closed it, since it was read
        await say(ctx, lang, "extend.error.round_closed")
        return
    # Nothing that asks for an answer goes out any more; the closing itself is due now.
    await services.store.reminders.drop_pending(closed.id, "round_closed")
    await services.store.reminders.add([plan_closing(closed)])
    await services.store.audit.record(actor=turn.user_id, action="round.closed_early", subject=closed.id, now=now)
    await replace_card(ctx, turn, closed_early_card(lang, closed_on=now.astimezone(COPENHAGEN).date()), summary=t(lang, "closed_early.title"), lang=lang)
    services.spawn(sweep_soon(services), name=f"closed:{closed.id}")


DECLARES = (
    Verb(DeadlineExtendShow, show_extend, who=Role.PLANNING_GROUP),
    Verb(DeadlineExtend, extend, who=Role.PLANNING_GROUP),
    Verb(RoundCloseAsk, ask_close, who=Role.PLANNING_GROUP),
    Verb(RoundClose, close, who=Role.PLANNING_GROUP),
    Command(da=("forlæng", "forlaeng"), en=("extend",), payload=DeadlineExtendShow, who=Role.PLANNING_GROUP, help="help.cmd.extend", step="nominations"),
    Command(da=("luk runden",), en=("close round",), payload=RoundCloseAsk, who=Role.PLANNING_GROUP, help="help.cmd.close_round", step="nominations"),
)
