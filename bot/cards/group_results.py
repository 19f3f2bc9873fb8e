"""What each group produced on the day, and the plenum view (step 8)."""
from __future__ import annotations

from typing import ClassVar, Literal

from .payload import Payload, RoundId


class ResultsShow(Payload):
    """Open one's group's results card, or the plenum view (typed ``resultater`` / ``results``,
    or the run-sheet's and the channel grouping post's buttons)."""

    VERB: ClassVar[str] = "results.show"
    dialogue_id: RoundId | None = None
    kind: Literal["wellbeing", "leadership"] | None = None
