"""The planning group's status of a round: who has answered, how many reminders went out, and
who the bot could not reach and why (so someone can hand them the paper form). Sent privately."""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.status import StatusShow, status_card
from ..process.dialogue import Role
from ..services import Services
from ..texts import t
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately
from .tally import reported_round
from .turn import TurnInfo


async def show_status(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: StatusShow) -> None:
    lang = await language_of(services, turn)
    round_ = await reported_round(ctx, turn, services, lang)
    if round_ is None:
        return
    members = await services.store.dialogues.invitees(round_.id)
    answered = await services.store.nominations.respondents(round_.id)
    counts = await services.store.reminders.counts(round_.id)
    by_id = {m.user_id: m for m in members}
    unreachable = {m.user_id: m.delivery_reason or "failed" for m in members if m.delivery in ("unreachable", "failed")}
    for user_id, reason in await services.store.reminders.unreachable(round_.id):
        unreachable.setdefault(user_id, reason or "failed")
    unreached = [(by_id[u].name if u in by_id else u, reason) for u, reason in sorted(unreachable.items())]
    await deliver_privately(
        ctx, turn, services,
        lambda lang: status_card(
            lang, step_label=t(lang, "status.step.nomination"), answered=len(answered & set(by_id)), invited=len(members),
            reminders_sent=counts.get("sent", 0), unreachable=unreached,
        ),
        summary="status.summary", sent_key="status.sent_privately",
    )


DECLARES = (
    Verb(StatusShow, show_status, who=Role.PLANNING_GROUP),
    Command(da=("status",), en=("status",), payload=StatusShow, who=Role.PLANNING_GROUP, help="help.cmd.status"),
)
