"""What every simulator shares: controls, a pure model, a figure redrawn in place.

A simulator is four small pieces that are tested separately:

- ``model(**values) -> result``: a pure function of the control values (the
  economics; it calls the coursekit functions, so the simulator shows exactly
  the numbers those functions return);
- ``make_figure() -> (fig, artists)``: the figure, made once, and a dict of the artists
  a move changes;
- ``draw(artists, result)``: updates those lines/bars;
- ``explain(result) -> html``: the sentence with the key numbers.

:class:`Simulator` wires them to ipywidgets. A move of a control recomputes
the model, updates the existing artists, renders the figure to PNG once and
swaps it into an ``Image`` widget: no new figure per move, no flicker. (Where a
move changes only part of a figure, only that part is drawn again: ``Layers`` in ``_blit.py``.) A wrong
combination of inputs (a :class:`~coursekit.errors.CourseInputError`) shows a
friendly message instead of a traceback, and greys out the summary until the
inputs can be computed again. The checks are coursekit's own (the model calls the
library, which refuses what it cannot compute); the notice names each argument by
its control's label, and where a simulator has its own wording for a check that
failed (``messages``: library message → the simulator's message, filled with the
values the model got and the error's fields), it uses that. When there is no kernel
(a static HTML export), the default figure is shown as a picture.

A rate shown in percent is a :func:`percent_slider`: it holds 95 for 95 %, which is what
a student who types "95" or "95%" into its readout means; the model gets 0.95.
"""

import base64
import html
import math

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg

from coursekit import style
from coursekit.errors import CourseInputError
from coursekit.i18n import text
from coursekit.sims._blit import Layers

# Every control is CONTROL_WIDTH wide (it fits a notebook column) and starts with its label,
# LABEL_WIDTH wide: room for about 16 Chinese characters; a longer label would be cut off with "…".
LABEL_WIDTH, CONTROL_WIDTH = "17em", "40em"


def sized():
    """The keywords that give a control the common label and control widths."""
    return {"style": {"description_width": LABEL_WIDTH}, "layout": widgets.Layout(width=CONTROL_WIDTH)}


def slider(key, value, low, high, step, fmt=".2f", integer=False):
    """A slider labelled with the i18n entry ``key`` (its unit is in the label). A rate shown
    in percent is a :func:`percent_slider` (a "%" readout here would misread a typed "95").

    Parameters:
        key: the catalog entry of the slider's label (e.g. ``"sims.value.margin"``); it must exist in both languages.
        value: the starting value, between ``low`` and ``high``.
        low, high: the ends of the slider.
        step: the step of one arrow-key press, > 0.
        fmt: the readout format of a float slider (Python format spec, e.g. ``".2f"``).
        integer: True for a whole-number slider (IntSlider).
    """
    cls = widgets.IntSlider if integer else widgets.FloatSlider
    options = {} if integer else {"readout_format": fmt}
    return cls(
        value=value, min=low, max=high, step=step, description=text(key), continuous_update=True, **sized(), **options
    )


class Percent:
    """Marks a control whose ``value`` is in percent (95 for 95 %): the model gets the fraction
    ``value / 100`` (:func:`model_value`).

    A student may type into a slider's readout; the front end reads the text as a plain
    number ("95" and "95%" are both 95). A slider holding the fraction 0.95 with a "95%"
    readout would take a typed "95" as 9,500 % and stop at its maximum; a percent slider
    takes it as 95 %. Made by :func:`percent_slider`.
    """


class PercentSlider(Percent, widgets.FloatSlider):
    """A ``FloatSlider`` in percent (see :class:`Percent`); it takes FloatSlider's keywords."""


class WholePercentSlider(Percent, widgets.IntSlider):
    """An ``IntSlider`` of whole percent or percentage points (see :class:`Percent`); the front end
    reads a typed "5.5" as 5. It takes IntSlider's keywords."""


def percent_slider(key, value, low, high, step, fmt=".0f", integer=False):
    """A slider of a rate shown in percent, labelled with the i18n entry ``key`` and given in
    fractions as the library takes them: ``percent_slider(key, 0.95, 0.3, 0.99, 0.01)`` holds 95.0
    and reads "95"; :class:`Simulator` gives the model 0.95.

    Parameters:
        key: the catalog entry of the slider's label; it must exist in both languages and say the unit
            ("（%）", "(%)", "（%/年）", "（百分点）"…).
        value: the starting value as a fraction, between ``low`` and ``high`` (0.95 for 95 %).
        low, high: the ends of the slider as fractions.
        step: the step of one arrow-key press as a fraction, > 0 (0.01: one percentage point).
        fmt: the readout format of the percentage (Python format spec: ``".0f"`` reads "95", ``".1f"``
            "1.5", ``"+.0f"`` "+5"); not used when ``integer``.
        integer: True for whole percent only (a :class:`WholePercentSlider`; ``value``, ``low``, ``high``
            and ``step`` must then be whole percent).

    >>> control = percent_slider("sims.value.clv_retention", 0.95, 0.3, 0.99, 0.01)
    >>> control.value, control.min, control.max, control.step, model_value(control)
    (95.0, 30.0, 99.0, 1.0, 0.95)
    """
    # round(…): 100 × 0.3 is 30.000000000000004 in floating point; the slider holds 30
    low, high, value, step = (round(100 * x) if integer else round(100 * x, 10) for x in (low, high, value, step))
    cls, options = (WholePercentSlider, {}) if integer else (PercentSlider, {"readout_format": fmt})
    return cls(
        value=value, min=low, max=high, step=step, description=text(key), continuous_update=True, **sized(), **options
    )


def model_value(control, value=None):
    """What the model gets for ``control`` at ``value`` (None: its current value): the fraction
    ``value / 100`` for a percent slider (:class:`Percent`), the value itself for any other control.

    Parameters:
        control: an ipywidgets control of a simulator.
        value: a position of the control (for a percent slider, in percent), or None for its current value.

    >>> model_value(percent_slider("sims.value.clv_retention", 0.8, 0.3, 0.99, 0.01), 95)
    0.95
    """
    value = control.value if value is None else value
    return value / 100 if isinstance(control, Percent) else value


def png_bytes(fig):
    """The figure drawn once and encoded as PNG for the Image widget, quickly (compression level 1).

    Parameters:
        fig: a matplotlib figure.
    """
    return style.png(fig, compress_level=1)


class Simulator:
    """Controls + model + figure. Use ``.controls[name].value = x`` to move a control
    (as a student's slider does; a percent slider's value is in percent, ``95`` for 95 %),
    ``.values()`` for what the model gets, ``.result`` for the model's latest numbers,
    ``.reset()`` to go back to the defaults.

    Parameters:
        controls: a dict model argument name → ipywidgets control; the model gets its ``.value``, or
            ``.value / 100`` for a percent slider (:class:`Percent`, :func:`model_value`).
        model: a function of the controls' values (keyword arguments) returning the result to draw; it raises
            ``CourseInputError`` for inputs it cannot compute.
        make_figure: a function returning ``(fig, artists)``, the figure drawn once (see :func:`new_figure`).
        draw: a function ``draw(artists, result)`` that updates the artists.
        explain: a function ``explain(result)`` returning the HTML summary (escape anything a user typed).
        messages: None or a dict library error key (or (key, argument name)) → this simulator's catalog key, or
            (key, extra fields): the fields a dict, or a function of the model's values (fractions, as
            :meth:`values` gives them) and the error's fields.
    """

    def __init__(self, controls, model, make_figure, draw, explain, messages=None):
        self.controls = controls
        # library error -> this simulator's wording: {key or (key, argument name): key or (key, extra fields)};
        # extra fields: a dict, or a function of the model's values (fractions) and the error's fields
        self.messages = messages or {}
        self.defaults = {name: control.value for name, control in controls.items()}  # the controls' own values
        self.model, self.draw, self.explain = model, draw, explain
        self.fig, self.artists = make_figure()
        self.layers = self.artists.get("layers")  # set by fixed_layout(..., moving=...): redraw only what moves
        # Natural size (never stretched to the column width), shrunk only when the column is narrower.
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", align_self="flex-start"))
        self.summary = widgets.HTML()
        self.message = widgets.HTML()
        self.reset_button = widgets.Button(description=text("common.reset"), icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.result = None
        self._holding = False
        for control in controls.values():
            control.observe(self._changed, names="value")
        self.widget = widgets.VBox(
            [widgets.VBox(list(controls.values())), self.reset_button, self.message, self.summary, self.image]
        )
        self.update()
        self._static_png = self.image.value  # the default figure, for exports without a kernel

    def values(self):
        """What the model gets now, by argument name: each control's value, a percent slider's as
        the fraction (95 on the slider → 0.95)."""
        return {name: model_value(control) for name, control in self.controls.items()}

    def labels(self):
        """Each control's label, by the name of the model argument it sets."""
        return {name: control.description for name, control in self.controls.items()}

    def notice(self, err):
        """What ``err`` (a CourseInputError from the model) says, in the controls' words: this
        simulator's own message for that check if it has one, else coursekit's message with
        every argument it names shown as its control's label.

        Parameters:
            err: a ``CourseInputError`` raised by the model.
        """
        wording = self.messages.get((err.key, str(err.fields.get("name", ""))), self.messages.get(err.key))
        if wording is None:
            return err.render(labels=self.labels())
        key, extra = wording if isinstance(wording, tuple) else (wording, {})
        fields = {**self.values(), **err.fields}
        return text(key, labels=self.labels(), **fields, **(extra(fields) if callable(extra) else extra))

    def update(self):
        """Recompute the model and redraw; on invalid input keep the last figure, say what
        is wrong and grey out the summary (its numbers are those of the last valid values)."""
        try:
            result = self.model(**self.values())
        except CourseInputError as err:
            self.message.value = _friendly(self.notice(err))
            if self.result is not None:
                self.summary.value = f'<div style="{STALE_STYLE}">{self.explain(self.result)}</div>'
            return
        self.result = result
        self.message.value = ""
        self.draw(self.artists, result)
        self.image.value = self.layers.png() if self.layers else png_bytes(self.fig)
        self.summary.value = self.explain(result)

    def reset(self):
        """All controls back to their defaults, with one redraw."""
        self._holding = True
        try:
            for name, value in self.defaults.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self.update()

    def _changed(self, change):
        if not self._holding:
            self.update()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self._static_png).decode("ascii")
        return bundle


STALE_STYLE = "opacity:0.4"  # a summary whose numbers are not those of the controls any more


def _friendly(notice):
    """A notice of what cannot be computed (escaped for HTML), saying why the summary below is grey."""
    message = html.escape(notice)
    kept = text("sims.base.invalid_kept")
    return f'<div style="color:{style.WRONG_TEXT}">⚠ {text("sims.base.invalid")} {message} {kept}</div>'


def as_shown(value, decimals=0):
    """``value`` rounded to the ``decimals`` places a summary shows, with −0 made 0:
    −0.0004 yuan reads "0", never "-0" (−0.0 + 0.0 is 0.0).

    Parameters:
        value: a number.
        decimals: the number of decimal places shown, a whole number ≥ 0.

    >>> f"{-0.0004:,.0f}", f"{as_shown(-0.0004):,.0f}", f"{as_shown(-0.04, 1):+.1f}"
    ('-0', '0', '+0.0')
    """
    return round(value, decimals) + 0.0


def new_figure(nrows=1, ncols=1, **kwargs):
    """A ``(fig, ax)`` pair for a simulator: course style, drawn by Agg into PNG.

    Parameters:
        nrows, ncols: the grid of axes, whole numbers ≥ 1.
        **kwargs: passed to :func:`coursekit.style.figure`.
    """
    fig, ax = style.figure(nrows, ncols, **kwargs)
    FigureCanvasAgg(fig)
    return fig, ax


def fixed_layout(fig, artists, moving=()):
    """``(fig, artists)`` after laying the figure out once and keeping those positions.

    For figures whose limits, ticks and labels do not change while sliding:
    re-running the constrained layout at every move would give the same positions
    and costs about half of the drawing time. ``moving`` lists the artists a move
    changes when most of the figure stays still (a second panel drawn once): see
    ``Layers`` (coursekit/sims/_blit.py).

    Parameters:
        fig: a figure with a layout engine (as :func:`new_figure` makes it).
        artists: the dict of artists the simulator's ``draw`` updates.
        moving: the artists a move changes when the rest of the figure stays still; empty: redraw the whole figure.
    """
    fig.get_layout_engine().execute(fig)
    fig.set_layout_engine("none")
    if moving:
        artists = {**artists, "layers": Layers(fig, moving)}  # coursekit/sims/_blit.py
    return fig, artists


# Figures whose axis ranges change while sliding: lay out again only when tick labels need more room.

THOUSANDS = "{x:,.0f}"  # tick label format for money and people, e.g. 12,000
NICE_STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_ceiling(x):
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ ``x`` (0 for x ≤ 0):
    an axis limit that moves in steps, not with every tick of a slider.

    Parameters:
        x: a finite number (0 for x ≤ 0).

    >>> nice_ceiling(730), nice_ceiling(1000), nice_ceiling(5e-324) > 0
    (800.0, 1000.0, True)
    """
    if x <= 0:
        return 0.0
    # a tiny x (5e-324) would make 10^k underflow to 0: no step of it reaches x
    power = 10.0 ** max(math.floor(math.log10(x)), -300)
    # 10 × power: log10 rounded just below a whole number (x = 10^k) leaves x above every step
    return next((step * power for step in NICE_STEPS if step * power >= x), 10 * power)


def padded(low, high, share=0.05):
    """``(low, high)`` widened by ``share`` of the range at each end, so that markers on the
    first and last points are drawn whole, not cut in half by the axes' edges.

    Parameters:
        low, high: the data range, numbers with low ≤ high.
        share: the share of the range added at each end, ≥ 0.

    >>> padded(0, 5)
    (-0.25, 5.25)
    """
    pad = share * (high - low)
    return low - pad, high + pad


def nice_limits(low, high, room=1.05):
    """Axis limits around the data range [low, high] (0 always shown), in nice steps.

    Parameters:
        low, high: the data range, numbers with low ≤ high.
        room: the factor of headroom beyond the data, ≥ 1.
    """
    bottom, top = -nice_ceiling(-low * room), nice_ceiling(high * room)
    return (bottom, top) if top > bottom else (bottom, bottom + 10)  # all zero: any small range


def layout_once(fig, artists):
    """:func:`fixed_layout`, keeping the layout engine in ``artists`` and the room the
    tick labels have now, so that :func:`set_limits` can lay the figure out again when
    new limits bring wider tick labels.

    Parameters:
        fig: a figure with a layout engine.
        artists: the dict of artists the simulator's ``draw`` updates.
    """
    engine = fig.get_layout_engine()
    fig, artists = fixed_layout(fig, {**artists, "layout": engine})
    artists["room"] = tick_label_room(fig)
    return fig, artists


def tick_label_room(fig):
    """For each axes of ``fig``: the largest width and height, in pixels, of its x and of
    its y tick labels drawn at the current limits (a tick just outside them, such as
    "-1,000" on an axis from -800, is not drawn and gets no room).

    Parameters:
        fig: a figure drawn by Agg.
    """
    renderer = fig.canvas.get_renderer()
    room = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            slack = 1e-9 * max(abs(low), abs(high), 1)
            drawn = [  # only the labels inside the limits are drawn (and laid out for)
                label
                for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels(), strict=True)
                if label.get_text() and low - slack <= loc <= high + slack
            ]
            boxes = [label.get_window_extent(renderer) for label in drawn]
            room += [max((box.width for box in boxes), default=0), max((box.height for box in boxes), default=0)]
    return room


def set_limits(artists, *limits):
    """Set axis limits, each given as ``(ax, xlim, ylim)`` (None keeps that axis as it is).

    The layout (about as long as drawing the figure) is run again only when the new
    limits bring a tick label wider or taller than the layout made room for (a y-axis
    going from 800 to 12,000). Narrower labels keep the layout: the axes stay where
    they are while a slider moves back and forth, and most moves cost one drawing.

    Parameters:
        artists: the dict returned by :func:`layout_once`.
        *limits: tuples ``(ax, xlim, ylim)``; ``xlim`` or ``ylim`` None keeps that axis.
    """
    before = [(ax.get_xlim(), ax.get_ylim()) for ax, _, _ in limits]
    for ax, xlim, ylim in limits:
        if xlim is not None:
            ax.set_xlim(xlim)
        if ylim is not None:
            ax.set_ylim(ylim)
    if [(ax.get_xlim(), ax.get_ylim()) for ax, _, _ in limits] == before:
        return
    fig = limits[0][0].figure
    if any(new > old + 0.5 for new, old in zip(tick_label_room(fig), artists["room"], strict=True)):
        artists["layout"].execute(fig)
        artists["room"] = tick_label_room(fig)
