"""An attendee's evaluation card (step 8), decided when it is sent.

An ``evaluation`` row names the dialogue (its ``round_id``) and the person; at send time the
person must still be among those who took part, not have answered already (by a card sent
before), and the evaluation must still be open (``evaluation_obsolete_reason``). Where the bot
has no 1:1 chat with the person yet, the dispatcher opens one.
"""
from __future__ import annotations

from ..cards.evaluation import evaluation_card
from ..process.evaluation import EVALUATION_KIND, attendees, evaluation_obsolete_reason, open_period
from ..process.overview import DEFAULT_MIN_GROUP_SIZE
from ..process.reminders import QueuedReminder
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class EvaluationResolver(StepResolver):
    """Bilag 5's two questions to one attendee, in their language."""

    kind = EVALUATION_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id, user_id = reminder.round_id, reminder.recipient_id
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        workplace = await self.workplace_of(dialogue_id)
        if workplace is None:
            return Obsolete("no_workplace")
        day = await self.store.invitations.get_day(dialogue_id)
        took_part = attendees(await self.store.groupings.get(dialogue_id), await self.store.invitations.answers(dialogue_id))
        answered = await self.store.evaluations.get(dialogue_id, user_id) is not None
        reason = evaluation_obsolete_reason(attendee=user_id in took_part, answered=answered, day=day, now=self.clock.now())
        if reason is not None:
            return Obsolete(reason)
        assert day is not None
        return await self.card_to_member(reminder, workplace, lambda lang: evaluation_card(
            lang, self.workplace_concept(workplace), dialogue_id=dialogue_id, workplace_name=workplace.name,
            closes=open_period(day)[1].date(), min_count=DEFAULT_MIN_GROUP_SIZE), "evaluation.summary")

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        await self.remember_chat(reminder, result)


# One per key, so not held to one a day; asked for by someone in the room at the close of the day.
DECLARES = QueueKinds((EvaluationResolver,), unlimited=frozenset({EVALUATION_KIND}), anytime=frozenset({EVALUATION_KIND}))
