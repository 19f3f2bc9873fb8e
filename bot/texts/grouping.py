"""Step 7, Praktisk forberedelse: the groups of the day's two rounds, the channel post, absentees.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
guide's words: "Dan grupper med 3-4 personer i hver gruppe", "en ny gruppefordeling til anden
runde", "Lav nye grupper i pausen"."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "groups.title": (
        "Grupper til Udviklingsdialogen",
        "Groups for the development dialogue",
    ),
    "groups.summary": (
        "Grupperne til dagens to runder",
        "The groups for the day's two rounds",
    ),
    # A one-kind day (DTU) has one round: no "1." or "2.", no new groups after the break.
    "groups.summary.one_kind": (
        "Grupperne til dagens runde",
        "The groups for the day's round",
    ),
    "groups.round.wellbeing": (
        "1. runde: trivselstemaet",
        "Round 1: the well-being theme",
    ),
    "groups.round.leadership": (
        "2. runde: ledelsestemaet, i nye grupper",
        "Round 2: the leadership theme, in new groups",
    ),
    "groups.round.wellbeing.one_kind": (
        "Runden: trivselstemaet",
        "The round: the well-being theme",
    ),
    "groups.round.leadership.one_kind": (
        "Runden: ledelsestemaet",
        "The round: the leadership theme",
    ),
    "groups.group": (
        "Gruppe {number}: ",
        "Group {number}: ",
    ),
    "groups.count": (
        "{people} deltagere i {groups} grupper.",
        "{people} people in {groups} groups.",
    ),
    "groups.count.one": (
        "{people} deltagere i én gruppe.",
        "{people} people in one group.",
    ),
    "groups.repeats": (
        "{count} par sidder sammen igen i 2. runde.",
        "{count} pairs sit together again in round 2.",
    ),
    "groups.repeats.one": (
        "1 par sidder sammen igen i 2. runde.",
        "1 pair sits together again in round 2.",
    ),
    "groups.repeats.fewest": (
        "Færre er ikke muligt med grupperne i 1. runde.",
        "Fewer is not possible with the groups of round 1.",
    ),
    "groups.repeats.fewer_possible": (
        "Det kan gøres med {fewest}: dan grupperne igen.",
        "It can be done with {fewest}: form the groups again.",
    ),
    "groups.rule": (
        (
            "Guiden siger grupper med 3-4 personer. Grupperne har 4 og 3 personer, med så mange på 4 som muligt, "
            "så hver gruppe får mere af tiden i plenum. 5 personer bliver én gruppe på 5 frem for 3 og 2, for 2 er "
            "ingen gruppe; færre end 5 bliver én gruppe. 2. runde har nye grupper med så få par fra 1. runde som muligt."
        ),
        (
            "The guide says groups of 3-4 people. The groups have 4 and 3 people, as many of 4 as possible, so each "
            "group gets more of the plenum time. 5 people form one group of 5 rather than 3 and 2, because 2 is no "
            "group; fewer than 5 form one group. Round 2 has new groups with as few pairs from round 1 as possible."
        ),
    ),
    "groups.rule.one_kind": (
        (
            "Guiden siger grupper med 3-4 personer. Grupperne har 4 og 3 personer, med så mange på 4 som muligt, "
            "så hver gruppe får mere af tiden i plenum. 5 personer bliver én gruppe på 5 frem for 3 og 2, for 2 er "
            "ingen gruppe; færre end 5 bliver én gruppe."
        ),
        (
            "The guide says groups of 3-4 people. The groups have 4 and 3 people, as many of 4 as possible, so each "
            "group gets more of the plenum time. 5 people form one group of 5 rather than 3 and 2, because 2 is no "
            "group; fewer than 5 form one group."
        ),
    ),
    "groups.absent": (
        "Fraværende: ",
        "Absent: ",
    ),
    "groups.first_held": (
        "1. runde er holdt: kun grupperne til 2. runde dannes igen.",
        "Round 1 has been held: only the groups of round 2 are formed again.",
    ),
    "groups.first_held.one_kind": (
        "Runden er holdt: grupperne bliver, som de var.",
        "The round has been held: the groups stay as they were.",
    ),
    "groups.formed": (
        "Dannet {date}.",
        "Formed {date}.",
    ),
    "groups.changed.title": (
        "Siden grupperne blev dannet",
        "Since the groups were formed",
    ),
    "groups.changed.left": (
        "Har meldt afbud: ",
        "Cannot come after all: ",
    ),
    "groups.changed.joined": (
        "Har ingen plads i en gruppe: ",
        "Have no seat in a group: ",
    ),
    "groups.changed.hint": (
        "Grupperne er ikke ændret. Tryk \"Dan grupperne igen\" for nye grupper af dem, der kommer nu.",
        "The groups have not changed. Press \"Form again\" for new groups of those coming now.",
    ),
    "groups.regrouped": (
        "Grupperne er dannet om. Slå dem op i kanalen igen, så alle ser de nye grupper.",
        "The groups have been formed again. Post them to the channel again, so everyone sees the new groups.",
    ),
    "groups.posting.now": (
        "Grupperne bliver slået op i kanalen om lidt.",
        "The groups will be posted to the channel in a moment.",
    ),
    "groups.posting.later": (
        "Grupperne bliver slået op i kanalen {date}, når arbejdstiden begynder.",
        "The groups will be posted to the channel on {date}, when working hours begin.",
    ),
    "groups.posting.again": (
        "Grupperne, som de er nu, er allerede sendt til kanalen.",
        "The groups as they are now have already been sent to the channel.",
    ),
    "groups.absent.title": (
        "Registrér fravær",
        "Mark absentees",
    ),
    "groups.absent.intro": (
        (
            "Sæt kryds ved dem, der ikke er kommet, og tryk \"Dan grupperne om\". Før 1. runde flyttes så få som muligt. "
            "Er 1. runde holdt, bliver den stående, og kun grupperne til 2. runde dannes igen."
        ),
        (
            "Tick those who have not come and press \"Regroup\". Before round 1 as few people as possible move. "
            "Once round 1 has been held it stays as it was, and only the groups of round 2 are formed again."
        ),
    ),
    "groups.absent.intro.one_kind": (
        (
            "Sæt kryds ved dem, der ikke er kommet, og tryk \"Dan grupperne om\". Før runden flyttes så få som muligt. "
            "Er runden holdt, bliver grupperne stående."
        ),
        (
            "Tick those who have not come and press \"Regroup\". Before the round as few people as possible move. "
            "Once the round has been held the groups stay as they were."
        ),
    ),
    "groups.absent.marked": (
        "{count} er sat som fraværende på alle sider. Dine krydser huskes, når du skifter side; grupperne dannes først om, "
        "når du trykker \"Dan grupperne om\".",
        "{count} marked absent on all pages. Your ticks are kept when you change page; the groups are only formed again "
        "when you press \"Regroup\".",
    ),
    "groups.absent.people": (
        "Fraværende",
        "Absent",
    ),
    "groups.absent.first_held": (
        "1. runde (trivselstemaet) er holdt",
        "Round 1 (the well-being theme) has been held",
    ),
    "groups.absent.first_held.one_kind": (
        "Runden er holdt",
        "The round has been held",
    ),
    "groups.post.intro": (
        "Sæt jer ved jeres gruppe til 1. runde, når I kommer. I pausen skifter I til jeres nye gruppe til 2. runde.",
        "Sit with your round 1 group when you arrive. In the break you move to your new group for round 2.",
    ),
    "groups.post.intro.one_kind": (
        "Sæt jer ved jeres gruppe, når I kommer.",
        "Sit with your group when you arrive.",
    ),
    "groups.post.when": (
        "{date} kl. {start}",
        "{date} at {start}",
    ),
    "groups.post.results": (
        "Efter gruppens dialog skriver én fra gruppen gruppens 2 vigtigste pointer og 2 vigtigste ønskede handlinger ind her.",
        "After the group's dialogue, one member enters the group's 2 most important key points and 2 most important desired actions here.",
    ),
    "groups.post.replaced": (
        "Grupperne er dannet om: det er disse, der gælder.",
        "The groups have been changed: these are the ones that apply.",
    ),
    "groups.error.no_dialogue": (
        "Der er ingen Udviklingsdialog i gang for jeres arbejdsplads endnu.",
        "There is no development dialogue under way for your workplace yet.",
    ),
    "groups.error.nobody": (
        "Der er ingen at danne grupper af endnu: ingen er inviteret til dagen, eller alle har meldt afbud.",
        "There is nobody to form groups of yet: nobody is invited to the day, or everyone has said they cannot come.",
    ),
    "groups.error.not_formed": (
        "Grupperne er ikke dannet endnu. Skriv \"grupper\" for at danne dem.",
        "The groups have not been formed yet. Type \"groups\" to form them.",
    ),
    "groups.error.stale": (
        "Grupperne er ændret, siden kortet blev vist. Her er de, som de er nu.",
        "The groups have changed since the card was shown. Here they are as they are now.",
    ),
    "groups.action.show": (
        "Grupper",
        "Groups",
    ),
    "groups.action.post": (
        "Slå op i kanalen",
        "Post to the channel",
    ),
    "groups.action.absent": (
        "Registrér fravær",
        "Mark absentees",
    ),
    "groups.action.form_again": (
        "Dan grupperne igen",
        "Form again",
    ),
    "groups.action.regroup": (
        "Dan grupperne om",
        "Regroup",
    ),
    "groups.action.run_sheet": (
        "Drejebog",
        "Run-sheet",
    ),
    "groups.action.results.wellbeing": (
        "Gruppens resultater: trivsel",
        "The group's results: well-being",
    ),
    "groups.action.results.leadership": (
        "Gruppens resultater: ledelse",
        "The group's results: leadership",
    ),
    "help.cmd.groups": (
        "dan og se dagens grupper, slå dem op i kanalen og registrér fravær",
        "form and see the day's groups, post them to the channel and mark absentees",
    ),
}
