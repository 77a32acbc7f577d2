"""Property: no bytes in a .txt file make ingest raise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportedly.ingest import read_documents
from reportedly.records import Article, Failure, make_doc_id


@pytest.fixture(scope="module")
def txt_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property") / "any.txt"


@pytest.mark.parametrize("name", ["any.txt"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.text(max_size=200).map(lambda s: s.encode("cp1251", "replace")),
    )
)
def test_property_txt_bytes_never_raise(txt_path: Path, name: str, data: bytes) -> None:
    assert txt_path.name == name
    txt_path.write_bytes(data)
    records = list(read_documents([str(txt_path)]))
    assert len(records) == 1
    record = records[0]
    if isinstance(record, Article):
        assert record.text.strip()
        record.text.encode("utf-8")  # real text, no lone surrogates
        assert record.doc_id == make_doc_id(record.text)
    else:
        assert isinstance(record, Failure)
        assert record.stage == "ingest"
        assert record.reason
