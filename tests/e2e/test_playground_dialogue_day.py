"""From the final tally to the day's results and the evaluation, against Microsoft's Agents Playground
(the steps' own journeys run through the mock connector: tests/test_selection_journey.py,
test_invitation_journey.py, test_everyday_example_journey.py, test_grouping_journey.py,
test_results_journey.py, test_evaluation_journey.py).

Fatima (planning group) starts a round; Lars and Sofie nominate; she closes the round. The final
tally brings "Vælg temaer": she chooses both themes with reasons, and the card turns into the
result with "Annoncér". She sets the day in General (``dag``: Tuesday 29 September 2026 at 08:00),
then announces: the channel gets the themes, everyone an invitation. Lars and Sofie are coming,
Peter cannot come (each card shows the answer in place); Lars prepares his example and marks
himself ready. Seven working days before the day, the reminder reaches those not ready who can
come. ``grupper`` forms the groups without Peter, and they are posted with mentions; ``drejebog``
gives the run-sheet from 08:00. On the day, Sofie opens her group's card from the channel post
and writes the flip-chart; Fatima sees the plenum view and posts it. At the close, ``evaluering``
sends the evaluation to those who took part; Lars answers.

The Playground cannot move time, and the bot sends the queue's rows in working hours only
(Europe/Copenhagen), so the app's injected clock is moved and the queue swept, as in the other
Playground tests.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from bot.app import SERVICES
from bot.process.concept import Kind
from bot.process.evaluation import EvaluationAnswer
from bot.process.everyday_example import EVERYDAY_EXAMPLE_KIND, ExampleNotes
from bot.process.invitation import Answer
from bot.scheduler.runner import build_sweeper

from .playground import Playground
from .test_playground_journey import JONAS, LARS, LEADER, PETER, SOFIE, nomination

pytestmark = pytest.mark.playground

METTE = "29:mette-holm"  # the Playground's current user: her 1:1 chat is the personal chat
EVERYONE = (LEADER, LARS, SOFIE, JONAS, PETER, METTE)
NOTE = "Da vi fik en ny kollega, og alle tog imod hende 😊"


def text_of(message) -> str:
    return json.dumps({"text": message.text, "cards": message.cards}, ensure_ascii=False)


def walk(node, type_: str):
    if isinstance(node, dict):
        if node.get("type") == type_:
            yield node
        for value in node.values():
            yield from walk(value, type_)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value, type_)


def action(message, verb: str, **match) -> dict:
    """The data of the card's one Action.Submit with ``verb`` (and the given data values): what Teams sends."""
    found = [a["data"] for a in walk(message.cards, "Action.Submit")
             if a["data"].get("verb") == verb and all(a["data"].get(k) == v for k, v in match.items())]
    assert len(found) == 1, (verb, match, text_of(message))
    return dict(found[0])


def with_marker(pg: Playground, chat: str, marker: str) -> list:
    """The messages of a chat, as the user sees them now, whose text or card holds ``marker``."""
    return [m for m in pg.current_messages_in(chat) if marker in text_of(m)]


def shown(pg: Playground, chat: str, message_id: str):
    return next(m for m in pg.current_messages_in(chat) if m.id == message_id)


def local(day: int, hour: int, minute: int) -> datetime:
    """A moment in September 2026 on the Copenhagen wall clock (CEST: UTC+2)."""
    return datetime(2026, 9, day, hour - 2, minute, tzinfo=timezone.utc)


async def sweep(services) -> None:  # noqa: ANN001
    """Send what is due now, as the scheduler's next tick would."""
    sweeper = build_sweeper(services)
    while (await sweeper.run_once()).claimed:
        pass


async def test_from_the_final_tally_to_the_groups_results_and_the_evaluation_in_the_playground(bot_endpoint):
    app, endpoint = bot_endpoint
    services = app[SERVICES]
    store, clock = services.store, services.clock
    async with Playground(endpoint) as pg:
        general = pg.channel()["id"]

        # -- the round, closed early: the final tally with "Vælg temaer" -----------------------------
        await pg.install_in_team()
        await pg.say_in_channel(LEADER, "start")
        setup = next(m for m in reversed(pg.messages_in(general)) if "round.start" in text_of(m))
        await pg.submit_in_channel(LEADER, setup.id, {"verb": "round.start", "deadline": "2026-09-15", "named_mode": "anonymous"})
        chats = await pg.wait_for(
            lambda: set(pg.created_conversations()) >= set(EVERYONE) - {METTE}
            and all(any("nomination.submit" in text_of(m) for m in pg.messages_in(c)) for c in pg.created_conversations().values())
            and pg.created_conversations(), timeout=30)
        chats = {**chats, METTE: chats.get(METTE) or (await pg.config())["personalChat"]["id"]}
        round_ = await store.dialogues.latest_round(pg.team["id"])
        for user in (LARS, SOFIE):
            form = next(m for m in pg.messages_in(chats[user]) if "nomination.submit" in text_of(m))
            await pg.submit(chats[user], user, form.id, nomination(round_.id))

        await pg.say_in_channel(LEADER, "luk runden")
        confirm = next(m for m in reversed(pg.messages_in(general)) if "round.close\"" in text_of(m))
        await pg.submit_in_channel(LEADER, confirm.id, {"verb": "round.close", "round_id": round_.id})
        tally = (await pg.wait_for(lambda: with_marker(pg, chats[LEADER], "selection.show"), timeout=20))[-1]
        assert "Endelig optælling" in text_of(tally) and "Vælg temaer" in text_of(tally)

        # -- step 4: the themes chosen on the card the button brings -------------------------------------
        await pg.submit(chats[LEADER], LEADER, tally.id, action(tally, "selection.show"))
        form = with_marker(pg, chats[LEADER], "selection.submit")[-1]
        assert form.id != tally.id and "Social støtte og tillid" in text_of(form) and "2 af 6" in text_of(form)
        choice = {**action(form, "selection.submit"),
                  "wellbeing_theme": "social-support-trust", "wellbeing_own_title": "",
                  "wellbeing_reason": "Flest har foreslået det, og det fylder i hverdagen 💪",
                  "leadership_theme": "shared-direction-goals", "leadership_own_title": "",
                  "leadership_reason": "Det hører vi mest om – også i APV'en"}
        await pg.submit(chats[LEADER], LEADER, form.id, choice)
        result = shown(pg, chats[LEADER], form.id)
        assert result.updated and "Temaerne er valgt" in text_of(result) and "selection.submit" not in text_of(result)
        assert "også i APV'en" in text_of(result) and "Annoncér" in text_of(result)
        dialogue = await store.dialogues.current_dialogue(pg.team["id"], clock.now())
        chosen = await store.selections.get(dialogue.id)
        assert (chosen.chosen_by, chosen.themes.wellbeing.theme_id, chosen.announced_at) == (LEADER, "social-support-trust", None)

        # -- step 1's day, set in General on the form `dag` brings ---------------------------------------
        await pg.say_in_channel(LEADER, "dag")
        day_form = next(m for m in reversed(pg.messages_in(general)) if "day.set" in text_of(m))
        await pg.submit_in_channel(LEADER, day_form.id, {**action(day_form, "day.set"), "day_date": "2026-09-29", "day_start": "08:00",
                                                         "day_place": "Mødelokale 2, Rådhuset", "day_link": ""})
        day_set = shown(pg, general, day_form.id)
        assert day_set.updated and "Dagen er sat: tirsdag den 29. september 2026 kl. 8.00-11.00" in text_of(day_set)
        day = await store.invitations.get_day(dialogue.id)
        assert (day.date.isoformat(), day.start.isoformat(timespec="minutes"), day.place) == ("2026-09-29", "08:00", "Mødelokale 2, Rådhuset")

        # -- step 5: announced from the result card, confirmed; the channel post and the invitations -----
        await pg.submit(chats[LEADER], LEADER, result.id, action(result, "themes.announce_ask"))
        ask = with_marker(pg, chats[LEADER], "themes.announce\"")[-1]
        assert "Alle 6 inviterede" in text_of(ask)
        await pg.submit(chats[LEADER], LEADER, ask.id, action(ask, "themes.announce"))
        assert "Temaerne er sendt ud" in text_of(shown(pg, chats[LEADER], ask.id))
        post = (await pg.wait_for(lambda: with_marker(pg, general, "Temaerne til udviklingsdialogen"), timeout=20))[-1]
        assert "Social støtte og tillid" in text_of(post) and "Flest har foreslået det" in text_of(post)
        invitations = await pg.wait_for(lambda: all(with_marker(pg, chats[u], "day.answer") for u in EVERYONE)
                                        and {u: with_marker(pg, chats[u], "day.answer")[0] for u in EVERYONE}, timeout=30)
        for user, card in invitations.items():
            assert "tirsdag den 29. september 2026 kl. 8.00-11.00" in text_of(card) and "Forbered dit eksempel" in text_of(card), user
        assert {i.user_id for i in await store.invitations.invited(dialogue.id)} == set(EVERYONE)

        # Two are coming, one cannot come: each card shows the answer in place.
        for user, given in ((LARS, "coming"), (SOFIE, "coming"), (PETER, "cannot_come")):
            card = invitations[user]
            await pg.submit(chats[user], user, card.id, action(card, "day.answer", answer=given))
        assert "Du har svaret: Jeg kommer." in text_of(shown(pg, chats[LARS], invitations[LARS].id))
        peter_card = shown(pg, chats[PETER], invitations[PETER].id)
        assert peter_card.updated and "Du har svaret: Jeg kan ikke komme." in text_of(peter_card)
        assert await store.invitations.answers(dialogue.id) == {LARS: Answer.COMING, SOFIE: Answer.COMING, PETER: Answer.CANNOT_COME}

        # -- step 6: Lars prepares his example, saves a note and marks himself ready ---------------------
        await pg.submit(chats[LARS], LARS, invitations[LARS].id, action(invitations[LARS], "example.show"))
        prepare = with_marker(pg, chats[LARS], "example.save")[-1]
        assert "Noterne kan kun ses af dig" in text_of(prepare)
        save = {**action(prepare, "example.save"), "wellbeing_note": NOTE, "leadership_note": ""}
        await pg.submit(chats[LARS], LARS, prepare.id, save)
        assert "Dine noter er gemt" in text_of(shown(pg, chats[LARS], prepare.id)) and NOTE in text_of(shown(pg, chats[LARS], prepare.id))
        ready = shown(pg, chats[LARS], prepare.id)
        await pg.submit(chats[LARS], LARS, prepare.id, {**action(ready, "example.ready"), "wellbeing_note": NOTE, "leadership_note": ""})
        assert "Du har meldt dig klar" in text_of(shown(pg, chats[LARS], prepare.id))
        assert await store.examples.notes(dialogue.id, LARS) == ExampleNotes(NOTE, "")
        assert await store.examples.ready(dialogue.id) == {LARS}

        # -- seven working days before: Friday 18 September, 09:05 -----------------------------------------
        clock.set(local(18, 9, 5))
        await sweep(services)
        # The log stream may trail the sends by a moment.
        await pg.wait_for(lambda: all(with_marker(pg, chats[u], "Husk at forberede dit eksempel fra hverdagen")
                                      for u in (LEADER, SOFIE, JONAS, METTE)))
        assert not with_marker(pg, chats[LARS], "Husk at forberede") and not with_marker(pg, chats[PETER], "Husk at forberede")
        assert await store.reminders.sent_count(dialogue.id, EVERYDAY_EXAMPLE_KIND) == 4

        # -- step 7: the groups, without Peter, posted with mentions; the run-sheet from 08:00 -------------
        await pg.say_in_channel(LEADER, "grupper")
        groups = (await pg.wait_for(lambda: with_marker(pg, chats[LEADER], "groups.post"), timeout=20))[-1]
        grouping = await store.groupings.get(dialogue.id)
        attending = {LEADER, LARS, SOFIE, JONAS, METTE}
        for rounds in (grouping.wellbeing, grouping.leadership):
            assert sorted(p for g in rounds for p in g) == sorted(attending)
        assert "Peter Madsen" not in text_of(groups) and "Sofie Jensen" in text_of(groups)
        assert "5 deltagere i én gruppe." in text_of(groups)  # five become one group of five, not 3 and 2
        await pg.submit(chats[LEADER], LEADER, groups.id, action(groups, "groups.post"))
        assert "slået op i kanalen" in text_of(shown(pg, chats[LEADER], groups.id))
        posted = (await pg.wait_for(lambda: with_marker(pg, general, "Sæt jer ved jeres gruppe"), timeout=20))[-1]
        entities = posted.cards[0]["msteams"]["entities"]
        assert {e["mentioned"]["id"] for e in entities} == attending and "<at>Sofie Jensen</at>" in text_of(posted)

        await pg.say_in_channel(LEADER, "drejebog")
        sheet = (await pg.wait_for(lambda: with_marker(pg, chats[LEADER], "evaluation.start"), timeout=20))[-1]
        for span in ("08.00-08.15", "08.15-08.45", "10.45-11.00"):
            assert span in text_of(sheet), span

        # -- the day, Tuesday 29 September, 08:50, the well-being round: Sofie writes her group's flip-chart --
        clock.set(local(29, 8, 50))
        mark = len(pg.messages_in(chats[SOFIE]))
        await pg.submit_in_channel(SOFIE, posted.id, action(posted, "results.show", kind="wellbeing"))
        flip = (await pg.wait_for(lambda: [m for m in pg.messages_in(chats[SOFIE])[mark:] if "results.save" in text_of(m)], timeout=20))[-1]
        group = grouping.group_of(SOFIE, Kind.WELLBEING)
        assert f"Gruppe {group}" in text_of(flip) and "Social støtte og tillid" in text_of(flip)
        entry = {**action(flip, "results.save"), "key_point_1": "Tillid: vi hjælper hinanden", "key_point_2": "Vi ser borgeren",
                 "desired_action_1": "Fast tjek-ind hver morgen", "desired_action_2": "Makkerordning for nye kolleger"}
        await pg.submit(chats[SOFIE], SOFIE, flip.id, entry)
        saved = shown(pg, chats[SOFIE], flip.id)
        assert saved.updated and "Gemt" in text_of(saved) and "results.save" not in text_of(saved)
        stored = await store.group_results.get(dialogue.id, Kind.WELLBEING, group)
        assert stored.key_points == ("Tillid: vi hjælper hinanden", "Vi ser borgeren") and stored.entered_by == SOFIE
        assert stored.desired_actions == ("Fast tjek-ind hver morgen", "Makkerordning for nye kolleger")

        # 09:05, the plenum: Fatima, in a group too, opens hers from the post, and from it the plenum
        # view (by group number, no names); she posts that to the channel (the queue sends from 09:00).
        clock.set(local(29, 9, 5))
        mark = len(pg.messages_in(chats[LEADER]))
        await pg.submit_in_channel(LEADER, posted.id, action(posted, "results.show", kind="wellbeing"))
        own = (await pg.wait_for(lambda: [m for m in pg.messages_in(chats[LEADER])[mark:] if "plenum.show" in text_of(m)], timeout=20))[-1]
        await pg.submit(chats[LEADER], LEADER, own.id, action(own, "plenum.show", kind="wellbeing"))
        plenum = shown(pg, chats[LEADER], own.id)
        assert "Plenum – trivselstemaet" in text_of(plenum) and "Makkerordning for nye kolleger" in text_of(plenum)
        assert "Sofie Jensen" not in text_of(plenum) and "results.post" in text_of(plenum)
        await pg.submit(chats[LEADER], LEADER, own.id, action(plenum, "results.post"))
        assert "results.post" not in text_of(shown(pg, chats[LEADER], own.id))
        board = (await pg.wait_for(lambda: with_marker(pg, general, "Det kom grupperne frem til"), timeout=20))[-1]
        assert "Fast tjek-ind hver morgen" in text_of(board) and "Sofie Jensen" not in text_of(board)

        # -- the close, 10:50: the evaluation to those who took part; Lars answers -------------------------
        clock.set(local(29, 10, 50))
        await pg.say_in_channel(LEADER, "evaluering")
        assert "Den går til 5 deltagere" in text_of(next(m for m in reversed(pg.messages_in(general)) if "evaluation.results" in text_of(m)))
        cards = await pg.wait_for(lambda: all(with_marker(pg, chats[u], "evaluation.save") for u in attending)
                                  and {u: with_marker(pg, chats[u], "evaluation.save")[0] for u in attending}, timeout=30)
        assert not with_marker(pg, chats[PETER], "evaluation.save")
        assert "Hvad har været særligt godt ved udviklingsdialogen?" in text_of(cards[LARS])
        await pg.submit(chats[LARS], LARS, cards[LARS].id, {**action(cards[LARS], "evaluation.save"),
                                                             "evaluation_good": "Vi lyttede til hinanden", "evaluation_adjust": ""})
        thanks = shown(pg, chats[LARS], cards[LARS].id)
        assert thanks.updated and "Tak for din evaluering" in text_of(thanks) and "evaluation.edit" in text_of(thanks)
        assert await store.evaluations.answers(dialogue.id) == {LARS: EvaluationAnswer("Vi lyttede til hinanden", "")}
