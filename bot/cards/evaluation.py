"""The short evaluation at the close of the day (step 8)."""
from __future__ import annotations

from typing import ClassVar

from .payload import Payload, RoundId


class EvaluationStart(Payload):
    """Send the evaluation to those who came (typed ``evaluering`` / ``evaluation``, or the run-sheet's button)."""

    VERB: ClassVar[str] = "evaluation.start"
    dialogue_id: RoundId | None = None
