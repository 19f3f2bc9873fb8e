"""A workplace (arbejdsplads): the team in Teams that holds its own development dialogue."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Workplace:
    """What the bot keeps about a team: where to post to it and which concept it runs."""

    team_id: str  # Teams team id
    tenant_id: str
    service_url: str
    channel_id: str  # where channel posts go (General)
    name: str
    concept: str
    created_at: datetime
    lang: str | None = None  # the language the team's channel speaks, chosen at set-up; None: the default
