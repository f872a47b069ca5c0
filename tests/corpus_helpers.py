"""Shared by the corpus tests (tests/parsing/corpus/)."""


def totals(corpus):
    return sorted((p.record.file, p.record.proactive_total) for p in corpus.reports)
