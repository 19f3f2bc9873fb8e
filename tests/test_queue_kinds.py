"""Each step's scheduler module declares its queue kinds once; the runner merges them
(bot/scheduler/resolver.py ``QueueKinds``, bot/scheduler/runner.py ``declared_kinds``)."""
from __future__ import annotations

import pytest

from bot.process.evaluation import EVALUATION_KIND
from bot.process.grouping import GROUPS_POSTED_KIND
from bot.process.group_results import PLENUM_POSTED_KIND
from bot.process.nomination import NOMINATION_KIND
from bot.scheduler.evaluation import EvaluationResolver
from bot.scheduler.nomination import NominationReminderResolver
from bot.scheduler.resolver import QueueKinds, StepResolver
from bot.scheduler.runner import declared_kinds


class _AgainEvaluation(StepResolver):
    kind = EVALUATION_KIND


def test_a_kind_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="'evaluation' declared twice"):
        QueueKinds.merge([QueueKinds((EvaluationResolver,)), QueueKinds((_AgainEvaluation,))])


def test_a_set_naming_a_kind_its_step_does_not_resolve_is_refused() -> None:
    with pytest.raises(ValueError, match="without their resolver"):
        QueueKinds.merge([QueueKinds((NominationReminderResolver,), unlimited=frozenset({EVALUATION_KIND}))])


def test_merge_joins_resolvers_and_sets() -> None:
    merged = QueueKinds.merge([
        QueueKinds((NominationReminderResolver,)),
        QueueKinds((EvaluationResolver,), unlimited=frozenset({EVALUATION_KIND}), anytime=frozenset({EVALUATION_KIND})),
    ])
    assert {r.kind for r in merged.resolvers} == {NOMINATION_KIND, EVALUATION_KIND}
    assert merged.unlimited == merged.anytime == {EVALUATION_KIND}


def test_the_steps_declarations_merge_at_start_up() -> None:
    declared = declared_kinds()
    assert NOMINATION_KIND not in declared.unlimited  # the deadline reminder is held to one a day
    assert declared.anytime == {GROUPS_POSTED_KIND, PLENUM_POSTED_KIND, EVALUATION_KIND}
    assert declared.unlimited <= {r.kind for r in declared.resolvers}


def test_the_runner_refuses_a_kind_two_steps_declare(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.scheduler.grouping as grouping

    monkeypatch.setattr(grouping, "DECLARES", QueueKinds((*grouping.DECLARES.resolvers, _AgainEvaluation)))
    with pytest.raises(ValueError, match="declared twice"):
        declared_kinds()
