"""What each group produced on the day (step 8): the group's flip-chart and the plenum view.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
Danish follows Bilag 5: "vigtige pointer", "ønskede handlinger", "flipover", "plenum"."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "results.summary": ("Gruppens resultater", "The group's results"),
    "results.title.wellbeing": ("Jeres resultater – trivselstemaet", "Your results – the well-being theme"),
    "results.title.leadership": ("Jeres resultater – ledelsestemaet", "Your results – the leadership theme"),
    "results.group": ("Gruppe {group}", "Group {group}"),
    "results.members": ("I gruppen: ", "In the group: "),
    "results.theme": ("Tema: ", "Theme: "),
    "results.intro": (
        (
            "Vælg de to vigtigste pointer fra jeres drøftelse og de to vigtigste ønskede handlinger – dem, I "
            "markerer på flipoveren. Alle i gruppen kan skrive og rette dem; det senest gemte gælder."
        ),
        (
            "Choose the two most important key points from your discussion and the two most important desired "
            "actions – the ones you mark on the flip-chart. Everyone in the group can write and correct them; "
            "the latest saved version stands."
        ),
    ),
    "results.concrete": (
        "Gør de ønskede handlinger så konkrete som muligt: Hvad skal vi gøre i hverdagen for at blive endnu bedre til …?",
        "Make the desired actions as concrete as you can: what should we do in daily work to get even better at …?",
    ),
    "results.key_points": ("Vigtige pointer", "Key points"),
    "results.desired_actions": ("Ønskede handlinger", "Desired actions"),
    "results.key_point.label": ("Pointe {n}", "Key point {n}"),
    "results.desired_action.label": ("Handling {n}", "Action {n}"),
    "results.key_point.placeholder": (
        "Overskriften og de post-its, der hører til",
        "The heading and the post-its that go with it",
    ),
    "results.desired_action.placeholder": ("Hvad vil I konkret gøre?", "What exactly will you do?"),
    "results.last_saved": ("Senest gemt af ", "Last saved by "),
    "results.last_saved.when": ("version {version}, {date} kl. {time}", "version {version}, {date} at {time}"),
    "results.errors.title": ("Tjek det markerede, før I gemmer:", "Please check what is marked before you save:"),
    "results.error.key_point.required": ("Skriv mindst én vigtig pointe.", "Write at least one key point."),
    "results.error.desired_action.required": ("Skriv mindst én ønsket handling.", "Write at least one desired action."),
    "results.error.too_long": ("Højst {limit} tegn – forkort teksten.", "At most {limit} characters – please shorten it."),
    "results.error.other": ("Teksten kan ikke gemmes sådan – prøv at skrive den igen.", "The text cannot be saved as it is – please type it again."),
    "action.results.save": ("Gem resultaterne", "Save the results"),
    "action.results.edit": ("Ret", "Edit"),
    "action.results.show.wellbeing": ("Vis trivselsrunden", "Show the well-being round"),
    "action.results.show.leadership": ("Vis ledelsesrunden", "Show the leadership round"),
    "results.saved": ("Gemt – hele gruppen kan se og rette det", "Saved – everyone in the group can see and correct it"),
    "results.unchanged": ("Uændret – det stod der allerede", "Unchanged – that was already saved"),
    "results.saved.note": (
        (
            "{Planning_group} ser jeres resultater sammen med de andre gruppers, uden navne, og tager dem "
            "med i det videre arbejde med udviklingsplanen."
        ),
        (
            "{Planning_group} sees your results with the other groups', without names, and takes them into "
            "the further work on the development plan."
        ),
    ),
    "results.refused.no_grouping": ("Der er ikke lavet grupper til dagen endnu.", "No groups have been made for the day yet."),
    "results.refused.not_in_group": (
        "Du er ikke med i den gruppe, så du kan ikke skrive dens resultater. Skriv »resultater« for at se din egen gruppe.",
        "You are not in that group, so you cannot write its results. Type “results” to see your own group.",
    ),
    "results.refused.not_yet": (
        "Gruppernes resultater kan skrives fra {date} kl. {time}, når dialogen om temaet begynder.",
        "The groups' results can be written from {date} at {time}, when the dialogue about the theme begins.",
    ),
    "results.refused.not_in_team": (
        "Det er en anden arbejdsplads' udviklingsdialog.",
        "That is another workplace's development dialogue.",
    ),
    "results.none": (
        "Der er ingen udviklingsdialog med grupper endnu.",
        "There is no development dialogue with groups yet.",
    ),
    "results.sent_privately": (
        "Jeg har sendt det til dig i vores private chat.",
        "I have sent it to you in our private chat.",
    ),
    # The plenum view: groups by number, never by name.
    "plenum.summary": ("Plenum", "Plenum"),
    "plenum.title.wellbeing": ("Plenum – trivselstemaet", "Plenum – the well-being theme"),
    "plenum.title.leadership": ("Plenum – ledelsestemaet", "Plenum – the leadership theme"),
    "plenum.intro": (
        "Hver gruppes 2 vigtigste pointer og 2 vigtigste ønskede handlinger. Grupperne står med nummer, ikke med navne.",
        "Each group's 2 most important key points and 2 most important desired actions. Groups are shown by number, not by name.",
    ),
    "plenum.missing": ("Mangler endnu: gruppe {groups}", "Still missing: group {groups}"),
    "plenum.complete": ("Alle grupper har skrevet deres resultater.", "Every group has written its results."),
    "plenum.nothing": ("Ingen grupper har skrevet resultater endnu.", "No group has written its results yet."),
    "action.plenum.post": ("Slå op i kanalen", "Post to the channel"),
    "action.plenum.show": ("Se alle gruppers resultater", "See every group's results"),
    "plenum.posted": (
        "Resultaterne bliver slået op i kanalen – på dagen med det samme, ellers i arbejdstiden.",
        "The results will be posted to the channel – at once on the day, otherwise in working hours.",
    ),
    "plenum.post.title": ("Det kom grupperne frem til", "What the groups came up with"),
    "plenum.post.intro": (
        (
            "Fra udviklingsdialogen {date}: hver gruppes 2 vigtigste pointer og 2 vigtigste ønskede handlinger. "
            "{Planning_group} tager dem med i det videre arbejde."
        ),
        (
            "From the development dialogue on {date}: each group's 2 most important key points and 2 most "
            "important desired actions. {Planning_group} takes them into the further work."
        ),
    ),
    "plenum.page": (
        "Side {page} af {pages}",
        "Page {page} of {pages}",
    ),
    "help.cmd.results": (
        "se og skriv din gruppes vigtige pointer og ønskede handlinger; {planning_group} ser alle gruppers",
        "see and write your group's key points and desired actions; {planning_group} sees every group's",
    ),
}
