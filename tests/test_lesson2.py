"""Lesson 2's review items that can be computed: what the tier table says about the lead tier's cost
to serve, the borrowed elasticity, Ford's $300,000 not called a simple sum as fact, labelled tables and
results, the chart that plots revenue, the calculator's refusal in full digits, the derivation of the
margin multiple, the presentations of lesson 1's task and the first-use explanations of pandas idioms."""

import math
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import coursekit
from coursekit import charts, data, quiz, segments, value
from coursekit.exercisebank import lesson2
from coursekit.exercises import evaluate
from coursekit.i18n import text
from coursekit.sims.pyramid import pyramid_simulator
from coursekit.sims.value import clv_simulator
from tests.test_lesson_format import plan_minutes, plans

ROOT = Path(__file__).resolve().parents[1]
LESSON = nbformat.read(ROOT / "notebooks" / "02_customer_value.ipynb", as_version=4)
PROSE = "\n".join(c.source for c in LESSON.cells if c.cell_type == "markdown")
STUDENT_PROSE = "\n".join(
    c.source for c in LESSON.cells if c.cell_type == "markdown" and "instructor" not in c.metadata.get("tags", [])
)


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()


@pytest.fixture(scope="module")
def economics():
    table = segments.customer_value_table()
    table["tier"] = segments.customer_tiers(table["profit"])
    return segments.tier_economics(table, cost_to_serve="service_cost")


def shown(cell):
    """The text of a cell's stored outputs."""
    return "\n".join(
        out.get("data", {}).get("text/plain", "") if "data" in out else out.get("text", "") for out in cell.outputs
    )


def code_cell(fragment):
    cells = [c for c in LESSON.cells if c.cell_type == "code" and fragment in c.source]
    assert len(cells) == 1, fragment
    return cells[0]


def markdown_before(fragment):
    index = next(i for i, c in enumerate(LESSON.cells) if c.cell_type == "code" and fragment in c.source)
    return next(c.source for c in reversed(LESSON.cells[:index]) if c.cell_type == "markdown")


def test_the_lead_tier_is_cheap_to_serve_but_its_cost_eats_its_margin(economics):
    lead, iron = economics.loc["lead"], economics.loc["iron"]
    assert lead["cost_to_serve_per_customer"] < iron["cost_to_serve_per_customer"]
    lead_margin = lead["profit_per_customer"] + lead["cost_to_serve_per_customer"]
    assert lead["cost_to_serve_per_customer"] / lead_margin > 0.95
    assert "并不低" not in PROSE
    numbers = [f"{round(economics.loc[t, 'cost_to_serve_per_customer']):,}" for t in ("lead", "iron")]
    assert all(n in PROSE for n in numbers) and "相对于毛利" in PROSE


def test_the_elasticity_is_labelled_as_borrowed_from_personal_selling():
    assert "人员推销" in STUDENT_PROSE and "教学假设" in STUDENT_PROSE
    sim = pyramid_simulator(reallocation=0.5)
    assert "Albers" in sim.summary.value and "人员推销" in sim.summary.value
    coursekit.setup(lang="en")
    assert "personal selling" in pyramid_simulator(reallocation=0.5).summary.value


def test_fords_figure_is_not_called_a_simple_sum_of_revenue_as_fact():
    assert "是一生购车和维修收入的简单相加" not in PROSE
    assert "收入的简单相加，不是终身价值" not in PROSE
    errata = next(line for line in PROSE.splitlines() if line.startswith("| 《客户管理》第一章 | 福特"))
    assert "素材没有说" in errata
    for key in ("sims.value.clv_summary_naive", "sims.value.clv_summary_naive_infinite"):
        for lang in ("zh", "en"):
            raw = text(key, lang=lang, margin=1, years=1, naive=1, discounted_margins=1, share_of_naive=1)
            assert ("素材没有说" in raw) if lang == "zh" else ("does not say" in raw)
    ford = next(q for q in quiz.questions(2) if "30 万美元" in q.prompt["zh"])
    assert "素材没有说" in ford.options[ford.correct]["zh"]


def test_the_margin_multiple_table_names_retention_and_discount():
    table = shown(code_cell("value.margin_multiple(retention, discount)"))
    assert text("columns.retention") in table and text("columns.discount") in table
    assert f"{float(value.margin_multiple(0.9, 0.12)):.2f}" in table


def test_the_concentration_chart_says_revenue_not_value():
    ax = charts.concentration_chart(segments.pareto_curve([5.0, 3.0, 1.0, 1.0])).axes[0]
    assert "收入" in ax.get_title() and "收入" in ax.get_ylabel() and "价值" not in ax.get_title()


def test_the_calculators_refusal_shows_1_125_not_1_12():
    sim = clv_simulator(retention=0.9, discount=0.12, years=math.inf, growth=0.25)
    assert "1.125" in sim.message.value and "1.12 " not in sim.message.value.replace("1.125", "")


def test_ten_points_of_retention_are_not_called_a_little():
    assert "只提高了一点" not in PROSE
    ordinary = value.lifetime_value(100, 0.8, 0.12)
    satisfied = value.lifetime_value(100, 0.9, 0.12, growth=0.03)
    assert f"{satisfied / ordinary:.1f} 倍" in PROSE and "少了一半" in PROSE


@pytest.mark.parametrize(
    "fragment, label",
    [
        ("segments.gini(revenue)", "segments.revenue_gini"),
        ('table["profit"] < 0', "segments.loss_making_share"),
        ("orders_per_year * years_of_orders", "value.john_orders_present_value"),
        ("growth=np.array", "value.clv_growth_10"),
    ],
)
def test_single_numbers_are_shown_with_their_names(fragment, label):
    assert f"{text(label)} = " in shown(code_cell(fragment))


def test_no_checked_cell_shows_a_bare_number():
    for cell in LESSON.cells:
        if cell.cell_type == "code" and cell.outputs:
            assert not re.fullmatch(r"\s*[-\d.,\[\]() e]+\s*", shown(cell)), cell.source


def test_the_margin_multiple_is_derived_as_a_geometric_series():
    assert r"\frac{q}{1-q}" in PROSE and r"\frac{r}{1+i-r}" in PROSE and "S-qS" in PROSE
    r, i = 0.8, 0.12
    q = r / (1 + i)
    assert sum(q**t for t in range(1, 400)) == pytest.approx(q / (1 - q)) == pytest.approx(
        float(value.margin_multiple(r, i))
    )
    assert value.lifetime_value(1, r, i, years=400) == pytest.approx(float(value.margin_multiple(r, i)))


def test_lesson_1s_presentations_have_their_minutes_in_both_periods():
    first, second = (source for _, source in plans(LESSON))
    rows = [line for line in first.splitlines() if "汇报" in line and line.startswith("|")]
    assert len(rows) == 1 and plan_minutes("| 环节 | 分钟 |\n|---|---|\n" + rows[0]) == [16]  # 8 groups × 2
    assert any("汇报" in line and line.startswith("|") for line in second.splitlines())  # groups 9 and 10
    lesson1 = nbformat.read(ROOT / "notebooks" / "01_customers.ipynb", as_version=4)
    assert any("16 分钟" in c.source and "instructor" in c.metadata.get("tags", []) for c in lesson1.cells)


@pytest.mark.parametrize(
    "fragment, words",
    [
        ('assign(customer=1).join(kinds)', ["assign", "join", "groupby"]),
        ("pd.crosstab(kinds, lines", ["crosstab", "nunique", "normalize"]),
        ('groupby("customer_id")["revenue"].sum()', ["groupby"]),
        ("np.array([0.10, 0.12", ["broadcasting"]),
    ],
)
def test_pandas_idioms_are_explained_before_their_first_use(fragment, words):
    before = markdown_before(fragment)
    assert all(word in before for word in words)


def test_the_pareto_literature_is_cited_precisely():
    assert "Marketing's 60/20 Pareto Law*. Ehrenberg-Bass Institute, draft report（SSRN 3498097）" in PROSE
    assert "Sharp (2010)" not in PROSE and "Sharp（2010）" not in PROSE  # lesson 2 does not cite it


@pytest.mark.parametrize(
    "fragment, keys",
    [
        ("segments.pareto_table(revenue)", ["columns.customer_share_percent", "columns.revenue_share_percent"]),
        ("profit_share = ", ["columns.profit_share_percent"]),
        ("tier_costs = ", ["columns.profit_per_customer_yuan", "columns.cost_to_serve_per_customer_yuan"]),
    ],
)
def test_percent_and_yuan_tables_name_their_unit(fragment, keys):
    table = shown(code_cell(fragment))
    for key in keys:
        assert text(key) in table, key
        assert ("（%）" in text(key)) or ("（元" in text(key)), key
    assert text("columns.revenue_share") + " " not in table and text("columns.profit_share") + " " not in table


def bank_feedback(key, answer):
    exercise = lesson2.exercises()[key]
    return exercise, evaluate(exercise, answer)


@pytest.mark.parametrize(
    "key, answer, words",
    [
        ("clv_one_customer", 2000 / (1 + 0.12 - 0.8), "分子漏了保持率 r"),  # r left out of the numerator
        ("clv_one_customer", round(2000 * 0.8 / 1.12, 1), "只算了第一年"),  # one year only
        (
            "ford_clv",
            value.lifetime_value(0.15 * (30_000 * 40 / 5 + 750 * 2 * 40), 0.8, 0.10, years=40),
            "先除以 40",
        ),  # the 40-year revenue total used as yearly revenue
        ("tier_profit", None, "service_cost"),  # summing the cost to serve instead of profit
    ],
)
def test_the_common_exercise_mistakes_get_their_own_hints(key, answer, words):
    if answer is None:
        table = segments.customer_value_table()
        table["tier"] = segments.customer_tiers(table["profit"])
        answer = table.groupby("tier", observed=True)["service_cost"].sum()
    exercise, feedback = bank_feedback(key, answer)
    assert feedback.correct is False and feedback.mistake is not None
    assert words in exercise.mistakes[feedback.mistake].hint["zh"] and words in feedback.message


def test_exercise_4_points_to_the_pattern_instead_of_giving_the_line():
    before = markdown_before('exercises.check("lesson2.tier_profit", tier_profit)')
    assert '["profit"].sum()' not in before and 'groupby("tier", observed=True)' not in before
    assert 'groupby("customer_id")["revenue"].sum()' in before and "observed=True" in before and "第 5 节" in before


def test_quiz_q2_says_how_to_round():
    question = next(q for q in quiz.questions(2) if "争取他花了 300 元" in q.prompt["zh"])
    assert "保留两位小数" in question.prompt["zh"] and question.decimals == 2
    assert round(question.answer, 2) == round(200 * 0.75 / (1.10 - 0.75) - 300, 2)


def test_the_quiz_asks_about_experience_and_buyer_learning_with_every_option_explained():
    question = next(q for q in quiz.questions(2) if "体验" in q.prompt["zh"] and "经验" in q.prompt["zh"])
    assert len(question.explanations) == len(question.options) >= 3
    assert "行家" in question.options[question.correct]["zh"] and "体验" in question.options[question.correct]["zh"]


NUMERALS = dict(enumerate("一二三四五六七八九", start=1))


def chinese_number(n):
    """10–19 as written in the lesson: 十三, 十四 …"""
    return "十" + NUMERALS.get(n - 10, "") if 10 <= n < 20 else str(n)


def test_the_number_of_quiz_questions_is_stated_correctly():
    count = chinese_number(len(quiz.questions(2)))
    presenter = (ROOT / "docs" / "presenter" / "02_customer_value.md").read_text(encoding="utf-8")
    assert f"（{count}道题，不占课时）" in PROSE and f"：{count}道题，当场给出反馈" in PROSE
    assert f"自测题{count}道" in presenter
    tens = "(十[一二三四五六七八九]?)"
    stated = re.findall(tens + "道题", PROSE) + re.findall("自测题" + tens + "道", presenter)
    assert stated and set(stated) == {count}


def test_the_cross_buying_prose_matches_the_table():
    transactions, customers = data.transactions(), data.customers()
    kinds = customers.set_index("customer_id")["customer_type"]
    lines = transactions.groupby("customer_id")["product"].nunique()
    mix = pd.crosstab(kinds, lines, normalize="index")
    lo, hi = (round(100 * mix.loc[["merchant", "distributor", "franchisee"], 5].agg(f)) for f in ("min", "max"))
    assert f"（{lo}%–{hi}%）买齐了五条产品线" in PROSE and "约八成买齐" not in PROSE
    assert 70 <= lo < 80 <= hi < 90  # 七成多到八成多

