"""The groups of the day's two rounds (step 7)."""
from __future__ import annotations

from typing import ClassVar

from .payload import Payload, RoundId


class GroupsShow(Payload):
    """Open the grouping card (typed ``grupper`` / ``groups``, or the status card's button)."""

    VERB: ClassVar[str] = "groups.show"
    dialogue_id: RoundId | None = None
