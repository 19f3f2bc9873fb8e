"""My data: what is stored about a person, its export and deletion.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "data.sent_privately": (
        "Jeg har sendt dig et overblik over dine data i vores private chat.",
        "I have sent you an overview of your data in our private chat.",
    ),
    "data.export_sent_privately": (
        "Jeg har sendt dig dine data som JSON i vores private chat.",
        "I have sent you your data as JSON in our private chat.",
    ),
    "data.delete_sent_privately": (
        "Jeg har sendt dig et kort i vores private chat, hvor du bekræfter, at dit temaforslag skal slettes.",
        "I have sent you a card in our private chat where you confirm that your nomination is to be deleted.",
    ),
    "action.data.show": (
        "Mine data",
        "My data",
    ),
    "action.data.export": (
        "Eksportér mine data (JSON)",
        "Export my data (JSON)",
    ),
    "action.nomination.delete": (
        "Slet mit temaforslag {workplace}",
        "Delete my nomination {workplace}",
    ),
    "action.delete.confirm": (
        "Ja, slet mit temaforslag",
        "Yes, delete my nomination",
    ),
    "action.delete.cancel": (
        "Fortryd",
        "Cancel",
    ),
    "data.title": (
        "Dine data i TalSammen",
        "Your data in TalSammen",
    ),
    "data.intro": (
        "Her er alt, hvad TalSammen har gemt om dig. Kun du kan se dette kort.",
        "This is everything TalSammen has stored about you. Only you can see this card.",
    ),
    "data.profile": (
        "Om dig",
        "About you",
    ),
    "data.name": (
        "Navn:",
        "Name:",
    ),
    "data.language": (
        "Sprog:",
        "Language:",
    ),
    "data.language.unset": (
        "ikke valgt (følger Teams)",
        "not chosen (follows Teams)",
    ),
    "data.user_id": (
        "Teams-id:",
        "Teams id:",
    ),
    "data.aad_object_id": (
        "Entra-objekt-id:",
        "Entra object id:",
    ),
    "data.updated": (
        "Senest opdateret:",
        "Last updated:",
    ),
    "data.planning_groups": (
        "Planlægningsgrupper, du er med i",
        "Planning groups you are in",
    ),
    "data.rounds": (
        "Runder, du er inviteret til",
        "Rounds you were invited to",
    ),
    "data.round.line": (
        "{workplace}, frist {deadline} – kortet: {delivery}",
        "{workplace}, deadline {deadline} – the card: {delivery}",
    ),
    "data.delivery.sent": (
        "leveret",
        "delivered",
    ),
    "data.delivery.pending": (
        "ikke sendt endnu",
        "not sent yet",
    ),
    "data.delivery.unreachable": (
        "kunne ikke nå dig",
        "could not reach you",
    ),
    "data.delivery.failed": (
        "kunne ikke sendes",
        "could not be sent",
    ),
    "data.delivery.maybe_delivered": (
        "måske leveret (Teams bekræftede det ikke)",
        "maybe delivered (Teams did not confirm it)",
    ),
    "data.delivery.other": (
        "ukendt",
        "unknown",
    ),
    "data.nominations": (
        "Dine temaforslag",
        "Your nominations",
    ),
    "data.nomination.round": (
        "Runde:",
        "Round:",
    ),
    "data.nomination.round.value": (
        "{workplace}, frist {deadline}",
        "{workplace}, deadline {deadline}",
    ),
    "data.nomination.open": (
        "Runden er åben: du kan rette eller slette dit temaforslag.",
        "The round is open: you can edit or delete your nomination.",
    ),
    "data.nomination.closed": (
        "Runden er lukket.",
        "The round is closed.",
    ),
    "data.reminders": (
        "Påmindelser til dig",
        "Reminders sent to you",
    ),
    "data.reminder.line": (
        "{date}: {status}",
        "{date}: {status}",
    ),
    "data.audit": (
        "Logget om dig",
        "Logged about you",
    ),
    "data.audit.count": (
        (
            "{count} hændelser (fx at du så eller eksporterede dine data). Loggen indeholder aldrig det, du"
            " har skrevet."
        ),
        "{count} events (such as you viewing or exporting your data). The log never holds what you wrote.",
    ),
    "data.audit.count.one": (
        "1 hændelse (fx at du så eller eksporterede dine data). Loggen indeholder aldrig det, du har skrevet.",
        "1 event (such as you viewing or exporting your data). The log never holds what you wrote.",
    ),
    "data.rights": (
        (
            "Dine temaforslag slettes automatisk et stykke tid efter rundens frist; kun antal pr. tema "
            "gemmes. Du kan slette dit temaforslag, mens runden er åben. Spørgsmål om dine data: kontakt "
            "{planning_group} eller organisationens databeskyttelsesrådgiver."
        ),
        (
            "Your nominations are deleted automatically some time after the round's deadline; only counts "
            "per theme are kept. You can delete your nomination while the round is open. Questions about "
            "your data: contact {planning_group} or your organisation's data protection officer."
        ),
    ),
    "data.none": (
        "Intet.",
        "Nothing.",
    ),
    "data.more": (
        "+ {count} flere (se eksporten)",
        "+ {count} more (see the export)",
    ),
    "delete.title": (
        "Slet dit temaforslag?",
        "Delete your nomination?",
    ),
    "delete.text": (
        (
            "Dine temaer og begrundelser i denne runde slettes og kan ikke gendannes. Du kan sende et nyt "
            "temaforslag, så længe runden er åben."
        ),
        (
            "Your themes and reasons in this round are deleted and cannot be restored. You can send a new "
            "nomination while the round is open."
        ),
    ),
    "export.title": (
        "Dine data som JSON (del {part} af {parts})",
        "Your data as JSON (part {part} of {parts})",
    ),
    "export.intro": (
        "Kopiér teksten herunder. Den er vist præcis, som den er gemt.",
        "Copy the text below. It is shown exactly as stored.",
    ),
    "data.nomination_deleted": (
        "Dit temaforslag er slettet. Du kan sende et nyt, så længe runden er åben – skriv »mine temaer«.",
        'Your nomination is deleted. You can send a new one while the round is open – write "my themes".',
    ),
    "data.nothing_to_delete": (
        "Der er intet temaforslag at slette i den runde.",
        "There is no nomination to delete in that round.",
    ),
    "data.summary": (
        "Dine data",
        "Your data",
    ),
    "data.hr_comments": (
        "Dine kommentarer, da jeres koordinationsudvalg sendte planerne videre til HR",
        "Your comments when your coordination committee forwarded the plans to HR",
    ),
    "data.hr_comment.none": (
        "Ingen kommentar (eller den er slettet). At planerne blev sendt videre, står stadig hos udvalget.",
        "No comment (or it has been deleted). That the plans were forwarded is still on record with the committee.",
    ),
    "action.hr_comment.delete": (
        "Slet min kommentar til HR ({date})",
        "Delete my comment to HR ({date})",
    ),
    "data.hr_comment_deleted": (
        "Din kommentar er slettet. At planerne blev sendt videre til HR, står stadig hos udvalget; "
        "et opslag, HR allerede har fået, kan du bede HR om at fjerne.",
        "Your comment has been deleted. That the plans were forwarded to HR is still on record with the committee; "
        "a post HR has already received, you can ask HR to remove.",
    ),
    "data.hr_comment_nothing": (
        "Der er ingen kommentar af dig at slette på den videresendelse.",
        "There is no comment of yours to delete on that forward.",
    ),
}
