"""The class roster: which student IDs (学号) may log in.

A roster is the CSV a 教务系统 (or Excel) exports: a header row with a 学号 column and
optionally 姓名 and 班级 (English headers student_id, name, class also work), one student
a row. Encodings: UTF-8 with or without BOM, or GBK/GB18030 (Excel's "CSV" on a Chinese
Windows). The encoding is confirmed by the header: a file whose header has no 学号 column
in either encoding is refused, so a Big5 or Shift-JIS file is never read as mojibake.

A student's hub login name is the 学号 as typed: NFKC-normalised (full-width digits become
ASCII), surrounding spaces removed, lower case. IDs must be 1-24 characters of letters,
digits, ``-`` and ``_``; a value Excel has turned into a number (``2.02301E+09``,
``2023010101.0``) is refused with the line number, as are duplicates.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ID_HEADERS = ("学号", "学生学号", "学生编号", "student_id", "id")
NAME_HEADERS = ("姓名", "学生姓名", "name")
CLASS_HEADERS = ("班级", "行政班", "教学班", "class")
VALID_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,23}$")  # + a prefix of up to 8: a Linux name (<= 32)
EXCEL_NUMBER = re.compile(r"^\d+(\.\d+)?e\+?\d+$|^\d+\.0+$")


class RosterError(ValueError):
    """A roster that cannot be used, with the reason in Chinese and English."""


@dataclass(frozen=True)
class Student:
    username: str  # the hub login name: the normalised 学号
    name: str = ""
    klass: str = ""


def normalize_id(text):
    """The hub login name for a typed or exported 学号.

    >>> normalize_id(" ２０２３０１０１０１ "), normalize_id("S2023-07")
    ('2023010101', 's2023-07')
    """
    return unicodedata.normalize("NFKC", text).strip().lower()


def decode(raw):
    """The roster's text: UTF-8 (a BOM is dropped) if it decodes, else GB18030 (a superset of GBK)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as err:
        raise RosterError(
            "名单既不是 UTF-8 也不是 GBK 编码，请在 Excel 中另存为“CSV UTF-8” / "
            "the roster is neither UTF-8 nor GBK: save it from Excel as 'CSV UTF-8'"
        ) from err


def _column(header, names):
    cleaned = [normalize_id(h) for h in header]
    for name in names:
        if name.lower() in cleaned:
            return cleaned.index(name.lower())
    return None


def parse(text, source="roster"):
    """Students from a roster's text (see the module docstring for the rules).

    >>> [s.username for s in parse("学号,姓名,班级\\n2023010101,张三,营销1班\\n")]
    ['2023010101']
    """
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not rows:
        raise RosterError(f"{source}: 名单是空的 / the roster is empty")
    header = rows[0]
    id_col = _column(header, ID_HEADERS)
    if id_col is None:
        raise RosterError(
            f"{source}: 第一行没有“学号”列（也可能是编码不对，请另存为 CSV UTF-8）/ "
            f"the first row has no 学号 (student_id) column (or the encoding is wrong: save as CSV UTF-8); "
            f"found {header!r}"
        )
    name_col, class_col = _column(header, NAME_HEADERS), _column(header, CLASS_HEADERS)
    students, seen = [], {}
    for line, row in enumerate(rows[1:], start=2):
        raw = row[id_col] if id_col < len(row) else ""
        username = normalize_id(raw)
        if not username:
            raise RosterError(f"{source} 第 {line} 行：学号为空 / line {line}: empty 学号")
        if EXCEL_NUMBER.match(username):
            raise RosterError(
                f"{source} 第 {line} 行：学号 {raw!r} 被 Excel 改成了数字格式，请把该列设为“文本”后重新导出 / "
                f"line {line}: Excel turned the 学号 {raw!r} into a number; format the column as text and export again"
            )
        if not VALID_ID.match(username):
            raise RosterError(
                f"{source} 第 {line} 行：学号 {raw!r} 只能由字母、数字、- 和 _ 组成（最多 24 个字符）/ "
                f"line {line}: 学号 {raw!r} may only have letters, digits, - and _ (at most 24)"
            )
        if username in seen:
            raise RosterError(
                f"{source} 第 {line} 行：学号 {raw!r} 与第 {seen[username]} 行重复 / "
                f"line {line}: 学号 {raw!r} repeats line {seen[username]}"
            )
        seen[username] = line

        def cell(col, row=row):
            return row[col].strip() if col is not None and col < len(row) else ""

        students.append(Student(username, cell(name_col), cell(class_col)))
    return students


def read(path):
    """Students from a roster file (UTF-8 with or without BOM, or GBK)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise RosterError(f"读不到名单 {path} / cannot read the roster {path}: {err.strerror}") from err
    return parse(decode(raw), source=path.name)
