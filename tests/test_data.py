"""coursekit.data.read_customer_csv: a student's or teacher's own CSV file, read and checked."""

import io
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit import data
from coursekit.data import Column, read_customer_csv
from coursekit.errors import CourseInputError

HEADER = "customer_id,customer_type,region,join_date,acquisition_cost\n"
GOOD_ROWS = "C1,retail,east,2024-03-05,120.5\nC2,distributor,west,2023-11-30,8000\n"
CJK = re.compile(r"[\u4e00-\u9fff]")


def write(tmp_path, content, name="mine.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def read_unchanged(path, **kwargs):
    """read_customer_csv(path), checking afterwards (also when it raises) that the file is untouched."""
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    try:
        return read_customer_csv(path, **kwargs)
    finally:
        assert path.read_bytes() == before
        assert path.stat().st_mtime_ns == stamp


def error_of(path, **kwargs):
    """The message of the CourseInputError read_customer_csv raises, checked to be bilingual."""
    with pytest.raises(CourseInputError) as err:
        read_unchanged(path, **kwargs)
    message = err.value.bilingual()
    zh, en = message.split(" / ", 1)
    assert CJK.search(zh), message
    assert not CJK.search(en.split(":")[0]) and re.search(r"[a-z]{3,}", en), message
    return message


def test_reads_utf8_with_english_headers_and_codes(tmp_path):
    df = read_unchanged(write(tmp_path, HEADER + GOOD_ROWS))
    assert df.attrs["encoding"] == "utf-8"
    assert list(df.columns) == ["customer_id", "customer_type", "region", "join_date", "acquisition_cost"]
    assert df["customer_type"].tolist() == ["retail", "distributor"]
    assert isinstance(df["customer_type"].dtype, pd.CategoricalDtype)
    assert df["join_date"].tolist() == [pd.Timestamp("2024-03-05"), pd.Timestamp("2023-11-30")]
    assert df["acquisition_cost"].tolist() == [120.5, 8000.0]
    assert df["acquisition_cost"].dtype == float


def test_reads_utf8_with_bom_without_polluting_the_first_header(tmp_path):
    df = read_unchanged(write(tmp_path, "\ufeff" + HEADER + GOOD_ROWS))
    assert df.attrs["encoding"] == "utf-8-sig"
    assert df.columns[0] == "customer_id"


def test_reads_gbk_with_chinese_headers_labels_and_excel_style_cells(tmp_path):
    content = (
        "客户编号,客户类型,地区,注册日期,获客成本（元）,年龄\n"
        'C1,零售客户,华东,2024/3/5,"1,234.5",35\n'
        "C2, 渠道分销商 ,西部,2023年11月30日, ８０００ ,\n"
    )
    df = read_unchanged(write(tmp_path, content, encoding="gbk"))
    assert df.attrs["encoding"] == "gbk"
    assert df["customer_type"].tolist() == ["retail", "distributor"]
    assert df["region"].tolist() == ["east", "west"]
    assert df["join_date"].tolist() == [pd.Timestamp("2024-03-05"), pd.Timestamp("2023-11-30")]
    assert df["acquisition_cost"].tolist() == [1234.5, 8000.0]
    assert df["age"].dtype == "Int64" and df["age"].isna().tolist() == [False, True]


def test_header_without_the_unit_part_and_english_labels_are_accepted(tmp_path):
    df = read_unchanged(write(tmp_path, "Customer ID,获客成本,Customer type\nC1,10,Retail customer\n"))
    assert df.to_dict("list") == {"customer_id": ["C1"], "customer_type": ["retail"], "acquisition_cost": [10.0]}


def test_gb18030_characters_outside_gbk_are_read(tmp_path):
    """㐀 (U+3400) is in GB18030 but not in GBK: GBK decoding fails, GB18030 succeeds."""
    content = "客户编号,客户类型,备注\nC1,零售客户,住在㐀村\n"
    with pytest.raises(UnicodeEncodeError):
        content.encode("gbk")
    df = read_unchanged(write(tmp_path, content, encoding="gb18030"))
    assert df.attrs["encoding"] == "gb18030"
    assert df["备注"].tolist() == ["住在㐀村"]  # a column the schema does not know is kept as text


def test_own_schema_for_a_student_profile_table(tmp_path):
    profile = {
        "name": Column("text", required=True, alias=("姓名",)),
        "age": Column("int", low=0, high=120, blank=True, alias=("年龄",)),
        "customer_type": Column("category", allowed=data.CUSTOMER_TYPES),
    }
    path = write(tmp_path, "姓名,年龄,客户类型\n王㐀,35,商家\n李四,,零售客户\n", encoding="gb18030")
    df = read_unchanged(path, table=profile)
    assert df["name"].tolist() == ["王㐀", "李四"]
    assert df["age"].tolist()[0] == 35 and pd.isna(df["age"].tolist()[1])
    assert df["customer_type"].tolist() == ["merchant", "retail"]
    message = error_of(write(tmp_path, "姓名,年龄\n王五,200\n", "old.csv"), table=profile)
    assert "row 2, column age: '200'" in message and "[0, 120]" in message


def test_semicolon_separated_files_and_blank_lines_are_read(tmp_path):
    df = read_unchanged(write(tmp_path, "customer_id;customer_type\nC1;retail\n;\n\nC2;merchant\n"))
    assert df["customer_id"].tolist() == ["C1", "C2"]


def test_missing_column_is_named_with_its_chinese_header(tmp_path):
    message = error_of(write(tmp_path, "customer_id,region\nC1,east\n"))
    assert "customer_type（客户类型）" in message
    assert "missing column(s): customer_type" in message


def test_required_can_be_narrowed_or_widened(tmp_path):
    path = write(tmp_path, "customer_id,region\nC1,east\n")
    assert read_unchanged(path, required=["customer_id"])["region"].tolist() == ["east"]
    assert "service_cost" in error_of(path, required=["customer_id", "service_cost"])
    assert read_unchanged(path, required="customer_id").shape == (1, 2)


def test_text_in_a_number_column_gives_excel_row_column_and_value(tmp_path):
    message = error_of(write(tmp_path, HEADER + "C1,retail,east,2024-03-05,120\nC2,retail,east,2024-03-06,abc\n"))
    assert "第 3 行 acquisition_cost 列为 'abc'" in message
    assert "row 3, column acquisition_cost: 'abc', expected a number in [0, ∞)" in message


def test_bad_date_category_and_blank_are_all_reported(tmp_path):
    rows = "C1,retail,east,2024-02-30,1\nC2,vip,east,2024-01-01,1\n,retail,mars,yesterday,-5\n"
    message = error_of(write(tmp_path, HEADER + rows))
    assert "6 cell(s)" in message
    for cell in [
        "row 2, column join_date: '2024-02-30', expected a date",
        "row 3, column customer_type: 'vip', expected one of: retail, merchant",
        "row 4, column customer_id: '', expected a value",
        "row 4, column region: 'mars'",
        "row 4, column join_date: 'yesterday'",
        "row 4, column acquisition_cost: '-5', expected a number in [0, ∞)",
    ]:
        assert cell in message


def test_many_bad_cells_are_listed_up_to_ten_then_counted(tmp_path):
    rows = "".join(f"C{i},retail,east,2024-01-01,x{i}\n" for i in range(25))
    message = error_of(write(tmp_path, HEADER + rows))
    assert "25 cell(s)" in message
    assert "row 11, column acquisition_cost: 'x9'" in message
    assert "'x10'" not in message
    assert "… and 15 more" in message and "……另有 15 个" in message


def test_a_whole_number_column_refuses_fractions(tmp_path):
    message = error_of(write(tmp_path, "customer_id,customer_type,city_tier\nC1,retail,2.5\n"))
    assert "row 2, column city_tier: '2.5', expected a whole number in [1, 4]" in message


def test_two_columns_meaning_the_same_are_refused(tmp_path):
    message = error_of(write(tmp_path, "customer_id,客户编号,customer_type\nC1,C1,retail\n"))
    assert "customer_id" in message and "客户编号" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"\n \n", "is empty"),
        (HEADER.encode(), "no data rows"),
        ("客户编号,客户类型\n".encode("gbk"), "no data rows"),
        (b'customer_id,customer_type\nC1,retail,extra,"x\n', "not a well-formed CSV"),
    ],
)
def test_empty_header_only_and_broken_files(tmp_path, content, expected):
    assert expected in error_of(write(tmp_path, content))


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00xl/workbook.xml",  # an .xlsx (zip) file
        "customer_id,customer_type\nC1,retail\n".encode("utf-16"),  # Excel "Unicode text"
        b"customer_id,customer_type\n\xff\xfe\x80\x80,retail\n",  # no encoding can decode it
    ],
)
def test_undecodable_files_name_the_encodings_tried(tmp_path, content):
    message = error_of(write(tmp_path, content))
    assert "utf-8, utf-8-sig, gbk, gb18030" in message


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"path": "no/such/file.csv"}, "no/such/file.csv"),
        ({"path": 42}, "42"),
        ({"table": "customer"}, "table = 'customer'"),
        ({"table": 42}, "table"),
        ({"table": {}}, "table"),
        ({"table": {"x": Column("number")}}, "x.kind = 'number'"),
        ({"required": ["customer_id", "name"]}, "required = 'name'"),
    ],
)
def test_rejected_arguments(tmp_path, kwargs, argument):
    arguments = {"path": write(tmp_path, HEADER + GOOD_ROWS), **kwargs}
    with pytest.raises(CourseInputError, match=re.escape(argument)) as err:
        read_customer_csv(**arguments)
    assert CJK.search(str(err.value)) and " / " in err.value.bilingual()


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(CourseInputError) as err:
        read_customer_csv(tmp_path)
    assert "file not found" in err.value.bilingual()


@settings(deadline=None, max_examples=50)
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_numbers_with_thousands_separators_round_trip(amount):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "money.csv"
        path.write_text(f'customer_id,customer_type,acquisition_cost\nC1,retail," {amount:,.2f} "\n', encoding="utf-8")
        assert read_customer_csv(path)["acquisition_cost"].iloc[0] == float(amount)


def test_blank_lines_keep_excel_row_numbers(tmp_path):
    message = error_of(write(tmp_path, "customer_id,customer_type\nC1,retail\n\nC2,vip\n"))
    assert "row 4, column customer_type: 'vip'" in message


@pytest.mark.parametrize("row", ["C1,retail,extra", "C1,retail,"])
def test_a_row_longer_than_the_header_is_refused_not_shifted(tmp_path, row):
    assert "not a well-formed CSV" in error_of(write(tmp_path, f"customer_id,customer_type\n{row}\n"))


def test_trailing_empty_columns_from_excel_are_ignored(tmp_path):
    df = read_unchanged(write(tmp_path, "customer_id,customer_type,,\nC1,retail,,\n"))
    assert list(df.columns) == ["customer_id", "customer_type"]


NOTES = "customer_id,customer_type,notes\nC1,retail,{}\n"


@pytest.mark.parametrize(
    ("place", "encoding", "name"),
    [("台北市", "big5", "Big5"), ("東京都", "shift_jis", "Shift-JIS"), ("서울", "euc_kr", "EUC-KR")],
)
def test_other_east_asian_encodings_are_refused_not_read_as_mojibake(tmp_path, place, encoding, name):
    message = error_of(write(tmp_path, NOTES.format(place), encoding=encoding))
    assert "does not look like UTF-8 or GBK text, it may be " + name in message
    assert f"read as {name} 'C1,retail,{place}'" in message and "CSV UTF-8" in message


@pytest.mark.parametrize(
    ("content", "notes"),
    [
        ("客户编号,客户类型,备注\nC1,零售客户,北京市朝阳区\n", "北京市朝阳区"),
        (NOTES.format("臺灣省臺北市中正區 張偉"), "臺灣省臺北市中正區 張偉"),  # traditional characters, saved as GBK
        (NOTES.format("萬達廣場，香港特別行政區"), "萬達廣場，香港特別行政區"),
        (NOTES.format("銷售額 鄧麗君"), "銷售額 鄧麗君"),
    ],
)
def test_genuine_gbk_text_with_simplified_or_traditional_characters_still_reads(tmp_path, content, notes):
    df = read_unchanged(write(tmp_path, content, encoding="gbk"))
    assert df.attrs["encoding"] == "gbk" and df.iloc[0, -1] == notes


@pytest.mark.parametrize("blank", ["\n", "\r\n\r\n", " \n,\n"])
def test_blank_lines_above_the_header_are_skipped_and_counted_like_excel(tmp_path, blank):
    assert read_unchanged(write(tmp_path, blank + "customer_id,customer_type\nC1,retail\n")).shape == (1, 2)
    message = error_of(write(tmp_path, blank + "customer_id,customer_type\nC1,vip\n", "bad.csv"))
    assert f"row {blank.count(chr(10)) + 2}, column customer_type: 'vip'" in message


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_excel_sep_line_gives_the_separator_and_is_not_a_row(tmp_path, sep):
    content = f"sep={sep}\ncustomer_id{sep}customer_type\nC1{sep}retail\nC2{sep}vip\n"
    message = error_of(write(tmp_path, content))
    assert "row 3, column customer_type: 'vip'" in message  # Excel hides the sep line: header = row 1
    df = read_unchanged(write(tmp_path, content.replace("vip", "merchant"), "good.csv"))
    assert df.to_dict("list") == {"customer_id": ["C1", "C2"], "customer_type": ["retail", "merchant"]}


def test_excel_sep_line_with_commas_keeps_quoted_thousands(tmp_path):
    df = read_unchanged(write(tmp_path, 'sep=,\ncustomer_id,customer_type,acquisition_cost\nC1,retail,"1,234"\n'))
    assert df["acquisition_cost"].tolist() == [1234.0]


def test_invisible_characters_in_headers_and_cells_are_removed(tmp_path):
    content = "customer_id\u200b,\ufeffcustomer_type\u00a0,city_tier\u2060\nC1\u200b,retail\u200b,\u200b2\n"
    df = read_unchanged(write(tmp_path, content))
    assert df.to_dict("list") == {"customer_id": ["C1"], "customer_type": ["retail"], "city_tier": [2]}


def test_rows_in_error_fields_are_plain_ints(tmp_path):
    with pytest.raises(CourseInputError) as err:
        read_customer_csv(write(tmp_path, "customer_id,customer_type\nC1,vip\n"))
    assert [type(cell.fields["row"]) for cell in err.value.fields["cells"].parts] == [int]
    assert "np." not in err.value.bilingual()
    with pytest.raises(CourseInputError) as err:
        read_customer_csv(write(tmp_path, "customer_id,customer_type\nC1,retail\nC1,retail\n", "dup.csv"))
    rows = err.value.fields["values"].parts[0].fields["rows"].parts
    assert rows == [2, 3] and all(type(row) is int for row in rows)
    assert "np." not in err.value.bilingual()


def test_bytes_paths_and_open_files_are_read_and_left_open(tmp_path):
    path = write(tmp_path, "客户编号,客户类型\nC1,零售客户\n", encoding="gbk")
    assert read_customer_csv(bytes(path))["customer_type"].tolist() == ["retail"]
    with path.open("rb") as file:
        df = read_customer_csv(file)
        assert not file.closed
    assert df.attrs["encoding"] == "gbk" and df["customer_id"].tolist() == ["C1"]
    with path.open(encoding="gbk") as file:
        df = read_customer_csv(file)
        assert not file.closed
    assert df.attrs["encoding"] is None and df["customer_type"].tolist() == ["retail"]
    with pytest.raises(CourseInputError) as err:
        read_customer_csv(io.BytesIO(b"customer_id,customer_type\nC1,vip\n"))
    assert "the file object given has 1 cell(s)" in err.value.bilingual()
    with pytest.raises(CourseInputError) as err:
        read_customer_csv(3.5)
    assert "a file path (text, bytes or pathlib.Path) or an open file" in err.value.bilingual()


@pytest.mark.parametrize("number", ["inf", "-inf", "Infinity", "1e400", "nan", "NaN"])
def test_numbers_must_be_finite(tmp_path, number):
    message = error_of(write(tmp_path, f"customer_id,customer_type,acquisition_cost\nC1,retail,{number}\n"))
    assert f"row 2, column acquisition_cost: '{number}', expected a number" in message


def test_two_columns_meaning_the_same_name_the_column_and_both_headers(tmp_path):
    message = error_of(write(tmp_path, "customer_id,客户编号,customer_type\nC1,C1,retail\n"))
    assert "customer_id（客户编号）：customer_id、客户编号" in message
    assert "column whose header means customer_id: customer_id, 客户编号; keep only one of them" in message


def test_repeated_customer_ids_are_refused_with_their_excel_rows(tmp_path):
    rows = "C1,retail\nC2,retail\n C1 ,merchant\nC3,retail\nC2,retail\nC1,retail\n"
    message = error_of(write(tmp_path, "customer_id,customer_type\n" + rows))
    assert "repeated values in column customer_id" in message
    assert "'C1' in rows 2, 4, 7; 'C2' in rows 3, 6." in message and "'C1' 出现在第 2、4、7 行" in message


def test_repeated_customer_ids_are_fine_where_customer_id_is_not_a_key(tmp_path):
    content = "transaction_id,customer_id,date,revenue\nT1,C1,2024-01-01,10\nT2,C1,2024-01-02,20\n"
    assert read_unchanged(write(tmp_path, content), table="transactions")["customer_id"].tolist() == ["C1", "C1"]


def test_long_cells_are_cut_and_huge_numbers_of_bad_cells_are_counted(tmp_path):
    message = error_of(write(tmp_path, "customer_id,customer_type\nC1," + "x" * 10_000 + "\n"))
    assert "'" + "x" * 39 + "…'" in message and "x" * 40 not in message
    rows = "".join(f"C{i},vip{i}\n" for i in range(100_000))
    message = error_of(write(tmp_path, "customer_id,customer_type\n" + rows, "big.csv"))
    assert "100000 cell(s)" in message and "… and 99990 more" in message and len(message) < 5000


def test_a_gbk_file_whose_chinese_also_reads_as_korean_is_kept_when_it_holds_course_words(tmp_path):
    # 客户编号 and 北京 are GB2312 hanzi whose bytes are also Hangul syllables in EUC-KR
    path = tmp_path / "gbk.csv"
    path.write_bytes("客户编号,备注\nC1,北京\n".encode("gbk"))
    table = data.read_customer_csv(path, required=["customer_id"])
    assert table.attrs["encoding"] == "gbk" and table.iloc[0, 1] == "北京"
