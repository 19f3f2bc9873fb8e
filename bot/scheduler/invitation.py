"""What step 5's queue rows say, decided when they are sent (rules: bot/process/invitation.py).

A row names the dialogue (its ``round_id``) and the person or the channel; the themes, the day
and the person's answer are read at send time, so a day moved after planning goes out as it is
now. Kinds: the channel's post of the chosen themes, each invitation (Bilag 3; its delivery and
card id are kept on the person's invitation row, so an answer updates the card in place),
"the day has changed", and the invitation card updated in place after the day moved.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..cards.elements import message_with_card
from ..cards.invitation import day_changed_card, invitation_card, themes_announced_card
from ..process.calendar_file import calendar_token
from ..process.invitation import (
    DAY_CHANGED_KIND, DAY_INVITATION_KIND, INVITATION_REFRESH_KIND, THEMES_ANNOUNCED_KIND, UNLIMITED_KINDS, invitation_obsolete_reason,
)
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import DeliveryResult, OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver, delivery_of

if TYPE_CHECKING:
    from ..services import Services
    from ..settings import Settings

CalendarLink = Callable[[str], "str | None"]


class _DayResolver(StepResolver):
    """Reads the dialogue's selection, day and workplace; knows the calendar link."""

    calendar_link: CalendarLink = staticmethod(lambda _dialogue_id: None)  # type: ignore[assignment]

    def configure(self, services: "Services") -> None:
        self.calendar_link = lambda dialogue_id, settings=services.settings: calendar_url(settings, dialogue_id)

    async def context(self, reminder: QueuedReminder, *, person: bool):  # noqa: ANN201
        """(selection, day, workplace, invitation) or Obsolete(reason)."""
        dialogue_id = reminder.round_id or ""
        selection = await self.store.selections.get(dialogue_id)
        day = await self.store.invitations.get_day(dialogue_id)
        invitation = await self.store.invitations.invitation(dialogue_id, reminder.recipient_id) if person else None
        reason = invitation_obsolete_reason(day, announced=selection is not None and selection.announced_at is not None,
                                            invited=invitation is not None or not person, now=self.clock.now())
        if reason is not None:
            return Obsolete(reason)
        workplace = await self.workplace_of(dialogue_id)
        if workplace is None:
            return Obsolete("no_workplace")
        return selection, day, workplace, invitation


class ThemesAnnouncedResolver(_DayResolver):
    """The channel's post: the chosen themes, their descriptions, why, and the day."""

    kind = THEMES_ANNOUNCED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found = await self.context(reminder, person=False)
        if isinstance(found, Obsolete):
            return found
        selection, day, workplace, _ = found
        lang = self.team_lang(workplace)
        card = themes_announced_card(lang, self.workplace_concept(workplace), selection=selection, day=day)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=reminder.recipient_id or workplace.channel_id,
            activity=message_with_card(card, summary=t(lang, "themes.announced.title"), lang=lang),
        )


class DayInvitationResolver(_DayResolver):
    """The invitation itself (Bilag 3), built at send time; its fate is kept on the invitation row."""

    kind = DAY_INVITATION_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found = await self.context(reminder, person=True)
        if isinstance(found, Obsolete):
            return found
        selection, day, workplace, invitation = found
        return await self.card_to_member(reminder, workplace, lambda lang: invitation_card(
            lang, self.workplace_concept(workplace), dialogue_id=selection.dialogue_id, selection=selection, day=day,
            answer=invitation.answer, calendar_url=self.calendar_link(selection.dialogue_id), workplace_name=workplace.name),
            "invitation.summary")

    async def recorded(self, reminder: QueuedReminder, result: DeliveryResult) -> None:
        """How the card fared, with its activity id (the answer updates it in place), and the new chat."""
        await self.remember_chat(reminder, result)
        await self.store.invitations.record_delivery(reminder.round_id or "", reminder.recipient_id, delivery_of(result),
                                                     card_activity_id=result.activity_id, reason=result.reason)


class DayChangedResolver(_DayResolver):
    """'The day has changed' to someone whose invitation reached them, with the answer buttons."""

    kind = DAY_CHANGED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found = await self.context(reminder, person=True)
        if isinstance(found, Obsolete):
            return found
        selection, day, _workplace, invitation = found
        person = await self.store.people.get(reminder.recipient_id)
        lang = self.person_lang(person)
        card = day_changed_card(lang, dialogue_id=selection.dialogue_id, day=day, answer=invitation.answer,
                                calendar_url=self.calendar_link(selection.dialogue_id))
        return self.to_person(reminder, person, card, t(lang, "day_changed.summary"), lang)


class InvitationRefreshResolver(_DayResolver):
    """Puts a person's invitation card in place with the day as it is now (after the day moved),
    so the card that is kept shows no old date or room and no button for the old day."""

    kind = INVITATION_REFRESH_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        found = await self.context(reminder, person=True)
        if isinstance(found, Obsolete):
            return found
        selection, day, workplace, invitation = found
        if invitation.delivery != "sent" or not invitation.card_activity_id:
            return Obsolete("no_card")  # not gone yet: the invitation is built with the new day when it goes
        person = await self.store.people.get(reminder.recipient_id)
        if person is None or not person.conversation_id or not person.service_url:
            return Obsolete("no_conversation")
        lang = self.person_lang(person)
        card = invitation_card(lang, self.workplace_concept(workplace), dialogue_id=selection.dialogue_id, selection=selection, day=day,
                               answer=invitation.answer, calendar_url=self.calendar_link(selection.dialogue_id),
                               workplace_name=workplace.name)
        return OutgoingMessage(
            key=reminder.key, tenant_id=person.tenant_id, service_url=person.service_url, conversation_id=person.conversation_id,
            activity=message_with_card(card, summary=t(lang, "invitation.summary"), lang=lang),
            update_activity_id=invitation.card_activity_id,
        )


def calendar_key(settings: "Settings") -> bytes:
    """The key of the calendar links: the app's secret. Without one (local development only) a
    key derived from the database's address, so links survive a restart of the local bot."""
    secret = settings.microsoft_app_password.get_secret_value()
    seed = f"secret:{secret}" if secret else f"local:{settings.database_url}"
    return hashlib.sha256(seed.encode()).digest()


def calendar_url(settings: "Settings", dialogue_id: str) -> str | None:
    """The day's calendar link, or None when the bot does not know its public address."""
    if not settings.public_base_url:
        return None
    token = calendar_token(calendar_key(settings), dialogue_id)
    return f"{settings.public_base_url.rstrip('/')}/calendar/{dialogue_id}/{token}.ics"


DECLARES = QueueKinds(
    (ThemesAnnouncedResolver, DayInvitationResolver, DayChangedResolver, InvitationRefreshResolver),
    unlimited=UNLIMITED_KINDS,  # one per dialogue, person and day, so not held to one a day
)
