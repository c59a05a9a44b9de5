"""The HTML handouts (``make html``, tools/editions.py) work with no network, in a real browser.

A classroom projector PC may have no network. Each handout is opened from file:// in
headless Chromium with every request that would leave the machine aborted and recorded
(``block_network``), and the test checks, as the class would see it:

- the page asked for nothing but local files (no CDN script, font or widget bundle);
- every formula of the lesson's Markdown (counted in the notebook: ``$…$`` and ``$$…$$``)
  is drawn by MathJax as a picture of nonzero size, none with a TeX error or an unknown
  command, and no raw TeX (``$``, ``\\text{``, ``\\frac``…) is left in the text;
- the page raised no script error.

Two tests check that the checks can fail: nbconvert's own page (MathJax and require.js from
a CDN) under the same blocked network shows raw TeX and is caught asking for the CDN; and the
static scan of a page's loads finds those CDN addresses. Screenshots of the first displayed
formula go to test-output/handouts/. Select the browser tests alone with ``pytest -m browser``.

Needs Debian's chromium and fonts-wqy-microhei (apt; .ci/run installs them). Outside CI the
test is skipped when /usr/bin/chromium is missing; in CI it fails.
"""

import re
import sys
from html.parser import HTMLParser

import nbformat
import pytest

from tests.browser.lab import LOCAL_SCHEMES, ROOT, block_network, launch_chromium

sys.path.insert(0, str(ROOT / "tools"))
import editions  # a maintenance script, imported to test what it builds

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The lessons with formulas (the test fails if one of them has none left).
LESSONS_WITH_FORMULAS = ["02_customer_value", "03_retention"]
SCREENSHOTS = ROOT / "test-output" / "handouts"
FORMULAS = r"""$$\text{CLV}=\sum_{t=1}^{N}\frac{m\,r^{t}}{(1+i)^{t}}-c$$

Inline: margin $m$, retention $r$, and $\dfrac{r}{1+i-r}$."""


# --- what the test counts in a notebook and reads in a page -----------------------------------

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)  # code is shown as code, never typeset
DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE = re.compile(r"\$([^$\n]+?)\$")


def formulas_in(nb):
    """(displayed, inline) formulas in the notebook's Markdown cells, as MathJax finds them
    (``\\$`` is a dollar sign, not a delimiter)."""
    display = inline = 0
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        source = CODE.sub("", cell.source.replace("\\$", ""))
        display += len(DISPLAY.findall(source))
        inline += len(INLINE.findall(DISPLAY.sub("", source)))
    return display, inline


# After MathJax has finished (if the page has it): what it drew, and the text of the rendered
# Markdown with the drawn formulas taken out: raw TeX left there ($$, $…$, a \command) is what the
# class would see (a lone dollar sign, $5 from \$5, is text).
PAGE_STATE = """async () => {
  const mj = window.MathJax;
  const typesetting = Boolean(mj && mj.startup && mj.startup.promise);
  if (typesetting) await mj.startup.promise;
  const containers = [...document.querySelectorAll('mjx-container')];
  const drawn = containers.filter((c) => {
    const svg = c.querySelector(':scope > svg');
    const box = svg && svg.getBoundingClientRect();
    return Boolean(box && box.width > 0 && box.height > 0);
  });
  const items = typesetting ? mj.startup.document.getMathItemsWithin(document.body) : [];
  const wrong = items.filter((item) => /<merror|mathcolor="red"/.test(mj.startup.toMML(item.root)));
  const text = [...document.querySelectorAll('.jp-RenderedMarkdown')].map((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('mjx-container').forEach((m) => m.remove());
    return copy.textContent;
  }).join('\\n');
  return {
    mathjax: typesetting ? mj.version : null,
    display: containers.filter((c) => c.getAttribute('display') === 'true').length,
    inline: containers.filter((c) => c.getAttribute('display') !== 'true').length,
    drawn: drawn.length,
    wrong: wrong.map((item) => item.math),
    raw: text.match(/.{0,20}(\\$\\$|\\$[^$\\n]+\\$|\\\\[A-Za-z]+).{0,20}/g) || [],  // $$, $…$, \\command
  };
}"""


def formula_problems(state, expected):
    """What is wrong with the formulas of a page (``state``: :data:`PAGE_STATE`), as sentences;
    ``expected``: (displayed, inline) formulas the page should show."""
    problems = []
    if state["mathjax"] is None:
        problems.append("MathJax did not run")
    if state["raw"]:
        problems.append(f"raw TeX in the text: {state['raw'][:5]}")
    shown = (state["display"], state["inline"])
    if shown != tuple(expected):
        problems.append(f"(displayed, inline) formulas drawn: {shown}, in the notebook: {tuple(expected)}")
    if state["drawn"] != sum(shown):
        problems.append(f"{sum(shown) - state['drawn']} formula(s) with no visible picture")
    if state["wrong"]:
        problems.append(f"TeX errors or unknown commands in: {state['wrong']}")
    return problems


# tag -> the attribute whose address the browser fetches by itself
LOADING_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "audio": "src",
                      "video": "src", "embed": "src", "object": "data", "track": "src"}  # fmt: skip


class _Loads(HTMLParser):
    """Addresses the page loads by itself (not links to click): scripts, styles, pictures,
    frames, media, and url()/@import/import() in its styles and scripts."""

    IN_CODE = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?['"]?([^'");\s]+)|import\(\s*['"]([^'"]+)""")

    def __init__(self):
        super().__init__()
        self.addresses = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        wanted = LOADING_ATTRIBUTES.get(tag)
        if wanted and attrs.get(wanted):
            self.addresses.append(attrs[wanted])
        if attrs.get("style"):
            self.handle_data(attrs["style"])

    def handle_data(self, data):
        for groups in self.IN_CODE.findall(data):
            self.addresses.extend(g for g in groups if g)


def external_loads(html):
    """The addresses a page would fetch from the network (not data:, not a file beside it)."""
    parser = _Loads()
    parser.feed(html)
    return [a for a in parser.addresses if re.match(r"^(https?:)?//|^[a-z][a-z0-9+.-]*:", a, re.I)
            and not a.startswith(LOCAL_SCHEMES)]  # fmt: skip


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline(playwright, tmp_path_factory):
    """A Chromium context cut off from the network, and the record of what its pages asked for."""
    context = launch_chromium(playwright, tmp_path_factory.mktemp("chromium-profile"))
    network = block_network(context)
    yield context, network
    context.close()


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    """The handouts of the lessons with formulas, built by tools/editions.py into a tmp folder."""
    folder = tmp_path_factory.mktemp("html")
    sources = [editions.STUDENT / f"{name}.ipynb" for name in LESSONS_WITH_FORMULAS]
    return {page.stem: page for page in editions.html_handouts(folder, sources)}


def open_offline(offline, page_file, screenshot=None):
    """Open ``page_file`` from file:// in the offline context: (page state, script errors, network)."""
    context, network = offline
    network.requests.clear()
    network.blocked.clear()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(page_file.as_uri(), wait_until="load")
        state = page.evaluate(PAGE_STATE)
        display = page.locator("mjx-container[display='true']")
        if screenshot and display.count():
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            display.first.screenshot(path=SCREENSHOTS / screenshot)
    finally:
        page.close()
    return state, errors, network


# --- the tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", LESSONS_WITH_FORMULAS)
def test_handout_renders_its_formulas_with_no_network(lesson, handouts, offline):
    page_file = handouts[lesson]
    expected = formulas_in(nbformat.read(editions.STUDENT / f"{lesson}.ipynb", as_version=4))
    assert sum(expected) > 0, f"{lesson} has no formula any more: choose another lesson for this test"
    assert external_loads(page_file.read_text(encoding="utf-8")) == []

    state, errors, network = open_offline(offline, page_file, screenshot=f"{lesson}-formula.png")
    assert network.blocked == [], f"{lesson}: the page asked the network for {network.blocked}"
    assert all(url.startswith(LOCAL_SCHEMES) for url in network.requests), network.requests
    problems = formula_problems(state, expected)
    assert not problems, f"{lesson}:\n" + "\n".join(problems)
    assert not errors, f"{lesson}: {errors}"


def test_a_page_with_no_formula_carries_no_mathjax():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("客户终身价值：没有公式。")])
    page = editions.handout_page(nb, "plain")
    assert "客户终身价值" in page
    assert "MathJax" not in page and "<script" not in page  # nothing to typeset, nothing to run
    assert external_loads(page) == []


def test_formula_check_passes_offline_and_fails_on_the_cdn_page(offline, tmp_path):
    """The test of the test, with no kernel: one small notebook with formulas as the course's
    handout (drawn offline) and as nbconvert's own lab page (MathJax and require.js from a CDN):
    with the network cut off, the CDN page shows raw TeX and is caught asking for the CDN."""
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(FORMULAS)])
    expected = formulas_in(nb)
    assert expected == (1, 3)

    course = tmp_path / "course.html"
    course.write_text(editions.handout_page(nb, "course"), encoding="utf-8")
    state, errors, network = open_offline(offline, course)
    assert network.blocked == [] and not errors
    assert formula_problems(state, expected) == []

    cdn = tmp_path / "cdn.html"
    cdn_page, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    cdn.write_text(cdn_page, encoding="utf-8")
    loads = external_loads(cdn_page)
    assert any("mathjax" in url.lower() for url in loads) and any("require" in url for url in loads), loads
    state, errors, network = open_offline(offline, cdn)
    assert any("mathjax" in url.lower() for url in network.blocked), network.blocked
    problems = formula_problems(state, expected)
    assert "MathJax did not run" in problems, problems
    raw = next(p for p in problems if p.startswith("raw TeX"))
    assert "$$" in raw and "\\text" in raw, raw
