"""The lessons' charts (图表), one function per picture, named for what it shows.

Every function takes data (or coursekit results) and returns a matplotlib
``Figure`` made with :func:`coursekit.style.figure`, labelled through
:mod:`coursekit.i18n`, so a lesson shows it with one call and the English
edition changes no code. Simulators have their own figures (coursekit.sims).
"""

from coursekit import style
from coursekit.i18n import text

# --- lesson 1 ---

def wait_by_hour_chart(calls):
    """Waiting at the customer hotline by hour of the day (客服热线各时段的等待时间), lesson 1's
    No. 77 case: the caller asks "why don't you have more staff?", and the data show when.

    FORMULA: per ``hour``, bar height = mean ``wait_seconds`` of all calls that came in
    (answered or abandoned); the dashed line = mean over all calls.
    SOURCE: course convention (course data: call_center).

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = wait_by_hour_chart(data.call_center())
    >>> [round(bar.get_height()) for bar in fig.axes[0].patches][2:4]
    [151, 152]
    """
    import pandas as pd

    from coursekit.errors import check_columns, check_range

    calls = check_columns("calls", calls, ["hour", "wait_seconds"])
    hours = check_range("hour", calls["hour"].to_numpy(dtype=float), low=0, high=23)
    wait = check_range("wait_seconds", calls["wait_seconds"].to_numpy(dtype=float), low=0)
    means = pd.Series(wait, index=hours.astype(int)).groupby(level=0).mean()
    fig, ax = style.figure()
    ax.bar(means.index, means.to_numpy(), color=style.PALETTE[0])
    ax.axhline(wait.mean(), color="black", linestyle="--", linewidth=1, label=text("lesson1_wait_mean"))
    ax.set_xticks(means.index)
    ax.set(title=text("lesson1_wait_title"), xlabel=text("col_hour"), ylabel=text("lesson1_wait_ylabel"))
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper right")
    return fig


def customer_mix_chart(customers, by="customer_type", revenue="revenue"):
    """Who the customers are and where the revenue comes from (客户构成与收入来源): for each
    group of customers (the codes in column ``by``: customer types, regions, channels ...)
    its share of all customers next to its share of all revenue.

    ``customers`` has one row per customer, the column ``by`` and the column ``revenue``
    (money ≥ 0, e.g. the customer's revenue over 2023–2025).
    FORMULA: for group g with n_g customers and revenue R_g, out of n and R in total:
    customer_share = n_g / n, revenue_share = R_g / R. SOURCE: course convention (the first
    of the three questions of the course seed: where does the revenue come from?).

    >>> import coursekit, pandas as pd
    >>> coursekit.setup()
    >>> c = pd.DataFrame({"customer_type": ["retail", "retail", "retail", "merchant"],
    ...                   "revenue": [100.0, 50.0, 50.0, 800.0]})
    >>> [float(bar.get_width()) for bar in customer_mix_chart(c).axes[0].patches]  # merchant, retail
    [0.25, 0.75, 0.8, 0.2]
    """
    import numpy as np
    import pandas as pd
    from matplotlib.ticker import PercentFormatter

    from coursekit.errors import CourseInputError, bilingual, check_columns, check_range
    from coursekit.i18n import TEXT

    customers = check_columns("customers", customers, [by, revenue])
    groups = customers[by]
    if groups.isna().any():
        row = groups.index[groups.isna().to_numpy()][0]
        raise CourseInputError(bilingual("segments_missing_error", name="customers", column=by, row=row))
    money = check_range(f"customers['{revenue}']", customers[revenue].to_numpy(dtype=float), low=0)
    if money.sum() == 0:
        raise CourseInputError(bilingual("segments_all_zero", name=f"customers['{revenue}']"))
    table = pd.Series(np.atleast_1d(money), index=customers.index).groupby(groups, observed=True).agg(["size", "sum"])
    shares = {"customer_share": table["size"] / table["size"].sum(), "revenue_share": table["sum"] / table["sum"].sum()}
    rows = np.arange(len(table))
    fig, ax = style.figure()
    for offset, (column, share), colour in zip((-0.2, 0.2), shares.items(), style.PALETTE, strict=False):
        bars = ax.barh(rows + offset, share.to_numpy(), height=0.38, color=colour, label=text(f"col_{column}"))
        ax.bar_label(bars, [f"{value:.0%}" for value in share], padding=2, fontsize="small")
    labels = [text(f"cat_{code}") if f"cat_{code}" in TEXT else str(code) for code in table.index]
    ax.set_yticks(rows, labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    title = text("lesson1_mix_title", by=text(f"col_{by}") if f"col_{by}" in TEXT else by)
    ax.set(xlim=(0, 1), title=title, xlabel=text("lesson1_mix_xlabel"))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    return fig


def margin_cost_chart(customers):
    """Which customers pay off (哪些客户值得优先开发): each customer as a dot, gross margin
    (x) against the cost of serving them (y), coloured by customer type; above the
    diagonal a customer costs more to serve than the margin they bring.

    ``customers`` has one row per customer with ``customer_type`` and the positive
    amounts ``gross_margin`` and ``service_cost`` (same period). FORMULA: none (points at
    (gross_margin, service_cost); diagonal service_cost = gross_margin; log scales).
    SOURCE: course convention; "higher profit potential ... simple service needs" is
    one of the marks of quality customers in the course seed.

    >>> import coursekit, pandas as pd
    >>> coursekit.setup()
    >>> c = pd.DataFrame({"customer_type": ["retail", "merchant"], "gross_margin": [800.0, 9000.0],
    ...                   "service_cost": [1000.0, 3000.0]})
    >>> margin_cost_chart(c).axes[0].collections[0].get_offsets().tolist()
    [[800.0, 1000.0]]
    """
    from matplotlib.ticker import FuncFormatter, NullFormatter

    from coursekit.data import CUSTOMER_TYPES
    from coursekit.errors import check_choice, check_columns, check_range

    customers = check_columns("customers", customers, ["customer_type", "gross_margin", "service_cost"])
    kinds = customers["customer_type"].astype(str).to_numpy()
    for kind in set(kinds):
        check_choice("customer_type", kind, CUSTOMER_TYPES)
    margin = check_range("gross_margin", customers["gross_margin"].to_numpy(dtype=float), low=0, low_open=True)
    cost = check_range("service_cost", customers["service_cost"].to_numpy(dtype=float), low=0, low_open=True)
    fig, ax = style.figure()
    for kind, colour in zip(CUSTOMER_TYPES, style.PALETTE, strict=False):
        mine = kinds == kind
        if mine.any():
            ax.scatter(margin[mine], cost[mine], s=8, alpha=0.5, color=colour, label=text(f"cat_{kind}"))
    ends = [0.7 * min(margin.min(), cost.min()), 1.4 * max(margin.max(), cost.max())]  # same range on both axes
    ax.plot(ends, ends, color="black", linewidth=1, label=text("lesson1_margin_line"))
    ax.set(xscale="log", yscale="log", xlim=ends, ylim=ends, title=text("lesson1_margin_title"))
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
        axis.set_minor_formatter(NullFormatter())
    ax.set(xlabel=text("lesson1_margin_xlabel"), ylabel=text("lesson1_margin_ylabel"))
    ax.text(0.03, 0.97, text("lesson1_margin_loss"), transform=ax.transAxes, va="top", fontsize="small")
    ax.legend(loc="lower right", fontsize="x-small", markerscale=2)
    return fig


def expectation_spread_chart(survey):
    """How differently customers rate what they expect (客户期望的差异): for each of the five
    attributes (service, appearance, image, cost, delivery) the share of survey
    respondents giving each expectation rating from 1 to 7.

    ``survey`` has the columns ``expectation_<attribute>`` (ratings 1–7).
    FORMULA: share of rating k for attribute a = (respondents rating a with k) / respondents.
    SOURCE: course convention (course data: survey; attributes from the course seed).

    >>> import coursekit, pandas as pd
    >>> coursekit.setup()
    >>> s = pd.DataFrame({f"expectation_{a}": [5, 7, 7, 3] for a in
    ...                   ("service", "appearance", "image", "cost", "delivery")})
    >>> fig = expectation_spread_chart(s)
    >>> [float(bar.get_width()) for bar in fig.axes[0].patches[::5]]  # service, ratings 1..7
    [0.0, 0.0, 0.25, 0.0, 0.25, 0.0, 0.5]
    """
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.ticker import PercentFormatter

    from coursekit.errors import check_columns, check_range

    columns = [f"expectation_{name}" for name in TV_ATTRIBUTES]
    survey = check_columns("survey", survey, columns)
    ratings = np.arange(1, 8)
    shares = np.array(
        [
            (check_range(column, survey[column].to_numpy(dtype=float), low=1, high=7)[:, None] == ratings).mean(axis=0)
            for column in columns
        ]
    )  # rows: attributes, columns: ratings 1..7
    rows = np.arange(len(columns))
    colours = colormaps["Blues"](np.linspace(0.12, 0.95, ratings.size))  # light = low, dark = high
    fig, ax = style.figure()
    left = np.zeros(len(columns))
    for k, colour in zip(ratings, colours, strict=True):
        share = shares[:, k - 1]
        bars = ax.barh(rows, share, left=left, color=colour, label=text("lesson1_points", n=k))
        labels = [f"{s:.0%}" if s >= 0.08 else "" for s in share]
        ax.bar_label(bars, labels, label_type="center", fontsize="x-small", color="white" if k >= 5 else "black")
        left += share
    ax.set_yticks(rows, [text(f"attr_{name}") for name in TV_ATTRIBUTES])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.set(xlim=(0, 1), title=text("lesson1_spread_title"), xlabel=text("lesson1_spread_xlabel"))
    ax.grid(visible=False)
    fig.legend(loc="outside lower center", ncols=7, fontsize="small")
    return fig


# The TV choice exercise (电视机选择练习) of the course seed: company A's TV at a uniform
# price of 2,800 yuan, company B's at a discounted 2,600 yuan.
TV_ATTRIBUTES = ("service", "appearance", "image", "cost", "delivery")  # as coursekit.complaints.ATTRIBUTES
TV_PRICES = (2800, 2600)  # yuan: A, B (course seed)
# Ratings 1–10 (course convention, our reading of the seed's feature lists): A has a wooden,
# brightly coloured case but is a small firm; B comes from a large firm in black, silver or grey.
# Service and delivery are not in the seed: both start equal. The cost rating comes from the price.
TV_RATINGS = {
    "a": {"service": 7, "appearance": 8, "image": 6, "delivery": 7},
    "b": {"service": 7, "appearance": 7, "image": 8, "delivery": 7},
}


def price_rating(prices, yuan_per_point=100, top=10):
    """The price turned into a rating of cost (成本评分), so it can be weighed with the other
    attributes: the cheapest offer gets ``top`` points and every ``yuan_per_point`` yuan
    more costs one point (never below 1).

    FORMULA: rating = max(1, top − (price − min(prices)) / yuan_per_point).
    SOURCE: course convention (a linear value scale for price, as in a weighted scoring table).

    >>> price_rating([2800, 2600]).tolist()
    [8.0, 10.0]
    """
    import numpy as np

    from coursekit.errors import check_range

    prices = np.atleast_1d(check_range("prices", prices, low=0, low_open=True))
    yuan_per_point = check_range("yuan_per_point", yuan_per_point, low=0, low_open=True)
    top = check_range("top", top, low=1)
    return np.maximum(1.0, top - (prices - prices.min()) / yuan_per_point)


def _attribute_numbers(name, values, keys=None, **bounds):
    """The dict ``values`` (attribute → one number) checked, with the same keys as ``keys``."""
    import numpy as np

    from coursekit.errors import CourseInputError, bilingual, check_range

    if not isinstance(values, dict) or not values or "overall" in values:
        raise CourseInputError(
            bilingual(
                "type_error",
                name=name,
                value=values,
                expected="非空字典（属性 → 数值；属性不能叫 'overall'）",
                expected_en="a non-empty dict (attribute → number; no attribute called 'overall')",
            )
        )
    if keys is not None and set(values) != set(keys):
        missing = ", ".join(str(k) for k in keys if k not in values) or "-"
        extra = ", ".join(str(k) for k in values if k not in keys) or "-"
        raise CourseInputError(bilingual("lesson1_keys_error", name=name, missing=missing, extra=extra))
    checked = {}
    for key, value in values.items():
        if np.ndim(value) != 0:
            raise CourseInputError(
                bilingual("type_error", name=f"{name}[{key!r}]", value=value, expected="数值", expected_en="a number")
            )
        checked[key] = check_range(f"{name}[{key!r}]", value, **bounds)
    return checked


def choice_scores(ratings_a, ratings_b, weights=None):
    """A weighted scoring table for choosing between two offers A and B (加权评分法): how many
    points each earns on each attribute, and in total.

    ``ratings_a`` and ``ratings_b`` map attribute → rating (1–10); ``weights`` maps the
    same attributes → importance (≥ 0; equal when None).
    FORMULA: shares w_i = weight_i / Σ weight; points_i = w_i × rating_i; overall =
    Σ points_i (a weighted average rating, 1–10). The offer with more overall points is
    preferred; a low rating on one attribute can be made up by others (a compensatory rule).
    SOURCE: the multi-attribute (weighted additive) attitude model, Fishbein (1963), Human
    Relations 16(3); its use in marketing: Wilkie & Pessemier (1973), Journal of Marketing
    Research 10(4). Table layout: course convention.

    Returns a DataFrame indexed by ``attribute`` (plus a row "overall") with the columns
    weight, rating_a, rating_b, points_a, points_b.

    >>> a, b = {"service": 9, "cost": 6}, {"service": 6, "cost": 10}
    >>> choice_scores(a, b, weights={"service": 3, "cost": 1})  # doctest: +NORMALIZE_WHITESPACE
               weight  rating_a  rating_b  points_a  points_b
    attribute
    service      0.75      9.00       6.0      6.75       4.5
    cost         0.25      6.00      10.0      1.50       2.5
    overall      1.00      8.25       7.0      8.25       7.0
    """
    import pandas as pd

    from coursekit.errors import CourseInputError, bilingual

    rated_a = _attribute_numbers("ratings_a", ratings_a, low=1, high=10)
    keys = list(rated_a)
    rated_b = _attribute_numbers("ratings_b", ratings_b, keys, low=1, high=10)
    raw = dict.fromkeys(keys, 1.0) if weights is None else _attribute_numbers("weights", weights, keys, low=0)
    total = sum(raw.values())
    if total == 0:
        raise CourseInputError(bilingual("complaints_weights_error", name="weights", value=weights))
    table = pd.DataFrame(
        {
            "weight": [raw[k] / total for k in keys],
            "rating_a": [rated_a[k] for k in keys],
            "rating_b": [rated_b[k] for k in keys],
        },
        index=pd.Index(keys, name="attribute"),
    )
    table["points_a"] = table["weight"] * table["rating_a"]
    table["points_b"] = table["weight"] * table["rating_b"]
    overall = table[["points_a", "points_b"]].sum()
    table.loc["overall"] = [1.0, overall["points_a"], overall["points_b"], overall["points_a"], overall["points_b"]]
    return table


def _check_two_prices(prices):
    """Refuse ``prices`` unless it is a pair (price of A, price of B)."""
    import numpy as np

    from coursekit.errors import CourseInputError, bilingual

    if np.ndim(prices) != 1 or np.size(prices) != 2:
        expected = {"expected": "两个价格 (A, B)", "expected_en": "two prices (A, B)"}
        raise CourseInputError(bilingual("type_error", name="prices", value=prices, **expected))


def _overrides(name, given, defaults):
    """``defaults`` (attribute → number) updated with the dict ``given``, keys checked."""
    from coursekit.errors import check_choice

    merged = dict(defaults)
    for key, value in (given or {}).items():
        merged[check_choice(f"{name} key", key, TV_ATTRIBUTES)] = value
    return merged


def tv_choice(weights=None, ratings_a=None, ratings_b=None, prices=TV_PRICES, yuan_per_point=100):
    """The TV choice exercise (电视机选择练习) scored: company A's TV (2,800 yuan) against
    company B's (2,600 yuan) on service, appearance, image, cost and delivery.

    Starts from :data:`TV_RATINGS` (course convention) and equal weights; ``weights``,
    ``ratings_a`` and ``ratings_b`` are dicts that change some attributes, e.g.
    ``ratings_a={"service": 9}``. The cost ratings come from ``prices`` (A, B) by
    :func:`price_rating`. FORMULA and SOURCE: :func:`choice_scores` (Fishbein 1963;
    Wilkie & Pessemier 1973); ratings and price scale: course convention.

    >>> tv_choice().loc["overall", ["points_a", "points_b"]].round(2).tolist()
    [7.2, 7.8]
    >>> tv_choice(ratings_a={"service": 9, "delivery": 9}).loc["overall", ["points_a", "points_b"]].round(2).tolist()
    [8.0, 7.8]
    """
    _check_two_prices(prices)
    cost_a, cost_b = price_rating(prices, yuan_per_point)
    rated_a = _overrides("ratings_a", ratings_a, {**TV_RATINGS["a"], "cost": cost_a})
    rated_b = _overrides("ratings_b", ratings_b, {**TV_RATINGS["b"], "cost": cost_b})
    weighed = _overrides("weights", weights, dict.fromkeys(TV_ATTRIBUTES, 1.0))
    order = list(TV_ATTRIBUTES)
    return choice_scores(
        {k: rated_a[k] for k in order}, {k: rated_b[k] for k in order}, {k: weighed[k] for k in order}
    )


def _tv_figure(prices, make=style.figure):
    """The empty TV-choice figure (made by ``make``): stacked bars for A (top) and B, one
    segment per attribute."""
    from matplotlib.colors import to_rgb

    fig, ax = make()
    segments = {
        name: ax.barh([0, 1], [0, 0], height=0.55, color=colour, label=text(f"attr_{name}"))
        for name, colour in zip(TV_ATTRIBUTES, style.PALETTE, strict=False)
    }
    values = {
        name: [ax.text(0, y, "", ha="center", va="center", fontsize="small") for y in (0, 1)] for name in TV_ATTRIBUTES
    }
    for name, colour in zip(TV_ATTRIBUTES, style.PALETTE, strict=False):
        dark = sum(0.3 * c for c in to_rgb(colour)) < 0.4  # white writing on dark colours
        for label in values[name]:
            label.set_color("white" if dark else "black")
    totals = [ax.text(0, y, "", va="center", ha="left", fontsize="medium") for y in (0, 1)]
    names = [text("lesson1_tv_option", company=c, price=price) for c, price in zip("AB", prices, strict=True)]
    ax.set_yticks([0, 1], names)
    ax.invert_yaxis()
    ax.set(xlim=(0, 12.5), xticks=range(11), title=text("lesson1_tv_title"), xlabel=text("lesson1_tv_xlabel"))
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower center", ncols=5)
    return fig, {"ax": ax, "segments": segments, "values": values, "totals": totals}


def _tv_draw(artists, scores):
    """Set the segments and totals of :func:`_tv_figure` to the table of :func:`choice_scores`."""
    left = [0.0, 0.0]
    for name, bars in artists["segments"].items():
        points = scores.loc[name, ["points_a", "points_b"]].tolist()
        for bar, label, start, width in zip(bars, artists["values"][name], left, points, strict=True):
            bar.set_x(start)
            bar.set_width(width)
            label.set_position((start + width / 2, label.get_position()[1]))
            label.set_text(f"{width:.2f}" if width >= 0.45 else "")
        left = [start + width for start, width in zip(left, points, strict=True)]
    a, b = scores.loc["overall", ["points_a", "points_b"]]
    for label, total, other in zip(artists["totals"], (a, b), (b, a), strict=True):
        label.set_x(total + 0.15)
        label.set_text(text("lesson1_tv_total", points=total) + (text("lesson1_tv_winner") if total > other else ""))


def tv_choice_chart(scores, prices=TV_PRICES):
    """The TV choice as a picture (电视机选择：加权得分): one stacked bar per company, one
    segment per attribute (length = weight share × rating), total points at the end;
    the longer bar is the TV this customer prefers.

    ``scores`` is the table of :func:`tv_choice` or :func:`choice_scores` (attributes
    service, appearance, image, cost, delivery); ``prices`` (A, B) label the bars.
    FORMULA: segment = points_i = w_i × rating_i; bar length = Σ points_i.
    SOURCE: as :func:`choice_scores`.

    >>> import coursekit
    >>> coursekit.setup()
    >>> fig = tv_choice_chart(tv_choice())
    >>> [round(bar.get_width(), 2) for bar in fig.axes[0].patches][6:8]  # cost: A, B
    [1.6, 2.0]
    """
    from coursekit.errors import CourseInputError, bilingual, check_columns

    scores = check_columns("scores", scores, ["points_a", "points_b"])
    missing = [name for name in (*TV_ATTRIBUTES, "overall") if name not in scores.index]
    if missing:
        raise CourseInputError(bilingual("lesson1_keys_error", name="scores", missing=", ".join(missing), extra="-"))
    _check_two_prices(prices)
    fig, artists = _tv_figure(prices)
    _tv_draw(artists, scores)
    return fig


def _tv_model(ratings_b, prices, yuan_per_point, ratings_a, **sliders):
    """:func:`tv_choice` for the slider values (weights ``weight_<attribute>``, A's
    ``service_a`` and ``delivery_a``), and B's lead from its lower price."""
    weights = {name: sliders[f"weight_{name}"] for name in TV_ATTRIBUTES}
    rated_a = {**(ratings_a or {}), "service": sliders["service_a"], "delivery": sliders["delivery_a"]}
    scores = tv_choice(weights, rated_a, ratings_b, prices, yuan_per_point)
    cost = scores.loc["cost"]
    return {"scores": scores, "price_gap": prices[0] - prices[1], "cost_lead": cost["points_b"] - cost["points_a"]}


def _tv_draw_result(artists, result):
    _tv_draw(artists, result["scores"])


def _tv_explain(result):
    scores = result["scores"]
    a, b = scores.loc["overall", ["points_a", "points_b"]]
    winner = "A" if a > b else "B" if b > a else text("lesson1_tv_tie")
    summary = text("lesson1_tv_summary", a=a, b=b, winner=winner)
    if result["price_gap"] > 0:
        price = text("lesson1_tv_price_note", gap=result["price_gap"], lead=result["cost_lead"])
    else:
        price = text("lesson1_tv_price_note_other")
    return f"<p>{summary}<br>{price}</p>"


def tv_choice_simulator(ratings_a=None, ratings_b=None, prices=TV_PRICES, yuan_per_point=100):
    """The TV choice as a what-if (电视机选择模拟器): how important is each attribute to this
    customer, and how good must A's service and delivery be for A to win although B is
    200 yuan cheaper?

    Sliders: the importance (0–10) of service, appearance, image, cost and delivery, and
    company A's service and delivery ratings (1–10). The figure is :func:`tv_choice_chart`
    redrawn in place; the note gives both totals and how many points B's lower price is
    worth. MODEL: :func:`tv_choice` (weighted additive scoring; Fishbein 1963, Wilkie &
    Pessemier 1973). DEFAULTS: :data:`TV_RATINGS`, equal importance 5: course convention.
    All importances 0 cannot be scored: the simulator says so and keeps the last picture.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = tv_choice_simulator()
    >>> round(float(sim.result["scores"].loc["overall", "points_b"]), 2)
    7.8
    >>> sim.controls["service_a"].value = 10  # as a student moves the slider
    >>> round(float(sim.result["scores"].loc["overall", "points_a"]), 2)
    7.8
    """
    from functools import partial

    from coursekit.sims.base import Simulator, new_figure, slider

    tv_choice(None, ratings_a, ratings_b, prices, yuan_per_point)  # checks every argument once, here
    start_a = _overrides("ratings_a", ratings_a, TV_RATINGS["a"])
    controls = {}
    for name in TV_ATTRIBUTES:
        controls[f"weight_{name}"] = slider(f"attr_{name}", 5, 0, 10, 1, integer=True)
        controls[f"weight_{name}"].description = text("lesson1_tv_weight", attribute=text(f"attr_{name}"))
    for name in ("service", "delivery"):
        controls[f"{name}_a"] = slider(f"attr_{name}", start_a[name], 1, 10, 0.5, fmt=".1f")
        controls[f"{name}_a"].description = text("lesson1_tv_rating_a", attribute=text(f"attr_{name}"))

    model = partial(_tv_model, ratings_b, tuple(prices), yuan_per_point, ratings_a)
    make_figure = partial(_tv_figure, tuple(prices), new_figure)
    return Simulator(controls, model, make_figure, _tv_draw_result, _tv_explain)

# --- lesson 2 ---

# Lesson 2 (客户价值). Imports are inside the functions so that each lesson's section stays
# self-contained in this shared file.


def _lesson2_customer_column(name, transactions, customer_ids):
    """``customer_ids`` as a list, after checking each appears in ``transactions``."""
    from coursekit.errors import CourseInputError, bilingual

    ids = [customer_ids] if isinstance(customer_ids, str) else list(customer_ids)
    if not ids:
        raise CourseInputError(bilingual("lesson2_no_customers", name=name))
    known = set(transactions["customer_id"])
    for customer in ids:
        if customer not in known:
            example = transactions["customer_id"].iloc[0]
            raise CourseInputError(bilingual("lesson2_unknown_customer", name=name, value=customer, example=example))
    return ids


LESSON2_PHASES = ("contact", "contract", "delivery", "payment", "after_sales")
# 角田识之's two curves, as the seed describes them (an ILLUSTRATION: no numbers were published).
# Heights 0–1 at the five phases: the seller peaks at the contract and cools after payment;
# the buyer warms up slowly and needs the seller most in after-sales service.
LESSON2_SELLER = (0.45, 1.00, 0.62, 0.30, 0.10)
LESSON2_BUYER = (0.20, 0.42, 0.58, 0.70, 0.92)
LESSON2_SELLER_LIFETIME = (0.45, 1.00, 0.96, 0.95, 0.97)  # the seed's "second chart": lifetime service
# Pine & Gilmore (1998), "Welcome to the experience economy", Harvard Business Review 76(4):
# what one cup of coffee sells for, US dollars, by how the beans are offered.
COFFEE_PRICE_PER_CUP = {
    "commodity": (0.01, 0.02),
    "goods": (0.05, 0.25),
    "services": (0.50, 1.00),
    "experiences": (2.00, 5.00),
}


def customer_histories(transactions, customer_ids):
    """Customer value over the relationship (客户价值随时间累积): for each customer, the
    cumulative gross margin from the first order to each later order, drawn as steps up to
    the last date of the data (a flat end = the customer stopped buying).

    FORMULA: for customer c and date d, value(d) = Σ gross_margin of c's orders on or before d.
    SOURCE: course convention (customer value as the sum over the whole relationship,
    Gupta & Lehmann 2005 without discounting).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "gross_margin": [10.0, 5.0, 7.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01"])})
    >>> fig = customer_histories(tx, ["a", "b"])
    >>> [float(line.get_ydata()[-1]) for line in fig.axes[0].get_lines()]
    [15.0, 7.0]
    """
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.ticker import StrMethodFormatter

    from coursekit.errors import check_columns

    check_columns("transactions", transactions, ["customer_id", "date", "gross_margin"])
    ids = _lesson2_customer_column("customer_ids", transactions, customer_ids)
    dates = pd.to_datetime(transactions["date"])
    end = dates.max()
    fig, ax = style.figure()
    for customer in ids:
        mine = transactions.assign(date=dates).loc[transactions["customer_id"] == customer].sort_values("date")
        when = pd.concat([mine["date"].iloc[:1], mine["date"], pd.Series([end])], ignore_index=True)
        cumulative = mine["gross_margin"].cumsum().to_numpy()
        value = [0.0, *cumulative, cumulative[-1]]
        label = text("lesson2_history_label", customer=customer, orders=len(mine))
        ax.step(when, value, where="post", label=label)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set(title=text("lesson2_history_title"), xlabel=text("lesson2_history_xlabel"))
    ax.set_ylabel(text("lesson2_history_ylabel"))
    ax.legend(loc="upper left")
    return fig


def referral_cost(customers):
    """Word-of-mouth value in the data (口碑价值): for each customer type, the mean acquisition
    cost of customers won by referral (老客户推荐) as a share of the mean for all other channels.
    Types without referred customers, or whose other customers cost nothing, are left out.

    FORMULA: share(type) = mean(acquisition_cost | referral) / mean(acquisition_cost | other channel).
    SOURCE: course convention (the seed's word-of-mouth value, measured on the course data).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer_type": ["retail"] * 3, "acquisition_channel": ["referral", "store", "online"],
    ...                   "acquisition_cost": [50.0, 80.0, 120.0]})
    >>> [float(bar.get_width()) for bar in referral_cost(c).axes[0].patches]
    [0.5]
    """
    from matplotlib.ticker import PercentFormatter

    from coursekit.errors import CourseInputError, bilingual, check_columns

    check_columns("customers", customers, ["customer_type", "acquisition_channel", "acquisition_cost"])
    referred = customers["acquisition_channel"].astype(str) == "referral"
    means = customers.groupby([customers["customer_type"].astype(str), referred])["acquisition_cost"].mean()
    table = means.unstack().rename(columns={True: "referral", False: "other"})
    table = table.reindex(columns=["referral", "other"]).dropna()
    table = table[table["other"] > 0]
    if table.empty:
        raise CourseInputError(bilingual("lesson2_no_referrals", name="customers"))
    table["share"] = table["referral"] / table["other"]
    table = table.sort_values("share")
    fig, ax = style.figure()
    bars = ax.barh([text(f"cat_{code}") for code in table.index], table["share"], color=style.PALETTE[2])
    labels = [text("lesson2_referral_label", referral=row.referral, other=row.other) for row in table.itertuples()]
    ax.bar_label(bars, labels=labels, padding=4)
    ax.axvline(1, color="grey", linestyle="--", linewidth=1)
    same = text("lesson2_referral_same")
    ax.text(0.99, 0.02, same, transform=ax.get_xaxis_transform(), ha="right", va="bottom", color="grey")
    ax.set_xlim(0, max(1.0, table["share"].max()) * 1.15)
    ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.grid(axis="y", visible=False)
    ax.set(title=text("lesson2_referral_title"), xlabel=text("lesson2_referral_xlabel"))
    return fig


def _lesson2_smooth(heights, points=200, width=0.2):
    """A smooth curve through the phase heights: straight lines between the phases, then a
    Gaussian moving average (``width`` in phases) to round the corners."""
    import numpy as np

    x = np.linspace(0, len(heights) - 1, points)
    y = np.interp(x, np.arange(len(heights)), heights)
    step = x[1] - x[0]
    offsets = np.arange(-3 * width, 3 * width + step, step)
    kernel = np.exp(-0.5 * (offsets / width) ** 2)
    padded = np.pad(y, len(offsets) // 2, mode="edge")
    return x, np.convolve(padded, kernel / kernel.sum(), mode="valid")[:points]


def scissors_gap(lifetime_service=False):
    """The seller's and the buyer's enthusiasm over one deal (买卖双方热情的“剪刀差”), as
    角田识之 describes it: an ILLUSTRATION of an idea, not measured data.

    The seller warms up from first contact to the contract, then cools, fastest after delivery
    and payment; the buyer warms up slowly and needs the seller most in after-sales service.
    The shaded area where the buyer's curve is above the seller's is the "scissors gap".
    ``lifetime_service=True`` adds the seed's second picture: a seller who keeps serving.

    FORMULA: none (curve heights LESSON2_SELLER, LESSON2_BUYER, LESSON2_SELLER_LIFETIME at the
    five phases, smoothed). SOURCE: 角田识之, as retold in the course material; curve shapes:
    course convention.

    >>> [line.get_label() for line in scissors_gap().axes[0].get_lines()] == [
    ...     text("lesson2_seller"), text("lesson2_buyer")]
    True
    """
    from coursekit.errors import check_choice

    check_choice("lifetime_service", lifetime_service, (True, False))
    x, seller = _lesson2_smooth(LESSON2_SELLER)
    _, buyer = _lesson2_smooth(LESSON2_BUYER)
    fig, ax = style.figure()
    ax.plot(x, seller, color=style.PALETTE[3], label=text("lesson2_seller"))
    ax.plot(x, buyer, color=style.PALETTE[0], label=text("lesson2_buyer"))
    gap = buyer > seller
    ax.fill_between(x, seller, buyer, where=gap, color=style.PALETTE[3], alpha=0.15, label=text("lesson2_gap"))
    if lifetime_service:
        _, lifetime = _lesson2_smooth(LESSON2_SELLER_LIFETIME)
        ax.plot(x, lifetime, color=style.PALETTE[2], linestyle="--", label=text("lesson2_seller_lifetime"))
    ax.set_xticks(range(len(LESSON2_PHASES)), [text(f"lesson2_phase_{phase}") for phase in LESSON2_PHASES])
    ax.set_yticks([])
    ax.set_ylim(0, 1.1)
    ax.grid(visible=False)
    ax.set(title=text("lesson2_scissors_title"), ylabel=text("lesson2_scissors_ylabel"))
    ax.text(0.01, 0.97, text("lesson2_scissors_note"), transform=ax.transAxes, va="top", color="grey")
    fig.legend(loc="outside lower center", ncols=2)
    return fig


def concentration_curve(values, top=0.2):
    """How concentrated customer value is (客户价值集中度, the Pareto curve): customers sorted from
    the most valuable down, the cumulative share of customers against the cumulative share of
    value; the point at ``top`` marks what the best ``top`` of customers bring, next to the
    "80/20 rule" point (0.2, 0.8) for comparison.

    FORMULA: the Lorenz curve turned round: P(x) = 1 − L(1 − x) (see
    :func:`coursekit.segments.lorenz_curve`); the marked point is
    (top, :func:`coursekit.segments.pareto_share` (values, top)).
    SOURCE: Lorenz (1905); Juran (1951) (the "vital few"); see coursekit.segments.

    >>> fig = concentration_curve([8, 1, 1, 0, 0])
    >>> fig.axes[0].get_lines()[0].get_ydata().round(2).tolist()
    [0.0, 0.8, 0.9, 1.0, 1.0, 1.0]
    """
    from matplotlib.ticker import PercentFormatter

    from coursekit import segments

    curve = segments.lorenz_curve(values)
    share = segments.pareto_share(values, top=top)  # also checks top
    x = 1 - curve["cum_customer_share"].to_numpy()[::-1]
    y = 1 - curve["cum_value_share"].to_numpy()[::-1]
    fig, ax = style.figure()
    ax.plot(x, y, color=style.PALETTE[0], label=text("lesson2_concentration_curve"))
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=text("lesson2_concentration_equal"))
    ax.plot([top, top, 0], [0, share, share], color=style.PALETTE[3], linewidth=1, linestyle=":")
    point = text("lesson2_concentration_point", top=top, share=share)
    ax.plot([top], [share], "o", color=style.PALETTE[3], label=point)
    ax.plot([0.2], [0.8], "x", color="black", markersize=9, label=text("lesson2_concentration_rule"))
    ax.set(xlim=(0, 1), ylim=(0, 1.02), title=text("lesson2_concentration_title"))
    ax.set(xlabel=text("lesson2_concentration_xlabel"), ylabel=text("lesson2_concentration_ylabel"))
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.legend(loc="lower right")
    return fig


def customer_pyramid(economics):
    """The customer pyramid (客户金字塔) drawn as a pyramid: platinum at the top, lead at the
    bottom, each band labelled with its share of customers and of total profit.

    ``economics`` is a :func:`coursekit.segments.tier_economics` table (index platinum, gold,
    iron, lead; columns customer_share, tier_profit, profit_per_customer). The bands have equal heights: the shape
    is the idea (few customers at the top, many at the bottom), the labels are the data.
    FORMULA: profit share = tier_profit / Σ tier_profit (negative for a loss-making tier).
    SOURCE: Zeithaml, Rust & Lemon (2001), "The customer pyramid", California Management
    Review 43(4); drawing: course convention.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_share": [0.1, 0.2, 0.3, 0.4], "tier_profit": [60.0, 30.0, 20.0, -10.0],
    ...                   "profit_per_customer": [6.0, 1.5, 0.67, -0.25]}, index=["platinum", "gold", "iron", "lead"])
    >>> ["-10%" in t.get_text() for t in customer_pyramid(e).axes[0].texts]  # lead: -10 of 100
    [False, False, False, True]
    """
    from matplotlib.patches import Polygon

    from coursekit.errors import CourseInputError, bilingual, check_columns
    from coursekit.segments import TIERS

    check_columns("economics", economics, ["customer_share", "tier_profit", "profit_per_customer"])
    if sorted(map(str, economics.index)) != sorted(TIERS):
        raise CourseInputError(
            bilingual("choice_error", name="economics.index", value=list(economics.index), allowed=", ".join(TIERS))
        )
    total = economics["tier_profit"].sum()
    fig, ax = style.figure()
    colours = ("#7F7F7F", "#E69F00", "#56B4E9", "#3C3C3C")  # platinum grey, gold, iron blue, lead dark
    for level, (tier, colour) in enumerate(zip(TIERS, colours, strict=True)):
        top, bottom = level / len(TIERS), (level + 1) / len(TIERS)  # 0 = apex, 1 = base
        corners = [(-top / 2, 1 - top), (top / 2, 1 - top), (bottom / 2, 1 - bottom), (-bottom / 2, 1 - bottom)]
        ax.add_patch(Polygon(corners, closed=True, facecolor=colour, edgecolor="white", alpha=0.85))
        row = economics.loc[tier]
        label = text(
            "lesson2_pyramid_band",
            tier=text(f"cat_{tier}"),
            customers=row["customer_share"],
            profit=row["tier_profit"] / total,
            per_customer=row["profit_per_customer"],
        )
        ax.text(0.55, 1 - (top + bottom) / 2, label, va="center")
    ax.set(xlim=(-0.55, 1.75), ylim=(0, 1.02), title=text("lesson2_pyramid_title"))
    ax.set_axis_off()
    return fig


def satisfaction_payoff(survey):
    """What satisfied customers do (满意的客户会做什么): by overall satisfaction (1–7), the mean
    intention to buy again (1–7) and to recommend (0–10), from a satisfaction survey.

    FORMULA: for each satisfaction level s, mean(would_repurchase | s) and mean(would_recommend | s).
    SOURCE: course convention; the link it shows is the one Kotler & Keller (Marketing
    Management) describe and Anderson & Sullivan (1993) measured.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"overall_satisfaction": [1, 7, 7], "would_repurchase": [2, 6, 7],
    ...                   "would_recommend": [1, 9, 10]})
    >>> [float(bar.get_height()) for bar in satisfaction_payoff(s).axes[1].patches]
    [1.0, 9.5]
    """
    from coursekit.errors import check_columns

    columns = ["would_repurchase", "would_recommend"]
    check_columns("survey", survey, ["overall_satisfaction", *columns])
    means = survey.groupby("overall_satisfaction")[columns].mean()
    fig, axes = style.figure(1, 2)
    for ax, column, colour, high in zip(axes, columns, (style.PALETTE[0], style.PALETTE[2]), (7, 10), strict=True):
        ax.bar(means.index, means[column], color=colour)
        ax.set(title=text(f"col_{column}"), xlabel=text("col_overall_satisfaction"), ylim=(0, high))
        ax.set_xticks(means.index)
        ax.grid(axis="x", visible=False)
    axes[0].set_ylabel(text("lesson2_mean_score"))
    fig.suptitle(text("lesson2_satisfaction_title"))
    return fig


def experience_ladder():
    """One cup of coffee sold four ways (体验经济): the price per cup as a commodity, a good, a
    service and an experience, after Pine & Gilmore (1998); log scale, because each step
    multiplies the price.

    FORMULA: none (the ranges COFFEE_PRICE_PER_CUP, quoted from the source).
    SOURCE: Pine & Gilmore (1998), "Welcome to the experience economy", Harvard Business Review
    76(4).

    >>> [round(float(bar.get_x()), 2) for bar in experience_ladder().axes[0].patches]
    [0.01, 0.05, 0.5, 2.0]
    """
    fig, ax = style.figure()
    stages = list(COFFEE_PRICE_PER_CUP)
    low = [COFFEE_PRICE_PER_CUP[s][0] for s in stages]
    width = [COFFEE_PRICE_PER_CUP[s][1] - COFFEE_PRICE_PER_CUP[s][0] for s in stages]
    bars = ax.barh([text(f"lesson2_stage_{s}") for s in stages], width, left=low, color=style.PALETTE[1])
    labels = [text("lesson2_experience_label", low=lo, high=hi) for lo, hi in COFFEE_PRICE_PER_CUP.values()]
    ax.bar_label(bars, labels=labels, padding=4)
    ax.set_xscale("log")
    ax.set_xlim(0.005, 20)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:g}")
    ax.grid(axis="y", visible=False)
    ax.set(title=text("lesson2_experience_title"), xlabel=text("lesson2_experience_xlabel"))
    return fig


# --- lesson 3 ---
# Lesson 3 (客户保持的经济学): the course data's retention measures and the lesson's charts.
# Imports stay inside the functions so that this section does not touch the file's header.

# The worst outcome of a customer's service cases so far, mildest first.
LESSON3_CASE_OUTCOMES = ("no_case", "resolved", "partial", "unresolved")


def labelled(table):
    """The table as students read it: column names and category codes shown by their labels
    in the current language (i18n ``col_<column>``, ``cat_<code>``; True/False as 是/否).
    The numbers are not changed; names without a label stay as they are.

    FORMULA: none (renaming only). SOURCE: course convention.

    >>> import pandas as pd
    >>> shown = labelled(pd.DataFrame({"customer_type": ["retail"], "retention": [0.8], "lapsed": [True]}))
    >>> shown.to_dict("records")
    [{'客户类型': '零售客户', '客户保持率': 0.8, '次年没有再买': '是'}]
    """
    import pandas as pd

    from coursekit.errors import CourseInputError, bilingual
    from coursekit.i18n import TEXT

    if not isinstance(table, pd.DataFrame):
        raise CourseInputError(
            bilingual(
                "type_error", name="table", value=type(table).__name__, expected="数据表", expected_en="a DataFrame"
            )
        )
    shown = table.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_bool_dtype(values):
            shown[column] = values.map({True: text("yes"), False: text("no")})
        elif isinstance(values.dtype, pd.CategoricalDtype):
            codes = values.cat.categories
            shown[column] = values.cat.rename_categories([_code_label(code) for code in codes])
        elif pd.api.types.is_string_dtype(values) or values.dtype == object:
            codes = values.dropna().unique()
            shown[column] = values.replace({code: _code_label(code) for code in codes if f"cat_{code}" in TEXT})
    names = {column: text(f"col_{column}") for column in shown.columns if f"col_{column}" in TEXT}
    return shown.rename(columns=names)


def _code_label(code):
    """The label of a category code (i18n ``cat_<code>``), or the code itself."""
    from coursekit.i18n import TEXT

    return text(f"cat_{code}") if f"cat_{code}" in TEXT else code


def _orders(transactions):
    """customer_id, date (datetime64) and revenue of an order table, checked."""
    from coursekit.segments import _transactions

    return _transactions(transactions, "customer_id", "date", "revenue")


def yearly_retention(transactions, customers=None, by=None):
    """Observed yearly retention (客户保持率) in an order table: of the customers who bought
    in a calendar year, how many bought again in the next year.

    FORMULA: with A(y) the customers who have at least one order in year y:
    active = |A(y)|, retained = |A(y) ∩ A(y+1)|, lapsed = active − retained,
    retention = retained / active. One row per pair of consecutive years present in the
    data; with ``by`` (a column of ``customers``, e.g. "customer_type") one row per year
    pair and group.

    SOURCE: course convention: the repeat-purchase measure of retention used when customers
    have no contract that ends (a customer counts as kept if they buy again next year); the
    yearly retention r of the lifetime value model (Gupta & Lehmann 2005).

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "b", "a", "c"], "revenue": [1.0, 1.0, 1.0, 1.0],
    ...                        "date": ["2023-03-01", "2023-05-01", "2024-02-01", "2024-06-01"]})
    >>> yearly_retention(orders)
       buy_year  next_year  active  retained  lapsed  retention
    0      2023       2024       2         1       1        0.5
    """
    import pandas as pd

    from coursekit.errors import CourseInputError, bilingual, check_choice, check_columns

    orders = _orders(transactions)
    active = pd.DataFrame({"customer_id": orders["customer_id"], "buy_year": orders["date"].dt.year})
    active = active.drop_duplicates()
    next_year_buyers = active.assign(buy_year=active["buy_year"] - 1)
    pairs = active.merge(next_year_buyers, on=["customer_id", "buy_year"], how="left", indicator=True)
    pairs["retained"] = pairs["_merge"] == "both"
    pairs = pairs[(pairs["buy_year"] + 1).isin(active["buy_year"])]  # the next year is in the data
    if pairs.empty:
        years = ", ".join(map(str, sorted(active["buy_year"].unique())))
        raise CourseInputError(bilingual("lesson3_years_error", name="transactions", years=years))
    keys = ["buy_year"]
    if by is not None:
        if customers is None:
            raise CourseInputError(
                bilingual(
                    "type_error",
                    name="customers",
                    value=None,
                    expected="客户表（给出 by 时必须给出）",
                    expected_en="the customer table (needed with by)",
                )
            )
        check_columns("customers", customers, ["customer_id"])
        check_choice("by", by, [column for column in customers.columns if column != "customer_id"])
        unknown = ~pairs["customer_id"].isin(customers["customer_id"])
        if unknown.any():
            example = pairs.loc[unknown, "customer_id"].iloc[0]
            raise CourseInputError(
                bilingual("lesson3_unknown_customers", name="transactions", n=unknown.sum(), example=example)
            )
        pairs = pairs.merge(customers[["customer_id", by]], on="customer_id", how="left")
        keys.append(by)
    table = pairs.groupby(keys, observed=True)["retained"].agg(active="size", retained="sum").reset_index()
    table.insert(1, "next_year", table["buy_year"] + 1)
    table["lapsed"] = table["active"] - table["retained"]
    table["retention"] = table["retained"] / table["active"]
    return table


def _case_history(transactions, service_cases, year):
    """Per customer who bought in ``year``: revenue that year, the worst outcome of their
    service cases opened up to the end of ``year``, and whether they bought nothing in year + 1."""
    import pandas as pd

    from coursekit.errors import check_choice, check_columns, check_int
    from coursekit.segments import _date_column, _no_missing

    orders = _orders(transactions)
    order_year = orders["date"].dt.year
    year = check_int("year", year, low=order_year.min(), high=order_year.max() - 1)
    check_columns("service_cases", service_cases, ["customer_id", "opened", "resolution"])
    _no_missing("service_cases", "customer_id", service_cases["customer_id"])
    opened = _date_column("service_cases", "opened", service_cases["opened"])
    resolution = service_cases["resolution"]
    unknown = ~resolution.isin(LESSON3_CASE_OUTCOMES[1:])
    if unknown.any():
        check_choice("service_cases['resolution']", resolution[unknown].iloc[0], LESSON3_CASE_OUTCOMES[1:])
    outcome = pd.Categorical(resolution, categories=LESSON3_CASE_OUTCOMES[1:])
    severity = pd.Series(outcome.codes + 1, index=service_cases.index)  # 1 resolved ... 3 unresolved
    known = opened.dt.year <= year
    worst = severity[known].groupby(service_cases.loc[known, "customer_id"]).max()
    history = orders[order_year == year].groupby("customer_id")["revenue"].sum().rename("revenue_in_year").reset_index()
    codes = worst.reindex(history["customer_id"], fill_value=0).to_numpy()
    history["worst_outcome"] = pd.Categorical.from_codes(codes, categories=LESSON3_CASE_OUTCOMES)
    history["lapsed"] = ~history["customer_id"].isin(orders.loc[order_year == year + 1, "customer_id"])
    return history


def lapse_by_case_outcome(transactions, service_cases, year=2024):
    """ "千里之堤，毁于蚁穴" in the data: of the customers who bought in ``year``, the share who
    bought nothing the next year, by the worst outcome of their service cases so far.

    FORMULA: for the customers with orders in ``year``, group by worst_outcome = the worst
    resolution of their cases opened up to the end of ``year`` (no_case < resolved < partial <
    unresolved); customers = group size, lapsed = those with no order in year + 1,
    lapse_rate = lapsed / customers. ``year`` must have a following year in the data.

    SOURCE: course convention; the pattern it shows (unresolved complaints lose customers,
    well-handled ones hardly do) is that of the TARP complaint studies (TARP 1979, 1986).

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "b", "c", "a", "c"], "revenue": 1.0,
    ...                        "date": ["2024-01-05", "2024-02-01", "2024-03-01", "2025-01-09", "2025-04-01"]})
    >>> cases = pd.DataFrame({"customer_id": ["b", "c"], "opened": ["2024-02-10", "2024-03-02"],
    ...                       "resolution": ["unresolved", "resolved"]})
    >>> lapse_by_case_outcome(orders, cases, year=2024)
       buy_year worst_outcome  customers  lapsed  lapse_rate
    0      2024       no_case          1       0         0.0
    1      2024      resolved          1       0         0.0
    2      2024    unresolved          1       1         1.0
    """
    history = _case_history(transactions, service_cases, year)
    table = history.groupby("worst_outcome", observed=True)["lapsed"].agg(customers="size", lapsed="sum").reset_index()
    table.insert(0, "buy_year", int(year))
    table["lapse_rate"] = table["lapsed"] / table["customers"]
    return table


def at_risk_customers(transactions, service_cases, customers, year=2024):
    """A retention call list from the customer database (客户数据库): the customers who
    bought in ``year`` and whose worst service case so far ended only partly resolved or
    unresolved, worst outcome first, then by revenue in ``year`` (largest first).

    FORMULA: customers of :func:`lapse_by_case_outcome` with worst_outcome in (partial,
    unresolved), joined with their customer_type and preferred_contact; ``lapsed`` (bought
    nothing in year + 1) is shown in hindsight: who did leave.

    SOURCE: course convention (CRM: database → personal contact through the customer's
    preferred channel).

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "b", "b"], "revenue": [5.0, 9.0, 1.0],
    ...                        "date": ["2024-01-05", "2024-02-01", "2025-01-09"]})
    >>> cases = pd.DataFrame({"customer_id": ["a", "b"], "opened": ["2024-02-10", "2024-03-02"],
    ...                       "resolution": ["partial", "unresolved"]})
    >>> people = pd.DataFrame({"customer_id": ["a", "b"], "customer_type": ["retail", "merchant"],
    ...                        "preferred_contact": ["wechat", "visit"]})
    >>> at_risk_customers(orders, cases, people)[["customer_id", "worst_outcome", "lapsed"]]
      customer_id worst_outcome  lapsed
    0           b    unresolved   False
    1           a       partial    True
    """
    from coursekit.errors import check_columns

    check_columns("customers", customers, ["customer_id", "customer_type", "preferred_contact"])
    history = _case_history(transactions, service_cases, year)
    risky = history[history["worst_outcome"].isin(["partial", "unresolved"])]
    risky = risky.merge(customers[["customer_id", "customer_type", "preferred_contact"]], on="customer_id", how="left")
    risky = risky.sort_values(["worst_outcome", "revenue_in_year"], ascending=[False, False], kind="stable")
    columns = ["customer_id", "customer_type", "preferred_contact", "worst_outcome", "revenue_in_year", "lapsed"]
    return risky[columns].reset_index(drop=True)


def first_and_repeat_revenue(transactions, customers):
    """Where the money of new customers comes from: their first order or the orders after it
    ("first purchase from promotion and quality, repeat purchases from service").

    Only customers who joined on or after the first date of the order table count, so that
    their first purchase is in the data. FORMULA, per customer_type and for all of them
    (customer_type "all_customers"): first_revenue = revenue of each customer's earliest
    order; repeat_revenue = revenue of all their later orders;
    repeat_share = repeat_revenue / (first_revenue + repeat_revenue).

    SOURCE: course convention.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": [100.0, 300.0, 50.0],
    ...                        "date": ["2023-01-02", "2023-06-01", "2023-03-01"]})
    >>> people = pd.DataFrame({"customer_id": ["a", "b"], "customer_type": ["retail", "retail"],
    ...                        "join_date": ["2023-01-02", "2023-03-01"]})
    >>> first_and_repeat_revenue(orders, people)
       customer_type  customers  first_revenue  repeat_revenue  repeat_share
    0         retail          2          150.0           300.0      0.666667
    1  all_customers          2          150.0           300.0      0.666667
    """
    import pandas as pd

    from coursekit.errors import CourseInputError, bilingual, check_columns
    from coursekit.segments import _date_column

    orders = _orders(transactions).sort_values("date", kind="stable")
    check_columns("customers", customers, ["customer_id", "customer_type", "join_date"])
    start = orders["date"].min()
    joined = _date_column("customers", "join_date", customers["join_date"]) >= start
    new = customers.loc[joined, ["customer_id", "customer_type"]]
    orders = orders.merge(new, on="customer_id")
    if orders.empty:
        raise CourseInputError(bilingual("lesson3_no_new_customers", start=f"{start:%Y-%m-%d}"))
    first = ~orders["customer_id"].duplicated()  # orders are in date order: a customer's first row
    orders["first_revenue"] = orders["revenue"].where(first, 0.0)
    orders["repeat_revenue"] = orders["revenue"].where(~first, 0.0)
    sums = {"customers": ("customer_id", "nunique"), "first_revenue": ("first_revenue", "sum")}
    sums["repeat_revenue"] = ("repeat_revenue", "sum")
    by_type = orders.groupby("customer_type", observed=True).agg(**sums).reset_index()
    everyone = orders.assign(customer_type="all_customers").groupby("customer_type").agg(**sums).reset_index()
    table = pd.concat([by_type.astype({"customer_type": str}), everyone], ignore_index=True)
    table["repeat_share"] = table["repeat_revenue"] / (table["first_revenue"] + table["repeat_revenue"])
    return table


def acquisition_cost_by_channel(customers, customer_type="retail"):
    """What winning a customer costs through each acquisition channel (获客渠道), cheapest first.

    FORMULA: for the customers of ``customer_type`` (None: all customers), per
    acquisition_channel: customers = count, mean_acquisition_cost = mean of acquisition_cost.

    SOURCE: course convention.

    >>> import pandas as pd
    >>> people = pd.DataFrame({"customer_type": ["retail"] * 3, "acquisition_channel": ["store", "referral", "store"],
    ...                        "acquisition_cost": [80.0, 50.0, 90.0]})
    >>> acquisition_cost_by_channel(people)
      customer_type acquisition_channel  customers  mean_acquisition_cost
    0        retail            referral          1                   50.0
    1        retail               store          2                   85.0
    """
    from coursekit.errors import check_choice, check_columns
    from coursekit.segments import _number_column

    check_columns("customers", customers, ["customer_type", "acquisition_channel", "acquisition_cost"])
    chosen = customers
    if customer_type is not None:
        check_choice("customer_type", customer_type, list(customers["customer_type"].dropna().unique()))
        chosen = customers[customers["customer_type"] == customer_type]
    cost = _number_column("customers", "acquisition_cost", chosen["acquisition_cost"], low=0)
    table = (
        chosen.assign(acquisition_cost=cost)
        .groupby("acquisition_channel", observed=True)["acquisition_cost"]
        .agg(customers="size", mean_acquisition_cost="mean")
        .reset_index()
        .sort_values("mean_acquisition_cost", kind="stable", ignore_index=True)
    )
    table.insert(0, "customer_type", customer_type or "all_customers")
    return table


def reichheld_sasser_chart(lifts=None):
    """Reichheld & Sasser's exhibit as a bar chart: by how much the net present value of a
    customer rose, industry by industry, when defections fell by 5 percentage points.

    FORMULA: none (draws the published numbers as percentages, largest at the top).
    SOURCE: Reichheld & Sasser (1990), "Zero defections: quality comes to services",
    Harvard Business Review 68(5), exhibit "Reducing defections 5% boosts profits 25% to
    85%" (:data:`coursekit.retention.REICHHELD_SASSER_1990`, the default ``lifts``).

    >>> fig = reichheld_sasser_chart()
    >>> [round(bar.get_width()) for bar in fig.axes[0].patches][-2:]
    [75, 85]
    """
    from coursekit.errors import CourseInputError, bilingual, check_range
    from coursekit.retention import REICHHELD_SASSER_1990

    lifts = REICHHELD_SASSER_1990 if lifts is None else lifts
    if not isinstance(lifts, dict) or not lifts:
        raise CourseInputError(
            bilingual(
                "type_error",
                name="lifts",
                value=lifts,
                expected="非空字典 {行业: 增幅}",
                expected_en="a non-empty dict {industry: lift}",
            )
        )
    check_range("lifts", list(lifts.values()), low=0)
    ordered = sorted(lifts.items(), key=lambda item: item[1])  # barh draws from the bottom up
    fig, ax = style.figure()
    bars = ax.barh([_code_label(code) for code, _ in ordered], [100 * lift for _, lift in ordered])
    ax.bar_label(bars, fmt="+{:.0f}%", padding=3)
    ax.set(title=text("lesson3_rs_title"), xlabel=text("lesson3_rs_xlabel"))
    ax.set_xlim(0, 100 * max(lifts.values()) * 1.15)
    ax.grid(axis="y", visible=False)
    return fig


def cohort_decay_chart(retentions, years=5, start=100):
    """How a group of ``start`` new customers shrinks at constant yearly retention rates,
    one line per rate, with the "half are gone" level marked.

    FORMULA: customers(t) = start × r^t, t = 0..years (:func:`coursekit.retention.cohort_survival`).
    SOURCE: course convention (constant retention, as in Gupta & Lehmann 2005).

    >>> fig = cohort_decay_chart([0.8], years=2)
    >>> fig.axes[0].lines[0].get_ydata().round(1).tolist()
    [100.0, 80.0, 64.0]
    """
    import numpy as np

    from coursekit.errors import check_int, check_range
    from coursekit.retention import cohort_survival

    rates = np.atleast_1d(check_range("retentions", retentions, low=0, high=1))
    years = check_int("years", years, low=1, high=50)
    start = check_range("start", start, low=0, low_open=True)
    fig, ax = style.figure()
    for rate in rates:
        cohort = cohort_survival(rate, years, start=start)
        label = text("lesson3_cohort_line", keep=rate, churn=1 - rate)
        (line,) = ax.plot(cohort["year"], cohort["customers"], marker="o", label=label)
        end = cohort["customers"].iloc[-1]
        ax.annotate(
            f"{end:,.0f}", (years, end), xytext=(6, 0), textcoords="offset points", va="center", color=line.get_color()
        )
    ax.hlines(start / 2, 0, years, color="#8C8C8C", linestyle="--", linewidth=1, label=text("lesson3_cohort_half"))
    ax.set(
        title=text("lesson3_cohort_title", start=start, years=years),
        xlabel=text("lesson3_cohort_xlabel"),
        ylabel=text("lesson3_cohort_ylabel"),
        ylim=(0, start * 1.05),
        xticks=range(years + 1),
    )
    ax.legend()
    return fig


def retention_by_group_chart(table, by="customer_type"):
    """Observed yearly retention per group as grouped bars: one group of bars per value of
    ``by`` (e.g. customer type), one bar per pair of years, with the seed's "typical"
    20 % churn (80 % retention) as a reference line.

    FORMULA: bar height = retention × 100 from :func:`yearly_retention` (…, by=by).
    SOURCE: course convention; the 20 % line is the seed's "typical" yearly churn.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"buy_year": [2023, 2023], "next_year": [2024, 2024],
    ...                       "customer_type": ["retail", "merchant"], "retention": [0.7, 0.9]})
    >>> [round(bar.get_height()) for bar in retention_by_group_chart(table).axes[0].patches]
    [70, 90]
    """
    import numpy as np

    from coursekit.errors import check_columns

    check_columns("table", table, ["buy_year", "next_year", by, "retention"])
    groups = list(dict.fromkeys(table[by]))
    pairs = list(dict.fromkeys(zip(table["buy_year"], table["next_year"], strict=True)))
    width = 0.8 / len(pairs)
    fig, ax = style.figure()
    for n, (year, next_year) in enumerate(pairs):
        rows = table[table["buy_year"] == year].set_index(by).reindex(groups)
        x = np.arange(len(groups)) - 0.4 + width * (n + 0.5)
        bars = ax.bar(
            x,
            100 * rows["retention"].to_numpy(dtype=float),
            width,
            label=text("lesson3_group_pair", year=year, next_year=next_year),
        )
        ax.bar_label(bars, fmt="{:.0f}", fontsize="small")
    ax.axhline(80, color="#8C8C8C", linestyle="--", linewidth=1, label=text("lesson3_group_reference"))
    ax.set_xticks(np.arange(len(groups)), [_code_label(group) for group in groups])
    ax.set(title=text("lesson3_group_title"), ylabel=text("lesson3_group_ylabel"), ylim=(0, 110))
    ax.grid(axis="x", visible=False)
    fig.legend(loc="outside lower center", ncols=3)
    return fig


def profit_lift_chart(horizons=(3, 10, 20), delta=0.05, discount=0.10, margin_growth=0.0):
    """The Reichheld & Sasser claim made computable: the lift in customer value from
    ``delta`` more retention, against the current retention (50 % up to 95 %, or up to
    100 % − delta), one line per horizon in years, with the 25–85 % band of the HBR exhibit.

    FORMULA: lift(r) = V(r + Δ) / V(r) − 1, V(r) = Σ_{t=1..N} m(1+g)^(t−1) r^t / (1+i)^t
    (:func:`coursekit.retention.retention_profit_lift`).
    SOURCE: Reichheld & Sasser (1990), Harvard Business Review 68(5); the value model of
    Gupta & Lehmann (2005).

    >>> fig = profit_lift_chart(horizons=[10])
    >>> x, y = fig.axes[0].lines[0].get_data()
    >>> round(float(x[30])), round(float(y[30]), 1)
    (80, 22.9)
    """
    import numpy as np

    from coursekit.errors import check_int, check_range
    from coursekit.retention import REICHHELD_SASSER_1990, retention_profit_lift

    horizons = [check_int("horizons", years, low=1, high=100) for years in np.atleast_1d(horizons).tolist()]
    delta = check_range("delta", delta, low=0, high=0.3, low_open=True)
    discount = check_range("discount", discount, low=0, high=1)
    margin_growth = check_range("margin_growth", margin_growth, low=-1, high=1)
    retention = np.arange(50, round(100 * min(0.95, 1 - delta)) + 1) / 100
    fig, ax = style.figure()
    low, high = min(REICHHELD_SASSER_1990.values()), max(REICHHELD_SASSER_1990.values())
    ax.axhspan(100 * low, 100 * high, color="#8C8C8C", alpha=0.15, label=text("lesson3_lift_band", low=low, high=high))
    for years in horizons:
        lift = retention_profit_lift(retention, delta, discount, years, margin_growth=margin_growth)
        ax.plot(100 * retention, 100 * lift["profit_lift"], label=text("lesson3_lift_line", years=years))
    ax.set(
        title=text("lesson3_lift_title", points=100 * delta),
        xlabel=text("lesson3_lift_xlabel"),
        ylabel=text("lesson3_lift_ylabel"),
        ylim=(0, 100),
    )
    ax.legend(title=text("lesson3_lift_legend", discount=discount, growth=margin_growth), loc="upper left")
    return fig


def lapse_by_outcome_chart(table):
    """The share of customers who stopped buying, by the worst outcome of their service
    cases: one bar per outcome of :func:`lapse_by_case_outcome`, group sizes under the labels.

    FORMULA: bar height = lapse_rate × 100. SOURCE: course convention.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"buy_year": 2024, "worst_outcome": ["no_case", "unresolved"],
    ...                       "customers": [10, 4], "lapsed": [2, 2], "lapse_rate": [0.2, 0.5]})
    >>> [round(bar.get_height()) for bar in lapse_by_outcome_chart(table).axes[0].patches]
    [20, 50]
    """
    from coursekit.errors import check_columns

    check_columns("table", table, ["buy_year", "worst_outcome", "customers", "lapse_rate"])
    colours = {
        "no_case": "#8C8C8C",
        "resolved": style.PALETTE[2],
        "partial": style.PALETTE[1],
        "unresolved": style.PALETTE[3],
    }
    outcomes = [str(outcome) for outcome in table["worst_outcome"]]
    ticks = [
        text("lesson3_lapse_tick", outcome=_code_label(outcome), n=n)
        for outcome, n in zip(outcomes, table["customers"], strict=True)
    ]
    fig, ax = style.figure()
    bars = ax.bar(
        ticks,
        100 * table["lapse_rate"].to_numpy(dtype=float),
        color=[colours.get(outcome, style.PALETTE[0]) for outcome in outcomes],
    )
    ax.bar_label(bars, fmt="{:.0f}%")
    year = int(table["buy_year"].iloc[0])
    ax.set(title=text("lesson3_lapse_title", year=year, next_year=year + 1), ylabel=text("lesson3_lapse_ylabel"))
    ax.set_ylim(0, max(100 * table["lapse_rate"].max() * 1.2, 10))
    ax.grid(axis="x", visible=False)
    return fig


# --- lesson 4 ---

def _lesson4_bar_labels(ax, bars, labels, **kwargs):
    """Write ``labels`` just above (or, for negative bars, below) the ends of ``bars``."""
    for bar, label in zip(bars, labels, strict=True):
        height = bar.get_height()
        ax.annotate(
            label,
            (bar.get_x() + bar.get_width() / 2, height),
            xytext=(0, 3 if height >= 0 else -3),
            textcoords="offset points",
            ha="center",
            va="bottom" if height >= 0 else "top",
            **kwargs,
        )


# Colours of the satisfaction zones (Okabe & Ito palette, as in coursekit.sims.complaints).
SATISFACTION_COLOURS = {"satisfied": "#009E73", "neutral": "#8C8C8C", "dissatisfied": "#D55E00"}
WAIT_EDGES_MINUTES = (0, 0.5, 1, 2, 4)  # wait bins of the call-centre chart (minutes); the last bin is open


def _lesson4_group_means(group, values, size):
    """(groups 0..size-1 that have values, the mean of ``values`` in each, how many values each has)."""
    import numpy as np

    counts = np.bincount(group, minlength=size)
    totals = np.bincount(group, weights=values, minlength=size)
    seen = np.flatnonzero(counts)
    return seen, totals[seen] / counts[seen], counts[seen]


def _lesson4_known_codes(name, values, allowed):
    """Refuse the first value of ``values`` (a column) that is not one of the codes ``allowed``."""
    from coursekit.errors import check_choice

    for value in sorted(set(values.dropna().astype(str)) - set(allowed)):
        check_choice(name, value, allowed)


def satisfaction_by_gap(gap, satisfaction, tolerance=0.5, width=0.5, limit=2.0):
    """Mean overall satisfaction of survey respondents grouped by their gap
    (差距 = 实际绩效 − 期望): the data check of the expectation–disconfirmation model.

    FORMULA: each respondent's gap is clipped to [−limit, limit] and rounded to the
    nearest multiple of ``width``; bar height = mean ``satisfaction`` of the group;
    colour = zone of the group's gap (:func:`coursekit.complaints.satisfaction`:
    gap > tolerance satisfied, gap < −tolerance dissatisfied, else neutral);
    n = respondents in the group. SOURCE: Oliver (1980), Journal of Marketing Research
    17(4); the grouping: course convention.

    >>> import coursekit
    >>> coursekit.setup()
    >>> fig = satisfaction_by_gap([-1.0, -0.9, 0.1, 1.2], [2, 3, 4, 6])
    >>> [round(float(bar.get_height()), 2) for bar in fig.axes[0].containers[0]]
    [2.5, 4.0, 6.0]
    """
    import numpy as np
    from matplotlib.patches import Patch

    from coursekit.complaints import ZONES
    from coursekit.complaints import satisfaction as zone_of
    from coursekit.errors import CourseInputError, bilingual, check_number, check_range

    gap = np.atleast_1d(check_number("gap", gap))
    satisfaction = np.atleast_1d(check_number("satisfaction", satisfaction))
    if gap.ndim != 1 or gap.shape != satisfaction.shape or gap.size == 0:
        raise CourseInputError(
            bilingual("lesson4_same_length_error", a="gap", b="satisfaction", n_a=gap.size, n_b=satisfaction.size)
        )
    tolerance = check_range("tolerance", tolerance, low=0)
    width = check_range("width", width, low=0, low_open=True)
    limit = check_range("limit", limit, low=width)
    steps = int(np.floor(limit / width + 1e-9))
    centres = width * np.arange(-steps, steps + 1)
    group = np.rint((np.clip(gap, centres[0], centres[-1]) - centres[0]) / width).astype(int)
    seen, means, counts = _lesson4_group_means(group, satisfaction, centres.size)
    zones = np.atleast_1d(zone_of(0, centres[seen], tolerance))
    fig, ax = style.figure()
    colours = [SATISFACTION_COLOURS[zone] for zone in zones]
    bars = ax.bar(centres[seen], means, width=0.8 * width, color=colours)
    _lesson4_bar_labels(ax, bars, [f"n={n}" for n in counts], fontsize="x-small")
    ticks = [f"{centre:g}" for centre in centres]
    ticks[0], ticks[-1] = f"≤{centres[0]:g}", f"≥{centres[-1]:g}"
    ax.set_xticks(centres, ticks)
    ax.set(
        ylim=(0, 7.6),
        title=text("lesson4_gap_title"),
        xlabel=text("lesson4_gap_xlabel"),
        ylabel=text("lesson4_gap_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    handles = [Patch(color=SATISFACTION_COLOURS[zone], label=text(f"cat_{zone}")) for zone in ZONES]
    ax.legend(handles=handles, loc="upper left")
    return fig


def complaint_iceberg_chart(dissatisfied=1000, complain_share=0.04, third_party_share=0.01, severity="major"):
    """The complaint iceberg (投诉冰山) as a picture: above the waterline the few
    dissatisfied customers the firm hears from, below it the silent majority and how
    many of them quietly leave.

    FORMULA: the numbers of :func:`coursekit.complaints.complaint_iceberg` (same
    arguments): bars up = complain_to_firm, third_party; bars down = silent, silent_leave;
    the note gives hear_bad_wom. SOURCE: as complaint_iceberg (course seed 4 % / 1 %;
    TARP 1986 via Albrecht & Zemke 1985; 1970s–80s US survey figures, not constants).

    >>> import coursekit
    >>> coursekit.setup()
    >>> [float(bar.get_height()) for bar in complaint_iceberg_chart(1000).axes[0].containers[0]]
    [40.0, 10.0, -950.0, -864.5]
    """
    import numpy as np
    from matplotlib.ticker import FuncFormatter

    from coursekit.complaints import complaint_iceberg
    from coursekit.errors import CourseInputError, bilingual

    if np.ndim(dissatisfied) != 0:
        raise CourseInputError(
            bilingual("type_error", name="dissatisfied", value=dissatisfied, expected="数值", expected_en="a number")
        )
    ice = complaint_iceberg(dissatisfied, complain_share, third_party_share, severity=severity)
    heights = [ice["complain_to_firm"], ice["third_party"], -ice["silent"], -ice["silent_leave"]]
    colours = [style.PALETTE[0], style.PALETTE[0], "#8C8C8C", style.PALETTE[3]]
    low = -max(ice["dissatisfied"], 1) * 1.2
    fig, ax = style.figure()
    ax.axhspan(low, 0, color=style.PALETTE[5], alpha=0.15, linewidth=0)
    bars = ax.bar(range(4), heights, color=colours)
    _lesson4_bar_labels(ax, bars, [f"{abs(height):,.4g}" for height in heights])
    ax.axhline(0, color=style.PALETTE[5], linewidth=2)
    ax.text(3.45, 0.03 * -low, text("lesson4_iceberg_visible"), ha="right", va="bottom", fontsize="small")
    ax.text(-0.45, 0.03 * low, text("lesson4_iceberg_hidden"), ha="left", va="top", fontsize="small")
    ax.text(-0.45, 0.55 * low, text("lesson4_iceberg_wom", people=ice["hear_bad_wom"]), va="center", fontsize="medium")
    parts = ["firm", "third_party", "silent", "silent_leave"]
    ax.set_xticks(range(4), [text(f"lesson4_iceberg_{part}") for part in parts], fontsize="small")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):,.0f}"))
    ax.set(
        xlim=(-0.5, 3.5),
        ylim=(low, 0.3 * -low),
        title=text("lesson4_iceberg_title", dissatisfied=ice["dissatisfied"]),
        ylabel=text("lesson4_iceberg_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    return fig


def cases_by_channel(cases):
    """Complaint channels (投诉渠道): how many cases came in by each channel (left) and
    the median hours until the first real response (right), channels in the order of
    :data:`coursekit.data.CASE_CHANNELS`.

    FORMULA: number of rows per ``channel``; median ``response_hours`` per channel.
    SOURCE: course convention (the channels of the course seed: phone, letter, in person,
    media, legal; plus online).

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = cases_by_channel(data.service_cases())
    >>> [round(float(bar.get_width()), 1) for bar in fig.axes[1].containers[0]][:2]
    [5.9, 61.1]
    """
    import pandas as pd

    from coursekit.data import CASE_CHANNELS
    from coursekit.errors import check_columns, check_range

    cases = check_columns("cases", cases, ["channel", "response_hours"])
    _lesson4_known_codes("channel", cases["channel"], CASE_CHANNELS)
    hours = check_range("response_hours", cases["response_hours"].to_numpy(dtype=float), low=0)
    grouped = pd.Series(hours, index=cases["channel"].astype(str).to_numpy()).groupby(level=0)
    counts = grouped.size().reindex(CASE_CHANNELS, fill_value=0)
    medians = grouped.median().reindex(CASE_CHANNELS)
    fig, (left, right) = style.figure(1, 2)
    right.sharey(left)
    rows = range(len(CASE_CHANNELS))
    count_bars = left.barh(rows, counts.to_numpy(), color=style.PALETTE[0])
    hour_bars = right.barh(rows, medians.fillna(0).to_numpy(), color=style.PALETTE[1])
    left.bar_label(count_bars, [f"{n:,}" for n in counts], padding=2, fontsize="small")
    right.bar_label(hour_bars, ["" if pd.isna(h) else f"{h:.0f}" for h in medians], padding=2, fontsize="small")
    left.set_yticks(rows, [text(f"cat_{code}") for code in CASE_CHANNELS])
    left.invert_yaxis()
    left.set(title=text("lesson4_channel_count_title"), xlabel=text("lesson4_channel_count_xlabel"))
    right.set(title=text("lesson4_channel_hours_title"), xlabel=text("lesson4_channel_hours_xlabel"))
    for ax, values in ((left, counts), (right, medians.fillna(0))):
        ax.set_xlim(0, max(values.max(), 1) * 1.2)
        ax.grid(axis="y", visible=False)
    return fig


def repurchase_by_handling(cases, fast_hours=24):
    """Service recovery in the course data (服务补救): the share of customers who bought
    again within 12 months, by how fully (resolved / partial / unresolved) and how fast
    (first response within ``fast_hours`` or later) their case was handled.

    FORMULA: mean of ``repurchased_12m`` per (response_hours ≤ fast_hours, resolution);
    n = cases per bar. SOURCE: course convention. The course data are synthetic, built
    to follow TARP-like patterns (TARP 1979/1986; Hart, Heskett & Sasser 1990): the
    chart illustrates the pattern, it is not evidence for it.

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = repurchase_by_handling(data.service_cases())
    >>> [round(float(bar.get_height()), 2) for container in fig.axes[0].containers for bar in container]
    [0.94, 0.82, 0.6, 0.82, 0.72, 0.43]
    """
    import numpy as np
    import pandas as pd
    from matplotlib.ticker import PercentFormatter

    from coursekit.data import RESOLUTIONS
    from coursekit.errors import check_columns, check_range

    cases = check_columns("cases", cases, ["resolution", "response_hours", "repurchased_12m"])
    _lesson4_known_codes("resolution", cases["resolution"], RESOLUTIONS)
    fast_hours = check_range("fast_hours", fast_hours, low=0, low_open=True)
    hours = check_range("response_hours", cases["response_hours"].to_numpy(dtype=float), low=0)
    bought = check_range("repurchased_12m", cases["repurchased_12m"].to_numpy(dtype=float), low=0, high=1)
    keys = pd.MultiIndex.from_arrays([hours <= fast_hours, cases["resolution"].astype(str).to_numpy()])
    grouped = pd.Series(bought, index=keys).groupby(level=[0, 1])
    order = pd.MultiIndex.from_product([[True, False], RESOLUTIONS])
    rates, counts = grouped.mean().reindex(order), grouped.size().reindex(order, fill_value=0)
    x = np.arange(len(RESOLUTIONS))
    fig, ax = style.figure()
    for i, fast in enumerate((True, False)):
        heights = rates.loc[fast].fillna(0).to_numpy()
        label = text("lesson4_fast" if fast else "lesson4_slow", hours=fast_hours)
        colour = style.PALETTE[2] if fast else style.PALETTE[1]
        bars = ax.bar(x + (i - 0.5) * 0.38, heights, width=0.36, color=colour, label=label)
        notes = [f"{h:.0%}\nn={n}" for h, n in zip(heights, counts.loc[fast], strict=True)]
        _lesson4_bar_labels(ax, bars, notes, fontsize="x-small")
    ax.set_xticks(x, [text(f"cat_{code}") for code in RESOLUTIONS])
    ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.set(
        ylim=(0, 1.3),
        yticks=[0, 0.25, 0.5, 0.75, 1],
        title=text("lesson4_repurchase_title"),
        xlabel=text("col_resolution"),
        ylabel=text("lesson4_repurchase_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper right", ncols=2)
    return fig


def tarp_buy_again_chart():
    """The TARP repurchase figures (投诉与再次购买): the share of customers with a problem
    who would buy again, by what happened to their complaint, for major and minor problems.

    FORMULA: none; the bar heights are :data:`coursekit.complaints.TARP_BUY_AGAIN`.
    SOURCE: TARP (1979, 1986) studies for the US Office of Consumer Affairs, as quoted by
    Albrecht & Zemke (1985) Service America! and Hart, Heskett & Sasser (1990), Harvard
    Business Review 68(4). 1970s–80s US survey figures, not constants.

    >>> import coursekit
    >>> coursekit.setup()
    >>> [float(bar.get_height()) for bar in tarp_buy_again_chart().axes[0].containers[0]]
    [0.09, 0.19, 0.54, 0.82]
    """
    from textwrap import fill

    import numpy as np
    from matplotlib.ticker import PercentFormatter

    from coursekit.complaints import SEVERITIES, TARP_BUY_AGAIN

    groups = list(TARP_BUY_AGAIN["major"])
    x = np.arange(len(groups))
    fig, ax = style.figure()
    for i, (severity, colour) in enumerate(zip(SEVERITIES, (style.PALETTE[3], style.PALETTE[0]), strict=True)):
        heights = [TARP_BUY_AGAIN[severity][group] for group in groups]
        bars = ax.bar(x + (i - 0.5) * 0.38, heights, width=0.36, color=colour, label=text(f"cat_{severity}"))
        _lesson4_bar_labels(ax, bars, [f"{h:.0%}" for h in heights], fontsize="small")
    ax.set_xticks(x, [fill(text(f"col_{group}"), 16) for group in groups])  # long English labels: 2 lines
    ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.set(
        ylim=(0, 1.2),
        yticks=[0, 0.25, 0.5, 0.75, 1],
        title=text("lesson4_tarp_title"),
        ylabel=text("lesson4_tarp_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left")
    return fig


def wait_and_satisfaction(calls, agent=77):
    """Waiting and satisfaction at the hotline (等待与满意): the mean rating of answered
    calls by waiting time, for all agents and for one agent (the No. 77 case).

    FORMULA: answered calls (abandoned = 0) are grouped by wait_seconds / 60 into the
    minute bins of :data:`WAIT_EDGES_MINUTES` (each bin includes its lower edge; the last
    is open-ended); point height = mean ``satisfaction`` of the bin; n = the agent's calls in
    the bin (few calls: an uncertain mean). SOURCE: course convention.

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = wait_and_satisfaction(data.call_center())
    >>> [round(float(y), 2) for y in fig.axes[0].lines[1].get_ydata()]
    [4.95, 4.84, 4.7, 4.36, 3.14]
    """
    from itertools import pairwise

    import numpy as np

    from coursekit.errors import check_choice, check_columns, check_int, check_range

    calls = check_columns("calls", calls, ["wait_seconds", "abandoned", "agent_id", "satisfaction"])
    agent = check_int("agent", agent, low=1)
    answered = calls[calls["abandoned"] == 0]
    wait = check_range("wait_seconds", answered["wait_seconds"].to_numpy(dtype=float, na_value=np.nan), low=0)
    rating = check_range("satisfaction", answered["satisfaction"].to_numpy(dtype=float, na_value=np.nan), 1, 5)
    rating = np.atleast_1d(rating)
    agents = check_range("agent_id", answered["agent_id"].to_numpy(dtype=float, na_value=np.nan), low=1)
    check_choice("agent", agent, sorted(set(agents.astype(int).tolist())))
    edges = np.array(WAIT_EDGES_MINUTES, dtype=float)
    group = np.searchsorted(edges, np.atleast_1d(wait) / 60, side="right") - 1
    labels = [f"{low:g}–{high:g}" for low, high in pairwise(edges)] + [f"≥{edges[-1]:g}"]
    fig, ax = style.figure()
    bins, means, _ = _lesson4_group_means(group, rating, edges.size)
    ax.plot(bins, means, "o-", color=style.PALETTE[0], label=text("lesson4_all_agents"))
    bins, means, counts = _lesson4_group_means(group[agents == agent], rating[agents == agent], edges.size)
    ax.plot(bins, means, "o-", color=style.PALETTE[3], label=text("lesson4_agent", agent=agent))
    for x, y, n in zip(bins, means, counts, strict=True):
        ax.annotate(f"n={n}", (x, y), xytext=(0, 8), textcoords="offset points", ha="center", fontsize="x-small")
    ax.set_xticks(np.arange(edges.size), labels)
    ax.set(
        ylim=(1, 5.2),
        title=text("lesson4_wait_title"),
        xlabel=text("lesson4_wait_xlabel"),
        ylabel=text("lesson4_wait_ylabel"),
    )
    ax.legend(loc="lower left")
    return fig
