"""Step 4 in Teams: the tally, for the planning group only, sent privately.

It holds what employees wrote, so it never goes to the channel, where every member of the team
would read it. Viewing it is audited.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.tally import TallyShow, tally_card
from ..process.dialogue import Role
from ..process.nomination import Round
from ..process.tally import round_to_report, tally
from ..services import Services
from .language import language_of
from .context import planning_group_of_turn
from .registry import Command, Verb
from .replies import deliver_privately, say
from .turn import TurnInfo


async def reported_round(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> Round | None:
    """The round the sender may report on (``process.tally.round_to_report``), or None after saying why."""
    teams = await planning_group_of_turn(ctx, turn, services, lang)
    if teams is None:
        return None
    round_ = round_to_report([await services.store.dialogues.latest_round(team) for team in teams])
    if round_ is None:
        await say(ctx, lang, "nomination.no_round")
    return round_


async def show_tally(ctx: TurnContext, turn: TurnInfo, services: Services, _payload: TallyShow) -> None:
    lang = await language_of(services, turn)
    round_ = await reported_round(ctx, turn, services, lang)
    if round_ is None:
        return
    records = await services.store.nominations.records(round_.id)
    invited = len(await services.store.dialogues.invitees(round_.id))
    result = tally(services.concept, records, round_id=round_.id, invited=invited, named_mode=round_.named_mode)
    is_open = round_.is_open(services.clock.now())
    await services.store.audit.record(actor=turn.user_id, action="tally.viewed", subject=round_.id, now=services.clock.now())
    await deliver_privately(
        ctx, turn, services, lambda lang: tally_card(lang, services.concept, result, deadline=round_.deadline_date, is_open=is_open),
        summary="tally.summary", sent_key="tally.sent_privately",
    )


DECLARES = (
    Verb(TallyShow, show_tally, who=Role.PLANNING_GROUP),
    Command(da=("optælling", "optaelling"), en=("tally",), payload=TallyShow, who=Role.PLANNING_GROUP, help="help.cmd.tally"),
)
