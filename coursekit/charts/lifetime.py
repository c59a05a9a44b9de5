"""The charts of lesson 5 (拓展), 客户终身价值：从订单记录看谁还是客户; the tables they draw
come from :mod:`coursekit.customer_outlook` and :mod:`coursekit.holdout`.

Every chart function returns a matplotlib Figure made with :func:`coursekit.style.figure`
and labelled through :mod:`coursekit.i18n`.
"""

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.ticker import StrMethodFormatter

from coursekit import style
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_date_column,
    check_number_column,
    check_single,
    check_table_numbers,
)
from coursekit.i18n import text

EVENTS = ("first", "repeat", "dropout", "end")  # the events of customer_outlook.simulate_customers


def customer_stories_chart(story, period_length=52):
    """The BG/NBD story as timelines (购买—流失模型的故事): one row per made-up customer, a dot
    for each purchase, a cross where the customer dropped out (after it: a dotted line, the
    time the firm still counts them), and each customer's purchase rate per year.

    Parameters:
        story: the table of :func:`coursekit.customer_outlook.simulate_customers`: columns ``customer`` (1, 2, …),
            ``time`` (periods ≥ 0), ``event`` (``"first"``, ``"repeat"``, ``"dropout"`` or ``"end"``), ``rate``
            (purchases per period, ≥ 0).
        period_length: periods in one year, > 0 (52 for weeks): the rate is shown per year.

    >>> from coursekit.customer_outlook import simulate_customers
    >>> story = simulate_customers({"r": 1.0, "alpha": 10.0, "a": 1.0, "b": 3.0}, customers=3, periods=52)
    >>> len(customer_stories_chart(story).axes[0].get_yticks())
    3
    """
    check_columns("story", story, ["customer", "time", "event", "rate"])
    check_table_numbers("story", story, ["time", "rate"], low=0)
    check_table_numbers("story", story, ["customer"], low=1, whole=True)
    for event in story["event"].unique():
        check_choice("story['event']", event, EVENTS)
    per_year = check_single("period_length", period_length, low=0, low_open=True)
    customers = list(dict.fromkeys(story["customer"]))
    width = _style_width()
    fig, ax = style.figure(figsize=(width, (0.45 * len(customers) + 1.8) * width / 7.0))  # one row per customer
    end = float(story["time"].max())
    for row, customer in enumerate(customers):
        events = story[story["customer"] == customer]
        bought = events.loc[events["event"].isin(["first", "repeat"]), "time"]
        left = events.loc[events["event"] == "dropout", "time"]
        gone = float(left.iloc[0]) if len(left) else None
        ax.plot([0, end if gone is None else gone], [row, row], color=style.MAIN, linewidth=1.5)
        if gone is not None:
            ax.plot([gone, end], [row, row], color=style.REFERENCE, linewidth=1.2, linestyle=":")
            ax.plot([gone], [row], marker="x", markersize=10, color=style.BAD, linestyle="none")
        ax.plot(bought, [row] * len(bought), marker="o", markersize=5, color=style.MAIN, linestyle="none")
        rate = float(events["rate"].iloc[0]) * per_year
        ax.annotate(text("charts.lifetime.story_rate", rate=rate), (1.01, row), xycoords=("axes fraction", "data"),
                    va="center", fontsize="small", color=style.REFERENCE)
    ax.plot([], [], marker="o", color=style.MAIN, linestyle="none", label=text("charts.lifetime.story_purchase"))
    ax.plot([], [], marker="x", color=style.BAD, linestyle="none", label=text("charts.lifetime.story_dropout"))
    ax.plot([], [], color=style.REFERENCE, linestyle=":", label=text("charts.lifetime.story_gone"))
    ax.set_yticks(range(len(customers)), [text("charts.lifetime.story_customer", n=c) for c in customers])
    ax.set_ylim(len(customers) - 0.5, -0.5)
    ax.set_xlim(-0.02 * end, end)  # room for the first purchase's dot
    ax.grid(axis="y", visible=False)
    ax.set(title=text("charts.lifetime.story_title"), xlabel=text("charts.lifetime.story_xlabel"))
    fig.legend(loc="outside lower center", ncols=3)
    return fig


def tracking_chart(table):
    """The tracking plot (追踪图): cumulative repeat purchases of the calibration's customers,
    week by week, as they happened and as the model fitted on the calibration predicts them;
    the holdout period shaded.

    Parameters:
        table: the table of :func:`coursekit.holdout.tracking_table`: columns ``start`` (dates), ``actual`` and
            ``predicted`` (cumulative purchases, ≥ 0) and ``holdout`` (True/False, the holdout rows last).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"start": pd.date_range("2024-01-01", periods=4, freq="W-MON"),
    ...                   "actual": [0.0, 2.0, 5.0, 6.0], "predicted": [0.0, 2.5, 4.5, 6.5],
    ...                   "holdout": [False, False, True, True]})
    >>> [float(y) for y in tracking_chart(t).axes[0].get_lines()[0].get_ydata()]
    [0.0, 2.0, 5.0, 6.0]
    """
    check_columns("table", table, ["start", "actual", "predicted", "holdout"])
    check_table_numbers("table", table, ["actual", "predicted"], low=0)
    table = table.assign(start=check_date_column("table", "start", table["start"]))
    if not pd.api.types.is_bool_dtype(table["holdout"]) or table["holdout"].isna().any():  # "no" is no False
        raise CourseInputError("charts.lifetime.tracking_split", name="table")
    holdout = table["holdout"].to_numpy(dtype=bool)
    if not holdout.any() or holdout.all() or np.any(np.diff(holdout.astype(int)) < 0):
        raise CourseInputError("charts.lifetime.tracking_split", name="table")
    fig, ax = style.figure()
    ax.plot(table["start"], table["actual"], color=style.MAIN, label=text("charts.lifetime.tracking_actual"))
    ax.plot(table["start"], table["predicted"], color=style.COMPARE, linestyle="--",
            label=text("charts.lifetime.tracking_predicted"))
    begin = table["start"][holdout].iloc[0]
    ax.axvspan(begin, table["start"].iloc[-1], color=style.REFERENCE, alpha=0.15, linewidth=0)
    ax.axvline(begin, color=style.REFERENCE, linestyle=":", linewidth=1)
    first, last = table["start"].iloc[0], table["start"].iloc[-1]
    for name, middle in (("calibration", first + (begin - first) / 2), ("holdout", begin + (last - begin) / 2)):
        ax.text(middle, 0.02, text(f"charts.lifetime.tracking_{name}"), transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", color=style.REFERENCE)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set(title=text("charts.lifetime.tracking_title"), xlabel=text("charts.lifetime.tracking_xlabel"),
           ylabel=text("charts.lifetime.tracking_ylabel"))
    ax.legend(loc="upper left")
    return fig


def conditional_expectations_chart(table):
    """Conditional expectations (条件期望): customers grouped by their repeat purchases in the
    calibration; for each group the mean purchases in the holdout — actual, the model's
    forecast and the naive forecast — side by side.

    Parameters:
        table: the table of :func:`coursekit.holdout.by_calibration_purchases`: index the groups 0, 1, … (the
            last one "or more"); columns ``actual``, ``model_forecast``, ``naive_forecast`` (means, ≥ 0).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"actual": [1.0, 2.0], "model_forecast": [1.1, 1.9], "naive_forecast": [0.5, 2.5]},
    ...                  index=pd.Index([0, 1], name="frequency"))
    >>> [float(bar.get_height()) for bar in conditional_expectations_chart(t).axes[0].patches][:2]
    [1.0, 2.0]
    """
    columns = ["actual", "model_forecast", "naive_forecast"]
    check_columns("table", table, columns)
    check_table_numbers("table", table.fillna(0.0), columns, low=0)
    fig, ax = style.figure()
    groups = np.arange(len(table))
    width = 0.27
    colours = {"actual": style.MAIN, "model_forecast": style.COMPARE, "naive_forecast": style.REFERENCE}
    for k, column in enumerate(columns):
        ax.bar(groups + (k - 1) * width, table[column].fillna(0.0), width, color=colours[column],
               label=text(f"charts.lifetime.conditional_{column}"))
    names = [str(group) for group in table.index]
    names[-1] = text("charts.lifetime.conditional_or_more", n=names[-1])
    ax.set_xticks(groups, names)
    ax.grid(axis="x", visible=False)
    ax.set(title=text("charts.lifetime.conditional_title"), xlabel=text("charts.lifetime.conditional_xlabel"),
           ylabel=text("charts.lifetime.conditional_ylabel"))
    ax.legend(loc="upper left")
    return fig


def alive_heatmap_chart(grid):
    """P(alive) over recency × frequency (“还是客户的概率”热图) for customers of one age T:
    the more purchases and the more recent the last one, the likelier the customer is still
    a customer. Blank cells are histories that cannot happen; an arrow marks the model's quirk,
    the cell x = 0, tₓ = 0 (bought once: P(alive) = 100 %).

    Parameters:
        grid: the table of :func:`coursekit.customer_outlook.alive_grid`: index recency 0 … T, columns
            frequency 0 …, values P(alive) (0–1, NaN where impossible).

    >>> from coursekit.customer_outlook import alive_grid
    >>> from coursekit.repeat_buying import BGNBD
    >>> fig = alive_heatmap_chart(alive_grid(BGNBD({"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, 0.0), T=3))
    >>> fig.axes[0].images[0].get_array().shape
    (4, 4)
    """
    check_columns("grid", grid, [])
    for column in grid.columns:  # NaN: a history that cannot happen
        check_number_column("grid", column, grid[column].dropna(), low=0, high=1)
    values = grid.to_numpy(dtype=float)
    fig, ax = style.figure()
    colours = _heat_colours()
    image = ax.imshow(np.ma.masked_invalid(values), origin="lower", aspect="auto", cmap=colours, vmin=0, vmax=1,
                      extent=(-0.5, values.shape[1] - 0.5, -0.5, values.shape[0] - 0.5), interpolation="nearest")
    bar = fig.colorbar(image, ax=ax)
    bar.set_label(text("charts.lifetime.alive_colour"))
    bar.ax.yaxis.set_major_formatter(StrMethodFormatter("{x:.0%}"))
    ax.grid(False)
    if values.shape[1] > 1 and np.isfinite(values[0, 0]):  # the quirk: x = 0, tₓ = 0 is alive for sure
        ax.annotate(text("charts.lifetime.alive_quirk"), (0, 0), xytext=(0.12, 0.12), textcoords="axes fraction",
                    fontsize="small", bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.85},
                    arrowprops={"arrowstyle": "->", "color": "white", "linewidth": 1.5})
    ax.set(title=text("charts.lifetime.alive_title", T=int(grid.index.max())),
           xlabel=text("charts.lifetime.alive_xlabel"), ylabel=text("charts.lifetime.alive_ylabel"))
    return fig


def _style_width():
    """The figure width of the current style (inches): 7 in class, 10 in presentation mode."""
    import matplotlib as mpl

    return float(mpl.rcParams["figure.figsize"][0])


def _heat_colours():
    """The heat map's colours: viridis (readable in grey and by colour-blind readers), with
    impossible cells (NaN) in light grey."""
    from matplotlib import colormaps

    return colormaps["viridis"].with_extremes(bad="#EEEEEE")
