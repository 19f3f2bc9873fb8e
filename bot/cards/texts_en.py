"""The English words on every card, key for key the same as texts_da.py."""
from __future__ import annotations

EN: dict[str, str] = {
    # Buttons
    "action.start": "Start",
    "action.help": "Help",
    "action.start_round": "Start the round",
    "action.tally": "See the tally",
    "action.status": "See status",
    "action.nomination.open": "Choose my themes",
    "action.nomination.send": "Send my themes",
    "action.nomination.save": "Save the changes",
    "action.edit": "Edit",
    "action.privacy": "How we handle your data",
    "label.contact": "Contact person:",
    "mode.anonymous": "Reasons are shown without names.",
    "mode.named": "Each reason shows its author's name.",
    # Welcome
    "welcome.team.title": "Welcome to {dialogue}",
    "welcome.team.intro": "TalSammen helps you prepare the development dialogue about well-being and leadership:",
    "welcome.team.steps": (
        "1. The planning group starts a round and sets a deadline.\r"
        "2. Every employee gets a message from TalSammen and chooses one well-being theme and one leadership "
        "theme – each with two short reasons.\r"
        "3. The planning group sees the tally and selects the themes you will discuss in the development dialogue."
    ),
    "welcome.team.group_is": "Planning group:",
    "welcome.team.group_empty": (
        "There is no planning group yet. Whoever starts the first round becomes its first member and can add "
        "the others – for example the leader, the union rep and the health and safety rep."
    ),
    "welcome.team.start_hint": "Select “Start” to set up a round, or write @TalSammen help.",
    "welcome.personal.hello": "Hi",
    "welcome.personal.intro": "I'm TalSammen. I help prepare the {dialogue}.",
    "welcome.personal.what": (
        "When the planning group starts a round, you get a message here. You choose one well-being theme and one "
        "leadership theme and write briefly why they matter – to you and to your collaboration on the core task. "
        "Before the dialogue itself, I will remind you to prepare an everyday example."
    ),
    "welcome.personal.language": "Choose your language:",
    # Round set-up, start and close
    "setup.title": "Start a round of theme nominations",
    "setup.intro": (
        "Every employee in the team gets the form from TalSammen, where they choose one well-being theme and one "
        "leadership theme with reasons. Choose the deadline, the contact person, and whether names are shown "
        "with the reasons."
    ),
    "setup.deadline.label": "Deadline for nominations (last day)",
    "setup.deadline.error": "Choose a date between {min_date} and {max_date}.",
    "setup.deadline.hint": "Employees can send nominations up to and including the day you choose.",
    "setup.contact.label": "Contact person in the planning group",
    "setup.contact.error": "Enter the contact person's name.",
    "setup.contact.hint": "Employees see this name on the form and can go to the contact person with questions.",
    "setup.mode.label": "Show names with the reasons?",
    "setup.mode.error": "Choose whether names are shown.",
    "setup.mode.anonymous": "Without names – the planning group sees themes and reasons, but not who wrote what",
    "setup.mode.named": "With names – each reason shows its author's name, as on the paper form in the guide",
    "setup.after_start": (
        "When you start the round, TalSammen sends the form to everyone in the team in their own chat. "
        "It is a good idea to tell your colleagues about it at your next meeting."
    ),
    "setup.error.prefix": "The round was not started:",
    "setup.error.in_past": "The deadline cannot be before today.",
    "setup.error.too_far": "The deadline can be no later than {max_date}.",
    "setup.error.not_a_date": "The deadline must be a date.",
    "setup.error.contact_required": "Enter the contact person's name.",
    "started.title": "The round has started",
    "started.intro": (
        "Employees can choose one well-being theme and one leadership theme up to and including {deadline}."
    ),
    "started.invited": "{count} employees have received the form in their chat with TalSammen.",
    "started.invited.one": "1 employee has received the form in their chat with TalSammen.",
    "started.unreachable": "{count} could not be reached. See the status for who.",
    "started.not_in_chat": "Answers are not shown here in the channel – only the planning group can see the tally.",
    "closed.title": "The nomination deadline has passed",
    "closed.intro": "The deadline was {deadline}. {responded} of {invited} sent nominations.",
    "closed.next": (
        "The planning group now looks at the nominations and selects one well-being theme and one leadership "
        "theme for the development dialogue."
    ),
    # Nomination form (Bilag 2)
    "nomination.intro": (
        "Choose one well-being theme and one leadership theme that you think are important to discuss, and "
        "write briefly why. Answer by {deadline}."
    ),
    "nomination.choose.wellbeing": "I think the most important well-being theme for us to discuss is:",
    "nomination.choose.leadership": "I think the most important leadership theme for us to discuss is:",
    "nomination.choose.placeholder": "Choose one theme",
    "nomination.about_themes": "About the themes",
    "nomination.own_title.label": "Your own theme – only if you chose “{own}” (at most {limit} characters)",
    "nomination.question.label": "{question} (at most {limit} characters)",
    "nomination.who.title": "Who sees your answer?",
    "nomination.who.anonymous": (
        "The planning group sees your themes and reasons, but not your name. TalSammen records who has "
        "answered, so that you can edit your answer and are not sent reminders."
    ),
    "nomination.who.named": "The planning group sees your themes and reasons with your name – as on the paper form.",
    "nomination.who.deadline": "Answer by {deadline}. You can edit your answer until then.",
    "nomination.who.care": "Do not write health details or other personal matters about yourself or others.",
    "nomination.errors.title": "Your answer has not been sent yet. Correct what is marked and send it again.",
    "nomination.slot.theme": "theme",
    "nomination.slot.own_title": "own theme",
    "nomination.slot.why_me": "why it matters to you",
    "nomination.slot.core_task": "core task",
    "nomination.slot.other": "form",
    "nomination.error.theme.required": "Choose a theme.",
    "nomination.error.theme.required.wellbeing": "Choose one well-being theme.",
    "nomination.error.theme.required.leadership": "Choose one leadership theme.",
    "nomination.error.theme.unknown_choice": "Choose one of the themes in the list.",
    "nomination.error.own_title.required": "Write a short title for your own theme.",
    "nomination.error.own_title.too_long": "The title can be at most {limit} characters.",
    "nomination.error.reason.required": "Write a short answer.",
    "nomination.error.required": "Write a short answer.",
    "nomination.error.too_long": "At most {limit} characters – please shorten your answer.",
    "nomination.error.not_text": "This field could not be read. Please enter it again.",
    "nomination.error.unknown_choice": "Choose one of the themes in the list.",
    "nomination.error.other": "Something in the form is not right. Please try again.",
    # Receipt
    "receipt.title": "Thank you – your themes have been received",
    "receipt.intro": "This is what you sent to the planning group:",
    "receipt.anonymous": "The planning group sees your reasons without your name.",
    "receipt.named": "The planning group sees your reasons with your name.",
    "receipt.can_edit": "You can edit your answer until {deadline}.",
    "receipt.closed": "The round is closed, so the answer can no longer be edited.",
    # Tally
    "tally.title": "Tally of theme nominations",
    "tally.open": "Interim tally – employees can answer up to and including {deadline}.",
    "tally.closed": "Final tally – the deadline was {deadline}.",
    "tally.responded": "{responded} of {invited} have answered ({percent}%)",
    "tally.anonymous": "Reasons are shown without names.",
    "tally.named": "Each reason shows its author's name.",
    "tally.truncated": "There are too many reasons for one message, so not all are shown here.",
    "tally.none_yet": "No nominations yet.",
    "tally.more_rows": "+ {count} more themes are not shown here",
    "tally.more_rows.one": "+ 1 more theme is not shown here",
    "tally.unchosen": "Not chosen by anyone: {themes}.",
    "tally.chart.own": "{own} (own proposals)",
    "tally.count": "chosen by {count}",
    "tally.more_reasons": "+ {count} more reasons are not shown here",
    "tally.more_reasons.one": "+ 1 more reason is not shown here",
    "tally.show_reasons": "Show reasons ({count})",
    "tally.why_me": "Matters to me because:",
    "tally.core_task": "Core task:",
    # Help and planning group
    "help.title": "TalSammen help",
    "help.intro": (
        "TalSammen helps you prepare the {dialogue}: employees nominate themes, and the planning group sees the "
        "tally and selects one well-being theme and one leadership theme."
    ),
    "help.role.employee": (
        "As an employee you choose one well-being theme and one leadership theme and write briefly why they "
        "matter. You can edit your answer until the deadline."
    ),
    "help.role.planning_group": (
        "As a member of the planning group you start rounds, follow how many have answered, see the tally and "
        "manage who is in the group."
    ),
    "help.commands": "What you can write",
    "help.commands.channel": "In the channel, mention @TalSammen first. Commands work in Danish and English.",
    "help.commands.chat": "Write the command here in the chat. Commands work in Danish and English.",
    "help.cmd.start": "Start a new round of theme nominations",
    "help.cmd.tally": "See the tally of nominations",
    "help.cmd.status": "See how many have answered and whom TalSammen cannot reach",
    "help.cmd.group": "See and change the planning group",
    "help.cmd.my_themes": "See or edit your nominations",
    "help.cmd.my_data": "See, export or delete what is stored about you",
    "help.cmd.language": "Switch between Danish and English",
    "help.cmd.help": "Show this help",
    "help.safety.title": "Harassment and abusive behaviour",
    "help.safety.text": (
        "Harassment, violence and bullying are never handled in the development dialogue. Talk to your leader, "
        "your union rep or your health and safety rep, or use your workplace's procedures and the whistleblower "
        "scheme."
    ),
    "group.title": "The planning group",
    "group.intro": (
        "The planning group runs the development dialogue – usually the leader and 2-3 employee representatives, "
        "for example the union rep and the health and safety rep, or the local joint committee."
    ),
    "group.empty": "The group is empty. Whoever starts the first round becomes its first member.",
    "group.manage": "How to change the group",
    "group.add.command": "@TalSammen group add @name",
    "group.add.text": "Add a colleague",
    "group.remove.command": "@TalSammen group remove @name",
    "group.remove.text": "Remove a member",
    "group.last_member": "The group cannot be emptied – the last member stays.",
    "group.members_only": "Only members of the planning group can change it.",
    # Status and reminders
    "status.title": "Round status",
    "status.answered": "Answers",
    "status.answered.value": "{answered} of {invited}",
    "status.reminders": "Reminders sent",
    "status.unreachable": "Cannot be reached",
    "status.unreachable.title": "People TalSammen cannot reach",
    "status.unreachable.intro": "Give them the form another way, for example on paper (Bilag 2 of the guide).",
    "status.unreachable.more": "+ {count} more",
    "status.reason.blocked": "has blocked TalSammen",
    "status.reason.not_found": "could not be found in Teams",
    "status.reason.not_installed": "does not have TalSammen installed",
    "status.reason.failed": "the message could not be sent",
    "status.reason.unknown": "unknown reason",
    "reminder.title.first": "Remember to choose your themes",
    "reminder.title.later": "Reminder: choose your themes",
    "reminder.text": "The deadline for choosing one well-being theme and one leadership theme is {deadline}.",
    "reminder.why": (
        "Your themes and reasons help the planning group choose what you will talk about in the development "
        "dialogue."
    ),
    # My data, export and deletion
    "action.data.export": "Export my data (JSON)",
    "action.nomination.delete": "Delete my nomination {workplace}",
    "action.delete.confirm": "Yes, delete my nomination",
    "action.delete.cancel": "Cancel",
    "data.title": "Your data in TalSammen",
    "data.intro": "This is everything TalSammen has stored about you. Only you can see this card.",
    "data.profile": "About you",
    "data.name": "Name:",
    "data.language": "Language:",
    "data.language.unset": "not chosen (follows Teams)",
    "data.user_id": "Teams id:",
    "data.aad_object_id": "Entra object id:",
    "data.updated": "Last updated:",
    "data.planning_groups": "Planning groups you are in",
    "data.rounds": "Rounds you were invited to",
    "data.round.line": "{workplace}, deadline {deadline} – the card: {delivery}",
    "data.delivery.sent": "delivered",
    "data.delivery.pending": "not sent yet",
    "data.delivery.unreachable": "could not reach you",
    "data.delivery.failed": "could not be sent",
    "data.delivery.other": "unknown",
    "data.nominations": "Your nominations",
    "data.nomination.round": "Round:",
    "data.nomination.round.value": "{workplace}, deadline {deadline}",
    "data.nomination.open": "The round is open: you can edit or delete your nomination.",
    "data.nomination.closed": "The round is closed.",
    "data.reminders": "Reminders sent to you",
    "data.reminder.line": "{date}: {status}",
    "data.audit": "Logged about you",
    "data.audit.count": "{count} events (such as you viewing or exporting your data). The log never holds what you wrote.",
    "data.audit.count.one": "1 event (such as you viewing or exporting your data). The log never holds what you wrote.",
    "data.rights": (
        "Your nominations are deleted automatically some time after the round's deadline; only counts per theme are "
        "kept. You can delete your nomination while the round is open. Questions about your data: contact the "
        "planning group or your organisation's data protection officer."
    ),
    "data.none": "Nothing.",
    "data.more": "+ {count} more (see the export)",
    "delete.title": "Delete your nomination?",
    "delete.text": (
        "Your themes and reasons in this round are deleted and cannot be restored. You can send a new nomination "
        "while the round is open."
    ),
    "export.title": "Your data as JSON (part {part} of {parts})",
    "export.intro": "Copy the text below. It is shown exactly as stored.",
}
