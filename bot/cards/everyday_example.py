"""Preparing the everyday examples (step 6): an employee's private notes and ready mark."""
from __future__ import annotations

from typing import ClassVar

from .payload import Payload, RoundId


class PrepareShow(Payload):
    """Open one's own preparation card (typed ``forbered`` / ``prepare``, or the invitation's button)."""

    VERB: ClassVar[str] = "example.show"
    dialogue_id: RoundId | None = None
