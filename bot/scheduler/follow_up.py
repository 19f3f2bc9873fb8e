"""The follow-ups at 3 and 6 months, the milestone nudges and the 1 December run-up, decided when sent.

Rows planned at adoption (``process.follow_up.plan_after_adoption``) name the dialogue (their
``round_id``). A ``follow_up_due`` or ``send_on_due`` row is addressed to the team: at its moment
it hands one row to each member of the planning group *as it is then*, and is itself done
(``Obsolete("handed_on")``: it never sends anything of its own). Every row asks again at send
time whether what it asks is still wanted: a status recorded for that follow-up, the plan sent
on, the milestone marked done (``process.follow_up`` ``*_obsolete_reason``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..cards.elements import message_with_card
from ..cards.follow_up import follow_up_card, milestone_nudge_card, progress_post_card
from ..cards.send_on import send_on_reminder_card
from ..process.dialogue import follow_up_days, send_on_deadline
from ..process.follow_up import (
    FOLLOW_UP_CARD_KIND, FOLLOW_UP_DUE_KIND, FOLLOW_UP_PROGRESS_KIND, MILESTONE_NUDGE_KIND, SEND_ON_DUE_KIND, SEND_ON_NOW,
    SEND_ON_REMINDER_KIND, UNLIMITED_KINDS, adopted_on, follow_up_moments, follow_up_obsolete_reason, latest_statuses, member_rows,
    nudge_obsolete_reason, parse_nudge_key, send_on_obsolete_reason,
)
from ..process.reminders import QueuedReminder
from ..process.calendar import WorkingWindow
from ..texts import t
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver

if TYPE_CHECKING:
    from ..services import Services


class _FollowUpResolver(StepResolver):
    """What the step's resolvers share: the dialogue's team, workplace and plan; personal delivery."""

    window: WorkingWindow = WorkingWindow()  # the app's, set by ``configure``

    def configure(self, services: "Services") -> None:
        self.window = services.window  # the dates hang on it

    async def _context(self, reminder: QueuedReminder):  # noqa: ANN202
        dialogue_id = reminder.round_id
        if not dialogue_id:
            return None, None, None
        found = await self.store.invitations.team_and_cycle(dialogue_id)
        workplace = await self.store.workplaces.get(found[0]) if found else None
        plan = await self.store.plans.get(dialogue_id)
        return found, workplace, plan

    async def _in_group(self, team_id: str, user_id: str) -> bool:
        return user_id in {m.user_id for m in await self.store.planning_group.members(team_id)}

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        await self.remember_chat(reminder, result)


class FollowUpDueResolver(_FollowUpResolver):
    """At 3 and 6 months: one ``follow_up_card`` row per member of the planning group."""

    kind = FOLLOW_UP_DUE_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found, workplace, plan = await self._context(reminder)
        if found is None or workplace is None:
            return Obsolete("no_workplace")
        now = self.clock.now()
        since = follow_up_moments(plan, self.window, now).get(reminder.sequence, now) if plan else now
        reason = follow_up_obsolete_reason(plan, await self.store.follow_ups.statuses(reminder.round_id), since=since)
        if reason is not None:
            return Obsolete(reason)
        members = [m.user_id for m in await self.store.planning_group.members(found[0])]
        await self.store.reminders.add(member_rows(FOLLOW_UP_CARD_KIND, reminder.round_id, found[0], reminder.sequence, members, now))
        return Obsolete("handed_on")


class FollowUpCardResolver(_FollowUpResolver):
    """The follow-up card to one member of the planning group."""

    kind = FOLLOW_UP_CARD_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found, workplace, plan = await self._context(reminder)
        if found is None or workplace is None:
            return Obsolete("no_workplace")
        now = self.clock.now()
        moments = follow_up_moments(plan, self.window, now) if plan else {}
        statuses = await self.store.follow_ups.statuses(reminder.round_id)
        reason = follow_up_obsolete_reason(plan, statuses, since=moments.get(reminder.sequence, now))
        if reason is not None:
            return Obsolete(reason)
        if not await self._in_group(found[0], reminder.recipient_id):
            return Obsolete("not_planning_group")
        latest, done = latest_statuses(statuses), await self.store.follow_ups.done(reminder.round_id)
        dates = follow_up_days(adopted_on(plan, self.window, now), self.window)
        return await self.card_to_member(reminder, workplace, lambda lang: follow_up_card(
            lang, plan, latest=latest, done=done, months=reminder.sequence, due=True, dates=(dates[0], dates[1])), "follow_up.summary")


class FollowUpProgressResolver(_FollowUpResolver):
    """The channel's short progress post once a follow-up is recorded."""

    kind = FOLLOW_UP_PROGRESS_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found, workplace, plan = await self._context(reminder)
        if found is None or workplace is None:
            return Obsolete("no_workplace")
        if plan is None or plan.adopted_at is None:
            return Obsolete("no_adopted_plan")
        latest = latest_statuses(await self.store.follow_ups.statuses(reminder.round_id))
        done = await self.store.follow_ups.done(reminder.round_id)
        lang = self.team_lang(workplace)
        card = progress_post_card(lang, plan, months=reminder.sequence, latest=latest, done=done)
        return OutgoingMessage(key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
                               conversation_id=workplace.channel_id,
                               activity=message_with_card(card, summary=t(lang, "follow_up.progress.summary"), lang=lang))


class SendOnDueResolver(_FollowUpResolver):
    """A moment of the run-up: one ``send_on_reminder`` row per member of the planning group."""

    kind = SEND_ON_DUE_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found, workplace, plan = await self._context(reminder)
        if found is None or workplace is None:
            return Obsolete("no_workplace")
        reason = send_on_obsolete_reason(plan, await self.store.sent_on.get(reminder.round_id))
        if reason is not None:
            return Obsolete(reason)
        members = [m.user_id for m in await self.store.planning_group.members(found[0])]
        await self.store.reminders.add(member_rows(SEND_ON_REMINDER_KIND, reminder.round_id, found[0], reminder.sequence, members,
                                                   self.clock.now()))
        return Obsolete("handed_on")


class SendOnReminderResolver(_FollowUpResolver):
    """The run-up reminder, with the send-on card a press away, to one member of the planning group."""

    kind = SEND_ON_REMINDER_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found, workplace, plan = await self._context(reminder)
        if found is None or workplace is None:
            return Obsolete("no_workplace")
        reason = send_on_obsolete_reason(plan, await self.store.sent_on.get(reminder.round_id))
        if reason is not None:
            return Obsolete(reason)
        if not await self._in_group(found[0], reminder.recipient_id):
            return Obsolete("not_planning_group")
        deadline = send_on_deadline(found[1], self.window)
        late = reminder.sequence == SEND_ON_NOW and self.clock.now().astimezone(self.window.tz).date() > deadline
        return await self.card_to_member(reminder, workplace, lambda lang: send_on_reminder_card(
            lang, reminder.round_id, deadline=deadline, late=late), "send_on.reminder.summary")


class MilestoneNudgeResolver(_FollowUpResolver):
    """A nudge to an initiative's owner when a milestone's date has passed unmarked."""

    kind = MILESTONE_NUDGE_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found, workplace, plan = await self._context(reminder)
        if found is None or workplace is None:
            return Obsolete("no_workplace")
        target = parse_nudge_key(reminder.key)
        done = await self.store.follow_ups.done(reminder.round_id)
        reason = nudge_obsolete_reason(plan, target, recipient_id=reminder.recipient_id, done=done)
        if reason is not None:
            return Obsolete(reason)
        initiative = plan.initiative(target.initiative_id)
        milestone = next(m for m in initiative.milestones if m.id == target.milestone_id)
        return await self.card_to_member(reminder, workplace, lambda lang: milestone_nudge_card(
            lang, reminder.round_id, initiative, milestone), "follow_up.nudge.summary")


DECLARES = QueueKinds(
    (FollowUpDueResolver, FollowUpCardResolver, FollowUpProgressResolver, SendOnDueResolver, SendOnReminderResolver,
     MilestoneNudgeResolver),
    unlimited=UNLIMITED_KINDS,  # one per follow-up, moment or milestone, so not held to one a day
)
