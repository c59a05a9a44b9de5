"""Lesson 1 task: the customer profile form validates entries and builds an exportable table."""

import base64
import datetime as dt

import pandas as pd
import pytest

import coursekit
from coursekit import profile


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()


@pytest.mark.parametrize(
    "field, raw, ok",
    [
        ("age", "34", True),
        ("age", "121", False),
        ("age", "-3", False),
        ("age", "三十", False),
        ("phone", "13812345678", True),
        ("phone", "1381234567", False),
        ("phone", "23812345678", False),
        ("first_purchase", "2024-02-29", True),
        ("first_purchase", "2024-02-30", False),
        ("first_purchase", (dt.date.today() + dt.timedelta(days=2)).isoformat(), False),
        ("budget", "3,000", True),
        ("budget", "1,234,567.5", True),
        ("budget", "3000", True),
        ("budget", "1,2,3", False),
        ("budget", "30,00", False),
        ("budget", ",3000", False),
        ("budget", "-5", False),
        ("budget", "很多", False),
    ],
)
def test_each_entry_is_checked(field, raw, ok):
    _, problems = profile.validate(
        ["name", "gender", "age", field], {"name": "李", "gender": "男", "age": "30", field: raw}
    )
    assert (problems == []) is ok, problems


def test_required_fields_are_always_present_and_required():
    assert profile.check_fields(["city"]) == ["name", "gender", "age", "city"]
    _, problems = profile.validate(["city"], {"city": "青岛"})
    assert len(problems) == 3


def test_unknown_field_is_a_bilingual_error():
    with pytest.raises(coursekit.CourseInputError, match="favourite_colour"):
        profile.check_fields(["favourite_colour"])


def test_form_adds_valid_rows_refuses_invalid_and_exports_csv():
    form = profile.profile_form(["name", "gender", "age", "phone", "customer_type"])
    form.clear()
    add, export = form.add_button, form.export_button
    form.inputs["name"].value = "王芳"
    form.inputs["gender"].value = "female"
    form.inputs["age"].value = "abc"
    add.click()
    assert form.rows == [] and "年龄" in form.message.value
    form.inputs["age"].value = "34"
    form.inputs["phone"].value = "13812345678"
    form.inputs["customer_type"].value = form.inputs["customer_type"].options[1][1]
    add.click()
    assert len(form.rows) == 1 and form.inputs["name"].value == ""  # cleared for the next customer
    table = form.table()
    assert list(table.columns) == ["姓名", "性别", "年龄", "手机号", "客户类型"]
    export.click()
    link = form.link.value
    payload = base64.b64decode(link.split("base64,")[1].split('"')[0])
    assert payload.startswith("\ufeff".encode())  # BOM: Excel opens the Chinese correctly
    assert pd.read_csv(pd.io.common.BytesIO(payload), encoding="utf-8-sig").iloc[0]["姓名"] == "王芳"


HOSTILE = ['<img src=x onerror="alert(1)">', "<script>alert(1)</script>", "x" * 10_000, "😀🎉", "\u202eevil"]


@pytest.mark.parametrize("typed", HOSTILE)
@pytest.mark.parametrize("field", ["age", "phone", "first_purchase", "budget"])
def test_what_a_student_typed_is_shown_escaped(field, typed):
    form = profile.profile_form(["name", "gender", "age", "phone", "first_purchase", "budget"])
    form.inputs[field].value = typed
    form.add_button.click()
    shown = form.message.value
    assert "<img" not in shown and "<script" not in shown and "⚠" in shown
    assert "&lt;" in shown or "<" not in typed


def test_a_typed_superscript_or_full_width_number_is_handled():
    row, problems = profile.validate(["name", "gender", "age"], {"name": "李", "gender": "男", "age": "²"})
    assert problems and row["age"] is None  # "²".isdigit() is True, but it is no age
    row, problems = profile.validate(["name", "gender", "age"], {"name": "李", "gender": "男", "age": "３４"})
    assert problems == [] and row["age"] == 34


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")'])
def test_the_csv_export_neutralises_formulas(cell):
    form = profile.profile_form(["name", "gender", "age", "notes"])
    form.clear()
    form.inputs["name"].value = cell.strip() or cell
    form.inputs["gender"].value = "female"
    form.inputs["age"].value = "30"
    form.inputs["notes"].value = cell
    form.add_button.click()
    form.export_button.click()
    payload = base64.b64decode(form.link.value.split("base64,")[1].split('"')[0]).decode("utf-8-sig")
    for line in payload.splitlines()[1:]:
        for value in line.split(","):
            assert not value.strip('"').startswith(("=", "+", "-", "@", "\t", "\r")), payload
    assert form.rows[0]["notes"] == cell.strip()  # the table itself keeps what was typed (trimmed)


def test_empty_optional_fields_are_empty_cells_not_none():
    form = profile.profile_form(["name", "gender", "age", "city"])
    form.clear()
    form.inputs["name"].value, form.inputs["gender"].value, form.inputs["age"].value = "李", "male", "30"
    form.add_button.click()
    assert form.table().iloc[0].tolist() == ["李", "男", 30, ""]


def test_running_the_cell_again_keeps_the_customers_entered():
    fields = ["name", "gender", "age"]
    form = profile.profile_form(fields)
    form.clear()
    form.inputs["name"].value, form.inputs["gender"].value, form.inputs["age"].value = "李", "male", "30"
    form.add_button.click()
    again = profile.profile_form(fields)  # the cell run again, or Run All
    assert len(again.rows) == 1 and "1" in again.message.value
    again.clear()
    assert profile.profile_form(fields).rows == []


def test_a_field_chosen_twice_is_one_column():
    from coursekit.profile import check_fields

    assert check_fields(["name", "name", "city"]) == ["gender", "age", "name", "city"]


def test_choices_are_stored_as_codes_and_shown_in_the_current_language():
    fields = ["name", "gender", "age", "preferred_contact"]
    form = profile.profile_form(fields)
    form.clear()
    try:
        form.inputs["name"].value, form.inputs["gender"].value, form.inputs["age"].value = "李", "female", "30"
        form.inputs["preferred_contact"].value = "wechat"
        form.add()
        coursekit.i18n.set_language("en")
        form = profile.profile_form(fields)  # the student switched language and ran the cell again
        form.inputs["name"].value, form.inputs["gender"].value, form.inputs["age"].value = "Li", "male", "41"
        form.add()
        assert [row["gender"] for row in form.rows] == ["female", "male"]
        assert form.table()["Gender"].tolist() == ["female", "male"]
        coursekit.i18n.set_language("zh")
        assert form.table()["性别"].tolist() == ["女", "男"]
        assert form.table()[coursekit.text("profile.preferred_contact")].tolist() == ["微信", ""]
    finally:
        coursekit.i18n.set_language("zh")
        form.clear()


@pytest.mark.parametrize("typed, stored", [("女", "female"), ("female", "female"), ("Female", None), ("猫", None)])
def test_a_choice_given_in_code_is_a_code_or_a_label(typed, stored):
    row, problems = profile.validate(["name", "gender", "age"], {"name": "李", "gender": typed, "age": "30"})
    assert row["gender"] == stored
    assert bool(problems) is (stored is None)
    if problems:
        assert "女" in problems[0] and typed in problems[0]


def test_a_whole_budget_is_a_whole_number():
    entry = {"name": "李", "gender": "男", "age": "30"}
    row, _ = profile.validate(["name", "gender", "age", "budget"], {**entry, "budget": "3,000"})
    assert row["budget"] == 3000 and isinstance(row["budget"], int)
    row, _ = profile.validate(["name", "gender", "age", "budget"], {**entry, "budget": "99.5"})
    assert row["budget"] == 99.5
