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
    add, export = form.children[len(form.inputs)].children
    form.inputs["name"].value = "王芳"
    form.inputs["gender"].value = "女"
    form.inputs["age"].value = "abc"
    add.click()
    assert form.rows == [] and "年龄" in form.children[-3].value
    form.inputs["age"].value = "34"
    form.inputs["phone"].value = "13812345678"
    form.inputs["customer_type"].value = form.inputs["customer_type"].options[1][1]
    add.click()
    assert len(form.rows) == 1 and form.inputs["name"].value == ""  # cleared for the next customer
    table = form.table()
    assert list(table.columns) == ["姓名", "性别", "年龄", "手机号", "客户类型"]
    export.click()
    link = form.children[-1].value
    payload = base64.b64decode(link.split("base64,")[1].split('"')[0])
    assert payload.startswith("\ufeff".encode())  # BOM: Excel opens the Chinese correctly
    assert pd.read_csv(pd.io.common.BytesIO(payload), encoding="utf-8-sig").iloc[0]["姓名"] == "王芳"
