"""What the real-browser test does in a notebook's page, and what it reads there.

Every step goes through JupyterLab's own API (``window.jupyterapp``, exposed by
``--LabApp.expose_app_in_browser``): commands by id (``notebook:run-all-cells``), the
notebook's model (execution counts, outputs), CSS classes of the page. Nothing depends
on the words of the interface, so the same steps work in the Chinese interface.
"""

import re
import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout

# The notebook widget showing ``path``, in page scripts.
FIND = "[...window.jupyterapp.shell.widgets('main')].find((w) => w.context && w.context.path === path)"

KERNEL_IDLE = f"""(path) => {{
  const nb = window.jupyterapp && {FIND};
  const kernel = nb && nb.sessionContext.session && nb.sessionContext.session.kernel;
  return Boolean(nb && nb.context.isReady && kernel && kernel.status === 'idle');
}}"""

RUN_ALL = f"""async (path) => {{
  const app = window.jupyterapp;
  const nb = {FIND};
  app.shell.activateById(nb.id);
  await app.commands.execute('notebook:clear-all-cell-outputs');  // stored results must not count
  app.commands.execute('notebook:run-all-cells');  // not awaited: FINISHED is waited for, with a time limit
}}"""

# Finished: the kernel is idle and every code cell has run (or one failed: run-all stops there).
FINISHED = f"""(path) => {{
  const nb = {FIND};
  const kernel = nb.sessionContext.session && nb.sessionContext.session.kernel;
  const cells = nb.content.widgets.filter((cell) => cell.model.type === 'code');
  const failed = cells.some((cell) => cell.model.outputs.toJSON().some((o) => o.output_type === 'error'));
  return Boolean(kernel && kernel.status === 'idle' && (failed || cells.every((c) => c.model.executionCount !== null)));
}}"""

# Settled: every output is drawn (a widget's view is made some time after its cell ran)
# and every picture, plots and simulator figures alike, has loaded.
SETTLED = f"""(path) => {{
  const nb = {FIND};
  const outputs = [...nb.node.querySelectorAll('.jp-OutputArea-output')];
  const images = [...nb.node.querySelectorAll('.jp-OutputArea-output img')];
  return outputs.every((o) => o.childElementCount > 0 || o.textContent.trim() !== '')
    && images.every((img) => img.complete && img.naturalWidth > 0);
}}"""

# Everything wrong that the page shows, as sentences.
PROBLEMS = f"""(path) => {{
  const nb = {FIND};
  const problems = [];
  const kernel = nb.sessionContext.session && nb.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') problems.push(`kernel status: ${{kernel ? kernel.status : 'no kernel'}}`);
  const widgetMime = 'application/vnd.jupyter.widget-view+json';
  nb.content.widgets.forEach((cell, i) => {{
    if (cell.model.type !== 'code') return;
    if (cell.model.executionCount === null) problems.push(`cell ${{i}} did not run`);
    const outputs = cell.model.outputs.toJSON();
    for (const o of outputs) {{
      if (o.output_type === 'error') problems.push(`cell ${{i}} raised ${{o.ename}}: ${{o.evalue}}`);
      if (o.output_type === 'stream' && o.name === 'stderr') problems.push(`cell ${{i}} wrote to stderr: ${{o.text}}`);
    }}
    const widgets = outputs.filter((o) => o.data && o.data[widgetMime]).length;
    const shown = cell.node.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length;
    if (shown < widgets) problems.push(`cell ${{i}}: ${{widgets - shown}} widget(s) not displayed as widgets`);
    for (const el of cell.node.querySelectorAll('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')) {{
      problems.push(`cell ${{i}} shows an error output: ${{el.innerText.slice(0, 500)}}`);
    }}
    for (const img of cell.node.querySelectorAll('.jp-OutputArea-output img')) {{
      if (!(img.complete && img.naturalWidth > 0)) problems.push(`cell ${{i}}: a picture did not load`);
    }}
  }});
  // Outputs, dialogs and notifications (not the notebook's own text: the guide mentions the message).
  const visible = [...document.querySelectorAll('.jp-OutputArea, .jp-Dialog, .jp-toast-message, .Toastify')]
    .map((el) => el.innerText.toLowerCase()).join(' ');
  for (const phrase of ['Error displaying widget', 'model not found']) {{
    if (visible.includes(phrase.toLowerCase())) problems.push(`the page shows "${{phrase}}"`);
  }}
  return problems;
}}"""

# Simulators: the top-level VBox of a cell's output that holds sliders (and, for a
# coursekit Simulator, an Image). The summary is the text of its HTML widgets.
TOP_BOXES = f"""(args) => {{
  const [path, index] = args;
  const nb = {FIND};
  return [...nb.content.widgets[index].node.querySelectorAll('.jp-OutputArea-output > .widget-vbox')];
}}"""

SIMULATOR_COUNT = f"""(path) => {{
  const nb = {FIND};
  return [...nb.node.querySelectorAll('.jp-OutputArea-output > .widget-vbox')]
    .filter((box) => box.querySelector('img.widget-image') && box.querySelector('.widget-slider')).length;
}}"""

STATE = """(box) => ({
  summary: [...box.querySelectorAll('.widget-html')].map((html) => html.innerText).join('\\n'),
  image: (box.querySelector('img.widget-image') || {}).src || null,
})"""

# Widths, in the computed font of the element, of Chinese text and of a character no font
# has (U+10FFFD): a missing glyph is drawn as the same box ("tofu") whatever the character.
CJK_WIDTHS = """(element) => {
  const style = getComputedStyle(element);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return {
    font: context.font,
    chinese: context.measureText('客户管理').width,
    tofu: context.measureText('\\u{10FFFD}'.repeat(4)).width,
  };
}"""

SCROLL_TO_TOP = f"(path) => {{ {FIND}.node.querySelector('.jp-WindowedPanel-outer').scrollTop = 0; }}"

MENU_LABELS = "() => [...document.querySelectorAll('.lm-MenuBar-itemLabel')].map((label) => label.textContent)"

SHUT_DOWN = f"async (path) => {{ const nb = {FIND}; await nb.sessionContext.shutdown(); }}"


def open_notebook(context, lab, path, workspace, timeout=90):
    """A new page showing the notebook ``path`` with its kernel started and idle."""
    page = context.new_page()
    page.goto(lab.notebook_url(path, workspace))
    page.wait_for_function(KERNEL_IDLE, arg=path, timeout=timeout * 1000, polling=200)
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")  # more room for the notebook
    return page


def run_all(page, path, timeout=120):
    """Run every cell in a fresh state (outputs cleared), as a student's "Run All" does, then
    wait until the kernel is idle and the outputs (widgets, pictures) are drawn."""
    page.evaluate(RUN_ALL, path)
    page.wait_for_function(FINISHED, arg=path, timeout=timeout * 1000, polling=200)
    try:
        page.wait_for_function(SETTLED, arg=path, timeout=30_000, polling=200)
    except PlaywrightTimeout:  # what did not settle is reported by problems()
        pass
    page.evaluate(SCROLL_TO_TOP, path)


def problems(page, path):
    """Everything wrong on the page: cells that did not run, errors and stderr output,
    widgets not displayed as widgets, pictures not loaded, widget error messages."""
    return page.evaluate(PROBLEMS, path)


def shut_down(page, path):
    page.evaluate(SHUT_DOWN, path)


def cjk_font_problem(widths):
    """None when Chinese is drawn with a font that has it, else what is wrong."""
    if abs(widths["chinese"] - widths["tofu"]) < 0.5:
        return (
            f"Chinese is drawn as empty boxes: '客户管理' is as wide as 4 missing glyphs "
            f"({widths['chinese']:.1f} px) in the font {widths['font']!r}; is a CJK font "
            f"(fonts-wqy-microhei) installed?"
        )
    return None


def measure_cjk(where, selector=".jp-RenderedMarkdown h1"):
    """:data:`CJK_WIDTHS` in the font of the first element matching ``selector`` in ``where``
    (a page, or an element handle), e.g. the notebook's title."""
    element = where.wait_for_selector(selector) if hasattr(where, "goto") else where.query_selector(selector)
    return element.evaluate(CJK_WIDTHS)


def simulator_boxes(page, path, index):
    """The top-level widget boxes of the output of cell ``index`` (element handles)."""
    handles = page.evaluate_handle(TOP_BOXES, [path, index])
    boxes = [prop.as_element() for prop in handles.get_properties().values()]
    return [box for box in boxes if box is not None]


def state(box):
    """The box's summary text and its figure's address (a new blob: URL after each redraw)."""
    return box.evaluate(STATE)


def slider_handles(box):
    return box.query_selector_all(".widget-slider .noUi-handle")


def slider_value(handle):
    """The slider's value as the page holds it (aria-valuetext; aria-valuenow is rounded)."""
    return float(handle.get_attribute("aria-valuetext"))


def wait_for(condition, timeout=30, step=0.2):
    """Poll ``condition()`` until it is true or ``timeout`` seconds pass; its last value."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(step)


NUMBER = re.compile(r"([-+]?)(\d[\d,]*(?:\.\d+)?)(%?)")


def shows_number(text, x):
    """Does ``text`` show the number ``x`` at the precision it is printed with?

    "1,234" shows 1234.4; "12.5%" shows 0.1251; "-2.0" shows -2.04.

    >>> shows_number("利润 1,234 元，提升 23%", 1234.4), shows_number("提升 23%", 0.2261)
    (True, True)
    >>> shows_number("提升 23%", 0.24), shows_number("差距 -2.0 分", -2.04), shows_number("2.0", -2)
    (False, True, False)
    """
    for sign, digits, percent in NUMBER.findall(text):
        value = float(sign + digits.replace(",", ""))
        decimals = len(digits.partition(".")[2])
        scale = 100 if percent else 1
        if abs(value / scale - x) <= 0.5 * 10**-decimals / scale * (1 + 1e-9) + 1e-12:
            return True
    return False
