"""The demo mode's card in the channel (bot/demo.py): what was filled in, and what to type to see it.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
command words are the ones the steps declare (bot/dialogs/*.py DECLARES)."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "demo.summary": ("Demo: prøv TalSammen", "Demo: try TalSammen"),
    "demo.title": ("Demo: et helt års udviklingsdialog", "Demo: a whole year of the development dialogue"),
    "demo.intro": (
        "Dette er en demo på din egen maskine. TalSammen har fyldt arbejdspladsen med {people} kolleger og deres svar i hvert"
        " trin af {dialogue}: en afsluttet runde, hvor kollegerne har peget på temaer, de valgte temaer, dagen og hvem der"
        " kommer, grupperne, gruppernes resultater og en vedtaget udviklingsplan med to indsatser, der er fulgt op efter"
        " 3 måneder. Du er med i {planning_group}.",
        "This is a demo on your own machine. TalSammen has filled the workplace with {people} colleagues and their answers in"
        " every step of {dialogue}: a finished round in which colleagues proposed themes, the chosen themes, the day and who"
        " is coming, the groups, what the groups wrote, and an adopted development plan with two initiatives that was"
        " followed up after 3 months. You are in {planning_group}.",
    ),
    "demo.clock": ("Demoens ur står på {date}.", "The demo's clock says {date}."),
    "demo.try": ("Skriv @TalSammen og et af ordene her i kanalen:", "Write @TalSammen and one of these words in this channel:"),
    "demo.cmd.tally": ("optælling", "tally"),
    "demo.what.tally": ("de temaer, kollegerne pegede på, og deres begrundelser", "the themes colleagues proposed, and their reasons"),
    "demo.cmd.status": ("status", "status"),
    "demo.what.status": ("hvem der har svaret, og hvad der sker nu", "who answered, and what happens now"),
    "demo.cmd.themes": ("vælg temaer", "choose themes"),
    "demo.what.themes": ("de valgte temaer og hvorfor", "the chosen themes and why"),
    "demo.cmd.day": ("dag", "day"),
    "demo.what.day": ("dagen for dialogen og hvem der kommer", "the day of the dialogue and who is coming"),
    "demo.cmd.groups": ("grupper", "groups"),
    "demo.what.groups": ("grupperne i de to runder", "the groups of the two rounds"),
    "demo.cmd.results": ("resultater", "results"),
    "demo.what.results": ("det, grupperne skrev på flipover", "what the groups wrote on the flip-chart"),
    "demo.cmd.plan": ("plan", "plan"),
    "demo.what.plan": ("udviklingsplanen med indsatser og milepæle", "the development plan with initiatives and milestones"),
    "demo.cmd.follow_up": ("opfølgning", "follow-up"),
    "demo.what.follow_up": ("hvordan det går med indsatserne efter 3 måneder", "how the initiatives are doing after 3 months"),
    "demo.cmd.send_on": ("send videre", "send on"),
    "demo.what.send_on": ("send planen videre inden 1. december", "send the plan on before 1 December"),
    "demo.cmd.help": ("hjælp", "help"),
    "demo.what.help": ("alle kommandoer", "every command"),
    "demo.private": (
        "Svarene kommer i din personlige chat med TalSammen, for de er {planning_group}s arbejdsmateriale. Kollegerne"
        " og deres svar er opdigtede.",
        "The answers arrive in your personal chat with TalSammen, because they are {planning_group}'s working material."
        " The colleagues and their answers are made up.",
    ),
}
