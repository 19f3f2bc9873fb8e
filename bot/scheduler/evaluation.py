"""An attendee's evaluation card (step 8), decided when it is sent.

An ``evaluation`` row names the dialogue (its ``round_id``) and the person; at send time the
person must still be among those who took part, not have answered already (by a card sent
before), and the evaluation must still be open (``evaluation_obsolete_reason``). Where the bot
has no 1:1 chat with the person yet, the dispatcher opens one.
"""
from __future__ import annotations

from ..cards.elements import message_with_card
from ..cards.evaluation import evaluation_card
from ..process.evaluation import EVALUATION_KIND, attendees, evaluation_obsolete_reason, open_period
from ..process.overview import DEFAULT_MIN_GROUP_SIZE
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import DeliveryResult, OutgoingMessage
from .nomination import StepResolver
from .resolver import Obsolete


class EvaluationResolver(StepResolver):
    """Bilag 5's two questions to one attendee, in their language."""

    kind = EVALUATION_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id, user_id = reminder.round_id, reminder.recipient_id
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        team_id = await self.store.group_results.dialogue_team(dialogue_id)
        workplace = await self.store.workplaces.get(team_id) if team_id else None
        if workplace is None:
            return Obsolete("no_workplace")
        day = await self.store.invitations.get_day(dialogue_id)
        took_part = attendees(await self.store.groupings.get(dialogue_id), await self.store.invitations.answers(dialogue_id))
        answered = await self.store.evaluations.get(dialogue_id, user_id) is not None
        reason = evaluation_obsolete_reason(attendee=user_id in took_part, answered=answered, day=day, now=self.clock.now())
        if reason is not None:
            return Obsolete(reason)
        assert day is not None
        person = await self.store.people.get(user_id)
        lang = self.person_lang(person)
        concept = self.concept_loader(workplace.concept or self.default_concept)
        card = evaluation_card(lang, concept, dialogue_id=dialogue_id, workplace_name=workplace.name, closes=open_period(day)[1].date(),
                               min_count=DEFAULT_MIN_GROUP_SIZE)
        has_chat = person is not None and bool(person.conversation_id)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id,
            service_url=(person.service_url if has_chat and person.service_url else workplace.service_url),
            conversation_id=person.conversation_id if has_chat else "", member_id=user_id, bot_id=self.bot_id,
            activity=message_with_card(card, summary=t(lang, "evaluation.summary"), lang=lang),
        )

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """Keep the 1:1 chat the dispatcher opened, so the next message finds it."""
        if not result.conversation_id or not reminder.round_id:
            return
        team_id = await self.store.group_results.dialogue_team(reminder.round_id)
        workplace = await self.store.workplaces.get(team_id) if team_id else None
        if workplace is not None:
            await self.store.people.remember(
                user_id=reminder.recipient_id, tenant_id=workplace.tenant_id, now=self.clock.now(),
                conversation_id=result.conversation_id, service_url=workplace.service_url,
            )
