"""What tests/test_fuzz.py drives: every public callable of coursekit, and one valid call of each.

- :func:`public_callables` walks coursekit's public modules (no ``_private`` module or name) and
  returns every function, class and public method defined there, by qualified name.
- :data:`VALID` holds one small call that works, per callable: a function returning the arguments
  by name (fresh tables each time), taken from the docstrings' examples.
- :data:`SKIPPED` lists the callables that take no input from a student, each with the reason.
- :data:`NOT_FUZZED` lists single arguments that are the code's own plumbing (a figure, a question
  of a bank), each with the reason; every other argument of every call is fuzzed.
- :data:`KEYS`: the id columns that must not repeat in a table argument.
- :data:`TOLERATED_NAN`: result columns whose NaN is documented (a tier without customers).
"""

import functools
import importlib
import inspect
import io
import pkgutil

import numpy as np
import pandas as pd

import coursekit


def public_modules():
    """coursekit and every module of it whose dotted name has no ``_private`` part."""
    names = ["coursekit"] + [info.name for info in pkgutil.walk_packages(coursekit.__path__, "coursekit.")]
    return [importlib.import_module(name) for name in names if not any(p.startswith("_") for p in name.split("."))]


def public_callables():
    """{qualified name: callable}: each public function and class defined in a public module (or re-exported by
    ``coursekit`` itself from a private one, as ``setup``), and each public method of those classes."""
    found = {}
    for module in public_modules():
        exported = set(getattr(module, "__all__", ()))
        for name, obj in vars(module).items():
            if name.startswith("_") or not callable(obj) or not getattr(obj, "__module__", "").startswith("coursekit"):
                continue
            private_home = any(part.startswith("_") for part in obj.__module__.split("."))
            if obj.__module__ == module.__name__:
                key = f"{module.__name__}.{name}"
            elif private_home and name in exported:
                key = f"{module.__name__}.{name}"
            else:
                continue  # imported from another module: listed there
            found[key] = obj
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and inspect.isfunction(member):
                        found[f"{key}.{attr}"] = member
    return found


# ---------------------------------------------------------------- small course-like tables


def orders():
    """Six orders of three customers over 2024–2025 (course columns, with order numbers)."""
    return pd.DataFrame(
        {
            "transaction_id": ["T1", "T2", "T3", "T4", "T5", "T6"],
            "customer_id": ["a", "a", "b", "c", "c", "b"],
            "date": pd.to_datetime(
                ["2024-01-05", "2024-03-20", "2024-02-01", "2024-03-10", "2025-01-15", "2025-04-01"]
            ),
            "revenue": [100.0, 50.0, 500.0, 20.0, 20.0, 30.0],
            "gross_margin": [30.0, 15.0, 150.0, 6.0, 6.0, 9.0],
        }
    )


def people():
    """The three customers of :func:`orders`."""
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c"],
            "customer_type": ["retail", "merchant", "retail"],
            "join_date": pd.to_datetime(["2024-01-05", "2023-06-01", "2024-03-10"]),
            "acquisition_channel": ["referral", "store", "online"],
            "acquisition_cost": [50.0, 80.0, 120.0],
            "preferred_contact": ["wechat", "visit", "phone"],
            "service_cost": [20.0, 40.0, 10.0],
            "revenue": [150.0, 530.0, 40.0],
            "gross_margin": [45.0, 159.0, 12.0],
        }
    )


def cases():
    """Three service cases of the customers of :func:`orders`."""
    return pd.DataFrame(
        {
            "case_id": ["S1", "S2", "S3"],
            "customer_id": ["a", "b", "c"],
            "opened": pd.to_datetime(["2024-02-10", "2024-03-02", "2024-05-01"]),
            "channel": ["phone", "letter", "phone"],
            "response_hours": [2.0, 60.0, 30.0],
            "resolution": ["partial", "unresolved", "resolved"],
            "repurchased_12m": [1, 0, 1],
        }
    )


def calls():
    """Six hotline calls, four answered by agents 77 and 12."""
    return pd.DataFrame(
        {
            "call_id": ["K1", "K2", "K3", "K4", "K5", "K6"],
            "date": pd.to_datetime(["2025-10-01"] * 3 + ["2025-10-02"] * 3),
            "hour": [9, 9, 10, 9, 11, 11],
            "wait_seconds": [10, 30, 300, 20, 90, 15],
            "abandoned": [0, 0, 1, 0, 0, 0],
            "agent_id": pd.array([77, 12, None, 77, 77, 12], dtype="Int64"),
            "satisfaction": pd.array([5, 4, None, 5, 3, 4], dtype="Int64"),
        }
    )


def survey():
    """Four survey answers with every column of the course survey."""
    attributes = ("service", "appearance", "image", "cost", "delivery")
    return pd.DataFrame(
        {
            "respondent_id": ["R1", "R2", "R3", "R4"],
            **{f"expectation_{a}": [5, 7, 7, 3] for a in attributes},
            **{f"performance_{a}": [6, 6, 7, 5] for a in attributes},
            "overall_satisfaction": [1, 7, 7, 4],
            "would_repurchase": [2, 6, 7, 4],
            "would_recommend": [1, 9, 10, 5],
        }
    )


def value_table():
    """Twenty customers' revenue, gross margin and cost to serve (as segments.customer_value_table)."""
    rng = np.random.default_rng(7)
    revenue = np.round(rng.gamma(1.0, 500.0, 20), 2)
    return pd.DataFrame(
        {
            "revenue": revenue,
            "gross_margin": np.round(0.3 * revenue, 2),
            "service_cost": np.round(rng.uniform(5, 80, 20), 2),
        },
        index=pd.Index([f"C{i:02d}" for i in range(20)], name="customer_id"),
    )


def tiers():
    """One customer per tier, with revenue, profit and cost to serve."""
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e"],
            "tier": ["platinum", "gold", "iron", "lead", "lead"],
            "revenue": [900.0, 300.0, 120.0, 50.0, 50.0],
            "profit": [300.0, 60.0, 20.0, -10.0, -30.0],
            "service_cost": [40.0, 30.0, 20.0, 25.0, 35.0],
        }
    )


def csv_file():
    """An open text file holding a small customer CSV (read_customer_csv reads it from where it is)."""
    return io.StringIO('客户编号,客户类型,获客成本\nC1,零售客户,50\nC2,商家,"1,200"\n')


def choice_question():
    """A two-option question, as the banks write them."""
    from coursekit.quiz import Choice

    return Choice(
        prompt={"zh": "哪个更大？", "en": "Which is larger?"},
        options=[{"zh": "1", "en": "1"}, {"zh": "2", "en": "2"}],
        correct=1,
        hint={"zh": "比一比", "en": "compare"},
        explanations=[{"zh": "小", "en": "smaller"}, {"zh": "大", "en": "larger"}],
    )


def a_figure():
    from coursekit import style

    return style.figure()[0]


# ---------------------------------------------------------------- one valid call per callable


def _concepts():
    from coursekit import complaints, customer_base, retention, segments, value

    return complaints, customer_base, retention, segments, value


def _chart_table(key):
    """A fresh copy of the table (or dict) a chart draws, made once by a concept function from the tables above."""
    made = _made_chart_table(key)
    return made.copy()


@functools.cache
def _made_chart_table(key):
    complaints, customer_base, retention, segments, value = _concepts()
    makers = {
        "gap": lambda: complaints.satisfaction_by_gap([-1.0, -0.9, 0.1, 1.2], [2, 3, 4, 6]),
        "iceberg": lambda: complaints.complaint_iceberg(1000),
        "channels": lambda: complaints.cases_by_channel(cases()),
        "handling": lambda: complaints.repurchase_by_handling(cases()),
        "waits": lambda: complaints.satisfaction_by_wait(calls(), agent=77),
        "hours": lambda: customer_base.calls_by_hour(calls()),
        "mix": lambda: customer_base.customer_mix(people()),
        "spread": lambda: customer_base.expectation_spread(survey()),
        "scores": lambda: customer_base.tv_choice(),
        "cohorts": lambda: retention.cohorts([0.8, 0.5], years=2),
        "by_group": lambda: retention.yearly_retention(orders(), people(), by="customer_type"),
        "lift": lambda: retention.profit_lift_curves(horizons=[10]),
        "lapse": lambda: retention.lapse_by_case_outcome(orders(), cases(), year=2024),
        "histories": lambda: segments.margin_histories(orders(), ["a", "c"]),
        "referral": lambda: value.referral_cost(people()),
        "curve": lambda: segments.pareto_curve([8, 1, 1, 0, 0]),
        "economics": lambda: segments.tier_economics(tiers()),
        "payoff": lambda: value.satisfaction_payoff(survey()),
    }
    return makers[key]()


def _i18n_message():
    from coursekit.i18n import Arg, Message

    return Message("errors.range", name=Arg("retention"), value=1.5, allowed="[0, 1)")


def _bg_nbd():
    """A BG/NBD model with a > 1, so expected purchases exist (parameters near lifetimes' CDNOW fit)."""
    from coursekit.repeat_buying import BGNBD

    return BGNBD({"r": 0.24, "alpha": 4.41, "a": 1.79, "b": 2.43}, -9.5)


def _gamma_gamma():
    from coursekit.repeat_buying import GammaGamma

    return GammaGamma({"p": 6.25, "q": 3.74, "gamma": 15.44}, -100.0)


def _join():
    from coursekit.i18n import Join

    return Join(["a", _i18n_message()])


def _arg(name):
    from coursekit.i18n import Arg

    return Arg(name)


def _exercise():
    from coursekit.exercises import exercise

    return exercise("lesson2.clv_one_customer")


def _summary():
    return pd.DataFrame(
        {
            "frequency": [0.0, 2, 5, 1, 0, 3],
            "recency": [0.0, 30, 60, 10, 0, 50],
            "T": [90.0, 80, 70, 60, 50, 65],
            "monetary_value": [0.0, 35.0, 20.0, 50.0, 0.0, 28.0],
        }
    )


def _error():
    from coursekit.errors import CourseInputError

    return CourseInputError("errors.range", name="retention", value=1.5, allowed="[0, 1)")


def _simulator():
    from coursekit.sims import overpromise_simulator

    return overpromise_simulator()


def _charts():
    from coursekit import charts

    return charts


def _lesson5_model():
    """The BG/NBD model of lesson 5's docstring examples (a > 1)."""
    from coursekit.repeat_buying import BGNBD

    return BGNBD({"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, 0.0)


def _lesson5_spend():
    from coursekit.repeat_buying import GammaGamma

    return GammaGamma({"p": 2.0, "q": 3.0, "gamma": 100.0}, 0.0)


def _weekly_orders():
    """Five orders of two customers over six weeks (holdout's example)."""
    return pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "b", "b"],
            "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-02-05", "2024-01-08", "2024-02-12"]),
            "revenue": [10.0, 20.0, 30.0, 50.0, 60.0],
        }
    )


def _split():
    return pd.DataFrame(
        {
            "frequency": [1.0, 3.0], "recency": [1.0, 9.0], "T": [10.0, 10.0], "holdout_purchases": [0.0, 2.0],
            "holdout_length": [5.0, 5.0], "recent_purchases": [0.0, 2.0],
        }
    )


def _comparison():
    return pd.DataFrame(
        {"frequency": [0.0, 1.0, 5.0], "actual": [1.0, 0.0, 4.0], "model_forecast": [0.5, 0.7, 3.0],
         "naive_forecast": [0.0, 1.0, 6.0]}
    )


@functools.cache
def _made_story():
    from coursekit.customer_outlook import simulate_customers

    return simulate_customers({"r": 1.0, "alpha": 10.0, "a": 1.0, "b": 3.0}, customers=3, periods=52)


def _alive_grid():
    from coursekit.customer_outlook import alive_grid

    return alive_grid(_lesson5_model(), T=3)


def _outlook_values():
    return pd.DataFrame(
        {"probability_alive": [0.1, 0.9, 0.95, 0.8], "lifetime_value": [0.0, 50.0, 900.0, 10.0]},
        index=["a", "b", "c", "d"],
    )


VALID = {
    # coursekit itself
    "coursekit.setup": lambda: {"lang": "zh", "presentation": False, "seed": 2024},
    # errors
    "coursekit.errors.plain": lambda: {"value": np.array([1, 2])},
    "coursekit.errors.check_number": lambda: {"name": "margin", "value": [3, 4.5]},
    "coursekit.errors.check_range": lambda: {
        "name": "discount", "value": 0.1, "low": 0, "high": 1, "low_open": False, "high_open": True
    },
    "coursekit.errors.check_single": lambda: {"name": "budget", "value": 10_000, "bounds": {"low": 0}},
    "coursekit.errors.check_shapes": lambda: {"values": {"margin": np.array([1.0, 2.0]), "retention": 0.8}},
    "coursekit.errors.check_int": lambda: {"name": "years", "value": 10, "low": 1, "high": 100},
    "coursekit.errors.check_choice": lambda: {"name": "timing", "value": "end", "choices": ("end", "start")},
    "coursekit.errors.check_columns": lambda: {
        "name": "transactions", "frame": orders(), "required": ["customer_id", "date"]
    },
    "coursekit.errors.check_no_missing": lambda: {
        "name": "customers", "column": "customer_id", "values": pd.Series(["C1", "C2"])
    },
    "coursekit.errors.check_unique": lambda: {
        "name": "customers", "column": "customer_id", "values": pd.Series(["C1", "C2"])
    },
    "coursekit.errors.check_key": lambda: {"name": "cases", "table": cases(), "column": "case_id"},
    "coursekit.errors.check_date_column": lambda: {
        "name": "transactions", "column": "date", "values": pd.Series(["2024-03-01", "2024-05-02"])
    },
    "coursekit.errors.check_date": lambda: {"name": "asof", "value": "2025-12-31"},
    "coursekit.errors.check_number_column": lambda: {
        "name": "transactions", "column": "revenue", "values": pd.Series([10, 20]), "low": 0, "high": None
    },
    "coursekit.errors.check_table_numbers": lambda: {
        "name": "table", "table": pd.DataFrame({"share": [0.2, 0.8]}), "columns": ["share"], "low": 0, "high": 1,
        "whole": False,
    },
    "coursekit.errors.check_transactions": lambda: {
        "transactions": orders(), "customer": "customer_id", "date": "date", "amount": "revenue"
    },
    "coursekit.errors.check_values": lambda: {"name": "values", "values": [3, 1], "nonnegative": True},
    # i18n
    "coursekit.i18n.Message.render": lambda: {"self": _i18n_message(), "lang": "en", "labels": {"retention": "R"}},
    "coursekit.i18n.Message.bilingual": lambda: {"self": _i18n_message(), "labels": {"retention": "R"}},
    "coursekit.i18n.Join.render": lambda: {
        "self": _join(), "lang": "en", "labels": None
    },
    "coursekit.i18n.LocalizedError.render": lambda: {"self": _error(), "lang": "en", "labels": {"retention": "R"}},
    "coursekit.i18n.LocalizedError.bilingual": lambda: {"self": _error(), "labels": {"retention": "R"}},
    "coursekit.i18n.set_language": lambda: {"lang": "zh"},
    "coursekit.i18n.catalog": lambda: {"name": "common"},
    "coursekit.i18n.entry": lambda: {"key": "columns.revenue"},
    "coursekit.i18n.has_text": lambda: {"key": "columns.revenue"},
    "coursekit.i18n.text": lambda: {
        "key": "errors.range", "lang": "en", "labels": {"retention": "R"},
        "fields": {"name": _arg("retention"), "value": 1.5, "allowed": "[0, 1)"},
    },
    "coursekit.i18n.category_label": lambda: {"code": "retail", "lang": "en"},
    # style
    "coursekit.style.apply": lambda: {"presentation": False},
    "coursekit.style.png": lambda: {"fig": a_figure(), "compress_level": 1},
    "coursekit.style.figure": lambda: {"nrows": 1, "ncols": 2, "kwargs": {"figsize": (6, 3)}},
    # data
    "coursekit.data.load": lambda: {"name": "survey"},
    "coursekit.data.read_customer_csv": lambda: {"path": csv_file(), "table": "customers", "required": None},
    # display
    "coursekit.display.result": lambda: {"value": 266.666, "label": "value.clv", "unit": "yuan", "decimals": 2},
    "coursekit.display.results": lambda: {"items": [(100.0, "value.clv", "yuan", 0), (3, "value.breakeven_year")]},
    "coursekit.display.localize": lambda: {
        "table": pd.DataFrame({"tier": ["platinum", "lead"], "lapsed": [True, False], "revenue": [1.0, 2.0]}),
        "lang": "en",
    },
    # value
    "coursekit.value.margin_multiple": lambda: {"retention": 0.8, "discount": 0.12},
    "coursekit.value.lifetime_value": lambda: {
        "margin": 100, "retention": 0.8, "discount": 0.1, "years": 5, "acquisition_cost": 150, "growth": 0.02,
        "timing": "end",
    },
    "coursekit.value.cumulative_value": lambda: {
        "margin": 100, "retention": 0.8, "discount": 0.1, "years": 3, "acquisition_cost": 150, "growth": 0.0,
        "timing": "start",
    },
    "coursekit.value.breakeven_year": lambda: {
        "margin": 100, "retention": 0.8, "discount": 0.1, "acquisition_cost": 150, "growth": 0.0, "timing": "end",
        "max_years": 20,
    },
    "coursekit.value.customer_equity": lambda: {
        "customers": 1000, "margin": 100, "retention": 0.8, "discount": 0.1, "new_customers": 200,
        "acquisition_cost": 150, "years": 10, "growth": 0.0,
    },
    "coursekit.value.lifetime_revenue": lambda: {"purchase_value": 30_000, "purchases_per_year": 0.2, "years": 40},
    "coursekit.value.referral_cost": lambda: {"customers": people()},
    "coursekit.value.satisfaction_payoff": lambda: {"survey": survey()},
    # retention
    "coursekit.retention.churn_replacement_cost": lambda: {
        "customers": 175e6, "churn_rate": [0.01, 0.02], "cost_per_customer": 300, "periods": 12
    },
    "coursekit.retention.annual_churn": lambda: {"monthly_churn": 0.015},
    "coursekit.retention.monthly_churn": lambda: {"annual_churn": 0.2},
    "coursekit.retention.survival_after": lambda: {"retention": 0.8, "years": 5},
    "coursekit.retention.cohort_survival": lambda: {"retention": 0.8, "years": 3, "start": 1000},
    "coursekit.retention.cohorts": lambda: {"retentions": [0.8, 0.5], "years": 2, "start": 100},
    "coursekit.retention.profit_lift_curves": lambda: {
        "horizons": [3, 10], "delta": 0.05, "discount": 0.1, "margin_growth": 0.0
    },
    "coursekit.retention.retention_profit_lift": lambda: {
        "retention": [0.8, 0.9], "delta": 0.05, "discount": 0.1, "years": 20, "margin": 1.0, "margin_growth": 0.05
    },
    "coursekit.retention.cost_per_retention_point_from_ratio": lambda: {
        "customers": 1000, "cost_per_new_customer": 200, "ratio": 5
    },
    "coursekit.retention.acquisition_vs_retention": lambda: {
        "budget": 2000, "retention_share": 0.5, "cost_per_new_customer": 200, "cost_per_retention_point": 400,
        "customers": 1000, "retention": 0.8, "margin": 100, "years": 3, "discount": 0.05, "max_retention": 0.95,
    },
    "coursekit.retention.yearly_retention": lambda: {"transactions": orders(), "customers": people(),
                                                     "by": "customer_type"},
    "coursekit.retention.lapse_by_case_outcome": lambda: {"transactions": orders(), "service_cases": cases(),
                                                          "year": 2024},
    "coursekit.retention.at_risk_customers": lambda: {
        "transactions": orders(), "service_cases": cases(), "customers": people(), "year": 2024
    },
    "coursekit.retention.first_and_repeat_revenue": lambda: {"transactions": orders(), "customers": people()},
    "coursekit.retention.acquisition_cost_by_channel": lambda: {"customers": people(), "customer_type": "retail"},
    # segments
    "coursekit.segments.rfm": lambda: {
        "transactions": orders(), "customer": "customer_id", "date": "date", "amount": "revenue",
        "asof": "2025-06-01", "bins": 3,
    },
    "coursekit.segments.purchase_summary": lambda: {
        "transactions": orders(), "customer": "customer_id", "date": "date", "amount": "revenue",
        "observation_end": "2025-06-01", "freq": "D",
    },
    "coursekit.segments.customer_value_table": lambda: {"customers": people(), "transactions": orders()},
    "coursekit.segments.margin_histories": lambda: {"transactions": orders(), "customer_ids": ["a", "c"]},
    "coursekit.segments.lorenz_curve": lambda: {"values": [1, 3, 0, 6]},
    "coursekit.segments.gini": lambda: {"values": [1, 1, 1, 10]},
    "coursekit.segments.pareto_share": lambda: {"values": [8, 1, 1, 0, 0], "top": 0.3},
    "coursekit.segments.pareto_curve": lambda: {"values": [8, 1, 1, 0, 0]},
    "coursekit.segments.pareto_table": lambda: {"values": [8, 1, 1, 0, 0], "tops": (0.2, 0.6)},
    "coursekit.segments.customer_tiers": lambda: {
        "values": [30, 5, -2, 12, 8, 1, 0, 2, 4, 3], "cutoffs": (0.1, 0.3, 0.7)
    },
    "coursekit.segments.tier_economics": lambda: {
        "customers": tiers(), "tier": "tier", "revenue": "revenue", "profit": "profit",
        "cost_to_serve": "service_cost",
    },
    "coursekit.segments.pyramid_model": lambda: {
        "customers_table": value_table(), "platinum": 0.1, "gold": 0.2, "iron": 0.4, "reallocation": 0.5,
        "top_elasticity": 0.3, "lead_elasticity": 0.3,
    },
    # complaints
    "coursekit.complaints.disconfirmation": lambda: {"expectation": 7, "performance": [8.5, 6]},
    "coursekit.complaints.satisfaction": lambda: {"expectation": [7, 7, 7], "performance": [9, 7.3, 5],
                                                  "tolerance": 0.5},
    "coursekit.complaints.check_ratings": lambda: {
        "name": "performances", "ratings": {"service": 8, "cost": 6.5}, "keys": ["service", "cost"],
        "reference": "expectations", "bounds": {"low": 1, "high": 10},
    },
    "coursekit.complaints.weight_shares": lambda: {
        "weights": {"service": 3, "cost": 1}, "keys": ["service", "cost"], "reference": "expectations"
    },
    "coursekit.complaints.attribute_satisfaction": lambda: {
        "expectations": {"service": 8, "cost": 6}, "performances": {"service": 6, "cost": 9},
        "weights": {"service": 1, "cost": 2}, "tolerance": 0.5,
    },
    "coursekit.complaints.overpromise": lambda: {
        "promised": 9, "delivered": 6, "scale": 10, "max_buy": 0.5, "tolerance": 0.5
    },
    "coursekit.complaints.complaint_iceberg": lambda: {
        "dissatisfied": 1000, "complain_share": 0.04, "third_party_share": 0.01, "tell_others": 9.5,
        "loud_share": 0.13, "severity": "major",
    },
    "coursekit.complaints.stay_probability": lambda: {
        "resolution": 1, "response_days": 7, "severity": "minor", "half_life_days": 7, "apology": 0.5,
        "apology_effect": 0.1,
    },
    "coursekit.complaints.complaint_outcome": lambda: {
        "complainers": 100, "resolution": 0.8, "response_days": 3, "value_per_customer": 1000, "severity": "major",
        "tell_others": 9.5, "tell_good": 5, "complain_share": 0.04, "half_life_days": 7, "apology": 0.2,
        "third_party_share": 0.01,
    },
    "coursekit.complaints.satisfaction_by_gap": lambda: {
        "gap": [-1.0, -0.9, 0.1, 1.2], "satisfaction": [2, 3, 4, 6], "tolerance": 0.5, "width": 0.5, "limit": 2.0
    },
    "coursekit.complaints.cases_by_channel": lambda: {"cases": cases()},
    "coursekit.complaints.repurchase_by_handling": lambda: {"cases": cases(), "fast_hours": 24},
    "coursekit.complaints.satisfaction_by_wait": lambda: {"calls": calls(), "agent": 77},
    # customer_base
    "coursekit.customer_base.calls_by_hour": lambda: {"calls": calls()},
    "coursekit.customer_base.customer_mix": lambda: {"customers": people(), "by": "customer_type",
                                                     "revenue": "revenue"},
    "coursekit.customer_base.expectation_spread": lambda: {"survey": survey()},
    "coursekit.customer_base.price_rating": lambda: {"prices": [2800, 2600], "yuan_per_point": 100, "top": 10},
    "coursekit.customer_base.choice_scores": lambda: {
        "ratings_a": {"service": 9, "cost": 6}, "ratings_b": {"service": 6, "cost": 10},
        "weights": {"service": 3, "cost": 1},
    },
    "coursekit.customer_base.check_two_prices": lambda: {"prices": (2800, 2600)},
    "coursekit.customer_base.overrides": lambda: {
        "name": "ratings_a", "given": {"service": 9}, "defaults": {"service": 7, "cost": 8}, "added": ()
    },
    "coursekit.customer_base.added_attributes": lambda: {
        "ratings_a": {"service": 9, "performance": 7}, "ratings_b": {"performance": 8}
    },
    "coursekit.customer_base.tv_choice": lambda: {
        "weights": {"cost": 2}, "ratings_a": {"service": 9}, "ratings_b": {"image": 9}, "prices": (2800, 2600),
        "yuan_per_point": 100,
    },
    # repeat_buying (lesson 5)
    "coursekit.repeat_buying.bg_nbd_log_likelihood": lambda: {
        "r": 0.24, "alpha": 4.41, "a": 0.79, "b": 2.43, "frequency": [2, 0], "recency": [30.4, 0], "T": [38.9, 20]
    },
    "coursekit.repeat_buying.BGNBD": lambda: {
        "params": {"r": 0.24, "alpha": 4.41, "a": 1.79, "b": 2.43}, "log_likelihood": -9.5},
    "coursekit.repeat_buying.GammaGamma": lambda: {
        "params": {"p": 6.25, "q": 3.74, "gamma": 15.44}, "log_likelihood": -100.0},
    "coursekit.repeat_buying.BGNBD.probability_alive": lambda: {
        "self": _bg_nbd(), "frequency": [2, 0], "recency": [30.4, 0], "T": [38.9, 20]
    },
    "coursekit.repeat_buying.BGNBD.expected_purchases": lambda: {
        "self": _bg_nbd(), "t": 30, "frequency": [2, 0], "recency": [30.4, 0], "T": [38.9, 20],
    },
    "coursekit.repeat_buying.BGNBD.expected_repeat_purchases": lambda: {
        "self": _bg_nbd(), "t": [10, 30],
    },
    "coursekit.repeat_buying.fit_bg_nbd": lambda: {"summary": _summary()},
    "coursekit.repeat_buying.gamma_gamma_log_likelihood": lambda: {
        "p": 6.25, "q": 3.74, "gamma": 15.44, "frequency": [2, 5], "monetary_value": [35.0, 20.0]
    },
    "coursekit.repeat_buying.GammaGamma.expected_spend": lambda: {
        "self": _gamma_gamma(), "frequency": [2, 0], "monetary_value": [35.0, 0.0]
    },
    "coursekit.repeat_buying.fit_gamma_gamma": lambda: {"summary": _summary()},
    "coursekit.repeat_buying.lifetime_value_table": lambda: {
        "bg_nbd": _bg_nbd(), "gamma_gamma": _gamma_gamma(), "summary": _summary(), "margin": 0.3, "periods": 6,
        "period_length": 30,
        "discount": 0.01,
    },
    # exercises and quizzes
    "coursekit.exercises.evaluate": lambda: {
        "exercise": _exercise(),
        "answer": 6000.0,
    },
    "coursekit.exercises.exercise": lambda: {"key": "lesson2.clv_one_customer"},
    "coursekit.exercises.check": lambda: {"key": "lesson2.clv_one_customer", "answer": 5000.0},
    "coursekit.exercises.solution_works": lambda: {"key": "lesson2.clv_one_customer"},
    "coursekit.quiz.parse_number": lambda: {"response": " １２,３４５.５ "},
    "coursekit.quiz.check": lambda: {"question": choice_question(), "response": 1},
    "coursekit.quiz.answered": lambda: {"question": choice_question(), "response": 0},
    "coursekit.quiz.answer_text": lambda: {"question": choice_question()},
    "coursekit.quiz.widget": lambda: {"question": choice_question(), "number": 2},
    "coursekit.quiz.questions": lambda: {"lesson": 2},
    "coursekit.quiz.lesson_quiz": lambda: {"lesson": 1},
    # profile
    "coursekit.profile.check_fields": lambda: {"fields": ["name", "phone"]},
    "coursekit.profile.validate": lambda: {
        "fields": ["name", "gender", "age", "budget"], "values": {"name": "王芳", "gender": "女", "age": "34",
                                                                   "budget": "1,200"}
    },
    "coursekit.profile.as_table": lambda: {
        "rows": [{"name": "王芳", "gender": "女", "age": 34}], "fields": ["name", "gender", "age"]
    },
    "coursekit.profile.safe_for_spreadsheet": lambda: {"value": "=1+1"},
    "coursekit.profile.choice_code": lambda: {"key": "profile.gender_female"},
    "coursekit.profile.choice_label": lambda: {"field": "gender", "code": "female"},
    "coursekit.profile.csv_download_link": lambda: {
        "table": pd.DataFrame({"姓名": ["=王芳"], "年龄": [34]}), "filename": "mine.csv"
    },
    "coursekit.profile.ProfileForm": lambda: {"fields": ("name", "gender", "age", "budget")},
    "coursekit.profile.profile_form": lambda: {"fields": ["name", "gender", "age", "city"]},
    # guide
    "coursekit.guide.font_covers": lambda: {"sample": "客户管理"},
    "coursekit.guide.survivors_after": lambda: {"rate": 0.8, "years": 5, "start": 100},
    "coursekit.guide.demo_chart": lambda: {"rate": 0.8, "years": 5},
    # charts
    "coursekit.charts.complaints.satisfaction_by_gap_chart": lambda: {"table": _chart_table("gap")},
    "coursekit.charts.complaints.complaint_iceberg_chart": lambda: {
        "iceberg": _chart_table("iceberg")
    },
    "coursekit.charts.complaints.cases_by_channel_chart": lambda: {"table": _chart_table("channels")},
    "coursekit.charts.complaints.repurchase_by_handling_chart": lambda: {"table": _chart_table("handling")},
    "coursekit.charts.complaints.wait_and_satisfaction_chart": lambda: {"table": _chart_table("waits")},
    "coursekit.charts.customers.wait_by_hour_chart": lambda: {"table": _chart_table("hours")},
    "coursekit.charts.customers.customer_mix_chart": lambda: {"table": _chart_table("mix")},
    "coursekit.charts.customers.margin_cost_chart": lambda: {"customers": people()},
    "coursekit.charts.customers.expectation_spread_chart": lambda: {"table": _chart_table("spread")},
    "coursekit.charts.customers.attribute_label": lambda: {"name": "performance"},
    "coursekit.charts.customers.tv_choice_chart": lambda: {"scores": _chart_table("scores"),
                                                           "prices": (2800, 2600)},
    "coursekit.charts.retention.reichheld_sasser_chart": lambda: {"lifts": {"software": 0.35, "auto_service": 0.3}},
    "coursekit.charts.retention.cohort_decay_chart": lambda: {"table": _chart_table("cohorts")},
    "coursekit.charts.retention.retention_by_group_chart": lambda: {"table": _chart_table("by_group"),
                                                                    "by": "customer_type"},
    "coursekit.charts.retention.profit_lift_chart": lambda: {"table": _chart_table("lift")},
    "coursekit.charts.retention.lapse_by_outcome_chart": lambda: {"table": _chart_table("lapse")},
    "coursekit.charts.value.customer_histories_chart": lambda: {"table": _chart_table("histories")},
    "coursekit.charts.value.referral_cost_chart": lambda: {"table": _chart_table("referral")},
    "coursekit.charts.value.scissors_gap_chart": lambda: {"lifetime_service": True},
    "coursekit.charts.value.concentration_chart": lambda: {"curve": _chart_table("curve"), "top": 0.3},
    "coursekit.charts.value.customer_pyramid_chart": lambda: {"economics": _chart_table("economics")},
    "coursekit.charts.value.satisfaction_payoff_chart": lambda: {"table": _chart_table("payoff")},
    # lesson 5: customer outlook, holdout check and their charts
    "coursekit.data.course_file": lambda: {"name": "customers.csv"},
    "coursekit.customer_outlook.simulate_customers": lambda: {
        "params": {"r": 1.0, "alpha": 10.0, "a": 1.0, "b": 3.0}, "customers": 2, "periods": 52, "seed": 1
    },
    "coursekit.customer_outlook.alive_grid": lambda: {"bg_nbd": _lesson5_model(), "T": 3, "most_frequency": 2},
    "coursekit.customer_outlook.spend_independence": lambda: {
        "summary": pd.DataFrame({"frequency": [1.0, 2.0, 3.0, 4.0, 0.0], "monetary_value": [10.0, 20, 25, 40, 0]}),
        "groups": None,
    },
    "coursekit.customer_outlook.margin_rates": lambda: {
        "transactions": orders(), "customer": "customer_id", "revenue": "revenue", "margin": "gross_margin"
    },
    "coursekit.customer_outlook.lifetime_values": lambda: {
        "bg_nbd": _lesson5_model(), "gamma_gamma": _lesson5_spend(),
        "summary": pd.DataFrame({"frequency": [5.0, 5.0], "recency": [50.0, 10.0], "T": [52.0, 52.0],
                                 "monetary_value": [200.0, 200.0]}, index=["recent", "quiet"]),
        "margin": 0.2, "years": 5, "discount": 0.1, "period_length": 52,
    },
    "coursekit.customer_outlook.compare_with_tiers": lambda: {
        "values": _outlook_values(), "profit": pd.Series({"a": 800.0, "b": 40.0, "c": 100.0, "d": 5.0}),
        "cutoffs": (0.25, 0.5, 0.75), "alive_below": 0.3,
    },
    "coursekit.customer_outlook.customer_outlook": lambda: {
        "bg_nbd": _lesson5_model(), "gamma_gamma": _lesson5_spend(), "frequency": 10, "recency": 150, "T": 156,
        "monetary_value": 3000, "margin": 0.2, "years": 5, "discount": 0.1, "period_length": 52,
        "silent_periods": 104,
    },
    "coursekit.holdout.calibration_holdout": lambda: {
        "transactions": _weekly_orders(), "calibration_end": "2024-01-21", "holdout_end": "2024-02-18", "freq": "W",
        "customer": "customer_id", "date": "date", "amount": "revenue",
    },
    "coursekit.holdout.tracking_table": lambda: {
        "model": _lesson5_model(), "transactions": _weekly_orders(), "calibration_end": "2024-01-21",
        "holdout_end": "2024-02-18", "freq": "W", "customer": "customer_id", "date": "date",
    },
    "coursekit.holdout.holdout_comparison": lambda: {"model": _lesson5_model(), "split": _split()},
    "coursekit.holdout.by_calibration_purchases": lambda: {"comparison": _comparison(), "most": 2},
    "coursekit.holdout.forecast_errors": lambda: {"comparison": _comparison()},
    "coursekit.holdout.alive_check": lambda: {"model": _lesson5_model(), "split": _split(), "cutoffs": (0.5,)},
    "coursekit.charts.lifetime.customer_stories_chart": lambda: {"story": _made_story().copy(), "period_length": 52},
    "coursekit.charts.lifetime.tracking_chart": lambda: {
        "table": pd.DataFrame({"start": pd.date_range("2024-01-01", periods=4, freq="W-MON"),
                               "actual": [0.0, 2.0, 5.0, 6.0], "predicted": [0.0, 2.5, 4.5, 6.5],
                               "holdout": [False, False, True, True]})
    },
    "coursekit.charts.lifetime.conditional_expectations_chart": lambda: {
        "table": pd.DataFrame({"actual": [1.0, 2.0], "model_forecast": [1.1, 1.9], "naive_forecast": [0.5, 2.5]},
                              index=pd.Index([0, 1], name="frequency"))
    },
    "coursekit.charts.lifetime.alive_heatmap_chart": lambda: {"grid": _alive_grid()},
    "coursekit.sims.lifetime.lifetime_simulator": lambda: {
        "frequency": 10, "recency": 150, "T": 156, "monetary_value": 3000, "margin": 0.2, "bg_nbd": _lesson5_model(),
        "gamma_gamma": _lesson5_spend(),
    },
    # simulators: the constructors' arguments
    "coursekit.sims.complaints.complaint_response_simulator": lambda: {
        "dissatisfied": 2500, "response_days": 7, "resolution": 0.8, "apology": 0.0, "severity": "major",
        "value_per_customer": 5000, "complain_share": 0.04,
    },
    "coursekit.sims.complaints.expectation_simulator": lambda: {
        "expectations": {"service": 9}, "performances": {"cost": 7}, "tolerance": 0.5, "weights": {"cost": 2}
    },
    "coursekit.sims.complaints.overpromise_simulator": lambda: {
        "promised": 9, "delivered": 6, "max_buy": 0.5, "tolerance": 0.5
    },
    "coursekit.sims.customers.tv_choice_simulator": lambda: {
        "ratings_a": {"image": 7}, "ratings_b": {"service": 8}, "prices": (2800, 2600), "yuan_per_point": 100
    },
    "coursekit.sims.pyramid.pyramid_simulator": lambda: {
        "platinum": 0.05, "gold": 0.15, "iron": 0.5, "reallocation": 0.0, "top_elasticity": 0.3,
        "lead_elasticity": 0.3, "table": value_table(),
    },
    "coursekit.sims.retention.retention_simulator": lambda: {
        "retention": 0.8, "delta": 0.05, "discount": 0.1, "growth": 0.0, "years": 10, "customers": 1000,
        "margin": 100,
    },
    "coursekit.sims.retention.acquire_or_retain_simulator": lambda: {
        "budget": 10_000, "retention_share": 0.5, "cost_per_new_customer": 200, "cost_ratio": 5, "customers": 1000,
        "retention": 0.8, "margin": 100,
    },
    "coursekit.sims.retention.churn_cost_simulator": lambda: {
        "customers_millions": 175, "monthly_churn": 0.015, "cost_per_customer": 300
    },
    "coursekit.sims.value.clv_simulator": lambda: {
        "margin": 100, "retention": 0.8, "discount": 0.12, "years": 40, "acquisition_cost": 150, "growth": 0.0
    },
    "coursekit.sims.base.Simulator.notice": lambda: {"self": _simulator(), "err": _error()},
}

_NO_ARGUMENT = "takes no argument: nothing to fuzz"
_RECORD = (
    "a record written by the course's authors (a question bank, an exercise bank, a schema); its values are "
    "checked where they are used"
)
_PLUMBING = "plumbing of the simulators and charts: called with their own figures, artists and computed numbers"

SKIPPED = {
    # no argument at all
    "coursekit.data.available": _NO_ARGUMENT,
    "coursekit.data.customers": _NO_ARGUMENT,
    "coursekit.data.transactions": _NO_ARGUMENT,
    "coursekit.data.service_cases": _NO_ARGUMENT,
    "coursekit.data.call_center": _NO_ARGUMENT,
    "coursekit.data.survey": _NO_ARGUMENT,
    "coursekit.i18n.get_language": _NO_ARGUMENT,
    "coursekit.i18n.catalog_names": _NO_ARGUMENT,
    "coursekit.i18n.all_entries": _NO_ARGUMENT,
    "coursekit.style.font_path": _NO_ARGUMENT,
    "coursekit.style.register_font": _NO_ARGUMENT,
    "coursekit.guide.pinned_versions": _NO_ARGUMENT,
    "coursekit.guide.check_environment": _NO_ARGUMENT,
    "coursekit.guide.demo_slider": _NO_ARGUMENT,
    "coursekit.guide.EnvironmentReport.verdict": _NO_ARGUMENT,
    "coursekit.display.Result.parts": _NO_ARGUMENT,
    "coursekit.display.Result.shown": _NO_ARGUMENT,
    "coursekit.profile.ProfileForm.table": _NO_ARGUMENT,
    "coursekit.profile.ProfileForm.add": _NO_ARGUMENT + " (it reads the form's own widgets, tested in test_profile)",
    "coursekit.profile.ProfileForm.export": _NO_ARGUMENT,
    "coursekit.profile.ProfileForm.clear": _NO_ARGUMENT,
    "coursekit.charts.complaints.tarp_buy_again_chart": _NO_ARGUMENT + " (draws published figures)",
    "coursekit.charts.value.experience_ladder_chart": _NO_ARGUMENT + " (draws published figures)",
    "coursekit.quizbank.lesson1.questions": _NO_ARGUMENT + " (a question bank)",
    "coursekit.quizbank.lesson2.questions": _NO_ARGUMENT + " (a question bank)",
    "coursekit.quizbank.lesson3.questions": _NO_ARGUMENT + " (a question bank)",
    "coursekit.quizbank.lesson4.questions": _NO_ARGUMENT + " (a question bank)",
    "coursekit.exercisebank.lesson1.exercises": _NO_ARGUMENT + " (an exercise bank)",
    "coursekit.exercisebank.lesson2.exercises": _NO_ARGUMENT + " (an exercise bank)",
    "coursekit.quizbank.lesson1.intension_revenue_share": _NO_ARGUMENT + " (a quiz answer from the course data)",
    "coursekit.sims.base.sized": _NO_ARGUMENT,
    "coursekit.sims.base.Simulator.values": _NO_ARGUMENT,
    "coursekit.sims.base.Simulator.labels": _NO_ARGUMENT,
    "coursekit.sims.base.Simulator.update": _NO_ARGUMENT + " (reads the controls, whose ranges the sliders bound)",
    "coursekit.sims.base.Simulator.reset": _NO_ARGUMENT,
    # records of the course's authors
    "coursekit.data.Column": _RECORD + " (read_customer_csv checks a schema's kinds)",
    "coursekit.quiz.Number": _RECORD,
    "coursekit.quiz.Choice": _RECORD,
    "coursekit.exercises.Mistake": _RECORD,
    "coursekit.exercises.Exercise": _RECORD,
    "coursekit.exercises.Feedback": _RECORD + " (made by evaluate)",
    "coursekit.guide.EnvironmentReport": _RECORD + " (made by check_environment)",
    "coursekit.display.Result": _RECORD + " (made by result, which checks every argument, as its docstring says)",
    "coursekit.display.Results": _RECORD + " (made by results, which checks every item)",
    "coursekit.display.WithFallback": _RECORD + " (a widget and the HTML coursekit made for it)",
    "coursekit.i18n.Arg": "the name of an argument, written in coursekit's code (a str)",
    "coursekit.i18n.Message": "a catalog key and fields written in coursekit's code; Message.render is fuzzed",
    "coursekit.i18n.Join": "messages coursekit's code joins; Join.render is fuzzed",
    "coursekit.i18n.Whole": "a str subclass that marks course-written text (hints) as never shortened; no computation",
    "coursekit.i18n.LocalizedError": "raised by coursekit's code with a catalog key; its render is fuzzed",
    "coursekit.errors.CourseInputError": "raised by coursekit's checks with a catalog key; its render is fuzzed",
    "coursekit.errors.interval_text": "formats the bounds of coursekit's own checks (constants of its code)",
    # plumbing
    "coursekit.charts.customers.tv_choice_figure": _PLUMBING + " (tv_choice_chart checks its prices)",
    "coursekit.charts.customers.draw_tv_choice": _PLUMBING + " (tv_choice_chart checks its scores)",
    "coursekit.charts.customers.wins": _PLUMBING + " (two overall scores of choice_scores)",
    "coursekit.sims.base.slider": _PLUMBING,
    "coursekit.sims.base.png_bytes": _PLUMBING,
    "coursekit.sims.base.Simulator": _PLUMBING + " (its arguments are the model and drawing functions)",
    "coursekit.sims.base.as_shown": _PLUMBING,
    "coursekit.sims.base.new_figure": _PLUMBING,
    "coursekit.sims.base.fixed_layout": _PLUMBING,
    "coursekit.sims.base.nice_ceiling": _PLUMBING,
    "coursekit.sims.base.padded": _PLUMBING,
    "coursekit.sims.base.nice_limits": _PLUMBING,
    "coursekit.sims.base.layout_once": _PLUMBING,
    "coursekit.sims.base.tick_label_room": _PLUMBING,
    "coursekit.sims.base.set_limits": _PLUMBING,
    "coursekit.sims.base.PercentSlider": _PLUMBING + " (made by percent_slider)",
    "coursekit.sims.base.percent_slider": _PLUMBING,
    "coursekit.sims.base.model_value": _PLUMBING,
    "coursekit.customer_outlook.course_models": _NO_ARGUMENT + " (fits the models to the course data)",
    "coursekit.exercisebank.lesson5.exercises": _NO_ARGUMENT + " (an exercise bank)",
    "coursekit.exercisebank.lesson3.exercises": _NO_ARGUMENT + " (an exercise bank)",
    "coursekit.exercisebank.lesson4.exercises": _NO_ARGUMENT + " (an exercise bank)",
    "coursekit.quizbank.lesson5.questions": _NO_ARGUMENT + " (a question bank)",
    "coursekit.sims.base.Percent": _PLUMBING,
    "coursekit.sims.base.WholePercentSlider": _PLUMBING + " (a slider class)",
}

_BANK = "a question or exercise of the course's banks, never a student's input"
_CODE = "written in coursekit's code, not a student's input"
_BOUND = "the check's own settings (name, bounds, choices), " + _CODE
_FIGURE = "chart plumbing: the figure settings of coursekit's charts (style cannot use the checks of errors)"
NOT_FUZZED = {
    **{("coursekit.errors." + check, argument): _BOUND for check, arguments in {
        "check_number": ["name"], "check_range": ["name", "low", "high", "low_open", "high_open"],
        "check_single": ["name", "bounds"], "check_int": ["name", "low", "high"], "check_choice": ["name", "choices"],
        "check_columns": ["name", "required"], "check_no_missing": ["name", "column"],
        "check_unique": ["name", "column"], "check_key": ["name", "column"], "check_date_column": ["name", "column"],
        "check_date": ["name"],
        "check_number_column": ["name", "column", "low", "high"],
        "check_table_numbers": ["name", "columns", "low", "high", "whole"], "check_values": ["name", "nonnegative"],
    }.items() for argument in arguments},
    ("coursekit.errors.check_shapes", "values"): "values that other checks (check_range) returned, " + _CODE,
    ("coursekit.errors.plain", "value"): "a result of coursekit's formulas on checked inputs, " + _CODE,
    ("coursekit.complaints.check_ratings", "name"): _BOUND,
    ("coursekit.complaints.check_ratings", "keys"): _BOUND,
    ("coursekit.complaints.check_ratings", "reference"): _BOUND,
    ("coursekit.complaints.check_ratings", "bounds"): _BOUND,
    ("coursekit.complaints.weight_shares", "keys"): "the attributes of the checked expectations, " + _CODE,
    ("coursekit.complaints.weight_shares", "reference"): _BOUND,
    ("coursekit.customer_base.overrides", "name"): _BOUND,
    ("coursekit.customer_base.overrides", "defaults"): "the course's starting ratings, " + _CODE,
    ("coursekit.customer_base.overrides", "added"): "the attributes added_attributes found, " + _CODE,
    ("coursekit.style.figure", "nrows"): _FIGURE,
    ("coursekit.style.figure", "ncols"): _FIGURE,
    ("coursekit.style.figure", "kwargs"): _FIGURE,
    ("coursekit.style.png", "compress_level"): _FIGURE,
    ("coursekit.i18n.text", "labels"): "a simulator's slider labels, " + _CODE,
    ("coursekit.style.apply", "presentation"): "set by coursekit.setup, which checks it (style cannot use errors)",
    ("coursekit.quiz.check", "question"): _BANK,
    ("coursekit.quiz.answered", "question"): _BANK,
    ("coursekit.quiz.answer_text", "question"): _BANK,
    ("coursekit.quiz.widget", "question"): _BANK,
    ("coursekit.exercises.evaluate", "exercise"): _BANK,
    ("coursekit.sims.base.Simulator.notice", "err"): "an error the simulator's own model raised",
    ("coursekit.style.png", "fig"): "a figure made by coursekit's charts and simulators",
    ("coursekit.i18n.Message.render", "labels"): "a simulator's slider labels, " + _CODE,
    ("coursekit.i18n.Message.bilingual", "labels"): "a simulator's slider labels, " + _CODE,
    ("coursekit.i18n.LocalizedError.render", "labels"): "a simulator's slider labels, " + _CODE,
    ("coursekit.i18n.LocalizedError.bilingual", "labels"): "a simulator's slider labels, " + _CODE,
    ("coursekit.i18n.Join.render", "labels"): "a simulator's slider labels, " + _CODE,
}

# checks that look at one thing only and return their input as it is (check_columns: the columns are there),
# so a NaN elsewhere in it is not theirs to refuse: their result is not checked for NaN and inf
PARTIAL_CHECKS = {
    "coursekit.errors.check_columns": "checks the columns and rows, returns the table as it is",
    "coursekit.errors.check_key": "checks one id column, returns the table as it is",
    "coursekit.errors.check_unique": "checks that no value repeats, returns the column as it is",
    "coursekit.errors.check_number": "refuses what is no number and NaN; bounds (no inf) are check_range's",
    "coursekit.customer_base.overrides": "checks the keys given; choice_scores checks the ratings",
    "coursekit.display.localize": "shows the table it is given with labels; its numbers are not changed",
    "coursekit.i18n.category_label": "a label for a text code; anything else is returned as it is (documented)",
    "coursekit.profile.safe_for_spreadsheet": "neutralises text; anything else is returned as it is (documented)",
}

# arguments that name a column of a table argument: an error may quote the name given instead of the argument
# ("table transactions is missing column(s): nan")
COLUMN_ARGUMENTS = {
    *(("coursekit.segments." + f, a) for f in ("rfm", "purchase_summary") for a in ("customer", "date", "amount")),
    *(("coursekit.errors.check_transactions", a) for a in ("customer", "date", "amount")),
    ("coursekit.customer_base.customer_mix", "by"),
    ("coursekit.customer_base.customer_mix", "revenue"),
    *(("coursekit.segments.tier_economics", a) for a in ("tier", "revenue", "profit", "cost_to_serve")),
    ("coursekit.retention.yearly_retention", "by"),
    ("coursekit.charts.retention.retention_by_group_chart", "by"),
    *(("coursekit.holdout.calibration_holdout", a) for a in ("customer", "date", "amount")),
    *(("coursekit.holdout.tracking_table", a) for a in ("customer", "date")),
    *(("coursekit.customer_outlook.margin_rates", a) for a in ("customer", "revenue", "margin")),
}

# arguments whose parts are another function's arguments, which its errors name instead
ALSO_NAMED = {
    ("coursekit.display.results", "items"): ("value", "label", "unit", "decimals"),  # tuples of result's arguments
}

# id columns that must not repeat in a table argument: a repeated row would be counted twice
KEYS = {
    "customers": "customer_id",
    "transactions": "transaction_id",
    "service_cases": "case_id",
    "cases": "case_id",
    "calls": "call_id",
    "survey": "respondent_id",
}

# result columns (or keys) whose NaN or inf the docstring promises: a tier without customers has no
# per-customer value; with no time limit the simple sum of margins is infinite (the summary shows ∞);
# "*": every column
TOLERATED_NAN = {
    "coursekit.segments.tier_economics": {"profit_per_customer", "cost_to_serve_per_customer"},
    "coursekit.segments.pyramid_model": {"profit_per_customer", "cost_to_serve_per_customer"},
    "coursekit.sims.value.clv_simulator": {"naive"},
    "coursekit.customer_outlook.alive_grid": {"*"},  # every column: histories that cannot happen are NaN
}
