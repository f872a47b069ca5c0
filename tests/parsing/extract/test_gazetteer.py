"""parsing/extract/gazetteer.py: China's administrative divisions by name and code — short forms of
provinces and cities, a county's city and province, the municipalities, names that occur in several cities."""

from parsing.extract.gazetteer import gazetteer


def test_a_county_has_its_city_and_province():
    gaz = gazetteer()
    [zhangdian] = gaz.by_name["张店区"]
    assert (zhangdian.adcode, zhangdian.rank) == ("370303", 2)
    assert gaz.city_of(zhangdian).name == "淄博市"
    assert gaz.province_of(zhangdian).name == "山东省"


def test_cities_and_provinces_are_found_by_their_short_names():
    gaz = gazetteer()
    assert [d.adcode for d in gaz.by_name["淄博"]] == ["370300"]
    assert [d.adcode for d in gaz.by_name["山东"]] == ["370000"]


def test_a_municipality_is_its_districts_city():
    gaz = gazetteer()
    chaoyang = gaz.by_code["110105"]
    assert gaz.city_of(chaoyang).name == "北京市"
    assert gaz.city_of(gaz.by_code["370000"]) is None  # a province has no city


def test_a_county_name_shared_by_several_cities_keeps_every_candidate():
    assert sorted(d.adcode for d in gazetteer().by_name["鼓楼区"]) == ["320106", "320302", "350102", "410204"]


def test_find_all_takes_the_longest_names_left_to_right():
    found = gazetteer().find_all("山东省淄博市张店区安监局")
    assert [(start, end, [d.adcode for d in cands]) for start, end, cands in found] == [
        (0, 3, ["370000"]), (3, 6, ["370300"]), (6, 9, ["370303"])]
