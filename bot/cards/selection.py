"""The selection of the day's themes (step 4): the planning group's card, and what replaces it."""
from __future__ import annotations

from typing import ClassVar

from .payload import Payload, RoundId


class SelectionShow(Payload):
    """Open the selection card (typed ``vælg temaer`` / ``choose themes``, or the final tally's button)."""

    VERB: ClassVar[str] = "selection.show"
    dialogue_id: RoundId | None = None
