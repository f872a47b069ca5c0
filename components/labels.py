"""The one table of labels the UI and the exports show: fields (from parsing.schema.FIELDS), the columns the
frame adds, report formats, figure quality and check outcomes."""

from __future__ import annotations

from parsing.corpus.figures import QUALITY_LABELS
from parsing.schema import FIELDS, FORMAT_PROSE, FORMAT_TEMPLATE

# Columns components/frame.py adds to the records, with their labels.
FRAME_COLUMNS = {"agency_key": "机构（分组键）", "agency_label": "机构简称", "total_quality": "主动公开数字质量",
                 "review_corrected": "行政复议结果纠正（表四）", "review_total": "行政复议总计（表四）", "source": "来源"}
FIELD_LABELS: dict[str, str] = {f.name: f.label for f in FIELDS} | FRAME_COLUMNS
# CSV/Excel: every exported field in FIELDS order, then the figure's quality and where the report came from;
# the 64-character sha256 last, where it does not push the agency out of sight on screen
EXPORT_COLUMNS: dict[str, str] = {f.name: f.label for f in FIELDS if f.export and f.name != "sha256"} | {
    "total_quality": FRAME_COLUMNS["total_quality"], "source": FRAME_COLUMNS["source"], "sha256": "sha256"}
FORMAT_LABELS = {FORMAT_PROSE: "文字叙述（2019年前）", FORMAT_TEMPLATE: "国家模板（2019年起）"}
STATUS_LABELS = {"PASS": "√ 通过", "FAIL": "× 不符", "WARN": "! 警告", "INFO": "i 提示", "NOT_ASSESSABLE": "○ 无法判断"}
STATUS_WORDS = {"PASS": "通过", "FAIL": "不符", "WARN": "警告", "INFO": "提示", "NOT_ASSESSABLE": "无法判断"}

__all__ = ["EXPORT_COLUMNS", "FIELD_LABELS", "FORMAT_LABELS", "FRAME_COLUMNS", "QUALITY_LABELS", "STATUS_LABELS",
           "STATUS_WORDS"]
