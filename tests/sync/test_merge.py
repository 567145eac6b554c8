"""The merge rule: hashes against the base decide; conflicts are never silent."""

from __future__ import annotations

import pytest

from dvdesk.sync.merge import Decision, decide


@pytest.mark.parametrize(
    ("local", "incoming", "base", "owner", "expected"),
    [
        (None, "b", None, True, Decision.INSERT),
        ("a", "a", None, False, Decision.UNCHANGED),
        ("a", "b", "a", False, Decision.UPDATE),
        ("b", "a", "a", True, Decision.KEEP_OURS),
        ("b", "c", "a", True, Decision.CONFLICT_TAKE_THEIRS),
        ("b", "c", "a", False, Decision.CONFLICT_KEEP_OURS),
        ("b", "c", None, True, Decision.UPDATE),
        ("b", "c", None, False, Decision.CONFLICT_KEEP_OURS),
    ],
)
def test_decisions(
    local: str | None, incoming: str, base: str | None, owner: bool, expected: Decision
) -> None:
    assert decide(local, incoming, base, owner) is expected


def test_only_taking_theirs_writes() -> None:
    assert {d for d in Decision if d.writes} == {
        Decision.INSERT,
        Decision.UPDATE,
        Decision.CONFLICT_TAKE_THEIRS,
    }
