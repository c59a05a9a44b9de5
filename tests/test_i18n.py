"""The message catalogs: complete in both languages; the engine; localize() for showing tables."""

import ast
import pickle
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

import coursekit
from coursekit import i18n
from coursekit.display import localize
from coursekit.errors import CourseInputError
from coursekit.i18n import LANGUAGES, Arg, Join, LocalizedError, Message, all_entries, text

COURSEKIT = Path(coursekit.__file__).parent
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_every_entry_has_both_languages_and_formats_with_the_same_values():
    # Callers pass one set of values for both languages (a language may leave some out,
    # e.g. 万 for zh and million for en), so each text must format with their union.
    entries = all_entries()
    assert len(entries) > 500
    for key, entry in entries.items():
        assert set(entry) == set(LANGUAGES) and all(isinstance(v, str) and v for v in entry.values()), key
        names = {name for lang in LANGUAGES for name in re.findall(r"{([^{}:!]+)", entry[lang])}
        for lang in LANGUAGES:
            entry[lang].format(**dict.fromkeys(names, 0.5))


def test_catalog_files_are_valid_toml_with_one_table_per_entry():
    for path in (COURSEKIT / "messages").rglob("*.toml"):
        with path.open("rb") as file:
            data = tomllib.load(file)
        assert data, path
        assert all(isinstance(entry, dict) for entry in data.values()), path


def test_every_catalog_belongs_to_a_module_or_is_shared():
    shared = {"columns", "categories", "attributes", "units", "common", "errors", "i18n"}
    for name in i18n.catalog_names():
        module = COURSEKIT.joinpath(*name.split(".")).with_suffix(".py")
        assert name in shared or module.is_file(), f"catalog {name} has no module {module}"


def test_every_literal_key_in_the_code_exists():
    # text("...") / Message("...") / CourseInputError("...") with a literal key: the entry must exist
    keys = []
    for path in COURSEKIT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                called = ("text", "Message", "CourseInputError", "LocalizedError", "slider", "percent_slider", "entry")
                if name in called:
                    if isinstance(node.args[0].value, str) and "." in node.args[0].value:
                        keys.append((path.name, node.args[0].value))
    assert len(keys) > 300
    missing = [(file, key) for file, key in keys if not i18n.has_text(key)]
    assert not missing


def _code_strings(path):
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


# What a Chinese user types, which the readers must understand: not labels, so not in a catalog.
INPUT_PATTERNS = {"data.py": {"DATE_PATTERN"}}


def test_no_chinese_text_in_code_outside_the_catalogs():
    # Docstrings and comments may use Chinese key terms; labels and messages come from catalogs.
    # The quiz and exercise banks are catalogs of questions (both languages side by side, answers computed).
    offenders = []
    for path in COURSEKIT.rglob("*.py"):
        if {"quizbank", "exercisebank"} & set(path.parts):
            continue
        allowed = _constants(path, INPUT_PATTERNS.get(path.name, set()))
        for line, value in _code_strings(path):
            if CJK.search(value) and value not in allowed:
                offenders.append(f"{path.relative_to(COURSEKIT)}:{line}: {value[:40]!r}")
    assert not offenders


def _constants(path, names):
    """The string values assigned to module-level ``names`` in ``path``."""
    values = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in names for t in node.targets):
            values |= {n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant)}
    return values


def test_the_check_finds_chinese_text_in_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""文档可以用中文。"""\nLABEL = "客户"\n', encoding="utf-8")
    assert [value for _, value in _code_strings(module) if CJK.search(value)] == ["客户"]


def test_i18n_imports_nothing_of_coursekit():
    tree = ast.parse((COURSEKIT / "i18n.py").read_text(encoding="utf-8"))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert imported and not [name for name in imported if name.startswith("coursekit") or name == ""]


def test_text_in_both_languages_and_with_fields():
    assert text("common.yes", lang="zh") == "是" and text("common.yes", lang="en") == "yes"
    assert text("guide.demo_year", lang="en", n=3) == "Year 3"


def test_unknown_language_key_and_catalog_are_refused_clearly():
    with pytest.raises(LocalizedError, match="lang") as err:
        text("common.yes", lang="fr")
    assert "zh, en" in err.value.bilingual()
    with pytest.raises(LocalizedError, match="key"):
        text("common.no_such_entry")
    with pytest.raises(LocalizedError, match="key"):
        text("no_such_catalog.entry")
    with pytest.raises(LocalizedError, match="key"):
        text("no_dot_at_all")
    with pytest.raises(LocalizedError, match="lang"):
        i18n.set_language("fr")
    assert i18n.get_language() == "zh"


def test_an_error_renders_in_the_language_current_when_shown():
    err = CourseInputError("errors.range", name="retention", value=1.5, allowed="[0, 1]")
    assert str(err).startswith("参数 retention")
    coursekit.setup(lang="en")
    try:
        assert str(err) == "retention = 1.5 is not allowed; allowed: [0, 1]."
    finally:
        coursekit.setup()
    zh, en = err.bilingual().split(" / ")
    assert zh.startswith("参数") and en.startswith("retention")
    assert err.key == "errors.range" and err.fields["value"] == 1.5


def test_argument_names_can_be_shown_as_labels():
    err = CourseInputError("errors.range", name="retention", value=1.5, allowed="[0, 1]")
    assert isinstance(err.fields["name"], Arg)
    shown = err.render("zh", labels={"retention": "保持率（%/年）"})
    assert shown.startswith("参数 保持率（%/年） = 1.5")


def test_nested_messages_and_joins_follow_the_language():
    message = Message("errors.type", name=Arg("x"), value="a", expected=Message("errors.expect_number"))
    assert "数值" in message.render("zh") and "a number" in message.render("en")
    joined = Join([Message("common.yes"), Message("common.no")])
    assert joined.render("zh") == "是、否" and joined.render("en") == "yes, no"


def test_numpy_values_read_as_plain_numbers_and_long_values_are_cut():
    import numpy as np

    err = CourseInputError("errors.range", name="r", value=np.float64(1.5), allowed="[0, 1]")
    assert "np.float64" not in err.bilingual() and "= 1.5" in str(err)
    huge = CourseInputError("errors.type", name="x", value=list(range(10**6)), expected=Message("errors.expect_number"))
    assert len(str(huge)) < 300 and "…" in str(huge)


def test_an_error_survives_pickling():
    err = CourseInputError("errors.empty", name="transactions")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is CourseInputError and str(again) == str(err)


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


def test_join_shows_numbers_and_catalog_refuses_a_name_that_is_not_text():
    from coursekit.i18n import Join, LocalizedError, catalog

    assert Join([1, "a"]).render("en") == "1, a"
    with pytest.raises(LocalizedError):
        catalog(5)
