"""What a handler needs to know about the incoming activity, read once from the Teams payload.

The sender is always the authenticated activity's ``from``; nothing in a card's ``value`` can
change who is acting.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from botbuilder.schema import Activity

_AT_TAG = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
# Control and bidi-override characters: never part of a name or id we store (PostgreSQL even
# refuses NUL), whatever a client puts in a display name or a mention.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
NAME_MAX_CHARS = 200  # the name columns hold this many
ID_MAX_CHARS = 200
AAD_ID_MAX_CHARS = 100


def display_name(value: object) -> str:
    """A display name as Teams sent it, without control characters, cut to the column's size."""
    if not isinstance(value, str):
        return ""
    return " ".join(_CONTROL.sub("", unicodedata.normalize("NFC", value)).split())[:NAME_MAX_CHARS]


def clean_id(value: object, limit: int = ID_MAX_CHARS) -> str | None:
    """`value` if it can be an id we store (text, not too long, no control characters), else None."""
    if isinstance(value, str) and value and len(value) <= limit and not _CONTROL.search(value):
        return value
    return None


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
    person_loaded: bool = False  # set once the person's row was read this turn
    stored_lang: str | None = None
    typed_lang: str | None = None  # the language of the command word typed, when only one language has it

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
    # Never count the bot itself as mentioned: neither the configured id nor the one addressed.
    bot_ids = {bot_id, activity.recipient.id if activity.recipient else None} - {None}
    mentioned = []
    for entity in activity.entities or []:
        props = entity.additional_properties if hasattr(entity, "additional_properties") else {}
        if getattr(entity, "type", None) != "mention":
            continue
        who = (props or {}).get("mentioned") or {}
        who_id = clean_id(who.get("id")) if isinstance(who, dict) else None
        if who_id and who_id not in bot_ids:
            mentioned.append(Mentioned(who_id, display_name(who.get("name"))))
    text = _AT_TAG.sub(" ", activity.text or "")
    value = activity.value if isinstance(activity.value, dict) else None
    return TurnInfo(
        user_id=activity.from_property.id,
        aad_object_id=clean_id(getattr(activity.from_property, "aad_object_id", None), AAD_ID_MAX_CHARS),
        name=display_name(activity.from_property.name),
        tenant_id=str(tenant_id),
        service_url=activity.service_url,
        conversation_id=conversation.id,
        conversation_type=getattr(conversation, "conversation_type", None) or ("channel" if team else "personal"),
        team_id=str(team["id"]) if team and team.get("id") else None,
        team_name=display_name(team.get("name")) if team else "",
        locale=activity.locale,
        text=" ".join(text.split()),
        value=value,
        reply_to_id=activity.reply_to_id,
        activity_id=activity.id,
        mentioned=tuple(mentioned),
    )
