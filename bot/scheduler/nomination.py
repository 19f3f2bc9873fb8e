"""What a nomination-deadline reminder says, decided when it is sent, not when it was planned.

A reminder row only names the round, the person and the sequence; everything else (has the
person answered? is the round still open? where is their chat? which language?) is read
fresh at send time, so a reminder planned two weeks ago never tells someone to do what they
already did.
"""
from __future__ import annotations

from collections.abc import Callable

from ..cards.elements import message_with_card
from ..cards.status import reminder_card
from ..texts import t
from ..process.clock import Clock
from ..process.concept import LANGUAGES, Concept
from ..process.nomination import NOMINATION_KIND, nomination_obsolete_reason
from ..process.reminders import QueuedReminder
from ..process.nomination import Round
from ..storage import Storage
from .dispatcher import OutgoingMessage
from .sweeper import Obsolete

ConceptLoader = Callable[[str], Concept]  # load_concept, or one that prefers the app's loaded concept


class NominationReminderResolver:
    """Turns a due ``nomination_deadline`` reminder into a card message, or says why not."""

    kind = NOMINATION_KIND

    def __init__(
        self, store: Storage, concept_loader: ConceptLoader, *, clock: Clock, default_lang: str = "da", default_concept: str = "nyborg"
    ) -> None:
        self.store = store
        self.concept_loader = concept_loader
        self.clock = clock
        self.default_lang = default_lang
        self.default_concept = default_concept

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        """The reminder card for the person, in their language; Obsolete when it must not go out."""
        if reminder.kind != NOMINATION_KIND:
            return Obsolete("unknown_kind")
        round_ = await self.store.dialogues.get_round(reminder.round_id) if reminder.round_id else None
        reason = nomination_obsolete_reason(round_, now=self.clock.now(), has_nominated=False)
        if reason is None:
            nominated = await self.store.nominations.get(round_.id, reminder.recipient_id) is not None
            reason = nomination_obsolete_reason(round_, now=self.clock.now(), has_nominated=nominated)
        if reason is not None:
            return Obsolete(reason)
        person = await self.store.people.get(reminder.recipient_id)
        if person is None or not person.conversation_id or not person.service_url:
            return Obsolete("no_conversation")  # the invitation never reached them either
        lang = person.lang if person.lang in LANGUAGES else self.default_lang
        concept = self.concept_loader(await self._concept_name(round_))
        title = "reminder.title.first" if reminder.sequence <= 1 else "reminder.title.later"
        card = reminder_card(lang, concept, round_id=round_.id, deadline=round_.deadline_date, reminder_number=reminder.sequence)
        return OutgoingMessage(
            key=reminder.key, tenant_id=person.tenant_id, service_url=person.service_url,
            conversation_id=person.conversation_id, activity=message_with_card(card, summary=t(lang, title)),
        )

    async def _concept_name(self, round_: Round) -> str:
        name = getattr(round_, "concept", None)  # the round's own concept, when Round carries it
        if name:
            return name
        workplace = await self.store.workplaces.get(round_.team_id)
        return workplace.concept if workplace and workplace.concept else self.default_concept
