"""Where a person stands, derived from their dated events (never typed in by hand).

Kept apart from pipeline.py because it needs facts.Event, and facts.py imports pipeline.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dvdesk.domain.facts import Event
from dvdesk.domain.pipeline import PIPELINE_ORDER, EventKind, Stage
from dvdesk.domain.rulesets import rule_set_on

EXIT_KINDS: dict[EventKind, Stage] = {
    EventKind.REMOVED: Stage.REMOVED,
    EventKind.NOT_ADMITTED: Stage.NOT_ADMITTED,
    EventKind.STRUCK_OFF: Stage.STRUCK_OFF,
}

# The stage an event shows the person has reached, at least.
_REACHED: dict[EventKind, Stage] = {
    EventKind.SYMPATHISER_LISTED: Stage.SYMPATHISER,
    EventKind.CERTIFICATE: Stage.TRAINED,
    EventKind.APPLICATION: Stage.DOSSIER,
    EventKind.MASS_ORG_RESOLUTION: Stage.DOSSIER,
    EventKind.VERIFICATION: Stage.DOSSIER,
    EventKind.OPINIONS: Stage.DOSSIER,
    EventKind.CELL_VOTE: Stage.PROPOSED,
    EventKind.DECISION: Stage.ADMITTED,
    EventKind.DECISION_RECEIVED: Stage.ADMITTED,
    EventKind.CEREMONY: Stage.PROBATION,
    EventKind.RECOGNITION_VOTE: Stage.RECOGNITION_PROPOSED,
    EventKind.RECOGNITION_DECISION: Stage.OFFICIAL,
}

_RANK = {stage: i for i, stage in enumerate(PIPELINE_ORDER)}


def vote_failed(event: Event) -> bool:
    """True only when the counts are recorded and fall below the threshold of the rule set in
    force on the vote date; a vote with missing counts is taken as passed (the rules engine
    reports the missing counts separately)."""
    if event.votes_for is None or event.official_members is None or event.official_members <= 0:
        return False
    return not rule_set_on(event.on).vote_passes(event.votes_for, event.official_members)


def _reached(event: Event) -> Stage | None:
    if event.kind is EventKind.CELL_VOTE and vote_failed(event):
        return Stage.DOSSIER  # the chi bộ did not propose: the dossier stays open
    if event.kind is EventKind.RECOGNITION_VOTE and vote_failed(event):
        return Stage.PROBATION  # not proposed for recognition: still probationary
    return _REACHED.get(event.kind)


def has_exited(events: Iterable[Event]) -> bool:
    """True when an exit is the last act (ties on the day go to the exit): the quick form of
    `derive_stage(events).is_exit`."""
    latest_act: date | None = None
    latest_exit: date | None = None
    for event in events:
        if latest_act is None or event.on > latest_act:
            latest_act = event.on
        if event.kind in EXIT_KINDS and (latest_exit is None or event.on > latest_exit):
            latest_exit = event.on
    return latest_exit is not None and latest_exit == latest_act


def derive_stage(events: Iterable[Event], has_certificate: bool = False) -> Stage:
    """The stage the events put the person in.

    - An exit (removed, not admitted, struck off) is the stage when it is the last act; on the
      same day an exit counts as later than any other act.
    - Otherwise only the acts after the last exit count (a person re-listed after removal starts
      again), except awareness certificates, which the person keeps.
    - Among the acts that count, the furthest stage along the pipeline wins, so acts recorded out
      of order do not move a person backwards. A chi bộ vote below 2/3 leaves the person in the
      dossier stage; a recognition vote below 2/3 leaves them in probation.
    - A certificate (an event or `has_certificate`) means at least TRAINED.
    """
    ordered = sorted(events, key=lambda e: (e.on, e.kind in EXIT_KINDS))
    last_exit = -1
    for i, event in enumerate(ordered):
        if event.kind in EXIT_KINDS:
            last_exit = i
    if ordered and last_exit == len(ordered) - 1:
        return EXIT_KINDS[ordered[-1].kind]

    stage = Stage.SOURCE
    if has_certificate or any(e.kind is EventKind.CERTIFICATE for e in ordered):
        stage = Stage.TRAINED
    for event in ordered[last_exit + 1 :]:
        reached = _reached(event)
        if reached is not None and _RANK[reached] > _RANK[stage]:
            stage = reached
    return stage
