"""The groups posted to the team's channel (step 7), decided when the row is sent.

A ``groups_posted:<dialogue>:<version>`` row names the grouping version the planning group saw
when they pressed "Slå op i kanalen". If the groups were changed since (absentees, formed again),
that row is obsolete: the newer version has its own row when someone posts it, so the channel
never shows groups that no longer apply. Names and the day are read at send time.
"""
from __future__ import annotations

from ..cards.elements import message_with_card
from ..cards.grouping import groups_post_card
from ..process.grouping import GROUPS_POSTED_KIND, parse_groups_posted_key
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class GroupsPostedResolver(StepResolver):
    """Both rounds' groups, every member @mentioned, once per version, to the team's channel."""

    kind = GROUPS_POSTED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        parsed = parse_groups_posted_key(reminder.key)
        if parsed is None:
            return Obsolete("bad_key")
        dialogue_id, version = parsed
        saved = await self.store.groupings.record(dialogue_id)
        if saved is None:
            return Obsolete("no_grouping")
        if saved.version != version:
            return Obsolete("superseded")
        workplace = await self.store.workplaces.get(reminder.team_id)
        if workplace is None:
            return Obsolete("no_workplace")
        names = {i.user_id: i.name for i in await self.store.invitations.invited(dialogue_id)}
        day = await self.store.invitations.get_day(dialogue_id)
        lang = self.team_lang(workplace)
        card = groups_post_card(lang, dialogue_id=dialogue_id, grouping=saved.grouping, names=names, day=day, replaced=version > 1)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=reminder.recipient_id or workplace.channel_id,
            activity=message_with_card(card, summary=t(lang, "groups.title"), lang=lang),
        )


# One per grouping version, so not held to one a day; asked for by someone in the room on the day.
DECLARES = QueueKinds((GroupsPostedResolver,), unlimited=frozenset({GROUPS_POSTED_KIND}), anytime=frozenset({GROUPS_POSTED_KIND}))
