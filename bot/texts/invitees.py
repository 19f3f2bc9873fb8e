"""Who is invited: the invitation list before and after the start.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "list.page": (
        "Side {page} af {pages}: nr. {first}-{last} af {total}.",
        "Page {page} of {pages}: {first}-{last} of {total}.",
    ),
    "list.previous": (
        "Forrige side",
        "Previous page",
    ),
    "list.next": (
        "Næste side",
        "Next page",
    ),
    "list.previous.save": (
        "Gem og gå til forrige side",
        "Save and go to the previous page",
    ),
    "list.next.save": (
        "Gem og gå til næste side",
        "Save and go to the next page",
    ),
    "action.invitees": (
        "Se inviterede",
        "See who is invited",
    ),
    "action.invitees.save": (
        "Gem listen",
        "Save the list",
    ),
    "invitees.title": (
        "Inviterede til at foreslå temaer",
        "Invited to nominate themes",
    ),
    "invitees.summary": (
        "Listen over inviterede",
        "The list of who is invited",
    ),
    "invitees.sent_privately": (
        "Jeg har sendt listen over inviterede til dig i vores private chat.",
        "I have sent you the list of who is invited in our private chat.",
    ),
    "invitees.invited": (
        "Inviterede",
        "Invited",
    ),
    "invitees.answered": (
        "Har svaret",
        "Have answered",
    ),
    "invitees.deadline": (
        "Frist",
        "Deadline",
    ),
    "invitees.hint": (
        (
            "Fjern markeringen ved dem, der ikke skal være med (timelønnede, medarbejdere på orlov, "
            "eksterne medlemmer), og markér dem, der skal med. Nye inviterede får skemaet med det samme. "
            "Den, der har svaret, bliver på listen, så svaret tæller med."
        ),
        (
            "Untick those who should not take part (hourly-paid staff, people on leave, external members) "
            "and tick those who should. Newly invited people get the form at once. Someone who has answered"
            " stays on the list, so their answer counts."
        ),
    ),
    "invitees.label": (
        "Inviterede",
        "Invited",
    ),
    "invitees.has_answered": (
        "{name} (har svaret)",
        "{name} (has answered)",
    ),
    "invitees.closed": (
        "Runden er lukket, så listen kan ikke ændres længere.",
        "The round is closed, so the list can no longer be changed.",
    ),
    "invitees.saved": (
        "Gemt: {added} tilføjet, {removed} fjernet.",
        "Saved: {added} added, {removed} removed.",
    ),
    "invitees.saved.nothing": (
        "Gemt – listen er uændret.",
        "Saved – the list is unchanged.",
    ),
    "invitees.saved.sending": (
        "De tilføjede får skemaet i deres chat med TalSammen nu.",
        "Those added get the form in their chat with TalSammen now.",
    ),
    "invitees.saved.kept": (
        "har allerede svaret og bliver på listen.",
        "has already answered and stays on the list.",
    ),
    "help.cmd.invitees": (
        "Se og ret, hvem der er inviteret til at foreslå temaer",
        "See and change who is invited to nominate themes",
    ),
    "invitees.not_member": (
        "Listen kan kun ændres af {planning_group} for det team, runden hører til.",
        "Only {planning_group} of the round's team can change the list.",
    ),
}
