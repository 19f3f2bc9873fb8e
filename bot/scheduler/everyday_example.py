"""What an everyday-example reminder says, decided when it is sent (step 6).

The rows are planned when the themes are announced (bot/process/everyday_example.py
``plan_example_reminders``); a row names the dialogue (its ``round_id``), the person, and in its
key the day it was planned for. Everything else is read at send time: is the day still that
day and not begun, is the person still invited, ready, or unable to come? A row that has become
pointless is dropped (``example_obsolete_reason``), so marking oneself ready stops the
reminders without touching the queue, and "not ready after all" brings the next one back.
"""
from __future__ import annotations

from ..cards.everyday_example import example_reminder_card
from ..process.everyday_example import EVERYDAY_EXAMPLE_KIND, example_obsolete_reason, planned_for
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class ExampleReminderResolver(StepResolver):
    """"Husk at forberede dit eksempel fra hverdagen" to one invited person, or why not any more."""

    kind = EVERYDAY_EXAMPLE_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id, user_id = reminder.round_id, reminder.recipient_id
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        try:
            planned = planned_for(reminder.key)
        except (IndexError, ValueError):
            return Obsolete("bad_key")
        if dialogue_id not in await self.store.invitations.dialogues_of(user_id):
            return Obsolete("not_invited")
        day = await self.store.invitations.get_day(dialogue_id)
        preparation = await self.store.examples.preparation(dialogue_id, user_id)
        answer = (await self.store.invitations.answers(dialogue_id)).get(user_id)
        reason = example_obsolete_reason(day, planned_for=planned, now=self.clock.now(), ready=preparation.ready, answer=answer)
        if reason is not None:
            return Obsolete(reason)
        selection = await self.store.selections.get(dialogue_id)
        if selection is None or selection.announced_at is None:
            return Obsolete("no_themes")
        workplace = await self.store.workplaces.get(reminder.team_id)
        concept = self.concept_loader(workplace.concept if workplace and workplace.concept else self.default_concept)
        person = await self.store.people.get(user_id)
        lang = self.person_lang(person)
        card = example_reminder_card(lang, concept, dialogue_id=dialogue_id, themes=selection.themes, day=day,
                                     workplace_name=workplace.name if workplace else "")
        return self.to_person(reminder, person, card, t(lang, "example.reminder.title"), lang)


DECLARES = QueueKinds((ExampleReminderResolver,))
