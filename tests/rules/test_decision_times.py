"""When to expect a decision, from the durations of recent similar files (rules.decision_times)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.decision_times import MINIMUM_SAMPLE, decision_times, nearest_rank

durations = st.lists(st.integers(min_value=0, max_value=2000), min_size=MINIMUM_SAMPLE, max_size=400)


def test_ten_files_decided_after_10_to_100_days():
    figures = decision_times([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    assert figures.enough
    assert (figures.within_count, figures.sample, figures.within_days) == (8, 10, 80)
    assert figures.median_days == 50
    assert (figures.fastest_days, figures.slowest_days) == (10, 100)


def test_the_order_of_the_durations_does_not_matter():
    assert decision_times([100, 10, 90, 20, 80, 30, 70, 40, 60, 50]).within_days == 80


def test_nine_files_are_not_enough():
    figures = decision_times([10, 20, 30, 40, 50, 60, 70, 80, 90])
    assert not figures.enough
    assert figures.sample == 9
    assert figures.within_days == 0


def test_files_decided_the_same_day_as_the_eighth_count_too():
    figures = decision_times([5] * 9 + [300])
    assert (figures.within_count, figures.within_days) == (9, 5)


def test_eleven_files():
    # 0.8 × 11 = 8.8: nine files, the ninth taking 90 days.
    figures = decision_times([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110])
    assert (figures.within_count, figures.sample, figures.within_days) == (9, 11, 90)
    assert figures.median_days == 60


def test_a_negative_duration_is_an_error():
    with pytest.raises(ValueError):
        decision_times([-1] + [10] * 10)


def test_nearest_rank_needs_durations():
    with pytest.raises(ValueError):
        nearest_rank([], 0.5)


@given(durations)
def test_the_headline_is_true_of_the_sample(values):
    figures = decision_times(values)
    assert figures.enough and figures.sample == len(values)
    # "k of n were decided within d days" counts the files exactly.
    assert figures.within_count == sum(1 for days in values if days <= figures.within_days)
    # At least eight in ten, and d is a real file's duration (not an interpolation).
    assert figures.within_count * 10 >= 8 * len(values)
    assert figures.within_days in values
    # No smaller duration of the sample would already cover eight in ten.
    smaller = [days for days in values if days < figures.within_days]
    assert len(smaller) * 10 < 8 * len(values)


@given(durations)
def test_the_figures_are_in_order(values):
    figures = decision_times(values)
    assert figures.fastest_days <= figures.median_days <= figures.within_days <= figures.slowest_days
    assert min(values) == figures.fastest_days and max(values) == figures.slowest_days


@given(durations, st.integers(min_value=0, max_value=2000))
def test_one_more_slow_file_never_makes_the_figure_shorter(values, extra):
    before = decision_times(values)
    after = decision_times([*values, max(values) + extra])
    assert after.within_days >= before.within_days


@given(st.lists(st.integers(min_value=0, max_value=2000), max_size=MINIMUM_SAMPLE - 1))
def test_below_the_minimum_no_figure_is_given(values):
    figures = decision_times(values)
    assert not figures.enough and figures.sample == len(values)
