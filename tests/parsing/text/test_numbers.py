import pytest

from parsing.text.numbers import parse_number, year_from_token


@pytest.mark.parametrize(("token", "value"), [
    ("123", 123), ("1,200", 1200), ("一百二十三", 123), ("五十七", 57), ("零", 0), ("9万", 90000),
    ("两千零一", 2001), ("十", 10), ("12.5", 12.5),
])
def test_parse_number(token, value):
    assert parse_number(token).value == value


@pytest.mark.parametrize("token", ["万", "", "亿"])
def test_not_a_number(token):
    assert parse_number(token) is None


def test_approximate_marker():
    assert parse_number("9万", "余").approximate


@pytest.mark.parametrize(("token", "year"), [("2018", 2018), ("二〇一六", 2016), ("二○一九", 2019), ("两千", None)])
def test_year_from_token(token, year):
    assert year_from_token(token) == year
