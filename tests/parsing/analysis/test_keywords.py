"""parsing/analysis/keywords.py: content words of the problems and measures parts (jieba with the domain
dictionary, no stopwords or single characters), and every sentence that holds a term."""

from parsing.analysis.keywords import Context, keyword_in_context, terms


def test_terms_are_content_words_of_two_characters_or_more():
    assert terms("一是信息更新不够及时，部分栏目长期未更新。") == ["更新", "不够", "栏目", "长期", "更新"]
    assert terms("") == []


def test_keyword_in_context_gives_each_sentence_with_the_terms_place():
    passages = {"a": "信息更新不够及时。二是人员不足。", "b": "及时更新网站。"}
    assert list(keyword_in_context("更新", passages)) == [
        Context("a", "信息更新不够及时。", 2, 4), Context("b", "及时更新网站。", 2, 4)]
    assert list(keyword_in_context("", passages)) == []
