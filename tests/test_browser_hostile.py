"""Hostile text typed into the course's forms, in a real browser (JupyterLab under Chromium).

The lesson-1 profile form (coursekit/profile.py) and a self-check question (coursekit/quiz.py)
show what a student typed back in the page. tests/test_profile.py and tests/test_quiz.py check
the escaping in Python; here a scratch notebook (in a folder of its own under test-output/,
never in notebooks/) shows both, and Playwright types into their text fields what a prankster
or a copy-paste accident would: HTML that runs script, a 10,000-character line, emoji joined by
zero-width joiners, Arabic with a right-to-left override, Chinese. After each click the test
checks that

- no script ran (``window.__pwned`` stays unset) and no element of the typed HTML was made
  (a MutationObserver records every added ``<img src=x>``, ``<script>`` of the typed text or
  element with an ``onerror`` attribute);
- the form echoes the entries as literal text: its notice says exactly what coursekit's
  checks say (:func:`coursekit.profile.validate`, which cuts a very long entry short), its
  table shows each text as typed (pandas cuts the long one), its CSV export holds them whole;
- the long entry does not widen the page, the notebook or a widget (no text runs off the
  form), each line of the notice starts at its left edge (a right-to-left override stays in its
  line), and no script error happened in the page;
- the kernel sent no error or stderr (a widget callback's traceback goes to the kernel's
  iopub channel, not to a cell, so the test listens there) and every cell ran cleanly.

Needs Debian's chromium and fonts-wqy-microhei (apt; .ci/run installs them). Outside CI the
test is skipped when /usr/bin/chromium is missing; in CI it fails.
"""

import base64
import csv
import io
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

from coursekit import i18n, profile, quiz
from tests.browser import notebook as nb
from tests.browser.lab import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
LONG = "W" * 10_000  # no space, no break: the widest line it can make
EMOJI = "👩‍👩‍👧‍👦🔥"
RTL = "مرحبا\u202eabc"
CHINESE = "客户档案：王芳，青岛市市南区"
HOSTILE = [IMG, SCRIPT, LONG, EMOJI, RTL, CHINESE]

FIELDS = ["name", "gender", "age", "phone", "city", "first_purchase", "products", "budget", "notes"]
FEMALE, MALE = (i18n.text(key, lang="zh") for key in ("profile.gender_female", "profile.gender_male"))
EMPTY = dict.fromkeys(FIELDS, "")
# Refused: each bad entry is repeated in the notice (age, phone, date, budget).
REFUSED = {**EMPTY, "name": IMG, "gender": FEMALE, "age": SCRIPT, "phone": LONG, "first_purchase": RTL,
           "budget": EMOJI, "city": CHINESE}  # fmt: skip
# Added: each text field is shown in the table and exported.
ADDED = [
    {**EMPTY, "name": IMG, "gender": FEMALE, "age": "34", "city": RTL, "products": SCRIPT, "notes": LONG},
    {**EMPTY, "name": EMOJI, "gender": MALE, "age": "51", "city": CHINESE, "products": IMG, "notes": RTL},
]
TEXT_FIELDS = [f for f in FIELDS if profile.FIELDS[f][0] != "choice"]

SCRATCH_CELLS = [
    "import coursekit\nfrom coursekit import profile, quiz\n\ncoursekit.setup()",
    f"form = profile.profile_form({FIELDS!r})\nform",
    "question = next(q for q in quiz.questions(1) if isinstance(q, quiz.Number))\nquiz.widget(question, 1)",
]
FORM_CELL, QUIZ_CELL = 1, 2

# Watches the page: typed HTML that became elements, script that ran, and what the kernel sent
# on iopub that is an error or stderr (a widget callback's traceback arrives there).
WATCH = f"""(path) => {{
  window.__hostile = [];
  window.__kernel_errors = [];
  const suspicious = (el) => el.nodeType === 1 && (
    (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
    (el.tagName === 'SCRIPT' && el.textContent.includes('__pwned')) ||
    el.hasAttribute('onerror'));
  new MutationObserver((records) => {{
    for (const record of records) for (const node of record.addedNodes) {{
      if (node.nodeType !== 1) continue;
      for (const el of [node, ...node.querySelectorAll('*')]) {{
        if (suspicious(el)) window.__hostile.push(el.outerHTML.slice(0, 200));
      }}
    }}
  }}).observe(document.documentElement, {{childList: true, subtree: true}});
  const nb = {nb.FIND};
  nb.sessionContext.session.kernel.iopubMessage.connect((_, msg) => {{
    const type = msg.header.msg_type;
    if (type === 'error') window.__kernel_errors.push(`${{msg.content.ename}}: ${{msg.content.evalue}}`);
    if (type === 'stream' && msg.content.name === 'stderr') window.__kernel_errors.push(msg.content.text);
  }});
}}"""

HARM = """() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  added: window.__hostile,
  present: [...document.querySelectorAll('img[src="x"], [onerror]')]
    .concat([...document.scripts].filter((s) => s.textContent.includes('__pwned')))
    .map((el) => el.outerHTML.slice(0, 200)),
  kernel: window.__kernel_errors,
})"""

# Sideways overflow: of the page, of the notebook's scrolling panel, of any widget in it (text that
# runs off a widget is cut off from view). A wide table may scroll in its own output area, as any
# wide pandas table does in JupyterLab.
OVERFLOW = f"""(path) => {{
  const nb = {nb.FIND};
  const wider = (el) => el.scrollWidth > el.clientWidth + 1;
  const page = document.scrollingElement;
  const panel = nb.node.querySelector('.jp-WindowedPanel-outer');
  const inside = [...nb.node.querySelectorAll('.jupyter-widgets')].filter(wider);
  return [
    ...(wider(page) ? [`the page: ${{page.scrollWidth}} px wide in ${{page.clientWidth}}`] : []),
    ...(wider(panel) ? [`the notebook: ${{panel.scrollWidth}} px wide in ${{panel.clientWidth}}`] : []),
    ...inside.map((el) => `${{el.className}}: ${{el.scrollWidth}} px wide in ${{el.clientWidth}}`),
  ];
}}"""


# Where each line of a notice starts (its "⚠"), in px from the notice's left edge: a right-to-left
# override typed in one entry must not run on into the lines after it and turn them around.
LINE_STARTS = """(notice) => {
  const left = notice.getBoundingClientRect().left;
  const walker = document.createTreeWalker(notice, NodeFilter.SHOW_TEXT);
  const starts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = node.data.indexOf('⚠'); i >= 0; i = node.data.indexOf('⚠', i + 1)) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      starts.push(Math.round(range.getBoundingClientRect().left - left));
    }
  }
  return starts;
}"""


@pytest.fixture
def chinese():
    """The expected texts are made in Chinese, as the scratch notebook shows them."""
    before = i18n.get_language()
    i18n.set_language("zh")
    yield
    i18n.set_language(before)


UNESCAPED_CELL = f"import ipywidgets\n\nipywidgets.HTML({IMG!r})  # the typed text as HTML, unescaped"


@pytest.fixture
def scratch():
    """Paths (relative to the course folder, which JupyterLab serves) of the scratch notebook
    and of the same notebook with an unescaped echo added, in a new folder under test-output/
    (git-ignored), removed afterwards."""
    parent = ROOT / "test-output"
    parent.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="hostile-", dir=parent))
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    paths = {}
    for name, cells in {"scratch": SCRATCH_CELLS, "unescaped": [*SCRATCH_CELLS, UNESCAPED_CELL]}.items():
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells], metadata=kernel)
        nbformat.write(notebook, folder / f"{name}.ipynb")
        paths[name] = (folder / f"{name}.ipynb").relative_to(ROOT).as_posix()
    yield paths
    shutil.rmtree(folder)


# --- steps in the page ------------------------------------------------------------------------


def output_box(page, index):
    """The top-level widget box in the output of code cell ``index`` (a locator)."""
    cell = page.locator(".jp-Notebook .jp-CodeCell").nth(index)
    return cell.locator(".jp-OutputArea-output > .widget-vbox").first


def labelled(box, kind, label):
    """The widget of CSS class ``kind`` in ``box`` whose description is ``label``."""
    return box.locator(kind).filter(has=box.page.locator("label.widget-label").get_by_text(label, exact=True))


def label_of(field):
    return i18n.text(f"profile.{field}") + (" *" if field in profile.REQUIRED else "")


def fill_form(form, values):
    for field in FIELDS:
        if profile.FIELDS[field][0] == "choice":
            labelled(form, ".widget-dropdown", label_of(field)).locator("select").select_option(label=values[field])
        else:
            entry = labelled(form, ".widget-text", label_of(field)).locator("input")
            entry.fill(values[field])
            assert entry.input_value() == values[field]  # the field holds it literally, whole


def button_named(box, name):
    """The button in ``box`` that says ``name`` (an icon beside the words is no part of it)."""
    return box.locator("button.widget-button").filter(has_text=re.compile(rf"^\s*{re.escape(name)}\s*$"))


def click_and_wait(box, button, shows, element, timeout=30):
    """Click the button named ``button`` in ``box``; wait until ``element`` (a locator) shows the
    text ``shows``; what it shows then."""
    button_named(box, button).click()
    nb.wait_for(lambda: element.inner_text().strip() == shows, timeout=timeout)
    return element.inner_text().strip()


def check_no_harm(page, path, where):
    harm = page.evaluate(HARM)
    assert harm["pwned"] is None, f"{where}: typed script ran (window.__pwned = {harm['pwned']})"
    assert not harm["added"] and not harm["present"], f"{where}: typed HTML became elements: {harm}"
    assert not harm["kernel"], f"{where}: the kernel sent errors: {harm['kernel']}"
    overflow = page.evaluate(OVERFLOW, path)
    assert not overflow, f"{where}: something is wider than its place: {overflow}"


def table_rows(form):
    """The rows of the form's table as shown (cell texts, without the index column)."""
    rows = form.locator(".widget-output table.dataframe tbody tr")
    return [row.locator("td").all_inner_texts() for row in rows.all()]


def exported_rows(form):
    href = form.locator("a[download]").get_attribute("href")
    prefix = "data:text/csv;base64,"
    assert href.startswith(prefix), href[:80]
    return list(csv.reader(io.StringIO(base64.b64decode(href[len(prefix) :]).decode("utf-8-sig"))))


# --- the test ---------------------------------------------------------------------------------


def test_hostile_text_stays_text_in_the_browser(chromium, lab, scratch, chinese):
    path = scratch["scratch"]
    page = nb.open_notebook(chromium, lab, path, "hostile")
    page_errors = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        page.evaluate(WATCH, path)
        nb.run_all(page, path)
        problems = nb.problems(page, path)
        assert not problems, "\n".join(problems)
        form, question = output_box(page, FORM_CELL), output_box(page, QUIZ_CELL)
        notice, link = form.locator(":scope > .widget-html").all()
        notice_text = notice.locator(".widget-html-content")

        # 1. A customer with bad entries: refused, and the notice repeats them as text.
        fill_form(form, REFUSED)
        expected = "\n".join(f"⚠ {problem}" for problem in profile.validate(FIELDS, REFUSED)[1])
        assert SCRIPT in expected and RTL in expected and EMOJI in expected and "W" * 100 in expected
        assert "W" * 200 not in expected  # coursekit cuts the long entry short (i18n.LONGEST_SHOWN)
        shown = click_and_wait(form, i18n.text("profile.add"), expected, notice_text)
        assert shown == expected, f"the notice shows:\n{shown[:2000]}\nexpected:\n{expected[:2000]}"
        check_no_harm(page, path, "refused entry")
        starts = notice_text.evaluate(LINE_STARTS)
        assert len(starts) == len(expected.splitlines()), starts
        assert all(abs(x) < 2 for x in starts), f"a notice line does not start at the left: {starts} px"

        # 2. Two customers whose text fields are hostile: added, shown in the table as typed.
        for n, values in enumerate(ADDED, start=1):
            fill_form(form, values)
            added = i18n.text("profile.added", n=n)
            assert click_and_wait(form, i18n.text("profile.add"), added, notice_text) == added
            entries = [labelled(form, ".widget-text", label_of(f)).locator("input") for f in TEXT_FIELDS]
            assert all(entry.input_value() == "" for entry in entries)  # cleared for the next customer
            check_no_harm(page, path, f"customer {n}")
        nb.wait_for(lambda: len(table_rows(form)) == len(ADDED))
        rows = table_rows(form)
        assert len(rows) == len(ADDED), rows
        for row, values in zip(rows, ADDED, strict=True):
            shown = dict(zip(FIELDS, row, strict=True))
            for field in FIELDS:
                if values[field] == LONG:
                    cut = shown[field]
                    assert len(cut) < 100 and LONG.startswith(cut.rstrip(".…")), f"{field}: {len(cut)} characters"
                else:
                    assert shown[field] == values[field], f"{field}: table shows {shown[field]!r}"

        # 3. The CSV export holds every entry whole, as typed.
        button_named(form, i18n.text("profile.export")).click()
        nb.wait_for(lambda: link.locator("a[download]").count() == 1)
        header, *lines = exported_rows(form)
        assert header == [i18n.text(f"profile.{f}") for f in FIELDS]
        assert lines == [[values[f] for f in FIELDS] for values in ADDED]
        check_no_harm(page, path, "export")

        # 4. The self-check question: each hostile answer is refused as "not a number".
        entry = question.locator("input[type=text]")
        assert entry.get_attribute("placeholder") == i18n.text("quiz.answer_label")
        feedback = question.locator(":scope > .widget-html").last.locator(".widget-html-content")
        hint = "💡 " + next(q for q in quiz.questions(1) if isinstance(q, quiz.Number)).hint["zh"]
        not_number = i18n.text("quiz.not_number", example="3.75")
        for typed in HOSTILE:
            entry.fill(typed)
            assert entry.input_value() == typed
            # the hint first, so that each check shows a change
            assert click_and_wait(question, i18n.text("quiz.hint"), hint, feedback) == hint
            assert click_and_wait(question, i18n.text("quiz.check"), not_number, feedback) == not_number
            check_no_harm(page, path, f"quiz answer {typed[:30]!r}")

        assert not page_errors, page_errors
        problems = nb.problems(page, path)
        assert not problems, "\n".join(problems)
    finally:
        try:
            nb.shut_down(page, path)
        finally:
            page.close()


def test_harm_checks_see_html_that_runs(chromium, lab, scratch):
    """The test of the test: the same watch catches an unescaped echo (an HTML widget given the
    typed text as it is), the script it runs and the element it makes."""
    path = scratch["unescaped"]
    page = nb.open_notebook(chromium, lab, path, "hostile-check")
    try:
        page.evaluate(WATCH, path)
        # run all, without waiting for pictures to load (the typed <img src=x> never does)
        page.evaluate(nb.RUN_ALL, path)
        page.wait_for_function(nb.FINISHED, arg=path, timeout=120_000, polling=200)
        harm = nb.wait_for(lambda: (state := page.evaluate(HARM))["pwned"] and state)
    finally:
        try:
            nb.shut_down(page, path)
        finally:
            page.close()
    assert harm, "the unescaped <img onerror> did not run: the watch cannot see it"
    assert harm["pwned"] == "1" and any("onerror" in html for html in harm["added"]), harm
    assert any('src="x"' in html for html in harm["present"]), harm
