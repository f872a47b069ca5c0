"""components/links.py: every view's link to a report's evidence in 文档, the URL's other parameters first."""

from urllib.parse import parse_qsl

import pytest

from components.links import doc_link, evidence_link, link_base

CELLS = [{"start": 120, "end": 130}, {"start": 90, "end": 95}, {"start": 0, "end": None}]  # the last: not located


@pytest.mark.parametrize(("base", "cells", "rule", "params"), [
    (None, [], None, [("tab", "文档"), ("doc", "张店 2018.txt")]),
    (None, CELLS, "表三·总计", [("tab", "文档"), ("doc", "张店 2018.txt"), ("ev", "90-130"), ("check", "表三·总计")]),
    ({"city": ["淄博市"], "agency": ["甲&局", "乙局"]}, CELLS, None,
     [("city", "淄博市"), ("agency", "甲&局"), ("agency", "乙局"), ("tab", "文档"), ("doc", "张店 2018.txt"),
      ("ev", "90-130")]),
])
def test_an_evidence_link_opens_the_report_at_the_checks_cells(base, cells, rule, params):
    link = evidence_link(doc_link("张店 2018.txt", base), cells, rule)
    assert link.startswith("?") and parse_qsl(link[1:]) == params


class _Params(dict):
    def get_all(self, key):
        return self[key]


def test_a_link_keeps_the_urls_parameters_but_its_own():
    params = _Params(tab=["质量检查"], doc=["a.txt"], ev=["1-2"], check=["x"], sev=["警告"], city=["淄博市"])
    assert link_base(params) == {"sev": ["警告"], "city": ["淄博市"]}
    assert link_base(params, "sev") == {"city": ["淄博市"]}
