"""The stages of the admission pipeline and the dated events a stage is derived from."""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    """A dated act in a person's file. Values are stable: they are stored and exchanged."""

    SYMPATHISER_LISTED = "sympathiser_listed"  # entered the list of sympathisers (cảm tình Đảng)
    CERTIFICATE = "certificate"  # awareness-class certificate issued
    APPLICATION = "application"  # application letter 1-KNĐ and personal history 2-KNĐ handed in
    MASS_ORG_RESOLUTION = "mass_org_resolution"  # Youth Union / trade-union resolution 4-KNĐ
    VERIFICATION = "verification"  # personal-history verification concluded
    OPINIONS = "opinions"  # compiled opinions 5-KNĐ
    CELL_VOTE = "cell_vote"  # chi bộ resolution proposing admission (6-KNĐ)
    DECISION = "decision"  # admission decision (9-KNĐ)
    DECISION_RECEIVED = "decision_received"  # the chi bộ received the decision
    CEREMONY = "ceremony"  # admission ceremony; probation starts
    RECOGNITION_VOTE = "recognition_vote"  # chi bộ resolution proposing recognition (13-KNĐ)
    RECOGNITION_DECISION = "recognition_decision"  # recognised as a full member
    REMOVED = "removed"  # taken off the sympathiser list, with a reason
    NOT_ADMITTED = "not_admitted"  # the competent committee decided not to admit
    STRUCK_OFF = "struck_off"  # struck from the list of probationary members


class Stage(StrEnum):
    """Where a person stands. Never typed in: derived from events by `stages.derive_stage`."""

    SOURCE = "source"  # outstanding member of the masses (quần chúng ưu tú)
    SYMPATHISER = "sympathiser"  # on the sympathiser list, helper assigned
    TRAINED = "trained"  # holds an awareness-class certificate
    DOSSIER = "dossier"  # application handed in, dossier being built
    PROPOSED = "proposed"  # chi bộ voted to propose admission
    ADMITTED = "admitted"  # decision issued, ceremony pending
    PROBATION = "probation"  # ceremony held, 12 months of probation
    RECOGNITION_PROPOSED = "recognition_proposed"  # chi bộ voted to recognise
    OFFICIAL = "official"  # recognised as a full member
    REMOVED = "removed"  # exit: off the sympathiser list
    NOT_ADMITTED = "not_admitted"  # exit: decision refused
    STRUCK_OFF = "struck_off"  # exit: struck from probation

    @property
    def is_exit(self) -> bool:
        return self in (Stage.REMOVED, Stage.NOT_ADMITTED, Stage.STRUCK_OFF)


# Order of the stages along the pipeline, used to sort and to refuse going backwards.
PIPELINE_ORDER: tuple[Stage, ...] = (
    Stage.SOURCE,
    Stage.SYMPATHISER,
    Stage.TRAINED,
    Stage.DOSSIER,
    Stage.PROPOSED,
    Stage.ADMITTED,
    Stage.PROBATION,
    Stage.RECOGNITION_PROPOSED,
    Stage.OFFICIAL,
)
