"""Step 4 in Teams: the tally, for the planning group only, sent privately.

It holds what employees wrote, so it never goes to the channel, where every member of the team
would read it. Viewing it is audited, and so is every page of reasons.

The pages of reasons are reached by the buttons on the tally (``optælling`` / ``tally`` brings
it); there is no typed command of their own, because a theme's number in the ranking moves as
answers come in, so "begrundelser 3" typed from memory could open another theme's reasons.
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.reasons import TallyReasons, TallyReasonsPage, tally_reasons_card
from ..cards.tally import TallyShow, tally_card
from ..process import planning_group
from ..process.concept import Kind
from ..process.exports import KIND_TALLY
from ..process.dialogue import Role
from ..process.nomination import Round
from ..process.tally import Tally, TallyInputs, round_to_report, tally
from ..services import Services
from ..texts import t
from .exports import export_url
from .language import language_of
from .context import planning_group_of_turn, refuse_non_member
from .registry import Command, Verb
from .replies import deliver_privately, replace_card, say
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
    """The tally of the round ``reported_round`` would pick, read on one connection
    (``Overview.reported_tally_inputs``: the round, its nominations and the number invited)."""
    lang = await language_of(services, turn)
    teams = await planning_group_of_turn(ctx, turn, services, lang)
    if teams is None:
        return
    inputs = await services.store.overview.reported_tally_inputs(teams)
    if inputs is None:
        await say(ctx, lang, "nomination.no_round")
        return
    round_ = inputs.round
    result, is_open = await _viewed_tally(turn, services, inputs)
    url = export_url(services, KIND_TALLY, round_.team_id, turn.user_id)  # None without PUBLIC_BASE_URL
    await deliver_privately(
        ctx, turn, services, lambda lang: tally_card(lang, services.concept, result, deadline=round_.deadline_date, is_open=is_open,
                                                     download_url=url),
        summary="tally.summary", sent_key="tally.sent_privately",
    )


async def _viewed_tally(turn: TurnInfo, services: Services, inputs: TallyInputs) -> tuple[Tally, bool]:
    """The round's tally as it stands now, and whether the round is open; the view is audited."""
    round_ = inputs.round
    result = tally(services.concept, inputs.records, round_id=round_.id, invited=inputs.invited, named_mode=round_.named_mode)
    await services.store.audit.record(actor=turn.user_id, action="tally.viewed", subject=round_.id, now=services.clock.now())
    return result, round_.is_open(services.clock.now())


async def show_reasons(ctx: TurnContext, turn: TurnInfo, services: Services, payload: TallyReasons) -> None:
    """A page of reasons: from the tally as a card of its own, from a page card in its place.

    The button names a round; whoever presses it must be in that round's team's planning
    group now (a member who has left the group, or a forged round id, gets no reasons)."""
    lang = await language_of(services, turn)
    inputs = await services.store.overview.round_tally_inputs(payload.round_id)  # read at once; shown only to the group
    if inputs is None:
        await say(ctx, lang, "tally.page.not_found")
        return
    round_ = inputs.round
    members = await services.store.planning_group.members(round_.team_id)
    if not planning_group.may_manage(turn.user_id, [m.user_id for m in members]):
        await refuse_non_member(ctx, lang, members)
        return
    result, is_open = await _viewed_tally(turn, services, inputs)

    def page_card(lang: str) -> dict:
        return tally_reasons_card(lang, services.concept, result, kind=Kind(payload.kind), page=payload.page,
                                  deadline=round_.deadline_date, is_open=is_open)

    if isinstance(payload, TallyReasonsPage) and turn.is_personal and turn.reply_to_id:
        await replace_card(ctx, turn, page_card(lang), summary=t(lang, "tally.page.summary"), lang=lang)
    else:  # never in a channel: the reasons are the planning group's to read
        await deliver_privately(ctx, turn, services, page_card, summary="tally.page.summary", sent_key="tally.page.sent_privately")


DECLARES = (
    Verb(TallyShow, show_tally, who=Role.PLANNING_GROUP),
    Verb(TallyReasons, show_reasons, who=Role.PLANNING_GROUP),
    Verb(TallyReasonsPage, show_reasons, who=Role.PLANNING_GROUP),
    Command(da=("optælling", "optaelling"), en=("tally",), payload=TallyShow, who=Role.PLANNING_GROUP, help="help.cmd.tally", step="nominations"),
)
