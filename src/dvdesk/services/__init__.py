"""Use cases: one transaction each, validated by domain/, audited, returning plain dataclasses."""
