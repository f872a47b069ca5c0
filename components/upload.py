"""上传报告: files join this browser session's corpus; a button saves them into the data folder for good."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.filters import search_box, searchable
from parsing.corpus.build import Corpus
from parsing.corpus.files import describe_limit, max_bytes, sha256_of
from parsing.corpus.store import move_to_trash, refusal, save_report, unique_name
from parsing.readers import SUPPORTED_SUFFIXES

from .style import formats_text, md_escape, render_css, uploader_css

KEY = "uploaded_reports"  # name → bytes, in this session only
SAVED = "saved_upload_digests"


def uploaded() -> tuple[tuple[str, bytes], ...]:
    return tuple(st.session_state.get(KEY, {}).items())


def render_uploader(data_dir: Path) -> None:
    """The sidebar uploader. Accepted files are kept in this session (other sessions do not see them).

    Two files with one name (from two folders, or two batches) are both kept, the second renamed as saving
    renames (年报-1.txt); a file whose bytes another upload already has is counted once, and the box says so."""
    box = st.sidebar.expander("上传报告", expanded=False)
    render_css(uploader_css(describe_limit(), SUPPORTED_SUFFIXES))  # its English strings, in Chinese
    files = box.file_uploader("选择报告文件（可多选）", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES],
                              accept_multiple_files=True, key="uploader",
                              help=f"支持 {formats_text(SUPPORTED_SUFFIXES)}；单个文件不超过 {describe_limit()}。")
    saved: set[str] = st.session_state.setdefault(SAVED, set())
    store: dict[str, bytes] = {}  # mirrors the uploader: a file removed there leaves the corpus
    by_digest: dict[str, str] = {}
    existing_names = {p.name for p in data_dir.iterdir()} if files and data_dir.is_dir() else set()
    for f in files or []:
        if f.size > max_bytes():
            box.error(f"“{md_escape(f.name)}”有 {f.size / 1024 / 1024:.2f} MB，超过上限 {describe_limit()}，未读取。")
            continue
        data = f.getvalue()
        digest = sha256_of(data)
        if digest in saved:
            continue  # already saved into the data folder: it is part of the corpus now
        if digest in by_digest:
            box.info(f"“{md_escape(f.name)}”与已上传的“{md_escape(by_digest[digest])}”内容完全相同，只计一次。")
            continue
        name = unique_name(f.name, existing_names | set(store))
        if name != f.name:
            box.info(f"已有同名文件“{md_escape(f.name)}”：这一份记为“{md_escape(name)}”，两份都保留。")
        store[name] = data
        by_digest[digest] = name
    st.session_state[KEY] = store
    if store:
        box.caption(f"本次会话已上传 {len(store)} 份：" + "、".join(md_escape(n) for n in store))


def verdicts(store: dict[str, bytes], corpus: Corpus | None) -> dict[str, tuple[str, str | None]]:
    """Each upload's verdict from the parse the session's corpus already holds (made in the supervised worker,
    with its time and memory limit): ("save", None), ("refused", why) or ("same", the folder file with its bytes)."""
    errors = {e.file: e.reason for e in corpus.errors} if corpus is not None else {}
    warnings: dict[str, list[str]] = {}
    folder: dict[str, str] = {}
    for parsed in corpus.reports if corpus is not None else []:
        rec = parsed.record
        if rec.file in store:
            warnings[rec.file] = list(rec.warnings)
        else:
            folder.setdefault(rec.sha256, rec.file)
    out: dict[str, tuple[str, str | None]] = {}
    for name, data in store.items():
        same = folder.get(sha256_of(data))
        if same is not None:
            out[name] = ("same", same)
        elif name in errors or name in warnings:
            reason = refusal(errors.get(name), warnings.get(name, []))
            out[name] = ("refused", reason) if reason else ("save", None)
        else:
            out[name] = ("refused", "尚未读取完成，请稍候再保存")
    return out


def render_save(data_dir: Path, corpus: Corpus | None = None) -> None:
    """Save this session's uploads into the data folder: the bytes already read and accepted, never parsed again
    here (a file the supervised worker refused — too slow, too large, not a report — cannot be saved, and the
    button says why)."""
    store: dict[str, bytes] = st.session_state.get(KEY, {})
    if not store:
        return
    judged = verdicts(store, corpus)
    ready = [name for name, (kind, _why) in judged.items() if kind == "save"]
    refused = {name: why for name, (kind, why) in judged.items() if kind == "refused"}
    same = {name: other for name, (kind, other) in judged.items() if kind == "same"}
    box = st.sidebar.expander("保存上传的报告", expanded=bool(refused or same))
    box.caption("上传的报告只在本浏览器会话中可见；保存后写入数据文件夹，所有人都能看到。")
    for name, other in same.items():
        box.info(f"“{md_escape(name)}”与数据文件夹中的“{md_escape(other)}”内容完全相同，已在语料中，无需保存。")
    for name, why in refused.items():
        box.error(f"“{md_escape(name)}”不能保存：{md_escape(why)}")
    why_not = "没有可保存的报告：" + "；".join(f"{n}：{w}" for n, w in refused.items()) if not ready else None
    label = f"保存到数据文件夹（{len(ready)} 份）" if ready else "保存到数据文件夹"
    if box.button(label, key="save_uploads", disabled=not ready, help=why_not):
        for name in ready:
            data = store[name]
            try:
                path, created = save_report(data_dir, name, data)
            except OSError as exc:
                box.error(f"“{md_escape(name)}”保存失败：{md_escape(exc.strerror or str(exc))}")
                continue
            if created:
                box.success(f"已保存：{md_escape(path.name)}")
            else:
                box.info(f"“{md_escape(name)}”与数据文件夹中的“{md_escape(path.name)}”内容相同，未重复保存")
            st.session_state[SAVED].add(sha256_of(data))
            del store[name]
        st.session_state.pop(f"folder_fingerprint:{data_dir}", None)  # the folder changed: look again


def render_remove(data_dir: Path, folder_files: list[str]) -> None:
    """Take a report out of the data folder again: it moves to .trash/ (never deleted), after a confirmation.

    folder_files: the folder's files as the loader already listed them (readable or not), so no rerun lists
    the folder again; move_to_trash checks the file itself."""
    box = st.sidebar.expander("从数据文件夹移除报告", expanded=False)
    uploads = set(st.session_state.get(KEY, {}))
    names = sorted(set(folder_files) - uploads)
    if not names:
        box.caption("数据文件夹中没有报告。")
        return
    chosen = st.session_state.get("remove_name")
    offered, hidden = searchable(names, [chosen] if chosen else [], search_box(box, "remove_query", len(names), "报告"))
    if chosen and chosen not in offered:
        st.session_state.pop("remove_name", None)  # removed meanwhile (another session, the file manager)
    name = box.selectbox("选择报告", offered, key="remove_name", index=None, placeholder="选择要移除的报告")
    if hidden:
        box.caption(f"另有 {hidden} 份报告未列出：在“查找报告”中输入文件名中的字。")
    sure = box.checkbox("确认移除（文件移到 .trash 文件夹，不会删除）", key="remove_confirm")

    def remove() -> None:
        try:
            target = move_to_trash(data_dir, name)
        except (OSError, ValueError) as exc:
            st.session_state["remove_message"] = ("error", f"“{name}”未移除：{exc}")
            return
        st.session_state["remove_message"] = ("success", f"已移到 {target.relative_to(data_dir)}")
        st.session_state.pop(f"folder_fingerprint:{data_dir}", None)  # the folder changed: look again
        st.session_state["remove_confirm"] = False
        st.session_state["remove_name"] = None

    box.button("移除", key="remove_report", disabled=not (name and sure), on_click=remove)
    kind, message = st.session_state.pop("remove_message", (None, None))
    if kind:
        getattr(box, kind)(md_escape(message))
