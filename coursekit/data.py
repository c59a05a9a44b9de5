"""The course datasets, their schemas, and a reader for your own CSV files.

All five tables describe Haichuan Appliances (海川电器), a fictional Chinese
home-appliance maker; the data are synthetic (tools/make_datasets.py, fixed
seed) and every table has a data card in datasets/README.md.

``SCHEMAS`` is the single source of truth for the tables: for every column its
kind, unit, allowed values or range, and meaning. The loaders, the data cards
and the tests all follow it.

>>> available()
['customers', 'transactions', 'service_cases', 'call_center', 'survey']
>>> customers()["customer_type"].value_counts().to_dict()
{'retail': 1400, 'merchant': 340, 'franchisee': 140, 'distributor': 80, 'internal': 40}
"""

import codecs
import importlib.util
import io
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from coursekit.errors import CourseInputError, check_choice, interval_text
from coursekit.i18n import Join, Message, catalog, has_text, text

KINDS = ("text", "category", "int", "float", "date")


@dataclass(frozen=True)
class Column:
    """One column of a table. ``kind`` is one of KINDS; ``allowed`` lists the
    category codes; ``low``/``high`` bound numbers; ``required`` means
    read_customer_csv needs the column; ``blank`` means cells may be empty;
    ``alias`` adds header names accepted besides the column name and its
    Chinese and English labels (i18n ``col_<name>``); ``unique`` makes it a key column.

    Parameters:
        kind: one of ``"text"``, ``"category"``, ``"int"``, ``"float"``, ``"date"``.
        meaning: what the column holds, in English (for the data card).
        unit: its unit, e.g. ``"yuan"`` or ``"1-5"``; empty when none.
        allowed: the category codes a ``"category"`` column may hold.
        low, high: bounds of a number column (None: unbounded).
        required: True when :func:`read_customer_csv` needs the column in the file.
        blank: True when cells may be empty.
        alias: extra header names accepted for the column.
        unique: True when no two rows may hold the same value (a key such as customers.customer_id).
    """

    kind: str
    meaning: str = ""
    unit: str = ""
    allowed: tuple = ()
    low: float | None = None
    high: float | None = None
    required: bool = False
    blank: bool = False
    alias: tuple = ()
    unique: bool = False


# Category codes (labels: i18n "cat_<code>")
CUSTOMER_TYPES = ("retail", "merchant", "distributor", "franchisee", "internal")
REGIONS = ("north", "east", "south", "central", "west", "northeast")
PRODUCTS = ("washer", "fridge", "aircon", "tv", "small_appliance")
ACQUISITION_CHANNELS = ("store", "online", "referral", "trade_fair", "sales_visit", "head_office")
CONTACTS = ("phone", "wechat", "sms", "email", "visit")
GENDERS = ("female", "male")
CASE_CHANNELS = ("phone", "letter", "in_person", "online", "media", "legal")
CASE_CATEGORIES = (
    "product_quality",
    "installation",
    "delivery",
    "repair",
    "staff_attitude",
    "waiting_time",
    "price_billing",
)
RESOLUTIONS = ("resolved", "partial", "unresolved")
CASE_NOTES = ("washing_vegetables",)
# The five attributes customers judge an offer by (course seed): lessons 1 and 4, the survey
ATTRIBUTES = ("service", "appearance", "image", "cost", "delivery")

MONEY = dict(unit="yuan", low=0)

SCHEMAS = {
    "customers": {
        "customer_id": Column("text", "customer number, C00001 = the longest-standing", required=True, unique=True),
        "customer_type": Column("category", "kind of customer", allowed=CUSTOMER_TYPES, required=True),
        "region": Column("category", "sales region", allowed=REGIONS),
        "city_tier": Column("int", "city tier, 1 = largest cities", low=1, high=4),
        "join_date": Column("date", "first purchase (retail) or contract start (business customers)"),
        "acquisition_channel": Column("category", "how the customer was won", allowed=ACQUISITION_CHANNELS),
        "acquisition_cost": Column("float", "one-off cost of winning the customer", **MONEY),
        "age": Column("int", "age in 2025; retail customers only", unit="years", low=18, high=90, blank=True),
        "gender": Column("category", "retail customers only", allowed=GENDERS, blank=True),
        "preferred_contact": Column("category", "how the customer likes to be contacted", allowed=CONTACTS),
        "service_cost": Column("float", "cost to serve in 2023-2025 in total (accounts, orders, cases)", **MONEY),
    },
    "transactions": {
        "transaction_id": Column("text", "order number, in date order", required=True),
        "customer_id": Column("text", "who bought (customers.customer_id)", required=True),
        "date": Column("date", "order date, 2023-01-01 to 2025-12-31", required=True),
        "product": Column("category", "product line", allowed=PRODUCTS),
        "quantity": Column("int", "units in the order", unit="units", low=1),
        "revenue": Column("float", "net sales of the order", required=True, **MONEY),
        "gross_margin": Column("float", "revenue minus cost of goods", unit="yuan"),
    },
    "service_cases": {
        "case_id": Column("text", "service case number, in date order", required=True),
        "customer_id": Column("text", "who raised the case (customers.customer_id)", required=True),
        "opened": Column("date", "date the case was opened, 2023-01-01 to 2024-12-31", required=True),
        "product": Column("category", "product the case is about", allowed=PRODUCTS),
        "channel": Column("category", "how the case reached us", allowed=CASE_CHANNELS),
        "category": Column("category", "what the case is about", allowed=CASE_CATEGORIES),
        "response_hours": Column("float", "hours until the first real response", unit="hours", low=0),
        "resolution": Column("category", "outcome in the customer's eyes", allowed=RESOLUTIONS),
        "compensation_yuan": Column("float", "money or vouchers given", **MONEY),
        "satisfaction_before": Column("int", "satisfaction when the case was opened", unit="1-5", low=1, high=5),
        "satisfaction_after": Column("int", "satisfaction after the case was closed", unit="1-5", low=1, high=5),
        "repurchased_12m": Column("int", "1 = bought again within 365 days after opened", unit="0/1", low=0, high=1),
        "note": Column("category", "special story behind the case; mostly blank", allowed=CASE_NOTES, blank=True),
    },
    "call_center": {
        "call_id": Column("text", "call number, in time order", required=True),
        "date": Column("date", "day of the call, 2025-10-01 to 2025-12-31", required=True),
        "hour": Column("int", "hour the call came in (8 = 8:00-8:59)", unit="hour", low=8, high=20),
        "wait_seconds": Column("int", "time in the queue (until answered or hung up)", unit="s", low=0),
        "handle_seconds": Column("int", "talk time; 0 if abandoned", unit="s", low=0),
        "abandoned": Column("int", "1 = caller hung up before an agent answered", unit="0/1", low=0, high=1),
        "agent_id": Column("int", "agent's staff number; blank if abandoned", low=1, blank=True),
        "satisfaction": Column("int", "post-call rating; blank if abandoned", unit="1-5", low=1, high=5, blank=True),
    },
    "survey": {
        "respondent_id": Column("text", "questionnaire number", required=True),
        "customer_id": Column("text", "who answered (customers.customer_id)", required=True),
        **{
            f"{side}_{attr}": Column(
                "int", f"{attr}: {meaning} (1 = very poor, 7 = excellent)", unit="1-7", low=1, high=7
            )
            for attr in ATTRIBUTES
            for side, meaning in (("expectation", "what the customer expected"), ("performance", "what they got"))
        },
        "overall_satisfaction": Column("int", "1 = very dissatisfied, 7 = very satisfied", unit="1-7", low=1, high=7),
        "would_repurchase": Column("int", "1 = certainly not, 7 = certainly", unit="1-7", low=1, high=7),
        "would_recommend": Column("int", "likelihood to recommend (NPS question)", unit="0-10", low=0, high=10),
    },
}
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030")
MAX_SHOWN = 10  # bad cells (or repeated keys) listed in one error message
SHOWN_CHARS = 40  # characters of a cell an error message repeats

# Excel on Windows saves "CSV" in the code page of the system: GBK on simplified-Chinese
# Windows, these on traditional-Chinese, Japanese and Korean Windows.
OTHER_CODE_PAGES = {"cp950": "Big5", "cp932": "Shift-JIS", "cp949": "EUC-KR"}
# The common characters of a code page, as its bytes: GB2312 symbols and hanzi; Big5 symbols
# and level-1 hanzi; JIS symbols, kana and level-1 kanji; KS X 1001 symbols and Hangul.
COMMON = {
    "gbk": re.compile(rb"[\xa1-\xa3\xb0-\xf7][\xa1-\xfe]"),
    "cp950": re.compile(rb"[\xa1-\xc5][\x40-\x7e\xa1-\xfe]|\xc6[\x40-\x7e]"),
    "cp932": re.compile(rb"[\x81-\x97][\x40-\x7e\x80-\xfc]|\x98[\x40-\x72]"),
    "cp949": re.compile(rb"[\xa1-\xac\xb0-\xc8][\xa1-\xfe]"),
}
# A reading in a code page is judged by the common characters of its language:
# Chinese (simplified or traditional: GB2312 or Big5 level 1), Japanese, Korean.
LANGUAGE = {"gbk": ("gbk", "cp950"), "cp950": ("gbk", "cp950"), "cp932": ("cp932",), "cp949": ("cp949",)}
# Invisible characters pasted from web pages and chat apps: soft hyphen, zero-width
# spaces and joiners, direction marks, word joiner, byte order mark. Removed everywhere.
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def available():
    """The names of the course tables, in lesson order.

    Formula: none (lists SCHEMAS). Source: course convention.

    >>> "customers" in available()
    True
    """
    return list(SCHEMAS)


def load(name):
    """The course table ``name`` as a fresh DataFrame: dates as datetime64,
    category codes as pandas Categorical, whole numbers as int64 (Int64 where
    cells may be blank), money and hours as float64.

    Formula: none (reads datasets/<name>.csv). Source: synthetic data of the
    fictional Haichuan Appliances, made by tools/make_datasets.py (course convention).

    Parameters:
        name: one of the course tables of :func:`available`: ``"customers"``, ``"transactions"``,
            ``"service_cases"``, ``"call_center"``, ``"survey"``.

    >>> load("transactions").dtypes["date"]
    dtype('<M8[us]')
    """
    check_choice("name", name, available())
    return _load_cached(name).copy()


@cache
def _load_cached(name):
    """The course table read straight into the types of its schema.

    The course files are made by tools/make_datasets.py and the tests read each one
    with the checking reader (read_customer_csv) and compare, so here they skip the
    cell-by-cell checks a user's file gets: about ten times faster (bench/README.md).
    A blank is a missing value only in the columns that allow blanks."""
    schema = SCHEMAS[name]
    dtypes = {column: _pandas_type(col) for column, col in schema.items() if col.kind != "date"}
    dates = [column for column, col in schema.items() if col.kind == "date"]
    blanks = {column: [""] for column, col in schema.items() if col.blank}
    with course_file(f"{name}.csv").open(encoding="utf-8") as file:
        return pd.read_csv(
            file, dtype=dtypes, parse_dates=dates, date_format="%Y-%m-%d", keep_default_na=False, na_values=blanks
        )


def course_file(name):
    """The path of one of the course's data files (``"customers.csv"``, ``"README.md"``), in the
    installed package ``coursekit.datasets``. The package is found, not imported: importing it
    would write ``datasets/__pycache__/``, and the data folder is never written to.

    Parameters:
        name: a file name of the course data: one of :func:`available` plus ``".csv"``, ``"README.md"`` or
            ``"MANIFEST.json"``.

    >>> course_file("customers.csv").name
    'customers.csv'
    """
    allowed = [f"{table}.csv" for table in SCHEMAS] + ["README.md", "MANIFEST.json"]
    check_choice("name", name, allowed)
    spec = importlib.util.find_spec("coursekit.datasets")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _pandas_type(col):
    """The pandas type of a column of kind text, category, int or float (``load`` and ``_parse`` use it)."""
    if col.kind == "category":
        return pd.CategoricalDtype(col.allowed)
    if col.kind == "int":
        return "Int64" if col.blank else "int64"  # Int64: whole numbers with missing values
    return {"text": "str", "float": "float64"}[col.kind]


def customers():
    """The customer file (客户档案, lessons 1-2), one row per customer: ``load("customers")``.

    Formula: none. Source: synthetic data (course convention), see datasets/README.md.

    >>> customers().shape
    (2000, 11)
    """
    return load("customers")


def transactions():
    """Every order of 2023-2025 (交易记录, lessons 2-3): ``load("transactions")``.

    Formula: none. Source: synthetic data (course convention), see datasets/README.md.

    >>> transactions()["revenue"].min() > 0
    np.True_
    """
    return load("transactions")


def service_cases():
    """Service and complaint cases of 2023-2024 (服务与投诉记录, lesson 4): ``load("service_cases")``.

    Formula: none. Source: synthetic data (course convention), see datasets/README.md.

    >>> sorted(service_cases()["resolution"].cat.categories)
    ['partial', 'resolved', 'unresolved']
    """
    return load("service_cases")


def call_center():
    """Customer hotline calls, October-December 2025 (呼叫中心, lesson 4): ``load("call_center")``.

    Formula: none. Source: synthetic data (course convention), see datasets/README.md.

    >>> call_center()["hour"].between(8, 20).all()
    np.True_
    """
    return load("call_center")


def survey():
    """A satisfaction survey, expectation vs performance (满意度调查, lesson 4): ``load("survey")``.

    Formula: none. Source: synthetic data (course convention), see datasets/README.md.

    >>> survey()["would_recommend"].max()
    np.int64(10)
    """
    return load("survey")


def read_customer_csv(path, table="customers", required=None):
    """Read your own CSV file (for example exported from Excel) into a checked DataFrame.

    - encoding: the first of UTF-8, UTF-8 with BOM, GBK, GB18030 that decodes the
      whole file without error (stored in ``df.attrs["encoding"]``; None for an open
      text file); a file that reads more plausibly as Big5, Shift-JIS or EUC-KR is refused;
    - layout: blank lines above the header and Excel's ``sep=;`` first line are skipped;
    - headers: a column's English name or its Chinese label (客户编号 → customer_id);
      invisible characters (zero-width spaces, BOMs) are removed from headers and cells;
    - cells: numbers may have thousands separators ("1,234.5") and must be finite, dates may be
      2024-03-05, 2024/3/5 or 2024年3月5日, categories the code or its label (零售客户 → retail);
      a key column (customers.customer_id) must not repeat a value.

    ``table`` names a course schema (see ``available()``) or is your own schema, a dict
    ``{column: Column(...)}``; ``required`` lists the columns the file must have
    (default: the schema's required columns). Every problem is reported at once, with
    the row number as Excel shows it (header = row 1). The file is only read, never changed.

    Formula: none. Source: course convention (GBK/GB18030: the encodings Excel uses on
    Chinese Windows; GB 18030-2005, the Chinese national character set standard).

    Parameters:
        path: the CSV file: a path (text, bytes or ``pathlib.Path``) of an existing file, or an
            open file (binary or text) to read from; it is only read, and an open file is not closed.
        table: the name of a course table (see :func:`available`) or your own schema, a dict column → ``Column``.
        required: None (the schema's required columns), one column name, or a list of column names of the schema.

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "mine.csv"
    ...     _ = path.write_bytes("客户编号,客户类型\\nC1,零售客户\\n".encode("gbk"))
    ...     df = read_customer_csv(path)
    >>> df["customer_type"].tolist(), df.attrs["encoding"]
    (['retail'], 'gbk')
    """
    schema = _check_schema(table)
    if required is not None and not isinstance(required, (list, tuple)):
        required = [required]  # one column name
    required = [name for name, col in schema.items() if col.required] if required is None else list(required)
    for name in required:
        check_choice("required", name, list(schema))
    data, file = _read(path)
    text, encoding = (data, None) if isinstance(data, str) else _decode(data, file)
    frame = _table_from_text(text, schema, required, file)
    frame.attrs["encoding"] = encoding
    return frame


def _read(path):
    """(the bytes, or text, of the CSV file ``path``, its name for messages). Only reads."""
    if hasattr(path, "read"):  # an open file: read from where it is, not closed
        name = getattr(path, "name", None)
        file = Path(name).name if isinstance(name, str) else Message("data.file_object")
        try:
            data = path.read()
        except UnicodeDecodeError:  # opened as text with the wrong encoding
            raise CourseInputError("data.encoding", file=file, encodings=", ".join(ENCODINGS)) from None
        if not isinstance(data, (bytes, str)):
            raise CourseInputError("errors.type", name="path", value=data, expected=Message("data.expect_path"))
        return data, file
    if not isinstance(path, (str, bytes, os.PathLike)) or not os.fsdecode(path).strip():
        raise CourseInputError("errors.type", name="path", value=path, expected=Message("data.expect_path"))
    path = Path(os.fsdecode(path))
    if not path.is_file():
        raise CourseInputError("data.no_file", name="path", path=str(path))
    return path.read_bytes(), path.name


def _check_schema(table):
    if isinstance(table, dict) and table and all(isinstance(col, Column) for col in table.values()):
        for name, col in table.items():
            check_choice(f"{name}.kind", col.kind, KINDS)
        return table
    if isinstance(table, str):
        return SCHEMAS[check_choice("table", table, available())]
    raise CourseInputError("errors.type", name="table", value=table, expected=Message("data.expect_schema"))


def _decode(data, file):
    """The text of ``data`` and the first of ENCODINGS that decodes it strictly."""
    if b"\x00" not in data:  # NUL bytes: a binary file (e.g. .xlsx) or UTF-16, not a CSV text
        for encoding in ENCODINGS:
            if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
                continue  # a byte order mark means utf-8-sig
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            other = _other_reading(data, text) if encoding in ("gbk", "gb18030") else None
            if other:  # never mojibake: refuse rather than guess
                guess, other_text = other
                raise CourseInputError(
                    "data.other_encoding", file=file, guess=guess, gbk=_sample(text), other=_sample(other_text)
                )
            return text, encoding
    raise CourseInputError("data.encoding", file=file, encodings=", ".join(ENCODINGS))


def _other_reading(data, text):
    """(name, text) of a code page that reads ``data`` more plausibly than GBK did (as ``text``), or None.

    GBK decodes almost any bytes, so Big5, Shift-JIS and EUC-KR files decode too, as
    mojibake. A reading is judged by the share of its distinct non-ASCII characters that
    are common in its language (COMMON, LANGUAGE); GBK needs to be beaten, a tie keeps it.
    Traditional characters saved as GBK count as common Chinese (Big5 level 1), so
    such files still read. Korean is the exception: Hangul in EUC-KR are, byte for byte,
    GB2312 hanzi, so the two readings tie at 1; then the file is refused as well, unless its
    Chinese reading holds a word of the course (a column label such as 客户编号 or a category
    such as 零售客户), as a Chinese file almost always does. A GBK file with no such word whose
    only Chinese lies in that block (e.g. just 北京) is refused: no method can tell them apart,
    and the message shows both readings."""
    chinese = _common_share(text, LANGUAGE["gbk"])
    for page, name in OTHER_CODE_PAGES.items():
        try:
            other = data.decode(page)
        except UnicodeDecodeError:
            continue
        share = _common_share(other, LANGUAGE[page])
        if share > chinese or (page == "cp949" and share == chinese == 1 and not _has_course_words(text)):
            return name, other
    return None


@cache
def _course_words():
    """The Chinese column labels and category names of the course (each without its "(unit)" part)."""
    entries = [*catalog("columns").values(), *catalog("categories").values()]
    words = {entry["zh"].split(chr(0xFF08))[0] for entry in entries}  # U+FF08: the full-width "("
    return tuple(word for word in words if len(word) >= 2)


def _has_course_words(text):
    return any(word in text for word in _course_words())


def _common_share(text, pages):
    """The share of the distinct non-ASCII characters of ``text`` that are common in one of the code ``pages``."""
    chars = [char for char in set(text) if not char.isascii()]
    return sum(any(_is_common(char, page) for page in pages) for char in chars) / len(chars) if chars else 1.0


def _is_common(char, page):
    """True when ``char`` is one of the common characters (COMMON) of the code ``page``."""
    try:
        return COMMON[page].fullmatch(char.encode(page)) is not None
    except UnicodeEncodeError:
        return False


def _sample(text):
    """The first line of ``text`` with non-ASCII characters, cut short (for an error message)."""
    return next((_cut(line.strip()) for line in text.splitlines() if not line.isascii()), "")


def _table_from_text(text, schema, required, file):
    """The typed DataFrame of CSV ``text``, checked against ``schema``."""
    text = INVISIBLE.sub("", text)
    excel_sep = re.match(r'"?sep=(.)"?[ \t]*\r?\n', text)  # Excel's "sep=;" line: Excel does not show it
    text = text[excel_sep.end() :] if excel_sep else text
    blank = re.match(r"(?:[ \t,;]*\r?\n)*", text).group()  # blank lines above the header: Excel shows them
    text = text[len(blank) :]
    if not text.strip():
        raise CourseInputError("data.empty_file", file=file)
    header = text.splitlines()[0]
    sep = excel_sep[1] if excel_sep else max([",", ";", "\t"], key=header.count)  # Excel saves commas; or ; or tabs
    try:  # header=None: a row with more cells than the header is an error, not a silent shift
        cells = pd.read_csv(
            io.StringIO(text), sep=sep, header=None, dtype=str, keep_default_na=False, skip_blank_lines=False
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CourseInputError("data.not_csv", file=file, detail=str(err).strip()) from None
    cells = cells.apply(lambda column: column.str.strip())
    raw = cells.iloc[1:].set_axis(_column_names(schema, cells.iloc[0].tolist(), file), axis=1)
    raw.index = raw.index + 1 + blank.count("\n")  # the row numbers Excel shows: header = row 1
    raw = raw.loc[(raw != "").any(axis=1), (raw != "").any() | ~raw.columns.str.startswith("column_")]
    missing = [name for name in required if name not in raw.columns]
    if missing:
        shown = Join(Message("data.code_with_label", code=name, label=_column_label(name)) for name in missing)
        raise CourseInputError("data.missing_columns", file=file, missing=shown, found=", ".join(raw.columns))
    if raw.empty:
        raise CourseInputError("data.no_rows", file=file)
    columns, bad, n_bad = {}, [], 0
    for name in raw.columns:
        if name in schema:
            columns[name], wrong = _parse(raw[name], schema[name])
            n_bad += int(wrong.sum())  # only the first cells of each column are listed: fast with a million
            bad += [(int(row), name, value, schema[name]) for row, value in raw[name][wrong][:MAX_SHOWN].items()]
        else:
            columns[name] = raw[name]  # a column the schema does not know: kept as text
    if n_bad:
        raise _bad_cells_error(sorted(bad, key=lambda cell: cell[0]), n_bad, file)
    for name in [name for name in columns if name in schema and schema[name].unique]:
        repeated = columns[name][columns[name].notna() & columns[name].duplicated(keep=False)]
        if len(repeated):
            raise _repeated_error(repeated, name, file)
    order = [name for name in schema if name in columns] + [name for name in columns if name not in schema]
    return pd.DataFrame(columns, index=raw.index).loc[:, order].reset_index(drop=True)


def _normal(name):
    """A header or label as compared: full-width forms folded (NFKC), no case, no
    "(unit)" part, so 获客成本 matches the label 获客成本（元）."""
    folded = unicodedata.normalize("NFKC", str(name)).casefold()
    return re.sub(r"\(.*?\)", "", folded).strip()


def _column_names(schema, headers, file):
    """The column name of each file header: the schema column it names, else the header itself."""
    known = {}
    for name, col in schema.items():
        for header in (name, _label("columns", name, "zh"), _label("columns", name, "en"), *col.alias):
            if header:
                known[_normal(header)] = name
    names = [known.get(_normal(header), header) or f"column_{i + 1}" for i, header in enumerate(headers)]
    for name in dict.fromkeys(names):
        same = [header for header, target in zip(headers, names, strict=True) if target == name]
        if len(same) > 1:
            column = Message("data.code_with_label", code=name, label=_column_label(name)) if name in schema else name
            raise CourseInputError("data.duplicate_column", file=file, column=column, headers=Join(map(_cut, same)))
    return names


def _label(catalog, code, lang):
    """The label of a column (catalog "columns") or category code ("categories"), or None."""
    key = f"{catalog}.{code}"
    return text(key, lang=lang) if has_text(key) else None


# A date as people type it: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, with an optional time.
DATE_PATTERN = r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"


def _parse(cells, col):
    """(the values of text ``cells`` as ``col.kind``, mask of the cells that do not fit ``col``)."""
    blank = cells == ""
    if col.kind == "text":
        values, wrong = cells.mask(blank), pd.Series(False, index=cells.index)
    elif col.kind == "category":
        codes = {}
        for code in col.allowed:
            for label in (code, _label("categories", code, "zh"), _label("categories", code, "en")):
                if label:
                    codes[_normal(label)] = code
        found = cells.str.normalize("NFKC").str.casefold().map(codes)
        values, wrong = pd.Series(pd.Categorical(found, categories=col.allowed), index=cells.index), found.isna()
    elif col.kind == "date":
        parts = cells.str.normalize("NFKC").str.extract(DATE_PATTERN)
        iso = parts[0] + "-" + parts[1] + "-" + parts[2]
        values = pd.to_datetime(iso, format="%Y-%m-%d", errors="coerce")
        wrong = values.isna()
    else:  # int, float
        digits = cells.str.normalize("NFKC").str.replace(r"(?<=\d),(?=\d{3}(\D|$))", "", regex=True)
        values = pd.to_numeric(digits.mask(blank), errors="coerce")
        wrong = ~values.abs().lt(math.inf) | (values.mod(1).ne(0) if col.kind == "int" else False)  # nan, inf, 1e400
        if col.low is not None:
            wrong |= values.lt(col.low)
        if col.high is not None:
            wrong |= values.gt(col.high)
    wrong = (wrong & ~blank) | (blank & (not col.blank))
    if col.kind == "float" or (col.kind == "int" and not wrong.any()):
        values = values.astype(_pandas_type(col))
    return values, wrong


def _expected(col):
    """What a cell of ``col`` must hold, as a message."""
    if col.kind == "category":
        codes = [Message("data.code_with_label", code=code, label=_category(code)) for code in col.allowed]
        return Message("data.expect_category", allowed=Join(codes))
    expected = Message(f"data.expect_{col.kind}")
    if col.kind in ("int", "float") and (col.low is not None or col.high is not None):
        allowed = interval_text(col.low, col.high, col.low is None, col.high is None)
        return Message("data.expect_in_range", expected=expected, allowed=allowed)
    return expected


def _category(code):
    """A category code's label as a message field (the code itself when it has none)."""
    return Message(f"categories.{code}") if has_text(f"categories.{code}") else code


def _column_label(name):
    """A column's label as a message field (the name itself when it has none)."""
    return Message(f"columns.{name}") if has_text(f"columns.{name}") else name


def _bad_cells_error(bad, n, file):
    """The error listing the first MAX_SHOWN bad cells of ``bad`` (row, column, value, col), of ``n`` in all."""
    cells = [
        Message("data.bad_cell", row=row, column=name, value=_cut(value), expected=_expected(col))
        for row, name, value, col in bad
    ]
    return CourseInputError("data.bad_cells", file=file, n=n, cells=_listed(cells, n, "common.clause_separator"))


def _repeated_error(repeated, name, file):
    """The error naming the values of the key column ``name`` found in more than one row
    (``repeated``: those cells, indexed by their Excel row)."""
    groups = list(repeated.groupby(repeated, sort=False))
    values = [
        Message("data.repeated_value", value=_cut(value), rows=_listed([int(row) for row in rows.index], len(rows)))
        for value, rows in groups[:MAX_SHOWN]
    ]
    column = Message("data.code_with_label", code=name, label=_column_label(name))
    return CourseInputError(
        "data.repeated_key", file=file, column=column, values=_listed(values, len(groups), "common.clause_separator")
    )


def _listed(parts, n, separator="common.list_separator"):
    """The first MAX_SHOWN of ``parts`` one after another, then "… and k more" to make ``n`` in all."""
    parts = list(parts[:MAX_SHOWN])
    if n > len(parts):
        parts.append(Message("data.more_cells", n=n - len(parts)))
    return Join(parts, separator)


def _cut(value):
    """A cell's text as an error message repeats it: at most SHOWN_CHARS characters, then "…"."""
    return value if len(value) <= SHOWN_CHARS else value[: SHOWN_CHARS - 1] + "…"
