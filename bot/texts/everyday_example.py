"""Step 6, "Forbered eksempler fra hverdagen": the preparation card, the notes shown back on the
day, the reminders, and the planning group's counts. The Danish follows the guide's own words
(section 6 and the invitation, Bilag 3).

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- the employee's preparation card ------------------------------------------------------
    "example.summary": (
        "Eksempler fra hverdagen",
        "Everyday examples",
    ),
    "example.title": (
        "Forbered dine eksempler fra hverdagen",
        "Prepare your everyday examples",
    ),
    "example.day": (
        "Udviklingsdialogen er {date} kl. {time}.",
        "The development dialogue is on {date} at {time}.",
    ),
    "example.intro": (
        "Resultatet af udviklingsdialogen afhænger af, hvad du byder ind med. Forbered et konkret eksempel "
        "på en oplevelse, du har haft, hvor trivselstemaet kom i spil – og på samme måde et eksempel, hvor "
        "ledelsestemaet kom i spil.",
        "What comes out of the development dialogue depends on what you bring to it. Prepare a concrete example "
        "of an experience you have had where the well-being theme came into play – and in the same way an "
        "example where the leadership theme came into play.",
    ),
    "example.hint": (
        "Eksemplet kan være noget, der var en god oplevelse, fx noget, som fungerer fint i hverdagen, som vi kan "
        "bygge videre på. Men det kan også være noget, der er svært i hverdagen, hvor vi sammen skal finde ideer "
        "til løsninger.",
        "The example can be something that went well, e.g. something that works well in everyday work that we "
        "can build on. But it can also be something that is hard in everyday work, where we must find ideas for "
        "solutions together.",
    ),
    "example.forward": (
        "På dagen fortæller du efter tur dit eksempel i en gruppe med tre-fire kolleger (højst 4 minutter). "
        "Det er vigtigt at tale fremadrettet og konstruktivt om eksemplerne, så vi sammen finder konkrete ideer "
        "til løsninger og forbedringer.",
        "On the day you take your turn telling your example in a group of three or four colleagues (at most "
        "4 minutes). It is important to talk about the examples in a forward-looking, constructive way, so that "
        "together we find concrete ideas for solutions and improvements.",
    ),
    "example.note.label.wellbeing": (
        "Dine noter til trivselstemaet",
        "Your notes for the well-being theme",
    ),
    "example.note.label.leadership": (
        "Dine noter til ledelsestemaet",
        "Your notes for the leadership theme",
    ),
    "example.note.placeholder": (
        "Hvad skete der? Hvad fungerede godt, eller hvad var svært?",
        "What happened? What worked well, or what was hard?",
    ),
    "example.private": (
        "Noterne kan kun ses af dig. Du får dem vist igen på dagen.",
        "Only you can see your notes. They are shown back to you on the day.",
    ),
    "example.saved": (
        "Dine noter er gemt.",
        "Your notes are saved.",
    ),
    "example.unchanged": (
        "Dine noter var allerede gemt.",
        "Your notes were already saved.",
    ),
    "example.status.ready": (
        "Du har meldt dig klar med dine eksempler. Tak!",
        "You have said you are ready with your examples. Thank you!",
    ),
    "example.status.not_ready": (
        "Tryk »Jeg er klar«, når du har dine eksempler – så får du ikke flere påmindelser.",
        "Press \"I'm ready\" when you have your examples – then you get no more reminders.",
    ),
    "example.not_invited": (
        "Du er ikke inviteret til en udviklingsdialog, som du kan forberede dig til.",
        "You are not invited to a development dialogue you can prepare for.",
    ),
    "example.no_themes": (
        "Temaerne for udviklingsdialogen er ikke meldt ud endnu. Du kan forberede dig, når {planning_group} "
        "har meldt dem ud.",
        "The themes of the development dialogue have not been announced yet. You can prepare once {planning_group} "
        "has announced them.",
    ),
    "example.sent_privately": (
        "Jeg har sendt dig din forberedelse i vores private chat.",
        "I have sent you your preparation in our private chat.",
    ),
    "action.example.open": (
        "Forbered dit eksempel",
        "Prepare your example",
    ),
    "action.example.save": (
        "Gem noter",
        "Save notes",
    ),
    "action.example.ready": (
        "Jeg er klar",
        "I'm ready",
    ),
    "action.example.not_ready": (
        "Alligevel ikke klar",
        "Not ready after all",
    ),
    # -- the notes shown back on the day ---------------------------------------------------------
    "example.notes.title.today": (
        "Dine noter til i dag",
        "Your notes for today",
    ),
    "example.notes.title.later": (
        "Dine noter til udviklingsdialogen",
        "Your notes for the development dialogue",
    ),
    "example.notes.none": (
        "Du skrev ingen noter til dette tema.",
        "You wrote no notes for this theme.",
    ),
    "example.notes.tip": (
        "Fortæl dit eksempel efter tur i gruppen – højst 4 minutter. De andre noterer de vigtigste pointer og "
        "det, eksemplet peger på, at vi skal gøre.",
        "Tell your example in turn in your group – at most 4 minutes. The others note the key points and what "
        "the example suggests we should do.",
    ),
    "example.notes.private": (
        "Kun du kan se dine noter.",
        "Only you can see your notes.",
    ),
    # -- the reminder ----------------------------------------------------------------------------
    "example.reminder.title": (
        "Husk at forberede dit eksempel fra hverdagen",
        "Remember to prepare your everyday example",
    ),
    "example.reminder.text": (
        "Udviklingsdialogen er {date}. Forbered et eksempel på en oplevelse, hvor hvert af de to temaer kom i "
        "spil, så du har noget at fortælle i din gruppe.",
        "The development dialogue is on {date}. Prepare an example of an experience where each of the two "
        "themes came into play, so that you have something to tell in your group.",
    ),
    "example.reminder.text.one_kind": (
        "Udviklingsdialogen er {date}. Forbered et eksempel på en oplevelse, hvor temaet kom i spil, så du har "
        "noget at fortælle i din gruppe.",
        "The development dialogue is on {date}. Prepare an example of an experience where the theme came into "
        "play, so that you have something to tell in your group.",
    ),
    "example.reminder.ready": (
        "Når du har dine eksempler, kan du melde dig klar på kortet – så får du ikke flere påmindelser.",
        "When you have your examples, you can say you are ready on the card – then you get no more reminders.",
    ),
    # -- the planning group's counts -------------------------------------------------------------
    "preparation.summary": (
        "Forberedelse",
        "Preparation",
    ),
    "action.preparation": (
        "Se forberedelsen",
        "See the preparation",
    ),
    "preparation.title": (
        "Forberedelse til udviklingsdialogen",
        "Preparation for the development dialogue",
    ),
    "preparation.invited": (
        "Inviterede",
        "Invited",
    ),
    "preparation.coming": (
        "Kommer",
        "Coming",
    ),
    "preparation.cannot_come": (
        "Kan ikke komme",
        "Cannot come",
    ),
    "preparation.not_answered": (
        "Har ikke svaret på invitationen",
        "Have not answered the invitation",
    ),
    "preparation.ready": (
        "Klar med eksempler",
        "Ready with examples",
    ),
    "preparation.ready.value": (
        "{ready} af {invited}",
        "{ready} of {invited}",
    ),
    "preparation.private": (
        "Kun antal: hvem der er klar, og hvad de har skrevet, ser kun de selv.",
        "Counts only: who is ready and what they wrote is for themselves alone.",
    ),
    "preparation.support": (
        "Det er vigtigt, at {planning_group} er opsøgende i forhold til at støtte kollegerne, når de skal "
        "forberede sig: spørg ind, og husk kollegerne på, at de skal finde eksempler.",
        "It is important that {planning_group} reaches out to support colleagues as they prepare: ask how it "
        "is going, and remind them to find examples.",
    ),
    "preparation.reminders": (
        "TalSammen minder dem, der ikke har meldt sig klar, om at forberede sig {first} og {second} arbejdsdage "
        "før dagen.",
        "TalSammen reminds those who have not said they are ready {first} and {second} working days before the day.",
    ),
    "preparation.none": (
        "Der er ingen udviklingsdialog med inviterede endnu.",
        "There is no development dialogue with invited people yet.",
    ),
    "preparation.sent_privately": (
        "Jeg har sendt dig forberedelsen i vores private chat.",
        "I have sent you the preparation in our private chat.",
    ),
    "status.preparation": (
        "Forberedelse",
        "Preparation",
    ),
    "status.preparation.value": (
        "{ready} af {invited} klar med eksempler · {coming} kommer · {cannot_come} kan ikke",
        "{ready} of {invited} ready with examples · {coming} coming · {cannot_come} cannot come",
    ),
    # -- help ------------------------------------------------------------------------------------
    "help.cmd.prepare": (
        "Forbered dine eksempler fra hverdagen til udviklingsdialogen",
        "Prepare your everyday examples for the development dialogue",
    ),
    "help.cmd.preparation": (
        "Se hvor mange der er klar med eksempler (kun antal)",
        "See how many are ready with examples (counts only)",
    ),
    # -- my data ---------------------------------------------------------------------------------
    "data.example_notes": (
        "Dine noter til eksempler fra hverdagen",
        "Your notes for everyday examples",
    ),
    "data.example_notes.ready": (
        "Meldt klar {date}",
        "Ready since {date}",
    ),
    "action.example.delete": (
        "Slet noter ({workplace})",
        "Delete notes ({workplace})",
    ),
    "example.delete.title": (
        "Slet dine noter?",
        "Delete your notes?",
    ),
    "example.delete.text": (
        "Dine noter og din klar-markering til udviklingsdialogen slettes. Det kan ikke fortrydes, men du kan "
        "skrive nye noter, så længe du er inviteret.",
        "Your notes and your ready mark for the development dialogue are deleted. This cannot be undone, but you "
        "can write new notes as long as you are invited.",
    ),
    "action.example.delete.confirm": (
        "Ja, slet mine noter",
        "Yes, delete my notes",
    ),
    "action.example.delete.cancel": (
        "Fortryd",
        "Cancel",
    ),
    "example.deleted": (
        "Dine noter er slettet.",
        "Your notes are deleted.",
    ),
    "example.nothing_to_delete": (
        "Der var ingen noter at slette.",
        "There were no notes to delete.",
    ),
}
