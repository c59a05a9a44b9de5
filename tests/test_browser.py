"""The course in a real browser: every notebook run in JupyterLab under headless Chromium.

For each notebook in notebooks/ (the guide included) the test opens it in the course's
JupyterLab, runs all cells and checks, as a student would see it:

- every code cell ran, with no error or stderr output, and the kernel is idle;
- every widget is displayed as a widget (no "Error displaying widget", no "model not found");
- every picture has loaded;
- Chinese in the notebook's text is drawn with a font that has Chinese (not as boxes);
- each simulator answers a student's slider move (keys on the slider's handle): its
  figure is redrawn and its summary shows the number coursekit computes for the new
  value (computed here, in the test, with the same coursekit function).

The guide is run with JupyterLab's Chinese interface (the same steps: they use command
ids and CSS classes, never menu words). Three tests check that the checks can fail: a
notebook that warns and raises, the widgets' front end disabled, and no Chinese font.
Chinese in the charts is drawn by matplotlib with coursekit's bundled font: a missing
glyph there is a "Glyph ... missing" warning, which fails as stderr output. Screenshots
go to test-output/browser/. Select the browser tests alone with ``pytest -m browser``.

Needs Debian's chromium and fonts-wqy-microhei (apt; .ci/run installs them). Outside CI
(CI unset) the test is skipped when /usr/bin/chromium is missing; in CI it fails.
"""

import ast
import inspect
import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import nbformat
import pytest

from coursekit import complaints, customer_base, guide, retention, segments, sims, value
from coursekit.sims import complaints as complaint_sims
from coursekit.sims import lifetime as lifetime_sims
from coursekit.sims import pyramid as pyramid_sims
from coursekit.sims import retention as retention_sims
from coursekit.sims import value as value_sims
from tests.browser import notebook as nb
from tests.browser.lab import ROOT, WIDGETS_EXTENSION, fontconfig_without_cjk, jupyterlab, launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
GUIDE = "00_course_guide.ipynb"
CHINESE_INTERFACE = {GUIDE}  # notebooks run with JupyterLab's Chinese interface (zh_CN)
SCREENSHOTS = ROOT / "test-output" / "browser"


# --- what a slider move must show, per simulator ----------------------------------------------
# The simulators of a notebook are found in its source: a code cell whose last line calls a
# function named ``*_simulator`` (or the guide's ``demo_slider``). Its output's top-level widget
# box is the simulator in the page. The lessons print in Chinese, so amounts are in the
# Chinese units (e.g. 亿 = 10^8).


@dataclass(frozen=True)
class Move:
    function: Callable  # what the notebook calls (its defaults fill in the arguments not given)
    slider: int  # which slider to move, counted in screen order from 0
    keys: tuple  # keys pressed on the slider's handle
    shown: Callable  # (new slider value, the call's arguments) -> numbers the summary must show
    image: bool = True  # does it redraw a figure?


@cache
def _value_table():
    return segments.customer_value_table()


def _tv_points(v, a):
    ratings_a = {**(a["ratings_a"] or {}), "service": v}
    scores = customer_base.tv_choice(None, ratings_a, a["ratings_b"], a["prices"], a["yuan_per_point"])
    return [scores.loc["overall", "points_a"]]


def _clv(v, a):
    years = None if a["years"] in (None, math.inf) else a["years"]
    return [value.lifetime_value(v, a["retention"], a["discount"], years, a["acquisition_cost"], a["growth"])]


def _pyramid_profit(v, a):
    table = _value_table() if a["table"] is None else a["table"]
    model = segments.pyramid_model
    # v: the reallocation slider's value, in percent (coursekit.sims.base.percent_slider)
    result = model(table, a["platinum"], a["gold"], a["iron"], v / 100, a["top_elasticity"], a["lead_elasticity"])
    return [result["profit"]]


def _retention_lift(v, a):
    v = v / 100  # the retention slider holds percent; the call's arguments are fractions
    lift = retention.retention_profit_lift(v, a["delta"], a["discount"], a["years"], margin_growth=a["growth"])
    total = a["customers"] * value.lifetime_value(a["margin"], v, a["discount"], a["years"], growth=a["growth"])
    return [lift["profit_lift"].iloc[0], total]


def _acquire_profit(v, a):
    point = retention.cost_per_retention_point_from_ratio(a["customers"], a["cost_per_new_customer"], a["cost_ratio"])
    plan = retention.acquisition_vs_retention(
        a["budget"],
        v / 100,  # the share slider holds percent
        a["cost_per_new_customer"],
        point,
        a["customers"],
        a["retention"],
        a["margin"],
        years=retention_sims.PLAN_YEARS,
        max_retention=retention_sims.MAX_RETENTION,
    )
    return [plan["cumulative_profit"].iloc[-1]]


def _churn_cost(v, a):
    cost = retention.churn_replacement_cost(a["customers_millions"] * 1e6, v / 100, a["cost_per_customer"], 12)  # v: %
    return [cost["cost_total"].iloc[0] / 1e8]  # 亿美元 a year


def _complaint(v, a):
    outcome = complaints.complaint_outcome(
        a["dissatisfied"] * a["complain_share"],
        a["resolution"],
        v,
        a["value_per_customer"],
        severity=a["severity"],
        complain_share=a["complain_share"],
        apology=a["apology"],
    )
    return [outcome["stay"], outcome["total_value_lost"]]


def _expectation(v, a):
    expected = {**complaint_sims.DEFAULT_EXPECTATIONS, **(a["expectations"] or {})}
    performed = {**complaint_sims.DEFAULT_PERFORMANCES, **(a["performances"] or {}), "service": v}
    table = complaints.attribute_satisfaction(expected, performed, a["weights"], a["tolerance"])
    return [table.loc["overall", "performance"], table.loc["overall", "gap"]]


def _overpromise(v, a):
    result = complaints.overpromise(v, a["delivered"], max_buy=a["max_buy"], tolerance=a["tolerance"])
    return [result["buy_probability"], result["gap"]]


def _lifetime(v, a):
    """P(alive) and the lifetime value after moving the age at the last purchase to ``v`` weeks."""
    from coursekit import customer_outlook

    bg_nbd, gamma_gamma = customer_outlook.course_models()
    outlook = customer_outlook.customer_outlook(
        bg_nbd, gamma_gamma, a["frequency"], int(v), a["T"], a["monetary_value"], a["margin"],
        years=lifetime_sims.YEARS, discount=lifetime_sims.DISCOUNT,
    )
    return [outlook["probability_alive"], outlook["lifetime_value"]]


RIGHT, LEFT = "ArrowRight", "ArrowLeft"

# simulator function name -> the move the test makes and what it must show
SIMULATORS = {
    "demo_slider": Move(guide.demo_slider, 0, (LEFT,) * 5, lambda v, a: [guide.survivors_after(v / 100)], image=False),
    # sliders: 5 importances, then A's service rating
    "tv_choice_simulator": Move(sims.tv_choice_simulator, 5, (RIGHT,) * 2, _tv_points),
    "clv_simulator": Move(value_sims.clv_simulator, 0, (RIGHT,) * 3, _clv),  # margin
    "pyramid_simulator": Move(pyramid_sims.pyramid_simulator, 3, (RIGHT,) * 2, _pyramid_profit),  # reallocation
    "retention_simulator": Move(retention_sims.retention_simulator, 0, (RIGHT,) * 5, _retention_lift),
    "acquire_or_retain_simulator": Move(  # share of the budget spent on retention
        retention_sims.acquire_or_retain_simulator, 1, (LEFT,) * 2, _acquire_profit
    ),
    "churn_cost_simulator": Move(retention_sims.churn_cost_simulator, 1, (RIGHT,) * 5, _churn_cost),
    "complaint_response_simulator": Move(  # response days
        complaint_sims.complaint_response_simulator, 1, (LEFT,) * 6, _complaint
    ),
    # sliders: service expectation, service performance, ...
    "expectation_simulator": Move(complaint_sims.expectation_simulator, 1, (RIGHT,) * 2, _expectation),
    "overpromise_simulator": Move(complaint_sims.overpromise_simulator, 0, (LEFT,) * 2, _overpromise),
    # sliders: repeat purchases, age at the last purchase, age now, mean spend, margin rate
    "lifetime_simulator": Move(lifetime_sims.lifetime_simulator, 1, (LEFT,) * 20, _lifetime),
}


def simulator_cells(path):
    """(cell index, function name, arguments) of each cell of the notebook that shows a simulator."""
    found = []
    for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        if cell["cell_type"] != "code":
            continue
        try:
            body = ast.parse("".join(cell["source"])).body
        except SyntaxError:  # IPython syntax (%magic): not a simulator cell
            continue
        if not (body and isinstance(body[-1], ast.Expr) and isinstance(body[-1].value, ast.Call)):
            continue
        call = body[-1].value
        name = getattr(call.func, "attr", getattr(call.func, "id", ""))
        if name not in SIMULATORS and not name.endswith("_simulator"):
            continue
        assert name in SIMULATORS, f"{path.name} cell {index}: {name}() has no entry in the test's simulator table"
        args = [ast.literal_eval(arg) for arg in call.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        bound = inspect.signature(SIMULATORS[name].function).bind(*args, **kwargs)
        bound.apply_defaults()
        found.append((index, name, dict(bound.arguments)))
    return found


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lab_chinese(tmp_path_factory):
    with jupyterlab(tmp_path_factory.mktemp("lab-zh"), locale="zh_CN") as server:
        yield server


@pytest.fixture
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def open_page(context, server, name, workspace):
    path = f"notebooks/{name}"
    page = nb.open_notebook(context, server, path, workspace)
    return page, path


def close_page(page, path):
    try:
        nb.shut_down(page, path)
    finally:
        page.close()


# --- the tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_the_browser(notebook, chromium, request, screenshots):
    chinese = notebook.name in CHINESE_INTERFACE
    server = request.getfixturevalue("lab_chinese" if chinese else "lab")
    page, path = open_page(chromium, server, notebook.name, notebook.stem)
    try:
        if chinese:
            labels = page.evaluate(nb.MENU_LABELS)
            assert {"编辑", "运行"} <= set(labels), f"the interface is not in Chinese: menus {labels}"

        font_problem = nb.cjk_font_problem(nb.measure_cjk(page))  # the notebook's title
        assert font_problem is None, font_problem

        nb.run_all(page, path)
        page.screenshot(path=screenshots / f"{notebook.stem}.png")
        problems = nb.problems(page, path)
        assert not problems, f"{notebook.name}:\n" + "\n".join(problems)

        cells = simulator_cells(notebook)
        expected_count = sum(SIMULATORS[name].image for _, name, _ in cells)
        assert page.evaluate(nb.SIMULATOR_COUNT, path) == expected_count, "simulators on the page ≠ in the notebook"
        for number, (index, name, arguments) in enumerate(cells, start=1):
            check_simulator(page, path, index, name, arguments, screenshots / f"{notebook.stem}-sim{number}.png")
    finally:
        close_page(page, path)


def check_simulator(page, path, index, name, arguments, screenshot):
    """Move the simulator's slider as a student does (keys on its handle) and check that the
    figure is redrawn and the summary shows what coursekit computes for the new value."""
    move = SIMULATORS[name]
    where = f"{path} cell {index} ({name})"
    boxes = nb.simulator_boxes(page, path, index)
    assert len(boxes) == 1, f"{where}: {len(boxes)} widget boxes in the output"
    box = boxes[0]
    font_problem = nb.cjk_font_problem(nb.measure_cjk(box, ".widget-label"))  # the widgets' font, too
    assert font_problem is None, f"{where}: {font_problem}"
    handle = nb.slider_handles(box)[move.slider]
    old_value = nb.slider_value(handle)
    before = nb.state(box)
    for x in move.shown(old_value, arguments):
        assert nb.shows_number(before["summary"], x), f"{where}: {x:,.4f} not shown before the move:\n{before}"

    handle.focus()
    for key in move.keys:
        handle.press(key)
    new_value = nb.slider_value(handle)
    assert new_value != old_value, f"{where}: the slider did not move ({old_value})"
    expected = move.shown(new_value, arguments)

    def updated():
        now = nb.state(box)
        shown = all(nb.shows_number(now["summary"], x) for x in expected)
        redrawn = not move.image or (now["image"] is not None and now["image"] != before["image"])
        return now if shown and redrawn else None

    after = nb.wait_for(updated)
    box.screenshot(path=screenshot)
    now = nb.state(box)
    assert after, (
        f"{where}: after moving slider {move.slider} from {old_value} to {new_value} the page should show "
        f"{[round(x, 4) for x in expected]} and a new figure; it shows:\n{now['summary']}\n"
        f"figure redrawn: {now['image'] != before['image']}"
    )
    problems = nb.problems(page, path)
    assert not problems, f"{where}, after the move:\n" + "\n".join(problems)


def test_widget_check_fails_without_the_widgets_front_end(chromium, tmp_path):
    """The test of the test: with JupyterLab's widget extension disabled, the guide's slider
    is not displayed, and the checks say so."""
    with jupyterlab(tmp_path / "lab", disabled_extensions=[WIDGETS_EXTENSION]) as server:
        page, path = open_page(chromium, server, GUIDE, "no-widgets")
        try:
            nb.run_all(page, path)
            problems = nb.problems(page, path)
        finally:
            close_page(page, path)
    demo_cells = [index for index, name, _ in simulator_cells(ROOT / "notebooks" / GUIDE) if name == "demo_slider"]
    assert demo_cells, "the guide has no demo slider any more"
    assert f"cell {demo_cells[0]}: 1 widget(s) not displayed as widgets" in problems, problems


def test_cjk_check_fails_without_a_chinese_font(playwright, lab, tmp_path):
    """The test of the test: with fontconfig pointed at fonts that have no Chinese
    (FONTCONFIG_FILE), the Chinese title of the guide is drawn as boxes and the check says so."""
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_without_cjk(tmp_path / "fonts"))}
    context = launch_chromium(playwright, tmp_path / "profile", env=env)
    try:
        page, path = open_page(context, lab, GUIDE, "no-cjk")
        try:
            problem = nb.cjk_font_problem(nb.measure_cjk(page))
        finally:
            close_page(page, path)
    finally:
        context.close()
    assert problem is not None and "empty boxes" in problem


def test_error_check_fails_on_a_failing_notebook(chromium, lab, screenshots):
    """The test of the test: a notebook that warns and then raises is reported (stderr, the
    error, and the cell after it that never ran)."""
    cells = ["print('ok')", "import warnings\nwarnings.warn('deprecated')", "1 / 0", "print('never')"]
    failing = screenshots / "failing.ipynb"  # test-output/ is git-ignored
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells], metadata=kernel)
    nbformat.write(notebook, failing)
    path = failing.relative_to(ROOT).as_posix()
    page = nb.open_notebook(chromium, lab, path, "failing")
    try:
        nb.run_all(page, path)
        problems = nb.problems(page, path)
    finally:
        close_page(page, path)
        failing.unlink()
    assert any(p.startswith("cell 1 wrote to stderr") and "deprecated" in p for p in problems), problems
    assert "cell 2 raised ZeroDivisionError: division by zero" in problems, problems
    assert "cell 3 did not run" in problems, problems
