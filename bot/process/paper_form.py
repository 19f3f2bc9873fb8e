"""Paper forms (Bilag 2): the contact person enters a colleague's paper form on their behalf.

The guide's form is paper: an employee hands it to "den kontaktperson fra planlægningsgruppen".
The contact person types it in on the colleague's behalf, so the tally and the response rate
count everyone. Local choice (the guide names only the contact person): any member of the
planning group may do the same, so a form is not stuck when the contact person is away.
A colleague's own answer always wins: a paper form never overwrites what someone sent
themselves, and their own later answer replaces the paper one.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from .nomination import Invitee, Round


class PaperFormRefused(Exception):
    """Entering this paper form is not allowed; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # unknown_round | not_contact | round_closed | not_invited | own_form | answered_themselves


def may_enter_paper_forms(round_: Round, user_id: str, planning_group: Iterable[str]) -> bool:
    """The round's contact person, and (local choice) any member of its planning group."""
    return user_id == round_.contact_user_id or user_id in set(planning_group)


def check_may_enter_paper_form(round_: Round | None, *, sender: str, planning_group: Iterable[str], now: datetime) -> Round:
    """The round, if ``sender`` may enter paper forms in it now; else PaperFormRefused."""
    if round_ is None:
        raise PaperFormRefused("unknown_round")
    if not may_enter_paper_forms(round_, sender, planning_group):
        raise PaperFormRefused("not_contact")
    if not round_.is_open(now):
        raise PaperFormRefused("round_closed")
    return round_


def check_paper_colleague(colleague: Invitee | None, *, sender: str, answered: bool, entered_by: str | None) -> Invitee:
    """The colleague a paper form is for: invited, not the sender, and not answered by themselves.

    ``answered``/``entered_by`` describe the colleague's stored nomination, if any: a paper
    form entered before (``entered_by`` set) may be corrected; their own answer may not."""
    if colleague is None:
        raise PaperFormRefused("not_invited")
    if colleague.user_id == sender:
        raise PaperFormRefused("own_form")  # one's own themes go on one's own card, not on paper
    if answered and entered_by is None:
        raise PaperFormRefused("answered_themselves")
    return colleague


def paper_form_candidates(invitees: Iterable[Invitee], entries: Mapping[str, str | None], *, sender: str) -> list[Invitee]:
    """Whom a paper form can be entered for: invited colleagues who have not answered, or whose
    answer was entered on paper (to correct it), by name. ``entries`` maps each respondent to who
    entered their answer (None: they answered themselves)."""
    chosen = [
        i for i in invitees
        if i.user_id != sender and (i.user_id not in entries or entries[i.user_id] is not None)
    ]
    return sorted(chosen, key=lambda i: ((i.name or i.user_id).casefold(), i.user_id))
