"""The verbs every card action carries in its data, so one table can route them.

A card sends ``{"verb": ..., ...}``; the router looks the verb up and never guesses from text.
"""
from __future__ import annotations

ROUND_SETUP = "round.setup"  # open the set-up card
ROUND_START = "round.start"  # submit the set-up card: deadline, contact_name, named_mode
NOMINATION_OPEN = "nomination.open"  # bring the nomination card
NOMINATION_SUBMIT = "nomination.submit"  # data: round_id, plus the form inputs
NOMINATION_EDIT = "nomination.edit"  # data: round_id
TALLY_SHOW = "tally.show"
STATUS_SHOW = "status.show"
LANGUAGE_SET = "language.set"  # data: lang ("da" | "en")
HELP_SHOW = "help.show"
DATA_SHOW = "data.show"  # everything stored about the sender (mine data / my data)
DATA_EXPORT = "data.export"  # the same as JSON, shown verbatim
NOMINATION_DELETE = "nomination.delete"  # data: round_id; asks for confirmation
NOMINATION_DELETE_CONFIRM = "nomination.delete.confirm"  # data: round_id

VERBS = frozenset(
    {
        ROUND_SETUP,
        ROUND_START,
        NOMINATION_OPEN,
        NOMINATION_SUBMIT,
        NOMINATION_EDIT,
        TALLY_SHOW,
        STATUS_SHOW,
        LANGUAGE_SET,
        HELP_SHOW,
        DATA_SHOW,
        DATA_EXPORT,
        NOMINATION_DELETE,
        NOMINATION_DELETE_CONFIRM,
    }
)

# Input ids of the set-up card (round.start), shared with its parser.
FIELD_DEADLINE = "deadline"
FIELD_CONTACT_NAME = "contact_name"
FIELD_NAMED_MODE = "named_mode"
NAMED_MODE_ANONYMOUS = "anonymous"
NAMED_MODE_NAMED = "named"
