"""The day's run-sheet for the leader (step 8, Bilag 5)."""
from __future__ import annotations

from typing import ClassVar

from .payload import Payload, RoundId


class RunSheetShow(Payload):
    """Open the run-sheet (typed ``drejebog`` / ``run-sheet``, or the grouping card's button)."""

    VERB: ClassVar[str] = "run_sheet.show"
    dialogue_id: RoundId | None = None
