"""The day of the dialogue, the announcement of the chosen themes and the invitation (Bilag 3).

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup. The
invitation follows Bilag 3 in the guide's own words; the English is ours."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- the day (step 1: "Sæt en dato") ------------------------------------------------------
    "day.title": ("Dagen for udviklingsdialogen", "The day of the development dialogue"),
    "day.intro": (
        "Sæt dato, tidspunkt og sted for udviklingsdialogen. Den varer ca. 3 timer. Skriv et lokale, et mødelink eller begge dele.",
        "Set the date, time and place of the development dialogue. It lasts about 3 hours. Give a room, a meeting link or both.",
    ),
    "day.current": ("Nu: {when}", "Now: {when}"),
    "day.label.date": ("Dato", "Date"),
    "day.label.start": ("Starttidspunkt", "Start time"),
    "day.label.place": ("Sted (lokale)", "Place (room)"),
    "day.label.link": ("Link til onlinemøde (https://…)", "Online meeting link (https://…)"),
    "day.placeholder.place": ("Fx Mødelokale 2, Rådhuset", "E.g. Meeting room 2, the town hall"),
    "day.hint.moved": (
        "Er temaerne allerede sendt ud, får de inviterede besked, når dagen flyttes.",
        "If the themes have been announced, those invited are told when the day moves.",
    ),
    "action.day": ("Sæt dagen", "Set the day"),
    "action.day.save": ("Gem dagen", "Save the day"),
    "day.error.title": ("Dagen er ikke gemt. Ret det markerede:", "The day was not saved. Please correct what is marked:"),
    "day.error.required": ("Udfyld feltet.", "Please fill this in."),
    "day.error.day_place.required": ("Skriv et sted eller et mødelink.", "Give a place or a meeting link."),
    "day.error.not_a_date": ("Vælg en dato.", "Choose a date."),
    "day.error.not_a_time": ("Vælg et tidspunkt.", "Choose a time."),
    "day.error.in_past": ("Dagen skal ligge efter nu.", "The day must be later than now."),
    "day.error.too_far": ("Dagen kan højst ligge {limit} dage ude i fremtiden.", "The day can be at most {limit} days ahead."),
    "day.error.not_a_link": ("Linket skal begynde med https://.", "The link must start with https://."),
    "day.error.too_long": ("Højst {limit} tegn.", "At most {limit} characters."),
    "day.error.not_one_line": ("Skriv på én linje.", "Please write it on one line."),
    "day.error.not_text": ("Udfyld feltet.", "Please fill this in."),
    "day.error.not_planning_group": (
        "Kun {planning_group} kan sætte dagen.",
        "Only {planning_group} can set the day.",
    ),
    "day.error.day_started": (
        "Udviklingsdialogen er begyndt, så dagen kan ikke flyttes længere.",
        "The development dialogue has begun, so the day can no longer be moved.",
    ),
    "day.error.no_dialogue": (
        "Jeg kan ikke finde en udviklingsdialog, du kan sætte dagen for.",
        "I cannot find a development dialogue whose day you can set.",
    ),
    "day.set.title": ("Dagen er sat", "The day is set"),
    "day.set.text": ("Dagen er sat: {when}", "The day is set: {when}"),
    "day.place": ("Sted:", "Place:"),
    "day.link": ("Mødelink:", "Meeting link:"),
    "day.warning.outside_season": (
        "Bemærk: Udviklingsdialogerne holdes normalt i august, september eller oktober.",
        "Note: development dialogues are usually held in August, September or October.",
    ),
    "day.warning.not_a_working_day": (
        "Bemærk: Dagen er ikke en arbejdsdag (weekend eller helligdag).",
        "Note: the day is not a working day (a weekend or public holiday).",
    ),
    "day.set.next": (
        "Når temaerne er valgt, sender I dem ud sammen med invitationen (annoncér).",
        "Once the themes are chosen, announce them together with the invitation (announce).",
    ),
    "day.set.told": ("{count} inviterede får besked om ændringen.", "{count} invited people are told about the change."),
    "day.set.told.one": ("1 inviteret får besked om ændringen.", "1 invited person is told about the change."),
    "day.set.cleared": (
        "Datoen eller tidspunktet er ændret, så alle skal svare igen.",
        "The date or time changed, so everyone is asked to answer again.",
    ),
    "day.unchanged": ("Dagen er uændret.", "The day is unchanged."),
    "day.when": ("{date} kl. {start}-{end}", "{date}, {start}-{end}"),
    # -- announcing the themes and inviting (step 5) --------------------------------------------
    "announce.title": ("Send temaerne og invitationen ud", "Announce the themes and send the invitation"),
    "announce.text": (
        "Alle {count} inviterede får invitationen i en privat chat med tidspunkt, sted, de to temaer og hvordan de forbereder sig. Kanalen får de valgte temaer og hvorfor de er valgt.",
        "All {count} invited get the invitation in a private chat with the time, place, the two themes and how to prepare. The channel gets the chosen themes and why they were chosen.",
    ),
    # A one-kind day (DTU): one theme, one round.
    "announce.text.one_kind": (
        "Alle {count} inviterede får invitationen i en privat chat med tidspunkt, sted, temaet og hvordan de forbereder sig. Kanalen får det valgte tema og hvorfor det er valgt.",
        "All {count} invited get the invitation in a private chat with the time, place, the theme and how to prepare. The channel gets the chosen theme and why it was chosen.",
    ),
    "announce.after": (
        "Når temaerne er sendt ud, kan de ikke ændres.",
        "Once the themes are announced, they cannot be changed.",
    ),
    "action.announce.confirm": ("Ja, send ud", "Yes, announce"),
    "announce.no_selection": (
        "Vælg først temaerne (vælg temaer), så kan de sendes ud.",
        "Choose the themes first (choose themes); then they can be announced.",
    ),
    "announce.no_day": (
        "Sæt først dagen (dag), så invitationen kan sige hvornår og hvor.",
        "Set the day first (day), so the invitation can say when and where.",
    ),
    "announce.already": (
        "Temaerne er allerede sendt ud, og invitationen er på vej til alle. Tak!",
        "The themes have already been announced and the invitation is on its way to everyone. Thank you!",
    ),
    "announce.roster_failed": (
        "Jeg kunne ikke hente holdets medlemmer fra Teams. Prøv igen om lidt.",
        "I could not read the team's members from Teams. Please try again in a moment.",
    ),
    "announce.done.title": ("Temaerne er sendt ud", "The themes are announced"),
    "announce.done.text": (
        "Invitationen går ud til {count} i deres private chat, og kanalen får de valgte temaer.",
        "The invitation goes to {count} people in their private chat, and the channel gets the chosen themes.",
    ),
    # -- the channel post ------------------------------------------------------------------------
    "themes.announced.title": ("Temaerne til udviklingsdialogen", "The themes of the development dialogue"),
    "themes.announced.intro": (
        "{Planning_group} har valgt temaerne ud fra de temaer, I har foreslået.",
        "{Planning_group} has chosen the themes from those you nominated.",
    ),
    "themes.why": ("Derfor er temaet valgt:", "Why this theme was chosen:"),
    "themes.invitation_sent": (
        "Alle får en invitation i en privat chat med bot'en.",
        "Everyone gets an invitation in a private chat with the bot.",
    ),
    # -- the invitation (Bilag 3) ----------------------------------------------------------------
    "invitation.title": ("Invitation til udviklingsdialog om trivsel og ledelse", "Invitation to the development dialogue on well-being and leadership"),
    "invitation.title.wellbeing": ("Invitation til udviklingsdialog om trivsel", "Invitation to the development dialogue on well-being"),
    "invitation.title.leadership": ("Invitation til udviklingsdialog om ledelse", "Invitation to the development dialogue on leadership"),
    "invitation.when": ("Dato og tidspunkt:", "Date and time:"),
    "invitation.purpose": (
        "Udviklingsdialog er en lejlighed til at tale om det, der er vigtigt for dig og dine kolleger, så vi sammen kan udvikle trivsel og ledelse i fællesskab.",
        "The development dialogue is a chance to talk about what matters to you and your colleagues, so that together we can develop well-being and leadership.",
    ),
    "invitation.purpose.wellbeing": (
        "Udviklingsdialog er en lejlighed til at tale om det, der er vigtigt for dig og dine kolleger, så vi sammen kan udvikle trivsel i fællesskab.",
        "The development dialogue is a chance to talk about what matters to you and your colleagues, so that together we can develop well-being.",
    ),
    "invitation.purpose.leadership": (
        "Udviklingsdialog er en lejlighed til at tale om det, der er vigtigt for dig og dine kolleger, så vi sammen kan udvikle ledelse i fællesskab.",
        "The development dialogue is a chance to talk about what matters to you and your colleagues, so that together we can develop leadership.",
    ),
    "invitation.themes": (
        "I udviklingsdialogen skal vi drøfte følgende temaer, som {planning_group} har valgt ud fra de temaer, I har foreslået:",
        "In the development dialogue we will discuss these themes, which {planning_group} chose from those you nominated:",
    ),
    "invitation.wellbeing": ("Trivselstema:", "Well-being theme:"),
    "invitation.leadership": ("Ledelsestema:", "Leadership theme:"),
    "invitation.prepare.title": ("Forberedelse til udviklingsdialog", "Preparing for the development dialogue"),
    "invitation.prepare.text": (
        "Resultatet af udviklingsdialogen afhænger af, hvad du byder ind med. Forbered et konkret eksempel på en oplevelse, du har haft, hvor trivselstemaet kom i spil, og et eksempel, hvor ledelsestemaet kom i spil. Du fortæller om dine oplevelser i et gruppearbejde under udviklingsdialogen.",
        "What comes out of the development dialogue depends on what you bring. Prepare a concrete example of something you experienced where the well-being theme came into play, and one where the leadership theme did. You tell your examples in group work during the dialogue.",
    ),
    "invitation.prepare.text.wellbeing": (
        "Resultatet af udviklingsdialogen afhænger af, hvad du byder ind med. Forbered et konkret eksempel på en oplevelse, du har haft, hvor trivselstemaet kom i spil. Du fortæller om din oplevelse i et gruppearbejde under udviklingsdialogen.",
        "What comes out of the development dialogue depends on what you bring. Prepare a concrete example of something you experienced where the well-being theme came into play. You tell your example in group work during the dialogue.",
    ),
    "invitation.prepare.text.leadership": (
        "Resultatet af udviklingsdialogen afhænger af, hvad du byder ind med. Forbered et konkret eksempel på en oplevelse, du har haft, hvor ledelsestemaet kom i spil. Du fortæller om din oplevelse i et gruppearbejde under udviklingsdialogen.",
        "What comes out of the development dialogue depends on what you bring. Prepare a concrete example of something you experienced where the leadership theme came into play. You tell your example in group work during the dialogue.",
    ),
    "invitation.prepare.kinds": (
        "Eksemplerne kan være noget, der var en god oplevelse, fx noget, som fungerer fint i hverdagen, som vi bygger videre på. Men det kan også være noget, der er svært i hverdagen, hvor vi sammen skal finde ideer til løsninger. Tal fremadrettet og konstruktivt om eksemplerne, så vi sammen finder konkrete ideer til løsninger og forbedringer.",
        "An example can be a good experience, such as something that works well in everyday work that we can build on. It can also be something that is hard in everyday work, where together we must find ideas for solutions. Talk about the examples in a forward-looking, constructive way, so that together we find concrete ideas for solutions and improvements.",
    ),
    "invitation.programme.title": ("Program for udviklingsdialogen", "Programme"),
    "invitation.programme": (
        "1. Velkommen og introduktion\n2. Dialog om trivsel\n3. Dialog om ledelse\n4. Opsummering",
        "1. Welcome and introduction\n2. Dialogue on well-being\n3. Dialogue on leadership\n4. Summing up",
    ),
    "invitation.programme.wellbeing": (
        "1. Velkommen og introduktion\n2. Dialog om trivsel\n3. Opsummering",
        "1. Welcome and introduction\n2. Dialogue on well-being\n3. Summing up",
    ),
    "invitation.programme.leadership": (
        "1. Velkommen og introduktion\n2. Dialog om ledelse\n3. Opsummering",
        "1. Welcome and introduction\n2. Dialogue on leadership\n3. Summing up",
    ),
    "invitation.closing": (
        "Vi glæder os til at se dig til udviklingsdialog.\nMvh {Planning_group}",
        "We look forward to seeing you at the development dialogue.\nBest regards, {planning_group}",
    ),
    "invitation.team": ("Arbejdsplads:", "Workplace:"),
    "invitation.answer.question": ("Kommer du?", "Are you coming?"),
    "invitation.answer.coming": ("Du har svaret: Jeg kommer.", "Your answer: I'm coming."),
    "invitation.answer.cannot_come": ("Du har svaret: Jeg kan ikke komme.", "Your answer: I can't come."),
    "action.answer.coming": ("Jeg kommer", "I'm coming"),
    "action.answer.cannot_come": ("Jeg kan ikke komme", "I can't come"),
    "action.answer.change.coming": ("Jeg kommer alligevel", "I'm coming after all"),
    "action.answer.change.cannot_come": ("Jeg kan alligevel ikke komme", "I can't come after all"),
    "action.prepare": ("Forbered dit eksempel", "Prepare your example"),
    "action.calendar": ("Føj til kalender", "Add to calendar"),
    "action.meeting_link": ("Åbn mødelinket", "Open the meeting link"),
    "invitation.summary": ("Invitation til udviklingsdialog", "Invitation to the development dialogue"),
    "invitation.answered.summary": ("Tak for dit svar", "Thank you for your answer"),
    "answer.error.not_invited": (
        "Du er ikke inviteret til denne udviklingsdialog.",
        "You are not invited to this development dialogue.",
    ),
    "answer.error.no_day": (
        "Dagen er ikke sat endnu, så du kan ikke svare endnu.",
        "The day has not been set yet, so you cannot answer yet.",
    ),
    "answer.error.day_started": (
        "Udviklingsdialogen er begyndt, så svaret kan ikke ændres længere.",
        "The development dialogue has begun, so the answer can no longer be changed.",
    ),
    "answer.error.day_moved": (
        "Dit svar er ikke gemt: dagen er flyttet, siden kortet blev sendt. Udviklingsdialogen er nu {when}. "
        "Svar igen på kortet med den nye dag.",
        "Your answer was not saved: the day has moved since the card was sent. The development dialogue is now {when}. "
        "Please answer again on the card with the new day.",
    ),
    # -- the day moved ---------------------------------------------------------------------------
    "day_changed.title": ("Ændring i udviklingsdialogen", "A change to the development dialogue"),
    "day_changed.text": ("Nu: {when}", "Now: {when}"),
    "day_changed.summary": ("Udviklingsdialogen er ændret", "The development dialogue has changed"),
    # -- help ------------------------------------------------------------------------------------
    "help.cmd.day": ("sæt dato, tidspunkt og sted for udviklingsdialogen", "set the date, time and place of the dialogue"),
    "help.cmd.announce": (
        "send de valgte temaer og invitationen ud til alle",
        "announce the chosen themes and send everyone the invitation",
    ),
}
