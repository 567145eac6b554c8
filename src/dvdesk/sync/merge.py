"""How a record arriving from another unit meets the copy here: by content hashes against the
last version both sides held (the base), never by clocks.

- nothing here: insert;
- the same content: unchanged;
- ours still the base: the sender changed it, take theirs;
- theirs still the base: the sender has an old copy, ours stands (and goes back to them);
- no base, and the sender owns it: theirs (we only hold it from its key file);
- both changed since the base (or no base to tell): a conflict. Both versions are kept for a
  person to choose; meanwhile the owner's version stands.
"""

from __future__ import annotations

from enum import StrEnum


class Decision(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    KEEP_OURS = "keep_ours"  # the sender is behind; not a conflict
    CONFLICT_TAKE_THEIRS = "conflict_take_theirs"  # the sender owns the record
    CONFLICT_KEEP_OURS = "conflict_keep_ours"  # we own it (or someone else does)

    @property
    def writes(self) -> bool:
        return self in (Decision.INSERT, Decision.UPDATE, Decision.CONFLICT_TAKE_THEIRS)

    @property
    def conflict(self) -> bool:
        return self in (Decision.CONFLICT_TAKE_THEIRS, Decision.CONFLICT_KEEP_OURS)


def decide(
    local_hash: str | None, incoming_hash: str, base_hash: str | None, sender_owns: bool
) -> Decision:
    if local_hash is None:
        return Decision.INSERT
    if local_hash == incoming_hash:
        return Decision.UNCHANGED
    if base_hash is not None and local_hash == base_hash:
        return Decision.UPDATE
    if base_hash is None and sender_owns:
        # Never exchanged, yet here: only the owner's own record can be (the unit made from its
        # key file); the owner's version is the record.
        return Decision.UPDATE
    if base_hash is not None and incoming_hash == base_hash:
        return Decision.KEEP_OURS
    return Decision.CONFLICT_TAKE_THEIRS if sender_owns else Decision.CONFLICT_KEEP_OURS
