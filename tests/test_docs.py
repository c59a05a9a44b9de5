"""The teaching documents stay true to the repository.

- every lesson notebook has a presenter guide in docs/presenter/ (and every guide a lesson);
- every ``make <target>`` quoted in README.md or docs/ is a target of the Makefile, and every
  ``LESSON=<name>`` names a lesson;
- every path quoted in backticks in README.md exists. Paths under a folder that git ignores
  (``.venv/``, ``build/``, ...) are made by the course's commands: their folder must be one the
  Makefile knows.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MAKEFILE = ROOT / "Makefile"
DOCS = sorted((ROOT / "docs").rglob("*.md"))
LESSONS = sorted(p for p in (ROOT / "notebooks").glob("*.ipynb") if not p.name.startswith("00_"))
GUIDES = sorted((ROOT / "docs" / "presenter").glob("*.md"))
PATH_ENDINGS = (".md", ".ipynb", ".py", ".yml", ".txt", ".toml")
FENCED = r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```"  # a code block, also one indented in a list


def code_of(markdown):
    """The text of every code block and every inline `code` span of a markdown text."""
    blocks = re.findall(FENCED, markdown, flags=re.S | re.M)
    prose = re.sub(FENCED, "", markdown, flags=re.S | re.M)
    return blocks + re.findall(r"`([^`\n]+)`", prose)


def inline_code_by_line(markdown):
    """[inline code spans of one line] for every line outside code blocks."""
    prose = re.sub(FENCED, "", markdown, flags=re.S | re.M)
    return [re.findall(r"`([^`\n]+)`", line) for line in prose.splitlines()]


def make_targets():
    """The targets the Makefile defines (``name:`` at the start of a line, not ``:=``)."""
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", MAKEFILE.read_text(encoding="utf-8"), flags=re.M))


def make_mentions(markdown):
    """{target} of every ``make <target>`` in the code of a markdown text (not in a package
    install line such as ``apt-get install git make python3-venv``, where make is a package)."""
    lines = [line for line in "\n".join(code_of(markdown)).splitlines() if not re.search(r"\bapt(-get)? install", line)]
    return set(re.findall(r"(?<![\w-])make\s+([a-z][\w-]*)", "\n".join(lines)))


def lesson_mentions(markdown):
    return set(re.findall(r"\bLESSON=([\w-]+)", "\n".join(code_of(markdown))))


def looks_like_path(span):
    """A single word with a "/" or a file ending; not a URL, not a <placeholder>, not a command."""
    if any(c.isspace() for c in span) or "://" in span or "<" in span or ">" in span:
        return False
    return "/" in span or span.endswith(PATH_ENDINGS)


def ignored_folders():
    """Top-level folders git ignores (``.gitignore`` lines like ``build/``)."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return {line.strip().strip("/") for line in lines if line.strip().endswith("/") and "*" not in line}


def quoted_paths(markdown):
    """{path: folders named on the same lines} for every path-like inline code span.

    A bare file name (``nbtool.py`` in the row of ``tools/``) may live in a folder named
    on its line, as in the README's table of contents."""
    found = {}
    for spans in inline_code_by_line(markdown):
        paths = [s for s in spans if looks_like_path(s)]
        for path in paths:
            found.setdefault(path, set()).update(s for s in paths if s.endswith("/"))
    return found


def problem_with(path, folders):
    """Why a quoted path is wrong, or None when it is fine."""
    top = path.strip("/").split("/")[0]
    if top in ignored_folders():  # made by a command, e.g. build/html/ by `make html`
        return None if top in MAKEFILE.read_text(encoding="utf-8") else f"{path}: made by nothing the Makefile knows"
    candidates = [ROOT / path] + ([ROOT / folder / path for folder in folders] if "/" not in path else [])
    return None if any(c.exists() for c in candidates) else f"`{path}` does not exist"


README_PATHS = quoted_paths(README.read_text(encoding="utf-8"))


def test_the_checks_see_the_documents():
    assert len(LESSONS) >= 4, "no lesson notebooks found"
    assert DOCS and make_targets() >= {"lab", "test", "student", "html", "present"}
    assert {"lab", "test"} <= make_mentions(README.read_text(encoding="utf-8"))
    assert len(README_PATHS) >= 20


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_lesson_has_a_presenter_guide(lesson):
    guide = ROOT / "docs" / "presenter" / f"{lesson.stem}.md"
    assert guide.exists(), f"{lesson.name} has no presenter guide {guide.relative_to(ROOT)}"
    text = guide.read_text(encoding="utf-8")
    assert f"notebooks/{lesson.name}" in text, f"{guide.name} does not name its notebook"
    assert f"LESSON={lesson.stem}" in text, f"{guide.name} does not say how to present {lesson.stem}"


@pytest.mark.parametrize("guide", GUIDES, ids=[p.stem for p in GUIDES])
def test_every_presenter_guide_belongs_to_a_lesson(guide):
    assert guide.stem in {p.stem for p in LESSONS}, f"{guide.name}: no notebooks/{guide.stem}.ipynb"


@pytest.mark.parametrize("doc", [README, *DOCS], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_make_target_mentioned_exists(doc):
    missing = make_mentions(doc.read_text(encoding="utf-8")) - make_targets()
    assert not missing, f"{doc.relative_to(ROOT)} mentions make {sorted(missing)}, which the Makefile lacks"


@pytest.mark.parametrize("doc", [README, *DOCS], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_lesson_named_for_make_present_exists(doc):
    unknown = lesson_mentions(doc.read_text(encoding="utf-8")) - {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert not unknown, f"{doc.relative_to(ROOT)}: LESSON={sorted(unknown)} is not a notebook"


@pytest.mark.parametrize("path", sorted(README_PATHS))
def test_every_path_in_the_readme_exists(path):
    problem = problem_with(path, README_PATHS[path])
    assert problem is None, f"README.md: {problem}"


def test_the_checks_can_fail():
    wrong = "Run `make deploy`, then open `docs/no_such_guide.md` and `no_such_lesson.ipynb` (`notebooks/`).\n"
    assert make_mentions(wrong) - make_targets() == {"deploy"}
    assert make_mentions("```bash\nsudo apt-get install -y git make python3-venv\nmake hub\n```\n") == {"hub"}
    paths = quoted_paths(wrong)
    assert problem_with("docs/no_such_guide.md", paths["docs/no_such_guide.md"])
    assert problem_with("no_such_lesson.ipynb", paths["no_such_lesson.ipynb"])
    assert problem_with("00_course_guide.ipynb", {"notebooks/"}) is None
    assert not looks_like_path("https://mybinder.org/v2/gh/<账号>/<仓库>/HEAD")
    assert not looks_like_path("make lab ARGS=--no-browser")


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_each_presenter_guide_says_what_the_presenter_edition_holds(lesson):
    """The presenter edition drops the instructor and solution cells (tools/editions.py); each guide says so."""
    import nbformat

    from tools.editions import HIDDEN_TAGS, presenter_edition

    shown = presenter_edition(nbformat.read(lesson, as_version=4))
    assert not [c for c in shown.cells if HIDDEN_TAGS & set(c.metadata.get("tags", []))]
    text = (ROOT / "docs" / "presenter" / f"{lesson.stem}.md").read_text(encoding="utf-8")
    assert "不含教师用单元格" in text and "演示版保留" not in text, f"{lesson.stem}: say the edition drops them"
