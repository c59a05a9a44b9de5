"""The course datasets: reproducible, on schema, and holding the relationships the lessons teach."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coursekit import data
from coursekit.errors import CourseInputError

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"
CSV_FILES = [f"{name}.csv" for name in data.available()]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("datasets")
    script = ROOT / "tools" / "make_datasets.py"
    subprocess.run([sys.executable, "-W", "error", str(script), "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def tables():
    return {name: data.load(name) for name in data.available()}


@pytest.mark.parametrize("file", [*CSV_FILES, "MANIFEST.json", "README.md"])
def test_regenerating_reproduces_every_file_byte_for_byte(regenerated, file):
    assert (regenerated / file).read_bytes() == (DATASETS / file).read_bytes()


def test_manifest_checksums_rows_and_columns_match_the_files():
    manifest = json.loads((DATASETS / "MANIFEST.json").read_text(encoding="utf-8"))
    assert sorted(manifest) == sorted(CSV_FILES)
    for file, entry in manifest.items():
        assert hashlib.sha256((DATASETS / file).read_bytes()).hexdigest() == entry["sha256"]
        frame = pd.read_csv(DATASETS / file, dtype=str)
        assert (len(frame), list(frame.columns)) == (entry["rows"], entry["columns"])


def test_files_are_small_utf8_with_unix_line_ends():
    assert sum((DATASETS / file).stat().st_size for file in CSV_FILES) < 3_000_000
    for file in CSV_FILES:
        raw = (DATASETS / file).read_bytes()
        raw.decode("utf-8")
        assert b"\r" not in raw and raw.endswith(b"\n")


def test_tables_load_from_the_installed_package():
    assert all(data.course_file(file).is_file() for file in [*CSV_FILES, "README.md", "MANIFEST.json"])
    assert data.available() == list(data.SCHEMAS)
    assert data.customers().equals(data.load("customers"))


def test_loading_the_data_writes_nothing_into_the_data_folder():
    """datasets/ is never written to: the package is found, never imported (an import would
    write datasets/__pycache__/), in a fresh interpreter that loads every table."""
    code = (
        "import sys; from coursekit import data; [data.load(name) for name in data.available()]; "
        "print('coursekit.datasets' in sys.modules)"
    )
    before = {p.name: p.stat().st_mtime_ns for p in DATASETS.iterdir()}
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "False", "coursekit.datasets was imported"
    assert {p.name: p.stat().st_mtime_ns for p in DATASETS.iterdir()} == before


def test_each_load_is_a_fresh_frame():
    first = data.transactions()
    first.loc[0, "revenue"] = -1.0
    first.attrs["changed"] = True
    again = data.transactions()
    assert again.loc[0, "revenue"] > 0 and "changed" not in again.attrs


def test_load_refuses_an_unknown_table():
    with pytest.raises(CourseInputError, match=r"name = 'customer'.*customers, transactions"):
        data.load("customer")


@pytest.mark.parametrize("name", data.available())
def test_table_obeys_its_schema(tables, name):
    schema = data.SCHEMAS[name]
    header = (DATASETS / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == list(schema)
    frame = tables[name]
    assert list(frame.columns) == list(schema)
    first = next(iter(schema))
    assert frame[first].is_unique, "the first column is the table's id"
    for column, col in schema.items():
        values = frame[column].dropna()
        assert col.blank or len(values) == len(frame), column
        if col.kind == "category":
            assert set(values.astype(str)) <= set(col.allowed), column
            assert isinstance(frame[column].dtype, pd.CategoricalDtype)
        elif col.kind in ("int", "float"):
            assert pd.api.types.is_numeric_dtype(frame[column])
            assert col.low is None or values.min() >= col.low, column
            assert col.high is None or values.max() <= col.high, column
        elif col.kind == "date":
            assert pd.api.types.is_datetime64_dtype(frame[column])
        assert f"| `{column}` |" in (DATASETS / "README.md").read_text(encoding="utf-8")


def test_every_column_and_category_has_chinese_and_english_labels():
    from coursekit.i18n import entry

    for schema in data.SCHEMAS.values():
        for column, col in schema.items():
            assert set(entry(f"columns.{column}")) == {"zh", "en"}
            for code in col.allowed:
                assert set(entry(f"categories.{code}")) == {"zh", "en"}


def test_data_card_says_synthetic_and_how_to_regenerate():
    card = (DATASETS / "README.md").read_text(encoding="utf-8")
    assert "Synthetic data of a fictional company" in card
    assert "python tools/make_datasets.py" in card and "Never edit these files by hand" in card
    for name in data.SCHEMAS:
        assert f"## `{name}.csv`" in card


def test_dates_lie_in_their_periods(tables):
    assert tables["customers"]["join_date"].between("2018-01-01", "2025-12-31").all()
    assert tables["transactions"]["date"].between("2023-01-01", "2025-12-31").all()
    assert tables["service_cases"]["opened"].between("2023-01-01", "2024-12-31").all()
    assert tables["call_center"]["date"].between("2025-10-01", "2025-12-31").all()


def test_every_id_refers_to_an_existing_customer_and_everyone_bought(tables):
    ids = set(tables["customers"]["customer_id"])
    for name in ("transactions", "service_cases", "survey"):
        assert set(tables[name]["customer_id"]) <= ids, name
    assert set(tables["transactions"]["customer_id"]) == ids


def test_new_customers_first_buy_on_their_join_date(tables):
    customers = tables["customers"].set_index("customer_id")
    first = tables["transactions"].groupby("customer_id")["date"].min()
    new = customers["join_date"] >= "2023-01-01"
    assert (first[new[new].index] == customers.loc[new, "join_date"]).all()


def test_mostly_retail_few_big_business_customers(tables):
    customers = tables["customers"]
    share = customers["customer_type"].value_counts(normalize=True)
    assert share["retail"] > 0.6 and share["distributor"] < 0.05 and share["internal"] < 0.05
    revenue = tables["transactions"].groupby("customer_id")["revenue"].sum()
    per_type = revenue.groupby(customers.set_index("customer_id")["customer_type"], observed=True).mean()
    assert per_type["distributor"] > 10 * per_type["retail"]


def test_age_and_gender_only_for_retail(tables):
    customers = tables["customers"]
    retail = customers["customer_type"] == "retail"
    assert customers.loc[retail, ["age", "gender"]].notna().all().all()
    assert customers.loc[~retail, ["age", "gender"]].isna().all().all()
    assert (customers.loc[customers["acquisition_channel"] == "head_office", "customer_type"] == "internal").all()


def test_top_20_percent_of_customers_bring_most_revenue(tables):
    revenue = sorted(tables["transactions"].groupby("customer_id")["revenue"].sum(), reverse=True)
    top = sum(revenue[: len(revenue) // 5]) / sum(revenue)
    assert 0.6 < top < 0.9


def test_rfm_finds_one_time_repeat_and_lapsed_buyers(tables):
    tx = tables["transactions"]
    orders = tx.groupby("customer_id").size()
    last = tx.groupby("customer_id")["date"].max()
    assert (orders == 1).sum() > 100 and (orders >= 10).sum() > 100
    assert (last < "2025-01-01").sum() > 200


def test_annual_retention_of_active_customers_is_75_to_85_percent(tables):
    tx = tables["transactions"]
    active = {year: set(tx.loc[tx["date"].dt.year == year, "customer_id"]) for year in (2023, 2024, 2025)}
    for year in (2023, 2024):
        kept = len(active[year] & active[year + 1]) / len(active[year])
        assert 0.75 <= kept <= 0.85, year


def test_some_customers_cost_more_to_serve_than_they_earn(tables):
    customers = tables["customers"].set_index("customer_id")
    margin = tables["transactions"].groupby("customer_id")["gross_margin"].sum()
    profit = margin - customers["service_cost"]
    assert 0.05 < (profit < 0).mean() < 0.4
    assert (customers["service_cost"] > 0).all()


def test_repurchased_12m_matches_the_transactions(tables):
    cases = tables["service_cases"][["case_id", "customer_id", "opened", "repurchased_12m"]]
    pairs = cases.merge(tables["transactions"][["customer_id", "date"]], on="customer_id")
    within = (pairs["date"] > pairs["opened"]) & (pairs["date"] <= pairs["opened"] + pd.Timedelta(days=365))
    bought = pairs[within].groupby("case_id").size().reindex(cases["case_id"], fill_value=0) > 0
    assert (bought.to_numpy().astype(int) == cases["repurchased_12m"].to_numpy()).all()


def test_faster_and_fuller_resolution_means_more_satisfaction_and_repurchase(tables):
    cases = tables["service_cases"]
    resolved, fast = cases["resolution"] == "resolved", cases["response_hours"] <= 24
    unresolved = cases["resolution"] == "unresolved"
    rebuy = cases["repurchased_12m"]
    assert rebuy[resolved & fast].mean() > rebuy[resolved & ~fast].mean() > rebuy[unresolved].mean() + 0.1
    after = cases.groupby("resolution", observed=True)["satisfaction_after"].mean()
    assert after["resolved"] > after["partial"] > after["unresolved"]
    assert cases["response_hours"].rank().corr(cases["satisfaction_after"].rank()) < -0.2  # Spearman
    assert cases["satisfaction_after"].mean() > cases["satisfaction_before"].mean()


def test_few_cases_come_through_media_or_legal_channels(tables):
    share = tables["service_cases"]["channel"].value_counts(normalize=True)
    assert share["media"] + share["legal"] < 0.1
    assert share["phone"] == share.max()


def test_washing_vegetables_cases_are_rural_washers_in_the_west(tables):
    cases = tables["service_cases"]
    story = cases[cases["note"] == "washing_vegetables"]
    assert 1 <= len(story) <= 10
    assert (story["product"] == "washer").all() and (story["category"] == "product_quality").all()
    who = tables["customers"].set_index("customer_id").loc[story["customer_id"]]
    assert (who["region"] == "west").all() and (who["city_tier"] >= 3).all()


def test_call_waits_peak_and_satisfaction_falls_with_waiting(tables):
    calls = tables["call_center"]
    abandoned = calls["abandoned"] == 1
    assert calls.loc[abandoned, ["agent_id", "satisfaction"]].isna().all().all()
    assert (calls.loc[abandoned, "handle_seconds"] == 0).all()
    assert calls.loc[~abandoned, ["agent_id", "satisfaction"]].notna().all().all()
    by_hour = calls.groupby("hour")["wait_seconds"].mean()
    assert by_hour.max() > 2 * by_hour.min()
    by_day = calls.groupby(calls["date"].dt.day_of_week)["wait_seconds"].mean()
    assert by_day[0] > by_day[6]  # Mondays are busier than Sundays
    answered = calls[~abandoned]
    assert answered["wait_seconds"].corr(answered["satisfaction"].astype(float)) < -0.3
    polite = answered[answered["agent_id"] == 77]
    assert len(polite) > 100
    assert polite["wait_seconds"].corr(polite["satisfaction"].astype(float)) < -0.3
    short = answered[answered["wait_seconds"] <= 60]
    assert short.groupby("agent_id")["satisfaction"].mean().idxmax() == 77


def test_survey_satisfaction_follows_performance_minus_expectation(tables):
    survey = tables["survey"]
    gap = np.mean([survey[f"performance_{a}"] - survey[f"expectation_{a}"] for a in data.ATTRIBUTES], axis=0)
    assert np.corrcoef(gap, survey["overall_satisfaction"])[0, 1] > 0.5
    assert survey.loc[gap > 0, "overall_satisfaction"].mean() > survey.loc[gap < 0, "overall_satisfaction"].mean() + 1
    assert survey["would_recommend"].corr(survey["overall_satisfaction"]) > 0.5
    assert survey["would_repurchase"].corr(survey["overall_satisfaction"]) > 0.5
    assert survey["customer_id"].is_unique


@pytest.mark.parametrize("name", data.available())
def test_fast_course_loader_equals_the_checking_reader(name):
    """load() reads the course files without cell-by-cell checks; the checking reader must
    accept every cell and give the very same table."""
    checked = data.read_customer_csv(DATASETS / f"{name}.csv", table=name, required=list(data.SCHEMAS[name]))
    del checked.attrs["encoding"]
    pd.testing.assert_frame_equal(data.load(name), checked)
