"""A short, fixed-seed run of the bundle fuzz harness (CI), plus Hypothesis on parse_records."""

from __future__ import annotations

import contextlib

import fuzz_bundle
from hypothesis import given, settings
from hypothesis import strategies as st

from dvdesk.sync import bundle
from dvdesk.sync.bundle import BundleError


def test_fuzz_bundle_reader_for_a_few_seconds() -> None:
    stats = fuzz_bundle.run(5.0, seed=20260305)
    assert stats.iterations > 500
    assert len(stats.codes) >= 15  # the mutations reach deep into the reader
    assert stats.accepted > 0  # and some still pass: the harness is not just breaking the crypto


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_parse_records_raises_only_bundle_error(data: bytes) -> None:
    with contextlib.suppress(BundleError):
        bundle.parse_records(data)
    with contextlib.suppress(BundleError):
        bundle.parse_audit(data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "entity": st.text(min_size=1),
                "id": st.text(min_size=1),
                "owner": st.none() | st.text(),
                "hash": st.text(min_size=1),
                "data": st.dictionaries(st.text(), json_values, max_size=5),
            }
        ),
        max_size=5,
    )
)
def test_dump_then_parse_round_trips(records: list[dict[str, object]]) -> None:
    try:
        parsed = bundle.parse_records(bundle.dump_records(records))
    except BundleError as exc:
        assert exc.code in ("too_deep", "bad_record")  # NFC can merge two distinct keys
        return
    assert bundle.dump_records(parsed) == bundle.dump_records(records)
