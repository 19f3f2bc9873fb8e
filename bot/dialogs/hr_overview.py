"""Step 14 in Teams: HR's overview across all workplaces (rules: process/hr_overview.py).

``hr`` (in HR's team channel, or privately by an HR member or an administrator) shows the
overview of the newest cycle anyone sent on in (``hr 2025``: another cycle), with a link to it as
a spreadsheet. Who is HR is checked on the server (dialogs/exports.py ``is_hr``); the card goes
privately, since it is meant for HR, not for everyone in a channel the command was typed in.
"""
from __future__ import annotations

from datetime import datetime

from botbuilder.core import TurnContext

from ..cards.hr_overview import HrShow, hr_overview_card
from ..process.calendar import WorkingWindow
from ..process.concept import Concept, Kind
from ..process.dialogue import Role
from ..process.exports import KIND_HR, LINK_DAYS
from ..process.hr_overview import HrOverview, follow_up_inputs, hr_overview
from ..services import Services
from ..storage.hr_overview import HrInputs
from .exports import export_url, is_hr
from .language import language_of
from .registry import Command, Verb
from .replies import deliver_privately, say
from .turn import TurnInfo

AUDIT_VIEWED = "hr_overview.viewed"


async def committee_names(services: Services) -> dict[str, str]:
    return {c.id: c.name for c in await services.store.organisation.committees()}


def overview_from(inputs: HrInputs, concept: Concept, window: WorkingWindow, now: datetime, min_group_size: int) -> HrOverview:
    """The pure aggregation of what ``store.hr_overview.inputs`` read (the benchmark times this path too)."""
    cache: dict = {}
    follow_ups = {d: follow_up_inputs(at, inputs.statuses.get(d, ()), window, cache) for d, at in inputs.adopted.items()}
    return hr_overview(inputs.submissions, catalogue={k.value: tuple(t.id for t in concept.catalogue(k).themes) for k in Kind},
                       own_ids={k.value: concept.catalogue(k).own_proposal.id for k in Kind}, follow_ups=follow_ups,
                       now=now, min_group_size=min_group_size)


async def build_overview(services: Services, cycle: int) -> HrOverview:
    """Three reads (store.hr_overview.inputs) and the pure aggregation."""
    inputs = await services.store.hr_overview.inputs(cycle)
    return overview_from(inputs, services.concept, services.window, services.clock.now(), services.settings.min_group_size)


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: HrShow) -> None:
    lang = await language_of(services, turn)
    if not await is_hr(services, turn.user_id, team_id=turn.team_id):
        if turn.value is not None:
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="hr:not_hr", now=services.clock.now())
        await say(ctx, lang, "hr.refused.role")
        return
    cycle = payload.cycle or await services.store.hr_overview.latest_cycle() or services.clock.now().year
    overview = await build_overview(services, cycle)
    names = await committee_names(services)
    url = export_url(services, KIND_HR, str(cycle), turn.user_id)
    await services.store.audit.record(actor=turn.user_id, action=AUDIT_VIEWED, subject=str(cycle), now=services.clock.now())
    await deliver_privately(ctx, turn, services, lambda own: hr_overview_card(own, services.concept, overview, committee_names=names,
                                                                              download_url=url, link_days=LINK_DAYS),
                            summary="hr.summary")


def _cycle(words: tuple[str, ...]) -> dict[str, object]:
    return {"cycle": int(words[0])} if words and words[0].isdigit() and len(words[0]) == 4 else {}


DECLARES = (
    Verb(HrShow, show, who=Role.HR),
    Command(da=("hr",), en=("hr",), payload=HrShow, who=Role.HR, args=_cycle, help="help.cmd.hr"),
)
