"""The one table of labels: complete in both languages, and localize() for showing tables."""

import re

import pandas as pd
import pytest

import coursekit
from coursekit.errors import CourseInputError
from coursekit.i18n import LANGUAGES, TEXT, localize, text


def test_every_entry_has_both_languages_and_formats_with_the_same_values():
    # Callers pass one set of values for both languages (a language may leave some out,
    # e.g. 万 for zh and million for en), so each text must format with their union.
    for key, entry in TEXT.items():
        assert set(entry) == set(LANGUAGES) and all(entry.values()), key
        names = {name for lang in LANGUAGES for name in re.findall(r"{(\w+)", entry[lang])}
        for lang in LANGUAGES:
            entry[lang].format(**dict.fromkeys(names, 0.5))


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        text("yes", lang="fr")


def test_localize_shows_labels_and_keeps_numbers():
    table = pd.DataFrame(
        {
            "customer_type": pd.Categorical(["retail", "merchant"]),
            "worst_outcome": ["no_case", "unresolved"],
            "retention": [0.8, 0.9],
            "lapsed": [True, False],
            "mystery": ["x", "y"],
        }
    )
    shown = localize(table)
    assert shown.columns.tolist() == ["客户类型", "服务记录中最差的处理结果", "客户保持率", "次年没有再买", "mystery"]
    assert shown["客户类型"].tolist() == ["零售客户", "商家"]
    assert shown["服务记录中最差的处理结果"].tolist() == ["没有服务记录", "未解决"]
    assert shown["次年没有再买"].tolist() == ["是", "否"]
    assert shown["客户保持率"].tolist() == [0.8, 0.9] and shown["mystery"].tolist() == ["x", "y"]
    assert table.columns[0] == "customer_type"  # the input is not changed


def test_localize_follows_the_language():
    coursekit.setup(lang="en")
    try:
        shown = localize(pd.DataFrame({"worst_outcome": ["no_case"], "lapse_rate": [0.2]}))
        assert shown.columns.tolist() == ["Worst outcome of their service cases", "Share not buying next year"]
        assert shown.iloc[0, 0] == "No service case"
    finally:
        coursekit.setup()


def test_localize_rejects_a_non_table():
    with pytest.raises(CourseInputError, match="table"):
        localize([1, 2, 3])
