"""Text analysis over problems and measures: jieba keywords and KWIC, themes and repeated text."""
