"""Where the parser's vocabularies live: parsing/data/ (channels, agency types, stopwords, themes, rules …)."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
