"""The leader's reminders, step 9's question to the attendees and the leader's feedback post,
decided when they are sent (rules: process/leader_loop.py).

A leader reminder row is addressed to ``LEADER`` (whoever leads when it is sent) or, as the
fallback while no leader is named, to a planning-group member; exactly one side is live at send
time (``recipient_obsolete_reason``). Where the bot has no 1:1 chat with the person yet, the
dispatcher opens one, and ``recorded`` keeps it.
"""
from __future__ import annotations

from ..cards.elements import message_with_card
from ..cards.immediate_follow_up import immediate_card
from ..cards.leader_loop import feedback_post_card, leader_reminder_card, unnamed_reminder_card
from ..process.evaluation import attendees
from ..process.leader_loop import (
    LEADER, LEADER_FEEDBACK_KIND, LEADER_KINDS_UNLIMITED, LEADER_IMMEDIATE_KIND, LEADER_POST_KIND, LEADER_PREPARE_KIND, leader_obsolete_reason, planned_for,
    recipient_obsolete_reason,
)
from ..process.immediate_follow_up import IMMEDIATE_ASK_KIND, immediate_obsolete_reason
from ..process.overview import DEFAULT_MIN_GROUP_SIZE
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver

_TEXT = {LEADER_PREPARE_KIND: "leader.remind.prepare", LEADER_IMMEDIATE_KIND: "leader.remind.immediate",
         LEADER_FEEDBACK_KIND: "leader.remind.feedback"}


class _Private(StepResolver):
    async def _message(self, reminder: QueuedReminder, user_id: str, card_of, summary_key: str) -> OutgoingMessage | Obsolete:  # noqa: ANN001
        workplace = await self.store.workplaces.get(reminder.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        person = await self.store.people.get(user_id)
        lang = self.person_lang(person)
        has_chat = person is not None and bool(person.conversation_id)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id,
            service_url=(person.service_url if has_chat and person.service_url else workplace.service_url),
            conversation_id=person.conversation_id if has_chat else "", member_id=user_id, bot_id=self.bot_id,
            activity=message_with_card(card_of(lang), summary=t(lang, summary_key), lang=lang),
        )

    async def _user(self, reminder: QueuedReminder) -> str | None:
        if reminder.recipient_id != LEADER:
            return reminder.recipient_id
        leader = await self.store.leaders.get(reminder.team_id)
        return leader.user_id if leader else None

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Keep the 1:1 chat the dispatcher opened, so the next message finds it."""
        user_id = await self._user(reminder)
        workplace = await self.store.workplaces.get(reminder.team_id)
        if result.conversation_id and user_id and workplace is not None:
            await self.store.people.remember(user_id=user_id, tenant_id=workplace.tenant_id, now=self.clock.now(),
                                             conversation_id=result.conversation_id, service_url=workplace.service_url)


class _LeaderReminder(_Private):
    """The leader's preparation, immediate follow-up or feedback reminder, or the planning group's
    prompt to name the leader while none is."""

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id = reminder.round_id
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        try:
            planned = planned_for(reminder.key)
        except (IndexError, ValueError):
            return Obsolete("bad_key")
        day = await self.store.invitations.get_day(dialogue_id)
        reason = leader_obsolete_reason(reminder.kind, day=day, planned_for=planned, now=self.clock.now(),
                                        loop=await self.store.leader_loops.get(dialogue_id))
        leader = await self.store.leaders.get(reminder.team_id)
        members = [m.user_id for m in await self.store.planning_group.members(reminder.team_id)]
        reason = reason or recipient_obsolete_reason(reminder.recipient_id, leader=leader, planning_group=members)
        if reason is not None:
            return Obsolete(reason)
        assert day is not None
        if leader is not None:
            workplace = await self.store.workplaces.get(reminder.team_id)
            concept_id = workplace.concept if workplace and workplace.concept else self.default_concept
            return await self._message(reminder, leader.user_id, lambda lang: leader_reminder_card(
                lang, kind_key=_TEXT[reminder.kind], dialogue_id=dialogue_id, day=day.date, concept_id=concept_id), "leader.summary")
        people = [(i.user_id, i.name) for i in await self.store.invitations.invited(dialogue_id)]
        return await self._message(reminder, reminder.recipient_id, lambda lang: unnamed_reminder_card(
            lang, team_id=reminder.team_id, day=day.date, people=people), "leader.name.title")


class LeaderPrepareResolver(_LeaderReminder):
    kind = LEADER_PREPARE_KIND


class LeaderImmediateResolver(_LeaderReminder):
    kind = LEADER_IMMEDIATE_KIND


class LeaderFeedbackResolver(_LeaderReminder):
    kind = LEADER_FEEDBACK_KIND


class ImmediateAskResolver(_Private):
    """Step 9's question to one attendee, unless they answered already or it has closed."""

    kind = IMMEDIATE_ASK_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id, user_id = reminder.round_id, reminder.recipient_id
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        day = await self.store.invitations.get_day(dialogue_id)
        took_part = attendees(await self.store.groupings.get(dialogue_id), await self.store.invitations.answers(dialogue_id))
        answered = await self.store.leader_loops.answer_of(dialogue_id, user_id) is not None
        reason = immediate_obsolete_reason(day=day, attendee=user_id in took_part, answered=answered, now=self.clock.now())
        if reason is not None:
            return Obsolete(reason)
        return await self._message(reminder, user_id, lambda lang: immediate_card(
            lang, dialogue_id=dialogue_id, min_count=DEFAULT_MIN_GROUP_SIZE), "immediate.summary")


class LeaderPostResolver(StepResolver):
    """The leader's feedback to the team's channel, as it stands when it is sent."""

    kind = LEADER_POST_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id = reminder.round_id
        loop = await self.store.leader_loops.get(dialogue_id) if dialogue_id else None
        if loop is None or loop.feedback.is_empty:
            return Obsolete("no_feedback")
        workplace = await self.store.workplaces.get(reminder.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        leader = await self.store.leaders.get(reminder.team_id)
        lang = self.team_lang(workplace)
        areas = [(a.title, a.next_step) for a in loop.areas] if loop.shared else []
        card = feedback_post_card(lang, leader_name=leader.name if leader else "", feedback=loop.feedback, areas=areas)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=reminder.recipient_id or workplace.channel_id,
            activity=message_with_card(card, summary=t(lang, "leader.post.title"), lang=lang),
        )


# The leader's own loop and step 9: each on its own day or per key, so not held to one a day.
DECLARES = QueueKinds((LeaderPrepareResolver, LeaderImmediateResolver, LeaderFeedbackResolver, ImmediateAskResolver, LeaderPostResolver),
                      unlimited=LEADER_KINDS_UNLIMITED)
