"""The leader's own loop (Lederens forberedelse og opfølgning efter Udviklingsdialogen) and step 9
(Umiddelbar opfølgning). The Danish is the guide's own words where it has them.

Each key holds (Danish, English), side by side; see bot/texts/__init__.py for the lookup."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # -- who leads
    "leader.summary": ("{Leader}s forberedelse og opfølgning", "{Leader}'s preparation and follow-up"),
    "leader.named": ("{name} er nu registreret som leder af arbejdspladsen.", "{name} is now registered as the workplace's leader."),
    "leader.name.need_mention": (
        "Nævn {leader} med @, fx: @TalSammen leder @navn.", "Mention {leader} with @, e.g. @TalSammen leader @name.",
    ),
    "leader.name.not_member": ("{name} er ikke medlem af teamet og kan ikke være arbejdspladsens leder.",
                               "{name} is not a member of the team and cannot be the workplace's leader."),
    "leader.name.roster_failed": ("Teams kunne ikke vise teamets medlemmer lige nu. Prøv igen om lidt.",
                                  "Teams could not list the team's members just now. Please try again shortly."),
    "leader.name.title": ("Hvem er arbejdspladsens leder?", "Who is the workplace's leader?"),
    "leader.name.intro": (
        "{Leader} får påmindelser om sin forberedelse før Udviklingsdialogen og om opfølgningen bagefter. "
        "Indtil {leader} er valgt, går påmindelserne til {planning_group} (et lokalt valg).",
        "{Leader} gets reminders to prepare before the development dialogue and to follow up afterwards. "
        "Until {leader} is chosen, the reminders go to {planning_group} (a local choice).",
    ),
    "leader.name.choice": ("Leder", "Leader"),
    "action.leader.name": ("Gem leder", "Save leader"),
    "leader.none": (
        "Arbejdspladsen har ingen registreret leder endnu. {Planning_group} kan skrive: @TalSammen leder @navn.",
        "The workplace has no registered leader yet. {Planning_group} can write: @TalSammen leader @name.",
    ),
    "leader.not_leader": ("Kun {leader} på arbejdspladsen ({name}) kan bruge {leader}s kort.",
                          "Only {leader} at the workplace ({name}) can use {leader}'s card."),
    "leader.no_dialogue": ("Der er ingen udviklingsdialog i gang på arbejdspladsen.", "There is no development dialogue under way at the workplace."),
    # -- the leader's card
    "leader.title": ("{Leader}s forberedelse og opfølgning", "{Leader}'s preparation and follow-up"),
    "leader.no_day": ("Dagen for Udviklingsdialogen er ikke sat endnu.", "The day of the development dialogue has not been set yet."),
    "leader.day": ("Udviklingsdialogen: {date}", "The development dialogue: {date}"),
    "leader.prepare.title": ("Forberedelse", "Preparation"),
    "leader.prepare.intro": (
        "Som leder har du en ekstra forpligtelse i forhold til Udviklingsdialogen, nemlig at bruge de input, der kommer i "
        "dialogen, til at reflektere over egen rolle og ledelse.",
        "As a leader you have an extra obligation in the development dialogue: to use the input from the dialogue to "
        "reflect on your own role and leadership.",
    ),
    "leader.prepare.listen": ("Hvordan bliver du som leder klar til at lytte?", "How do you, as a leader, get ready to listen?"),
    "leader.prepare.work": ("Hvordan vil du arbejde med det, du har hørt?", "How will you work with what you have heard?"),
    "leader.prepare.group": ("Drøft evt. i ledergruppe eller lederteams, hvordan I vil gøre det.",
                             "You may discuss in your leader group or leadership team how you will do it."),
    "leader.prepare.role": ("På dagen: store ører og lille mund. Kvittér for det, du hører, uden at svare på forslagene.",
                            "On the day: big ears, small mouth. Acknowledge what you hear without answering the proposals."),
    "leader.immediate.title": ("Umiddelbar opfølgning", "Immediate follow-up"),
    "leader.immediate.intro": (
        "Allerede ved første personale- eller teammøde kan I lave en umiddelbar opfølgning. Du faciliterer dialogen: "
        "Hvad kan vi hver især gøre i hverdagen allerede nu, efter at vi har drøftet vores trivsel og ledelse?",
        "Already at the first staff or team meeting you can hold an immediate follow-up. You facilitate the dialogue: "
        "What can each of us do in everyday work already now, after discussing our well-being and leadership?",
    ),
    "leader.immediate.collect": (
        "Du kan også sende spørgsmålet til dem, der deltog. Svarene går uden navn til {planning_group}s videre arbejde.",
        "You can also send the question to those who took part. The answers go, without names, into {planning_group}'s further work.",
    ),
    "leader.immediate.asked": ("Spørgsmålet er sendt til deltagerne {date}.", "The question was sent to the participants on {date}."),
    "action.leader.ask": ("Spørg deltagerne", "Ask the participants"),
    "action.immediate.results": ("Se svarene", "See the answers"),
    "leader.areas.title": ("Din udviklingsplan", "Your development plan"),
    "leader.areas.intro": (
        "Med afsæt i de input, der kom i Udviklingsdialogen, skal du identificere dine personlige udviklingspunkter. Vælg "
        "højest 3 udviklingsområder, så det er realistisk for dig at lykkes, og fokusér på konkrete tiltag. Kun du ser dem, "
        "medmindre du deler dem.",
        "Based on the input from the development dialogue, identify your personal development points. Choose at most 3 "
        "development areas, so that you can realistically succeed, and focus on concrete steps. Only you see them unless you share them.",
    ),
    "leader.area.title": ("Udviklingsområde {n}", "Development area {n}"),
    "leader.area.next_step": ("Næste skridt", "Next step"),
    "leader.areas.share": ("Del mine udviklingsområder i tilbagemeldingen til medarbejderne",
                           "Share my development areas in the feedback to the employees"),
    "action.leader.save_areas": ("Gem udviklingsplanen", "Save the development plan"),
    "leader.areas.saved": ("Din udviklingsplan er gemt.", "Your development plan is saved."),
    "leader.kom.title": ("KOM-Leder samtale", "KOM-Leder conversation"),
    "leader.kom.text": (
        "Det kan være en ide at afholde KOM-Leder samtale i umiddelbar forlængelse af Udviklingsdialogen. Her kan dine "
        "udviklingstiltag indgå i snakken med din leder, så der er sammenhæng i din udvikling.",
        "It can be a good idea to hold the KOM-Leder conversation right after the development dialogue. Your development "
        "steps can then be part of the conversation with your own manager, so your development hangs together.",
    ),
    # DTU's material: "Den enkelte leder har ansvar for at der sker en opfølgende dialog med egen leder, og en
    # tilbagemelding til egne medarbejdere." (no KOM-Leder there)
    "leader.kom.title.dtu": ("Opfølgende dialog med egen leder", "Follow-up dialogue with your own manager"),
    "leader.kom.text.dtu": (
        "Den enkelte leder har ansvar for, at der sker en opfølgende dialog med egen leder og en tilbagemelding til egne "
        "medarbejdere. Tag dine udviklingsområder med i dialogen med din egen leder.",
        "The individual manager is responsible for ensuring that there is a follow-up dialogue with their own manager and "
        "feedback to their own employees. Take your development areas to the dialogue with your own manager.",
    ),
    "leader.remind.feedback.dtu": (
        "Har du givet medarbejderne din tilbagemelding? Vælg højest 3 udviklingsområder, tag dem med i den opfølgende dialog med din egen leder, og markér, når det er gjort.",
        "Have you given the employees your feedback? Choose at most 3 development areas, take them to the follow-up dialogue with your own manager, and mark it when done.",
    ),
    "leader.feedback.title": ("Opfølgning med medarbejderne", "Follow-up with the employees"),
    "leader.feedback.intro": (
        "Efter Udviklingsdialogen skal du kvittere for de input, du har fået, og fortælle medarbejderne om din "
        "udviklingsplan eller udvalgte dele af den.",
        "After the development dialogue, acknowledge the input you received and tell the employees about your development "
        "plan or selected parts of it.",
    ),
    "leader.feedback.thanks": ("Sig tak for deres vigtige bidrag", "Thank them for their important contribution"),
    "leader.feedback.noticed": ("Fortæl, hvad du lagde mærke til på Udviklingsdialogen i forhold til din egen ledelse",
                                "Tell them what you noticed at the dialogue about your own leadership"),
    "leader.feedback.help": ("Beskriv, hvordan du får brug for deres hjælp i din videre udviklingsproces",
                             "Describe how you will need their help in your further development"),
    "leader.feedback.follow_up": ("Fortæl, hvornår du vil samle op på din ledelsesudvikling igen",
                                  "Tell them when you will follow up on your leadership development again"),
    "leader.feedback.plan_note": ("Din udviklingsplan og næste skridt kommer med, hvis du har valgt at dele den.",
                                  "Your development plan and next step are included if you have chosen to share it."),
    "action.leader.save_feedback": ("Gem tilbagemeldingen", "Save the feedback"),
    "action.leader.post": ("Send til kanalen", "Post to the channel"),
    "leader.feedback.saved": ("Tilbagemeldingen er gemt.", "The feedback is saved."),
    "leader.feedback.posted": ("Sendt til kanalen {date}.", "Posted to the channel on {date}."),
    "leader.post.queued": ("Tilbagemeldingen sendes til teamets kanal.", "The feedback is being posted to the team's channel."),
    "leader.post.already": (
        "Tilbagemeldingen er allerede sendt til kanalen, som den står. Ret den, hvis du vil sende en ny.",
        "The feedback has already been posted to the channel as it stands. Change it to post a new one.",
    ),
    "leader.post.no_feedback": ("Skriv og gem din tilbagemelding først.", "Write and save your feedback first."),
    "leader.done.title": ("Markér som gjort", "Mark as done"),
    "leader.done.text": ("Når du har givet medarbejderne din tilbagemelding, så markér det. Så stopper påmindelserne.",
                         "When you have given the employees your feedback, mark it. Then the reminders stop."),
    "action.leader.done": ("Markér som gjort", "Mark as done"),
    "leader.done": ("Markeret som gjort {date}. Påmindelserne er stoppet.", "Marked as done on {date}. The reminders have stopped."),
    "leader.not_after": ("Det kan du først, når Udviklingsdialogen er begyndt.", "You can do that once the development dialogue has begun."),
    "leader.errors.title": ("Tjek det markerede:", "Please check what is marked:"),
    "leader.error.required": ("Skriv en overskrift til udviklingsområdet.", "Give the development area a title."),
    "leader.error.too_long": ("Højst {limit} tegn.", "At most {limit} characters."),
    "leader.error.too_many": ("Højst {limit} udviklingsområder.", "At most {limit} development areas."),
    "leader.error.other": ("Det kan ikke gemmes sådan – prøv at skrive det igen.", "That cannot be saved as it is – please type it again."),
    "action.leader.show": ("Åbn {leader}s kort", "Open {leader}'s card"),
    # -- reminders
    "leader.remind.prepare": (
        "Udviklingsdialogen er {date}. Tid til din forberedelse: hvordan bliver du klar til at lytte, og hvordan vil du arbejde med det, du hører?",
        "The development dialogue is on {date}. Time to prepare: how do you get ready to listen, and how will you work with what you hear?",
    ),
    "leader.remind.immediate": (
        "Tak for Udviklingsdialogen. Ved første personale- eller teammøde: hvad kan vi hver især gøre allerede nu?",
        "Thank you for the development dialogue. At the first staff or team meeting: what can each of us do already now?",
    ),
    "leader.remind.feedback": (
        "Har du givet medarbejderne din tilbagemelding? Vælg højest 3 udviklingsområder, tag dem med til din KOM-Leder samtale, og markér, når det er gjort.",
        "Have you given the employees your feedback? Choose at most 3 development areas, take them to your KOM-Leder conversation, and mark it when done.",
    ),
    "leader.remind.unnamed": (
        "{Leader}s påmindelse om Udviklingsdialogen {date} har ingen modtager: arbejdspladsen har ingen registreret leder. "
        "Skriv i kanalen: @TalSammen leder @navn.",
        "{Leader}'s reminder about the development dialogue on {date} has no recipient: the workplace has no registered leader. "
        "Write in the channel: @TalSammen leader @name.",
    ),
    # -- the feedback post
    "leader.post.title": ("Tilbagemelding fra {leader} efter Udviklingsdialogen", "Feedback from {leader} after the development dialogue"),
    "leader.post.by": ("Fra {name}", "From {name}"),
    "leader.post.thanks": ("Tak", "Thank you"),
    "leader.post.noticed": ("Det lagde jeg mærke til om min egen ledelse", "What I noticed about my own leadership"),
    "leader.post.areas": ("Min udviklingsplan og næste skridt", "My development plan and next step"),
    "leader.post.help": ("Sådan får jeg brug for jeres hjælp", "How I will need your help"),
    "leader.post.follow_up": ("Her samler jeg op igen", "When I will follow up again"),
    # -- step 9: the attendees' card and the nameless answers
    "immediate.summary": ("Umiddelbar opfølgning", "Immediate follow-up"),
    "immediate.title": ("Hvad kan vi hver især gøre allerede nu?", "What can each of us do already now?"),
    "immediate.question": (
        "Hvad kan vi hver især gøre i hverdagen allerede nu, efter at vi har drøftet vores trivsel og ledelse?",
        "What can each of us do in everyday work already now, after discussing our well-being and leadership?",
    ),
    "immediate.intro": (
        "Svarene går uden navn til {planning_group}s videre arbejde og vises først, når mindst {min} har svaret.",
        "The answers go, without names, into {planning_group}'s further work and are only shown once at least {min} have answered.",
    ),
    "action.immediate.send": ("Send mit svar", "Send my answer"),
    "immediate.thanks": ("Tak for dit svar", "Thank you for your answer"),
    "immediate.thanks.unchanged": ("Dit svar er uændret.", "Your answer is unchanged."),
    "action.immediate.edit": ("Ret mit svar", "Change my answer"),
    "immediate.error.required": ("Skriv et svar.", "Write an answer."),
    "immediate.error.too_long": ("Højst {limit} tegn – forkort dit svar.", "At most {limit} characters – please shorten your answer."),
    "immediate.error.other": ("Svaret kan ikke gemmes sådan – prøv igen.", "The answer cannot be saved as it is – please try again."),
    "immediate.refused.not_attendee": ("Spørgsmålet går til dem, der deltog i Udviklingsdialogen.",
                                       "The question is for those who took part in the development dialogue."),
    "immediate.refused.not_yet": ("Det kan du først svare på, når Udviklingsdialogen er begyndt.",
                                  "You can answer this once the development dialogue has begun."),
    "immediate.refused.closed": ("Spørgsmålet er lukket.", "The question is closed."),
    "immediate.asked": ("Spørgsmålet går til {count} deltagere.", "The question goes to {count} participants."),
    "immediate.asked.again": ("De har allerede fået det; ingen får det to gange.", "They have already had it; nobody gets it twice."),
    "immediate.no_attendees": ("Ingen er registreret som deltagere endnu.", "Nobody is registered as a participant yet."),
    "immediate.results.title": ("Hvad kan vi hver især gøre allerede nu? – svarene", "What can each of us do already now? – the answers"),
    "immediate.results.count": ("{count} har svaret.", "{count} have answered."),
    "immediate.results.hidden": ("Svarene vises, når mindst {min} har svaret.", "The answers are shown once at least {min} have answered."),
    "immediate.results.order": ("Uden navne, i alfabetisk rækkefølge. Materiale til {planning_group}s videre arbejde.",
                                "Without names, in alphabetical order. Material for {planning_group}'s further work."),
    "immediate.deleted": ("Dit svar er slettet.", "Your answer has been deleted."),
    "immediate.nothing_to_delete": ("Der er intet svar at slette.", "There is no answer to delete."),
    # -- status and "mine data"
    "status.leader_loop": ("{Leader}s tilbagemelding", "{Leader}'s feedback"),
    "status.leader_loop.done": ("givet {date}", "given on {date}"),
    "status.leader_loop.open": ("endnu ikke markeret som gjort", "not marked as done yet"),
    "data.leader_loops": ("Din udviklingsplan som leder", "Your development plan as a leader"),
    "data.leader_loop.line": ("{workplace}: {count} udviklingsområder", "{workplace}: {count} development areas"),
    "data.immediate_answers": ("Dine svar: hvad kan vi gøre allerede nu?", "Your answers: what can we do already now?"),
    "action.leader.delete": ("Slet min udviklingsplan som leder", "Delete my development plan as a leader"),
    "leader.deleted": ("Din udviklingsplan og tilbagemelding er slettet.", "Your development plan and feedback have been deleted."),
    "action.immediate.delete": ("Slet mit svar (allerede nu)", "Delete my answer (already now)"),
    # -- help
    "help.cmd.leader": ("{leader}s kort (kun {leader}): forberedelse, umiddelbar opfølgning, udviklingsplan og tilbagemelding; "
                        "i kanalen registrerer {planning_group} {leader} med: leder @navn",
                        "{leader}'s card ({leader} only): preparation, immediate follow-up, development plan and feedback; "
                        "in the channel {planning_group} registers {leader} with: leader @name"),
    "help.cmd.already_now": ("svarene på 'hvad kan vi gøre allerede nu?' uden navne",
                             "the answers to 'what can we do already now?' without names"),
}
