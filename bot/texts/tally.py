"""Step 4: the tally of nominated themes.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "tally.sent_privately": (
        "Jeg har sendt dig optællingen af temaforslag i vores private chat.",
        "I have sent you the tally in our private chat.",
    ),
    "action.tally": (
        "Se optællingen",
        "See the tally",
    ),
    "tally.title": (
        "Optælling af temaforslag",
        "Tally of theme nominations",
    ),
    "tally.open": (
        "Foreløbig optælling – medarbejderne kan svare til og med {deadline}.",
        "Interim tally – employees can answer up to and including {deadline}.",
    ),
    "tally.closed": (
        "Endelig optælling – fristen var {deadline}.",
        "Final tally – the deadline was {deadline}.",
    ),
    "tally.responded": (
        "{responded} af {invited} har svaret ({percent} %)",
        "{responded} of {invited} have answered ({percent}%)",
    ),
    "tally.anonymous": (
        "Begrundelserne vises uden navne.",
        "Reasons are shown without names.",
    ),
    "tally.named": (
        "Navnet står ved hver begrundelse.",
        "Each reason shows its author's name.",
    ),
    "tally.truncated": (
        "Der er for mange begrundelser til én besked. Resten står på sider for sig: tryk »Flere begrundelser« ved et tema eller »Alle begrundelser« under en liste.",
        "There are too many reasons for one message. The rest are on pages of their own: press “More reasons” by a theme or “All reasons” below a list.",
    ),
    "tally.none_yet": (
        "Ingen forslag endnu.",
        "No nominations yet.",
    ),
    "tally.more_rows": (
        "+ {count} temaer mere vises ikke her, men står med deres begrundelser under »Alle begrundelser«.",
        "+ {count} more themes are not shown here; they are under “All reasons” with their reasons.",
    ),
    "tally.more_rows.one": (
        "+ 1 tema mere vises ikke her, men står med sine begrundelser under »Alle begrundelser«.",
        "+ 1 more theme is not shown here; it is under “All reasons” with its reasons.",
    ),
    "tally.unchosen": (
        "Ikke valgt af nogen: {themes}.",
        "Not chosen by anyone: {themes}.",
    ),
    "tally.chart.own": (
        "{own} (egne forslag)",
        "{own} (own proposals)",
    ),
    "tally.count": (
        "valgt af {count}",
        "chosen by {count}",
    ),
    "tally.more_reasons": (
        "Flere begrundelser (side {page} af {pages})",
        "More reasons (page {page} of {pages})",
    ),
    "tally.all_reasons": (
        "Alle begrundelser: {kind} ({count} sider)",
        "All reasons: {kind} ({count} pages)",
    ),
    "tally.all_reasons.one": (
        "Alle begrundelser: {kind} (1 side)",
        "All reasons: {kind} (1 page)",
    ),
    "tally.reasons.partial": (
        "Her vises {shown} af {total} begrundelser. Resten står på sider for sig.",
        "{shown} of {total} reasons are shown here. The rest are on pages of their own.",
    ),
    "tally.reasons.elsewhere": (
        "{count} begrundelser står på sider for sig.",
        "{count} reasons are on pages of their own.",
    ),
    "tally.reasons.elsewhere.one": (
        "1 begrundelse står på en side for sig.",
        "1 reason is on a page of its own.",
    ),
    "tally.show_reasons": (
        "Vis begrundelser ({count})",
        "Show reasons ({count})",
    ),
    "tally.hide_reasons": (
        "Skjul begrundelser",
        "Hide reasons",
    ),
    "tally.on_paper": (
        "(papirskema)",
        "(paper form)",
    ),
    "tally.page.title": (
        "Begrundelser: {kind}",
        "Reasons: {kind}",
    ),
    "tally.page.of": (
        "Side {page} af {pages}",
        "Page {page} of {pages}",
    ),
    "tally.page.range": (
        "begrundelse {first}–{last} af {count}",
        "reasons {first}–{last} of {count}",
    ),
    "tally.page.single": (
        "begrundelse {first} af {count}",
        "reason {first} of {count}",
    ),
    "tally.page.more": (
        "Der er flere begrundelser på næste side.",
        "There are more reasons on the next page.",
    ),
    "tally.page.last": (
        "Det var den sidste side.",
        "That was the last page.",
    ),
    "tally.page.next": (
        "Næste side ({page} af {pages})",
        "Next page ({page} of {pages})",
    ),
    "tally.page.previous": (
        "Forrige side",
        "Previous page",
    ),
    "tally.page.none": (
        "Der er ingen begrundelser at vise endnu.",
        "There are no reasons to show yet.",
    ),
    "tally.page.moved": (
        "Der er kommet flere svar, siden knappen blev lavet, så siderne er delt anderledes nu. Her er den sidste side.",
        "More answers have arrived since the button was made, so the pages are divided differently now. Here is the last page.",
    ),
    "tally.page.summary": (
        "Begrundelser",
        "Reasons",
    ),
    "tally.page.sent_privately": (
        "Jeg har sendt dig begrundelserne i vores private chat.",
        "I have sent you the reasons in our private chat.",
    ),
    "tally.page.not_found": (
        "Jeg kan ikke finde den runde. Skriv »optælling« for at se den nyeste.",
        "I cannot find that round. Write “tally” to see the latest one.",
    ),
    "tally.why_me": (
        "Vigtigt for mig, fordi:",
        "Matters to me because:",
    ),
    "tally.core_task": (
        "Kerneopgaven:",
        "Core task:",
    ),
    "tally.summary": (
        "Optælling",
        "Tally",
    ),
}
