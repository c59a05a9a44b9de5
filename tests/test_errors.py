"""The bilingual input checks every public coursekit function uses."""

import numpy as np
import pytest

from coursekit.errors import CourseInputError, check_choice, check_int, check_number, check_range


@pytest.mark.parametrize("bad", ["0.5", True, None, [0.1, "x"], float("nan")])
def test_check_number_refuses_non_numbers(bad):
    with pytest.raises(CourseInputError, match="margin"):
        check_number("margin", bad)


def test_check_range_names_argument_value_and_interval_in_both_languages():
    with pytest.raises(CourseInputError) as err:
        check_range("retention", 1.5, low=0, high=1, high_open=True)
    msg = err.value.bilingual()
    assert "参数 retention = 1.5 不在允许范围内" in msg
    assert "retention = 1.5 is not allowed; allowed: [0, 1)" in msg


def test_check_range_checks_every_element_of_an_array():
    assert np.array_equal(check_range("r", [0.1, 0.9], low=0, high=1), [0.1, 0.9])
    with pytest.raises(CourseInputError, match=r"r = 1\.2"):
        check_range("r", np.array([0.1, 1.2]), low=0, high=1)


@pytest.mark.parametrize("huge", [float("inf"), 1e308, 1e16, -float("inf")])
def test_unbounded_ranges_refuse_infinity_and_absurd_sizes_with_the_real_bound(huge):
    with pytest.raises(CourseInputError, match=r"1e\+15\]") as err:
        check_range("margin", huge, low=0 if huge > 0 else None)
    assert "∞" not in err.value.bilingual()  # the message names the bound that applies
    assert check_range("margin", 1e15, low=0) == 1e15


@pytest.mark.parametrize("hidden", [[True, False], np.array([True]), [1.0, True], np.array(["2024-01-01"], "M8[D]"),
                                    np.array([1], "m8[D]"), [1, "2"], [[1, 2], [3]]])
def test_booleans_dates_and_text_inside_arrays_are_not_numbers(hidden):
    with pytest.raises(CourseInputError, match="margin"):
        check_range("margin", hidden, low=0)


def test_more_values_than_the_course_allows_are_refused_before_any_work():
    from coursekit.errors import MOST_VALUES
    with pytest.raises(CourseInputError, match="10,000,000") as err:
        check_range("margin", np.zeros(MOST_VALUES + 1), low=0)
    assert len(str(err.value)) < 200


def test_a_choice_among_nothing_says_so():
    from coursekit.errors import check_choice
    with pytest.raises(CourseInputError) as err:
        check_choice("customer_type", "retail", [])
    assert "nothing to choose from" in err.value.render("en")


@pytest.mark.parametrize("bad", [2.5, "3", True])
def test_check_int(bad):
    with pytest.raises(CourseInputError, match="years"):
        check_int("years", bad, low=1)
    assert check_int("years", 3.0, low=1) == 3


def test_check_choice():
    with pytest.raises(CourseInputError, match="end, start"):
        check_choice("timing", "middle", ("end", "start"))


@pytest.mark.parametrize("bad", [10**400, 1j, [1.0, 2j]])
def test_check_number_refuses_numbers_no_float_holds(bad):
    with pytest.raises(CourseInputError, match="margin"):
        check_number("margin", bad)


@pytest.mark.parametrize("bad", [["end"], np.array(["end", "start"]), float("nan")])
def test_check_choice_refuses_lists_and_arrays_instead_of_failing_on_them(bad):
    with pytest.raises(CourseInputError, match="timing"):
        check_choice("timing", bad, ("end", "start"))


def test_check_key_refuses_an_id_listed_twice_and_passes_a_table_without_ids():
    import pandas as pd

    from coursekit.errors import check_key

    with pytest.raises(CourseInputError, match="S1"):
        check_key("cases", pd.DataFrame({"case_id": ["S1", "S2", "S1"]}), "case_id")
    table = pd.DataFrame({"channel": ["phone", "phone"]})
    assert check_key("cases", table, "case_id") is table


def test_check_transactions_refuses_ids_that_mix_text_and_numbers():
    import pandas as pd

    from coursekit.errors import check_transactions

    orders = pd.DataFrame({"customer_id": ["a", 7], "date": ["2024-01-01", "2024-01-02"], "revenue": [1.0, 2.0]})
    with pytest.raises(CourseInputError) as err:
        check_transactions(orders)
    assert "customer_id" in err.value.bilingual() and "'a'" in err.value.bilingual()


def test_check_date_column_refuses_numbers_instead_of_reading_them_as_epochs():
    import pandas as pd

    from coursekit.errors import check_date_column

    with pytest.raises(CourseInputError, match="date"):
        check_date_column("transactions", "date", pd.Series(["2024-01-01", 1.5], dtype=object))
