"""parsing/text/variants.py: traditional characters become simplified one for one (offsets stay valid), and
the characters official simplified place names use are left alone."""

from parsing import parse_text
from parsing.text.variants import is_traditional, to_simplified


def test_traditional_text_is_simplified_character_for_character():
    text = "本局主動公開政府信息三十五條"
    assert is_traditional(text)
    assert to_simplified(text) == "本局主动公开政府信息三十五条"
    assert len(to_simplified(text)) == len(text)


def test_simplified_text_is_returned_as_it_is():
    text = "本局主动公开政府信息三十五条"
    assert not is_traditional(text)
    assert to_simplified(text) is text


def test_place_name_characters_are_not_converted():
    assert to_simplified("咸陽市乾縣") == "咸阳市乾县"  # 乾 (乾县) is not turned into 干


def test_simplified_place_names_with_characters_zhconv_would_convert():
    # 乾 is also a traditional form of 干; 乾县 (咸阳市) must not become 干县
    rec = parse_text("咸阳市乾县安监局2016年政府信息公开工作年度报告\n2016年，我局主动公开政府信息57条。").record
    assert (rec.agency, rec.district) == ("咸阳市乾县安全生产监督管理局", "乾县")
