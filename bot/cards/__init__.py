"""Every Adaptive Card the bot sends, as pure functions from data to card JSON (dicts).

No I/O and no settings: the caller passes the language ("da" | "en"), the concept and the data.
Wrap a card with :func:`message_with_card` (or :func:`as_attachment`) to send it.
"""
from .elements import as_attachment, message_with_card, verbatim
from .help import help_card
from .nomination import nomination_card, nomination_receipt_card
from .planning_group import planning_group_card
from .plan import round_closed_card, round_setup_card, round_started_card
from .status import notice_card, reminder_card, status_card
from .tally import tally_card
from .welcome import personal_welcome_card, team_welcome_card

__all__ = [
    "as_attachment",
    "help_card",
    "message_with_card",
    "nomination_card",
    "nomination_receipt_card",
    "notice_card",
    "personal_welcome_card",
    "planning_group_card",
    "reminder_card",
    "round_closed_card",
    "round_setup_card",
    "round_started_card",
    "status_card",
    "tally_card",
    "team_welcome_card",
    "verbatim",
]
