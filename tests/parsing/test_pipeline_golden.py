"""Golden files: each bundled report → its whole expected record (tests/golden/<name>.json).

Regenerate after an intended change with UPDATE_GOLDEN=1 pytest tests/parsing/test_pipeline_golden.py, then
read the diff.
"""

import json
import os

import pytest
from conftest import ROOT, SEEDS

from parsing import parse_file

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_record_matches_golden(path):
    record = parse_file(path).record.to_dict()
    golden = GOLDEN / (path.stem + ".json")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert record == expected
