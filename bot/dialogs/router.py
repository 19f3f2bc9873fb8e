"""One table from card verbs and typed commands to handlers, merged from every step's
declarations; unknown ones get a polite answer, forged ones are audited."""
from __future__ import annotations

import logging

from botbuilder.core import TurnContext

from ..services import Services
from . import (
    day, deadline, evaluation, everyday_example, group_results, grouping, invitation, invitees, my_data, nomination, paper_form, plan,
    planning_group, run_sheet, selection, status, tally, welcome,
)
from . import absentees
from . import cycle_survey
from . import sorting
from . import development_plan, plan_adoption
from . import immediate_follow_up, leader_loop
from . import follow_up, send_on
from . import organisation, committee_overview
from . import hr_overview
from .language import language_of
from .registry import Registry, Route
from .replies import say
from .turn import TurnInfo

log = logging.getLogger(__name__)

# The steps' dialogs in the guide's order; help lists their commands in this order.
# The tools of every step first (start, tally, status, the planning group), then the steps in order.
STEPS = (
    plan, tally, status, planning_group, deadline, invitees, nomination, paper_form,
    selection, day, invitation, everyday_example, grouping, absentees, run_sheet, group_results, evaluation, immediate_follow_up, sorting,
    development_plan, plan_adoption, follow_up, send_on, committee_overview, hr_overview, organisation, leader_loop, cycle_survey, my_data, welcome,
)
REGISTRY = Registry.merge(d for step in STEPS for d in step.DECLARES)


def decide(turn: TurnInfo, services: Services) -> Route:
    """The routing decision for a message, with nothing sent (tests call this directly)."""
    return REGISTRY.route(value=turn.value, text=turn.text, concept=services.concept)


async def route_message(ctx: TurnContext, turn: TurnInfo, services: Services, route: Route | None = None) -> None:
    route = route or decide(turn, services)
    if route.rejected is not None:
        # A card submission no card of ours could have sent: audited (fixed words only), answered politely.
        log.warning("rejected a card submission from %s: %s", turn.user_id, route.rejected)
        await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject=str(route.rejected), now=services.clock.now())
        key = "common.unknown_action" if route.rejected.code == "unknown_verb" else "common.payload_rejected"
        await say(ctx, await language_of(services, turn), key)
        return
    if route.unknown_command:
        await say(ctx, await language_of(services, turn), "common.unknown_command")
        return
    await route.verb.handler(ctx, turn, services, route.payload)
