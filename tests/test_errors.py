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


def test_unbounded_ranges_still_refuse_infinity():
    with pytest.raises(CourseInputError, match="∞"):
        check_range("margin", float("inf"), low=0)


@pytest.mark.parametrize("bad", [2.5, "3", True])
def test_check_int(bad):
    with pytest.raises(CourseInputError, match="years"):
        check_int("years", bad, low=1)
    assert check_int("years", 3.0, low=1) == 3


def test_check_choice():
    with pytest.raises(CourseInputError, match="end, start"):
        check_choice("timing", "middle", ("end", "start"))
