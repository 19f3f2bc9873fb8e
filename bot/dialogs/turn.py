"""What a handler needs to know about the incoming activity, read once from the Teams payload.

The sender is always the authenticated activity's ``from``; nothing in a card's ``value`` can
change who is acting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from botbuilder.schema import Activity

_AT_TAG = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Mentioned:
    user_id: str
    name: str


@dataclass(frozen=True)
class TurnInfo:
    user_id: str
    aad_object_id: str | None
    name: str
    tenant_id: str
    service_url: str
    conversation_id: str
    conversation_type: str  # personal | channel | groupChat
    team_id: str | None
    team_name: str
    locale: str | None
    text: str
    value: dict[str, Any] | None
    reply_to_id: str | None
    activity_id: str | None
    mentioned: tuple[Mentioned, ...] = field(default_factory=tuple)

    @property
    def in_team(self) -> bool:
        return self.team_id is not None

    @property
    def is_personal(self) -> bool:
        return self.conversation_type == "personal"

    @property
    def locale_lang(self) -> str | None:
        if not self.locale:
            return None
        return "en" if self.locale.lower().startswith("en") else "da" if self.locale.lower().startswith("da") else None


def read_turn(activity: Activity, bot_id: str | None = None) -> TurnInfo:
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team") if isinstance(channel_data.get("team"), dict) else None
    tenant = channel_data.get("tenant") if isinstance(channel_data.get("tenant"), dict) else {}
    conversation = activity.conversation
    tenant_id = (tenant or {}).get("id") or (getattr(conversation, "tenant_id", None) or "")
    recipient_id = bot_id or (activity.recipient.id if activity.recipient else None)
    mentioned = []
    for entity in activity.entities or []:
        props = entity.additional_properties if hasattr(entity, "additional_properties") else {}
        if getattr(entity, "type", None) != "mention":
            continue
        who = (props or {}).get("mentioned") or {}
        if isinstance(who, dict) and who.get("id") and who.get("id") != recipient_id:
            mentioned.append(Mentioned(str(who["id"]), str(who.get("name") or "")))
    text = _AT_TAG.sub(" ", activity.text or "")
    value = activity.value if isinstance(activity.value, dict) else None
    return TurnInfo(
        user_id=activity.from_property.id,
        aad_object_id=getattr(activity.from_property, "aad_object_id", None),
        name=activity.from_property.name or "",
        tenant_id=str(tenant_id),
        service_url=activity.service_url,
        conversation_id=conversation.id,
        conversation_type=getattr(conversation, "conversation_type", None) or ("channel" if team else "personal"),
        team_id=str(team["id"]) if team and team.get("id") else None,
        team_name=str(team.get("name") or "") if team else "",
        locale=activity.locale,
        text=" ".join(text.split()),
        value=value,
        reply_to_id=activity.reply_to_id,
        activity_id=activity.id,
        mentioned=tuple(mentioned),
    )
