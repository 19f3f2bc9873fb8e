"""The coordination committee's overview in Teams: who has sent and who has not, the nudge to
those missing, every ask of the organisation by theme, and the forward to HR.

Who is in the committee is who is in its team: ``overblik`` and its buttons work only in a
conversation of the committee's team, read from the authenticated activity, never from the
card (process/organisation.py says why no roster is read).
"""
from __future__ import annotations

from botbuilder.core import TurnContext

from ..cards.committee_overview import CommitteeForward, CommitteeRemind, OverviewShow, overview_card
from ..process.clock import COPENHAGEN
from ..process.dialogue import Role
from ..process.exports import KIND_COMMITTEE as EXPORT_COMMITTEE
from ..process.organisation import (
    COMMITTEE_NUDGE_KIND, HR_FORWARD_KIND, KIND_COMMITTEE, KIND_HR, Committee, Overview, clean_comment, forward_key, nudge_key, overview,
)
from ..process.reminders import ReminderPlan
from ..services import Services
from ..texts import t
from .exports import export_url
from .language import language_of
from .registry import Command, Verb
from .replies import replace_card, say
from .turn import TurnInfo

AUDIT_NUDGED = "organisation.nudged"
AUDIT_FORWARDED = "organisation.forwarded"


async def committee_view(services: Services, committee: Committee) -> Overview:
    org = services.store.organisation
    names = {w.team_id: w.name for w in await org.workplaces()}
    return overview(committee.id, await org.links(), names, await org.submissions(committee.id))


async def _committee_of_turn(ctx: TurnContext, turn: TurnInfo, services: Services, lang: str) -> Committee | None:
    committee = await services.store.organisation.committee_of_team(turn.team_id) if turn.team_id else None
    if committee is None or committee.kind != KIND_COMMITTEE:
        if turn.value is not None:
            await services.store.audit.record(actor=turn.user_id, action="payload.rejected", subject="organisation:not_committee",
                                              now=services.clock.now())
        await say(ctx, lang, "org.refused.not_committee")
        return None
    return committee


async def _card(services: Services, lang: str, committee: Committee, *, notice: str | None = None, can_forward: bool = True,
                viewer: str | None = None) -> dict:
    org = services.store.organisation
    has_hr = bool(await org.hr_teams())
    return overview_card(lang, services.concept, committee, await committee_view(services, committee), has_hr=has_hr,
                         can_forward=can_forward, forwards=await org.forwards(committee.id), notice=notice,
                         download_url=export_url(services, EXPORT_COMMITTEE, committee.id, viewer) if viewer else None)


async def show(ctx: TurnContext, turn: TurnInfo, services: Services, payload: OverviewShow) -> None:
    lang = await language_of(services, turn)
    committee = await _committee_of_turn(ctx, turn, services, lang)
    if committee is None:
        return
    await replace_card(ctx, turn, await _card(services, lang, committee, viewer=turn.user_id), summary=t(lang, "org.overview.summary"),
                       lang=lang)


async def remind(ctx: TurnContext, turn: TurnInfo, services: Services, payload: CommitteeRemind) -> None:
    """One queue row per member of each missing workplace's planning group, keyed by the day."""
    lang = await language_of(services, turn)
    committee = await _committee_of_turn(ctx, turn, services, lang)
    if committee is None:
        return
    now = services.clock.now()
    today = now.astimezone(COPENHAGEN).date()
    view = await committee_view(services, committee)
    rows: list[ReminderPlan] = []
    for w in view.missing:
        dialogue = await services.store.dialogues.ensure_dialogue(w.team_id, now)
        for member in await services.store.planning_group.members(w.team_id):
            rows.append(ReminderPlan(key=nudge_key(dialogue.id, member.user_id, today), kind=COMMITTEE_NUDGE_KIND, team_id=w.team_id,
                                     round_id=dialogue.id, recipient_id=member.user_id, sequence=1, due_at=now))
    added = await services.store.reminders.add(rows) if rows else 0
    if not view.missing:
        notice = t(lang, "org.overview.nobody_missing")
    elif added:
        notice = t(lang, "org.overview.reminded", count=len(view.missing))
        await services.store.audit.record(actor=turn.user_id, action=AUDIT_NUDGED, subject=f"{committee.id}:{len(view.missing)}", now=now)
    else:
        notice = t(lang, "org.overview.reminded_today")
    await replace_card(ctx, turn, await _card(services, lang, committee, notice=notice), summary=t(lang, "org.overview.summary"),
                       lang=lang)


async def forward(ctx: TurnContext, turn: TurnInfo, services: Services, payload: CommitteeForward) -> None:
    """Record the forward with the committee's comment and queue the post to each HR channel."""
    lang = await language_of(services, turn)
    committee = await _committee_of_turn(ctx, turn, services, lang)
    if committee is None:
        return
    org, now = services.store.organisation, services.clock.now()
    hr = [c for c in await org.committees() if c.kind == KIND_HR]
    if not hr:
        await replace_card(ctx, turn, await _card(services, lang, committee), summary=t(lang, "org.overview.summary"), lang=lang)
        return
    done = await org.forward(committee.id, by=turn.user_id, comment=clean_comment(payload.hr_comment), now=now)
    await services.store.reminders.add([
        ReminderPlan(key=forward_key(done.id, h.id), kind=HR_FORWARD_KIND, team_id=h.team_id, round_id=None, recipient_id=h.team_id,
                     sequence=done.id, due_at=now) for h in hr])
    await services.store.audit.record(actor=turn.user_id, action=AUDIT_FORWARDED, subject=f"{committee.id}:{done.id}", now=now)
    # The used card loses its forward button; "overblik" again brings a fresh one.
    card = await _card(services, lang, committee, notice=t(lang, "org.overview.forward_done"), can_forward=False)
    await replace_card(ctx, turn, card, summary=t(lang, "org.overview.summary"), lang=lang)


DECLARES = (
    Verb(OverviewShow, show, who=Role.COORDINATION_COMMITTEE),
    Verb(CommitteeRemind, remind, who=Role.COORDINATION_COMMITTEE),
    Verb(CommitteeForward, forward, who=Role.COORDINATION_COMMITTEE),
    Command(da=("overblik",), en=("overview",), payload=OverviewShow, who=Role.COORDINATION_COMMITTEE, help="help.cmd.overview",
            team_only=True),
)
