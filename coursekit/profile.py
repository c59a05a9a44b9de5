"""The lesson-1 task (任务实施): a customer profile table (客户档案表) built by a form.

A group chooses which fields its profile table has (at least name, gender and
age, as the task asks), enters customers through a form that checks every entry,
and gets a pandas table it can export to CSV for its presentation.

The checking is a pure function, :func:`validate`, so it can be tested and
reused; :func:`profile_form` only wires it to widgets.

>>> validate(["name", "gender", "age"], {"name": "王芳", "gender": "女", "age": "34"})
({'name': '王芳', 'gender': '女', 'age': 34}, [])
>>> validate(["name", "gender", "age"], {"name": "", "gender": "女", "age": "三十"})[1]
['“姓名”必须填写。', '“年龄”应为 0–120 之间的整数，收到的是“三十”。']
"""

import base64
import datetime as dt

from coursekit.display import WithFallback
from coursekit.errors import CourseInputError
from coursekit.i18n import text

CUSTOMER_TYPES = ("retail", "merchant", "distributor", "franchisee", "internal")

# field -> (kind, options); labels come from i18n "profile_<field>", options from i18n keys.
FIELDS = {
    "name": ("text", None),
    "gender": ("choice", ("profile.gender_female", "profile.gender_male", "profile.gender_undisclosed")),
    "age": ("age", None),
    "phone": ("phone", None),
    "customer_type": ("choice", tuple(f"categories.{code}" for code in CUSTOMER_TYPES)),
    "city": ("text", None),
    "first_purchase": ("date", None),
    "products": ("text", None),
    "budget": ("money", None),
    "wanted_benefit": (
        "choice",
        (
            "profile.benefit_price",
            "profile.benefit_quality",
            "profile.benefit_service",
            "profile.benefit_design",
            "profile.benefit_delivery",
        ),
    ),
    "preferred_contact": (
        "choice",
        ("profile.contact_phone", "profile.contact_wechat", "profile.contact_email", "profile.contact_visit"),
    ),
    "notes": ("text", None),
}
REQUIRED = ("name", "gender", "age")  # the task: at least name, gender, age
DEFAULT_FIELDS = (
    "name",
    "gender",
    "age",
    "phone",
    "customer_type",
    "city",
    "first_purchase",
    "products",
    "wanted_benefit",
    "preferred_contact",
)


def check_fields(fields):
    """The chosen fields, in order, with the required ones first if missing."""
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise CourseInputError("profile.unknown_field", value=unknown[0], allowed=", ".join(FIELDS))
    return [*(f for f in REQUIRED if f not in fields), *fields]


def _check_value(field, raw):
    """``(value, problem)`` for one entry; problem is None when the entry is fine."""
    kind, _ = FIELDS[field]
    label = text(f"profile.{field}")
    raw = "" if raw is None else str(raw).strip()
    if raw == "":
        return None, text("profile.required", field=label) if field in REQUIRED else None
    if kind == "age":
        ok = raw.isdigit() and 0 <= int(raw) <= 120
        return (int(raw), None) if ok else (None, text("profile.bad_age", field=label, value=raw))
    if kind == "phone":
        ok = raw.isdigit() and len(raw) == 11 and raw.startswith("1")
        return (raw, None) if ok else (None, text("profile.bad_phone", field=label, value=raw))
    if kind == "date":
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            return None, text("profile.bad_date", field=label, value=raw)
        if day > dt.date.today():
            return None, text("profile.future_date", field=label, value=raw)
        return day, None
    if kind == "money":
        try:
            amount = float(raw.replace(",", ""))
        except ValueError:
            amount = -1.0
        ok = 0 <= amount < float("inf")
        return (amount, None) if ok else (None, text("profile.bad_budget", field=label, value=raw))
    return raw, None  # text, or a choice from a dropdown (always valid)


def validate(fields, values):
    """Check one customer's entries: ``(row, problems)``; the row is usable only when
    ``problems`` is empty. ``values`` maps field -> what was typed or chosen."""
    row, problems = {}, []
    for field in check_fields(fields):
        value, problem = _check_value(field, values.get(field))
        row[field] = value
        if problem:
            problems.append(problem)
    return row, problems


def as_table(rows, fields):
    """The profile table as a DataFrame with headers in the current language."""
    import pandas as pd

    fields = check_fields(fields)
    return pd.DataFrame(rows, columns=fields).rename(columns={f: text(f"profile.{f}") for f in fields})


def csv_download_link(table, filename="customer_profiles.csv"):
    """An HTML download link holding the table as CSV (UTF-8 with BOM, so Excel shows
    Chinese correctly). Nothing is written to disk."""
    data = base64.b64encode(table.to_csv(index=False).encode("utf-8-sig")).decode("ascii")
    label = text("profile.download", file=filename)
    return f'<a download="{filename}" href="data:text/csv;base64,{data}">⬇ {label}</a>'


def profile_form(fields=DEFAULT_FIELDS):
    """The form: one input per field, 添加 and 导出 buttons, the growing table below.

    The form's ``.rows`` (a list of dicts) and ``.table()`` give the data to code."""
    import ipywidgets as widgets

    fields = check_fields(fields)
    inputs = {}
    for field in fields:
        kind, options = FIELDS[field]
        label = text(f"profile.{field}") + (" *" if field in REQUIRED else "")
        common = {"description": label, "style": {"description_width": "9em"}, "layout": {"width": "28em"}}
        if kind == "choice":
            inputs[field] = widgets.Dropdown(options=[("", "")] + [(text(k), text(k)) for k in options], **common)
        else:
            inputs[field] = widgets.Text(**common)
    add, export = (
        widgets.Button(description=text("profile.add"), button_style="primary"),
        widgets.Button(description=text("profile.export")),
    )
    message, table_view, link = widgets.HTML(), widgets.Output(), widgets.HTML()
    box = widgets.VBox([*inputs.values(), widgets.HBox([add, export]), message, table_view, link])
    box.rows = []
    box.table = lambda: as_table(box.rows, fields)

    def on_add(_):
        row, problems = validate(fields, {f: w.value for f, w in inputs.items()})
        if problems:
            message.value = "<br>".join(f"⚠ {p}" for p in problems)
            return
        box.rows.append(row)
        message.value = text("profile.added", n=len(box.rows))
        for w in inputs.values():
            w.value = ""
        table_view.clear_output()
        with table_view:
            from IPython.display import display

            display(box.table())

    def on_export(_):
        link.value = csv_download_link(box.table())

    add.on_click(on_add)
    export.on_click(on_export)
    box.inputs = inputs
    header = "".join(f"<th>{text(f'profile.{f}')}</th>" for f in fields)
    return WithFallback(box, f"<table><tr>{header}</tr><tr>{'<td>&nbsp;</td>' * len(fields)}</tr></table>")
