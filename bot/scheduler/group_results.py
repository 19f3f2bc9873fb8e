"""The plenum view posted to the team's channel (step 8), decided when it is sent.

A ``plenum_posted`` row names the dialogue (its ``round_id``) and the channel; the groups'
results are read at send time, so a correction made between the press and the post is in it.
The post names groups by number, never by their members, and never who wrote what.
"""
from __future__ import annotations

from ..cards.elements import message_with_card
from ..cards.group_results import plenum_post_card
from ..process.group_results import PLENUM_POSTED_KIND, plenum_view
from ..process.reminders import QueuedReminder
from ..texts import t
from .messages import OutgoingMessage
from .resolver import Obsolete, QueueKinds, StepResolver


class PlenumPostResolver(StepResolver):
    """Both rounds' plenum view, once per row, to the team's channel in the team's language."""

    kind = PLENUM_POSTED_KIND

    async def resolve(self, reminder: QueuedReminder) -> OutgoingMessage | Obsolete:
        dialogue_id = reminder.round_id
        if not dialogue_id:
            return Obsolete("dialogue_missing")
        team_id = await self.store.group_results.dialogue_team(dialogue_id)
        workplace = await self.store.workplaces.get(team_id) if team_id else None
        if workplace is None:
            return Obsolete("no_workplace")
        grouping = await self.store.groupings.get(dialogue_id)
        if grouping is None:
            return Obsolete("no_grouping")
        results = await self.store.group_results.of_dialogue(dialogue_id)
        if not results:
            return Obsolete("nothing_entered")
        selection = await self.store.selections.get(dialogue_id)
        day = await self.store.invitations.get_day(dialogue_id)
        lang = self.team_lang(workplace)
        concept = self.concept_loader(workplace.concept or self.default_concept)
        views = [(plenum_view(grouping, results, kind), selection.themes.choice(kind) if selection else None)
                 for kind in grouping.kinds]  # a one-kind day (DTU): its one round
        card = plenum_post_card(lang, concept, views=views, day=day.date if day else None, dialogue_id=dialogue_id)
        return OutgoingMessage(
            key=reminder.key, tenant_id=workplace.tenant_id, service_url=workplace.service_url,
            conversation_id=reminder.recipient_id or workplace.channel_id,
            activity=message_with_card(card, summary=t(lang, "plenum.post.title"), lang=lang),
        )


# One per post asked for, so not held to one a day; asked for by someone in the room on the day.
DECLARES = QueueKinds((PlenumPostResolver,), unlimited=frozenset({PLENUM_POSTED_KIND}), anytime=frozenset({PLENUM_POSTED_KIND}))
