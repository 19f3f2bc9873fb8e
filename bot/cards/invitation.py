"""The day of the dialogue and the invitation to it (steps 1 and 5, Bilag 3)."""
from __future__ import annotations

from typing import ClassVar

from .payload import Payload, RoundId


class DayShow(Payload):
    """Open the day's form (typed ``dag`` / ``day``, or the status card's button)."""

    VERB: ClassVar[str] = "day.show"
    dialogue_id: RoundId | None = None


class AnnounceAsk(Payload):
    """Ask to announce the chosen themes and invite everyone (the selection card's button)."""

    VERB: ClassVar[str] = "themes.announce_ask"
    dialogue_id: RoundId | None = None
