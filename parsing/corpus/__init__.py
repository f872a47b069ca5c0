"""Many reports: files on disk, the parse cache, parallel supervised parsing and corpus-level checks."""

from parsing.corpus.build import Corpus, load_corpus, parse_many

__all__ = ["Corpus", "load_corpus", "parse_many"]
