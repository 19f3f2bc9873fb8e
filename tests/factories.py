"""Teams activities as Teams sends them, for tests that go through the real app and adapter."""
from __future__ import annotations

import itertools
from typing import Any

TENANT = "tenant-nyborg"
TEAM = "19:team-general@thread.tacv2"
BOT = "28:bot-app-id"
_ids = itertools.count(1)

# The team of the end-to-end tests: Lea leads, the others are employees.
ROSTER = [
    {"id": "u-leader", "name": "Lea Leder", "aadObjectId": "aad-u-leader"},
    {"id": "u-bo", "name": "Bo Bæk", "aadObjectId": "aad-u-bo"},
    {"id": "u-cecilie", "name": "Cecilie Ø", "aadObjectId": "aad-u-cecilie"},
    {"id": "u-dorte", "name": "Dorte Dam", "aadObjectId": "aad-u-dorte"},
    {"id": "u-erik", "name": "Erik Eg", "aadObjectId": "aad-u-erik"},
]


def _base(service_url: str, *, user: str, name: str, conversation: dict[str, Any], channel_data: dict[str, Any], locale: str = "da-DK") -> dict[str, Any]:
    return {
        "id": f"act-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-09-01T08:00:00.000Z",
        "locale": locale,
        "from": {"id": user, "name": name, "aadObjectId": f"aad-{user}"},
        "recipient": {"id": BOT, "name": "TalSammen"},
        "conversation": {**conversation, "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}, **channel_data},
    }


def _channel(team: str) -> tuple[dict[str, Any], dict[str, Any]]:
    return (
        {"id": team, "conversationType": "channel", "isGroup": True},
        {"team": {"id": team, "name": "Hjemmeplejen Nord"}, "channel": {"id": team, "name": "General"}},
    )


def bot_added_to_team(service_url: str, *, user: str = "u-leader", team: str = TEAM) -> dict[str, Any]:
    conversation, channel_data = _channel(team)
    activity = _base(service_url, user=user, name="Lea Leder", conversation=conversation, channel_data={**channel_data, "eventType": "teamMemberAdded"})
    activity.update(type="conversationUpdate", membersAdded=[{"id": BOT}])
    return activity


def bot_installed_personally(service_url: str, *, user: str, name: str = "", locale: str = "da-DK") -> dict[str, Any]:
    activity = _base(service_url, user=user, name=name, conversation={"id": f"a:personal-{user}", "conversationType": "personal"}, channel_data={}, locale=locale)
    activity.update(type="conversationUpdate", membersAdded=[{"id": BOT}])
    return activity


def channel_mention(service_url: str, text: str, *, user: str, name: str = "", team: str = TEAM) -> dict[str, Any]:
    conversation, channel_data = _channel(team)
    conversation = {**conversation, "id": f"{team};messageid=1"}
    activity = _base(service_url, user=user, name=name, conversation=conversation, channel_data=channel_data)
    activity.update(
        type="message", textFormat="plain", text=f"<at>TalSammen</at> {text}",
        entities=[{"type": "mention", "text": "<at>TalSammen</at>", "mentioned": {"id": BOT, "name": "TalSammen"}}],
    )
    return activity


def channel_submit(service_url: str, value: dict[str, Any], *, user: str, name: str = "", reply_to: str | None = None, team: str = TEAM) -> dict[str, Any]:
    conversation, channel_data = _channel(team)
    activity = _base(service_url, user=user, name=name, conversation=conversation, channel_data=channel_data)
    activity.update(type="message", value=value, replyToId=reply_to)
    return activity


def personal_message(service_url: str, text: str, *, user: str, conversation: str, name: str = "", locale: str = "da-DK") -> dict[str, Any]:
    activity = _base(service_url, user=user, name=name, conversation={"id": conversation, "conversationType": "personal"}, channel_data={}, locale=locale)
    activity.update(type="message", text=text, textFormat="plain")
    return activity


def personal_submit(service_url: str, value: dict[str, Any], *, user: str, conversation: str, reply_to: str | None, name: str = "") -> dict[str, Any]:
    activity = _base(service_url, user=user, name=name, conversation={"id": conversation, "conversationType": "personal"}, channel_data={})
    activity.update(type="message", value=value, replyToId=reply_to)
    return activity
