"""A tab drawn in parts: a segmented control at the top picks one, kept in the URL, so a heavy tab draws half its
charts per run (a chart costs the browser ~0.2–0.3 s to draw on 2 cores) and any part can be linked to."""

from __future__ import annotations

import streamlit as st


def chosen_part(key: str, param: str, parts: tuple[str, ...], default: str | None = None,
                label: str | None = None) -> str:
    """The part on screen. The URL's ?{param}= picks it on first load (an unknown value falls back to default,
    else the first part); the first part is the URL's default, so it drops the parameter. label: shown before
    the switch (none by default: the parts' names say it)."""
    if key not in st.session_state:
        wanted = st.query_params.get(param)
        st.session_state[key] = wanted if wanted in parts else (default or parts[0])
    part = st.segmented_control(label or "显示", parts, key=key, required=True,
                                label_visibility="visible" if label else "collapsed") or parts[0]
    if part == parts[0]:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = part
    return part


def asked(button: bool, state: str, key: str) -> bool:
    """Whether a thing built only when asked (a long CSV, an Excel file, the brief) is wanted: its button was
    clicked now, or earlier for the same view state (key), which session_state[state] remembers."""
    if button or st.session_state.get(state) == key:
        st.session_state[state] = key
        return True
    return False
