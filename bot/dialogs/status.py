"""The planning group's status of a round, sent privately: the step, the deadline and time left,
who has answered (and on paper), how the form reached people, reminders sent and the next one,
who the bot could not reach and why (so someone can hand them the paper form), and what comes
next. The figures are worked out in bot/process/status.py; this module only gathers them."""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.status import StatusShow, status_card
from ..process.dialogue import Role
from ..process.nomination import NOMINATION_KIND
from ..process.status import UNDELIVERED, round_status
from ..services import Services
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately
from .tally import reported_round
from .everyday_example import preparation_counts
from .turn import TurnInfo


async def show_status(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: StatusShow) -> None:
    lang = await language_of(services, turn)
    round_ = await reported_round(ctx, turn, services, lang)
    if round_ is None:
        return
    store = services.store
    members = await store.dialogues.invitees(round_.id)
    by_id = {m.user_id: m for m in members}
    # The card's own delivery first, then any reminder Teams refused: one reason per person.
    unreachable = {m.user_id: m.delivery_reason or "failed" for m in members if m.delivery in UNDELIVERED}
    for user_id, reason in await store.reminders.unreachable(round_.id):
        unreachable.setdefault(user_id, reason or "failed")
    status = round_status(
        round_, window=services.window, now=services.clock.now(),
        records=await store.nominations.records(round_.id), invitees=members,
        reminders_sent=await store.reminders.sent_count(round_.id, NOMINATION_KIND),
        next_reminder_at=await store.reminders.next_due(round_.id, NOMINATION_KIND),
        unreachable=sorted((by_id[u].name if u in by_id else u, reason) for u, reason in unreachable.items()),
    )
    preparation = await preparation_counts(services, round_.dialogue_id)
    # The leader's loop after the day: one line, done or not (bot/process/leader_loop.py).
    day = await store.invitations.get_day(round_.dialogue_id) if round_.dialogue_id else None
    loop = await store.leader_loops.get(round_.dialogue_id) if day is not None else None
    after_day = day is not None and services.clock.now() >= day.starts_at
    await deliver_privately(
        ctx, turn, services, lambda lang: status_card(lang, status, round_id=round_.id, preparation=preparation, leader_loop=after_day,
                                   leader_done_on=loop.done_at.date() if loop and loop.done_at else None),
        summary="status.summary", sent_key="status.sent_privately",
    )


DECLARES = (
    Verb(StatusShow, show_status, who=Role.PLANNING_GROUP),
    Command(da=("status",), en=("status",), payload=StatusShow, who=Role.PLANNING_GROUP, help="help.cmd.status", step="nominations"),
)
