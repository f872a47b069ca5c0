"""parsing/text/scan.py: bounded look-behind and look-ahead for sentence and clause edges, and whether a
position is inside a cited document's 《title》."""

from parsing.text.scan import WINDOW, ahead, back, inside_book_title

TEXT = "甲乙。丙丁，戊己。"


def test_back_finds_the_start_of_the_sentence():
    assert back(TEXT, "。", 5) == 3  # just after the first 。
    assert back(TEXT, "。", 1) == 0  # no edge before: the start of the text


def test_ahead_finds_the_nearest_edge():
    assert ahead(TEXT, "。，", 3) == 5  # the ， comes before the second 。
    assert ahead(TEXT, "！", 0) == len(TEXT)  # none: the end of the text


def test_both_stop_at_the_window():
    long = "字" * (WINDOW * 2)
    assert back(long, "。", WINDOW + 10) == 10
    assert ahead(long, "。", 10) == WINDOW + 10


def test_inside_book_title():
    assert inside_book_title("根据《某某条例规定", 8)
    assert not inside_book_title("根据《条例》规定", 7)  # the title is closed
    assert not inside_book_title("根据条例规定", 4)
