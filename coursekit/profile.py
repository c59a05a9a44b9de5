"""The lesson-1 task (任务实施): a customer profile table (客户档案表) built by a form.

A group chooses which fields its profile table has (at least name, gender and
age, as the task asks), enters customers through a form that checks every entry,
and gets a pandas table it can export to CSV for its presentation.

The checking is a pure function, :func:`validate`, so it can be tested and
reused; :class:`ProfileForm` only wires it to widgets (:func:`profile_form` makes one).
Whatever a student types is shown escaped (it cannot run as HTML or script), and the CSV
export neutralises cells Excel would run as a formula. A dropdown's choice is kept as a code
(``"female"``) and shown in the current language (女 / female), so a table stays in one language.

>>> validate(["name", "gender", "age"], {"name": "王芳", "gender": "女", "age": "34"})
({'name': '王芳', 'gender': 'female', 'age': 34}, [])
>>> validate(["name", "gender", "age"], {"name": "", "gender": "女", "age": "三十"})[1]
['“姓名”必须填写。', '“年龄”应为 0–120 之间的整数，收到的是“三十”。']
"""

import base64
import datetime as dt
import html
import re

from coursekit.data import CUSTOMER_TYPES
from coursekit.display import WithFallback
from coursekit.errors import CourseInputError, check_choice
from coursekit.i18n import LANGUAGES, Join, Message, text

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
# Full-width digits and signs, as a Chinese input method types them, read as their ASCII twins.
FULL_WIDTH = {0xFF10 + i: ord("0") + i for i in range(10)} | {0xFF0C: ord(","), 0xFF0E: ord("."), 0xFF0D: ord("-")}
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
    """The chosen fields, in order, with the required ones first if missing.

    Parameters:
        fields: a list or tuple of field names, each a key of FIELDS: name, gender, age, phone, customer_type,
            city, first_purchase, products, budget, wanted_benefit, preferred_contact, notes.
    """
    if not isinstance(fields, (list, tuple)):
        raise CourseInputError("errors.type", name="fields", value=fields, expected=Message("profile.expect_fields"))
    unknown = [f for f in fields if not isinstance(f, str) or f not in FIELDS]
    if unknown:
        raise CourseInputError("profile.unknown_field", name="fields", value=unknown[0], allowed=Join(FIELDS))
    return list(dict.fromkeys([*(f for f in REQUIRED if f not in fields), *fields]))  # each field once


THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")  # commas only between groups of three digits


def choice_code(key):
    """The code a dropdown choice is stored as: ``"profile.gender_female"`` → ``"female"``,
    ``"categories.retail"`` → ``"retail"``. The table shows its label in the current language, so a
    table started in Chinese and finished in English has one language.

    Parameters:
        key: the choice's catalog key, text, as in :data:`FIELDS`.

    >>> choice_code("profile.contact_wechat"), choice_code("categories.retail")
    ('wechat', 'retail')
    """
    if not isinstance(key, str) or "." not in key:
        raise CourseInputError("errors.type", name="key", value=key, expected=Message("profile.expect_choice_key"))
    name = key.rpartition(".")[2]
    return name.partition("_")[2] if key.startswith("profile.") else name


def choice_label(field, code):
    """The label of a stored choice ``code`` of ``field`` in the current language (a code it does not
    know is returned as it is: it is shown, never lost).

    Parameters:
        field: a choice field of :data:`FIELDS` (gender, customer_type, wanted_benefit, preferred_contact).
        code: the stored code, text, as :func:`choice_code` makes it.

    >>> choice_label("gender", "female")
    '女'
    """
    check_choice("field", field, [f for f, (kind, _) in FIELDS.items() if kind == "choice"])
    if not isinstance(code, str):
        raise CourseInputError("errors.type", name="code", value=code, expected=Message("errors.expect_text"))
    return next((text(key) for key in FIELDS[field][1] if choice_code(key) == code), code)


def _check_value(field, raw):
    """``(value, problem)`` for one entry; problem is None when the entry is fine."""
    kind, options = FIELDS[field]
    label = text(f"profile.{field}")
    raw = "" if raw is None else str(raw).strip()
    if raw == "":
        return None, text("profile.required", field=label) if field in REQUIRED else None
    digits = raw.translate(FULL_WIDTH)  # full-width ３４ reads as 34 (but "²" stays no digit)
    if kind == "age":
        ok = digits.isascii() and digits.isdigit() and 0 <= int(digits) <= 120  # "²" is a digit, not a number
        raw = digits if ok else raw
        return (int(raw), None) if ok else (None, text("profile.bad_age", field=label, value=raw))
    if kind == "phone":
        ok = digits.isascii() and digits.isdigit() and len(digits) == 11 and digits.startswith("1")
        return (digits, None) if ok else (None, text("profile.bad_phone", field=label, value=raw))
    if kind == "date":
        try:
            day = dt.date.fromisoformat(digits)
        except ValueError:
            return None, text("profile.bad_date", field=label, value=raw)
        if day > dt.date.today():
            return None, text("profile.future_date", field=label, value=raw)
        return day, None
    if kind == "money":
        grouped = THOUSANDS.fullmatch(digits)  # "3,000" and "1,234.5" are numbers; "1,2,3" is not
        try:
            amount = float(digits.replace(",", "") if grouped else digits)
        except ValueError:
            amount = -1.0
        ok = 0 <= amount < float("inf")
        amount = int(amount) if ok and amount.is_integer() else amount  # 3,000 shows as 3000, not 3000.0
        return (amount, None) if ok else (None, text("profile.bad_budget", field=label, value=raw))
    if kind == "choice":  # a code ("female"), or its label in either language ("女", "female")
        by_label = {text(key, lang=lang): choice_code(key) for key in options for lang in LANGUAGES}
        codes = {choice_code(key) for key in options}
        if raw in codes or raw in by_label:
            return (raw if raw in codes else by_label[raw]), None
        return None, text("profile.bad_choice", field=label, value=raw, allowed=Join([text(key) for key in options]))
    return raw, None  # text


def validate(fields, values):
    """Check one customer's entries: ``(row, problems)``; the row is usable only when
    ``problems`` is empty. ``values`` maps field -> what was typed or chosen.

    Parameters:
        fields: the form's field names (see :func:`check_fields`).
        values: a dict field → what was typed or chosen (text, a number or None); a missing field or None
            counts as empty. Checked: age a whole number 0–120, phone 11 digits starting with 1, first_purchase
            an ISO date (2024-03-15) not in the future, budget a number ≥ 0.
    """
    fields = check_fields(fields)
    if not isinstance(values, dict):
        raise CourseInputError("errors.type", name="values", value=values, expected=Message("profile.expect_values"))
    row, problems = {}, []
    for field in fields:
        value, problem = _check_value(field, values.get(field))
        row[field] = value
        if problem:
            problems.append(problem)
    return row, problems


def as_table(rows, fields):
    """The profile table as a DataFrame with headers in the current language (an empty optional
    field is an empty cell, not "None").

    Parameters:
        rows: a list of dicts field → checked value, one per customer (as :func:`validate` returns them).
        fields: the field names, in the order of the columns (see :func:`check_fields`).
    """
    import pandas as pd

    fields = check_fields(fields)
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise CourseInputError("errors.type", name="rows", value=rows, expected=Message("profile.expect_rows"))
    table = pd.DataFrame(rows, columns=fields).astype(object).where(lambda t: t.notna(), "")
    for field in fields:
        if FIELDS[field][0] == "choice":
            table[field] = [choice_label(field, code) if code != "" else "" for code in table[field]]
    return table.rename(columns={f: text(f"profile.{f}") for f in fields})


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a cell Excel or LibreOffice would run as a formula


def safe_for_spreadsheet(value):
    """A cell value made safe to open in a spreadsheet: text starting with ``= + - @``, a tab or
    a carriage return gets a leading apostrophe, so Excel shows it instead of running it as a
    formula (CSV injection; OWASP "CSV Injection" guidance). Numbers and dates stay as they are.

    Parameters:
        value: one cell, any value: text is made safe, anything else (a number, a date, None) is returned as it is.

    >>> safe_for_spreadsheet("=1+1"), safe_for_spreadsheet("王芳"), safe_for_spreadsheet(-5)
    ("'=1+1", '王芳', -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_download_link(table, filename="customer_profiles.csv"):
    """An HTML download link holding the table as CSV (UTF-8 with BOM, so Excel shows Chinese
    correctly; every text cell made safe by :func:`safe_for_spreadsheet`). Nothing is written
    to disk, and the table itself is not changed.

    Parameters:
        table: a pandas DataFrame (as :func:`as_table` returns it); it is not changed.
        filename: the name the browser saves the file under, text.
    """
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        expected = Message("errors.expect_dataframe")
        raise CourseInputError("errors.type", name="table", value=type(table).__name__, expected=expected)
    if not isinstance(filename, str) or not filename.strip():
        expected = Message("profile.expect_filename")
        raise CourseInputError("errors.type", name="filename", value=filename, expected=expected)
    safe = table.map(safe_for_spreadsheet).rename(columns=safe_for_spreadsheet)
    data = base64.b64encode(safe.to_csv(index=False).encode("utf-8-sig")).decode("ascii")
    label = html.escape(text("profile.download", file=filename))
    return f'<a download="{html.escape(filename)}" href="data:text/csv;base64,{data}">⬇ {label}</a>'


# The customers each form has collected, by its fields: running the form's cell again (or Run
# All) gives a form that still holds them. They live as long as the kernel; nothing is saved.
_collected = {}


class ProfileForm:
    """The form: one input per field, 添加 and 导出 buttons, the growing table below.

    ``.rows`` (a list of dicts, one per customer) and ``.table()`` give the data to code;
    ``.inputs`` are the input widgets by field, ``.add_button`` / ``.export_button`` the buttons,
    ``.message`` the notice (what is wrong with an entry) and ``.link`` the download link.
    A new form with the same fields continues the same list of customers (re-running the cell
    does not lose them); ``.clear()`` empties it.

    Parameters:
        fields: the field names of the form (see :func:`check_fields`); name, gender and age are always in it.
    """

    def __init__(self, fields=DEFAULT_FIELDS):
        import ipywidgets as widgets

        self.fields = check_fields(fields)
        self.rows = _collected.setdefault(tuple(self.fields), [])
        self.inputs = {}
        for field in self.fields:
            kind, options = FIELDS[field]
            label = text(f"profile.{field}") + (" *" if field in REQUIRED else "")
            common = {"description": label, "style": {"description_width": "9em"}, "layout": {"width": "28em"}}
            if kind == "choice":
                self.inputs[field] = widgets.Dropdown(
                    options=[("", "")] + [(text(k), choice_code(k)) for k in options], **common
                )
            else:
                self.inputs[field] = widgets.Text(**common)
        self.add_button = widgets.Button(description=text("profile.add"), button_style="primary")
        self.export_button = widgets.Button(description=text("profile.export"))
        self.message, self.table_view, self.link = widgets.HTML(), widgets.Output(), widgets.HTML()
        self.add_button.on_click(lambda _: self.add())
        self.export_button.on_click(lambda _: self.export())
        buttons = widgets.HBox([self.add_button, self.export_button])
        self.widget = widgets.VBox([*self.inputs.values(), buttons, self.message, self.table_view, self.link])
        if self.rows:
            self.message.value = html.escape(text("profile.kept", n=len(self.rows)))
            self._show_table()

    def table(self):
        """The customers entered so far, as a pandas table with headers in the current language."""
        return as_table(self.rows, self.fields)

    def add(self):
        """Check the entries; add the customer and clear the inputs, or say what is wrong."""
        row, problems = validate(self.fields, {f: w.value for f, w in self.inputs.items()})
        if problems:
            # a long entry repeated in a problem, with no space in it, wraps instead of running off the form
            lines = "<br>".join(f"⚠ {html.escape(problem)}" for problem in problems)
            self.message.value = f'<div style="overflow-wrap: anywhere">{lines}</div>'
            return
        self.rows.append(row)
        self.message.value = html.escape(text("profile.added", n=len(self.rows)))
        for widget in self.inputs.values():
            widget.value = ""
        self._show_table()

    def export(self):
        """Put a download link for the table (as CSV for Excel) under the form."""
        self.link.value = csv_download_link(self.table())

    def clear(self):
        """Forget every customer entered with these fields."""
        self.rows.clear()
        self.message.value = ""
        self.table_view.clear_output()

    def _show_table(self):
        from IPython.display import display

        self.table_view.clear_output()
        with self.table_view:
            display(self.table())

    def _repr_mimebundle_(self, **kwargs):
        header = "".join(f"<th>{html.escape(text(f'profile.{f}'))}</th>" for f in self.fields)
        fallback = f"<table><tr>{header}</tr><tr>{'<td>&nbsp;</td>' * len(self.fields)}</tr></table>"
        return WithFallback(self.widget, fallback)._repr_mimebundle_(**kwargs)


def profile_form(fields=DEFAULT_FIELDS):
    """A :class:`ProfileForm` with ``fields`` (at least name, gender and age are always in it);
    make it the last line of a cell to show it.

    Parameters:
        fields: the field names of the form (see :func:`check_fields`); name, gender and age are always in it.
    """
    return ProfileForm(fields)
