"""Streamlit views: one per file, each takes the filtered DataFrame and draws."""
