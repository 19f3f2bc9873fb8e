"""Parsing a card submission into the strict model its verb declares (see bot/cards/payload.py)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ..cards.help import HelpShow
from ..cards.my_data import DataExport, DataShow, NominationDelete, NominationDeleteConfirm
from ..cards.nomination import NominationEdit, NominationOpen, NominationSubmit
from ..cards.payload import Payload
from ..cards.plan import RoundSetup, RoundStart
from ..cards.planning_group import GroupManage
from ..cards.status import StatusShow
from ..cards.tally import TallyShow
from ..cards.welcome import LanguageSet
from ..process.concept import Concept


class PayloadRejected(ValueError):
    """A card submission that no card of ours could have sent; ``code`` is a fixed word."""

    def __init__(self, verb: str, code: str) -> None:
        super().__init__(f"{verb}:{code}")
        self.verb, self.code = verb, code


MODELS: dict[str, type[Payload]] = {m.VERB: m for m in (
    RoundSetup, RoundStart, NominationOpen, NominationSubmit, NominationEdit, NominationDelete, NominationDeleteConfirm,
    TallyShow, StatusShow, HelpShow, LanguageSet, DataShow, DataExport, GroupManage,
)}


def parse_payload(value: Mapping[str, Any], concept: Concept) -> Payload:
    """The checked payload of a card submission, or `PayloadRejected` naming verb and reason.

    The reason is pydantic's error type (``extra_forbidden``, ``string_too_long``…) or a code
    of ours, never a piece of the submitted text, so it can go in the audit log.
    """
    verb = value.get("verb")
    model = MODELS.get(verb) if isinstance(verb, str) else None
    if model is None:
        raise PayloadRejected("unknown", "unknown_verb")
    try:
        return model.model_validate(dict(value), context={"concept": concept})
    except ValidationError as error:
        first = error.errors()[0]
        code = first["type"]
        if code == "value_error":  # our validators: the message is one of our fixed words
            code = str(first.get("ctx", {}).get("error", "invalid"))
        raise PayloadRejected(verb, code[:60]) from None
