"""coursekit.setup(): Chinese charts on any machine, the course style, no import side effects."""

import os
import subprocess
import sys
import textwrap

import matplotlib as mpl
import numpy as np
import pytest

import coursekit
from coursekit import guide, style

# Run in a fresh interpreter whose matplotlib sees only its own fonts (DejaVu):
# that is a machine with no Chinese font installed, whatever this host has.
NO_HOST_FONTS = """
import warnings
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager
own = font_manager.fontManager.ttflist
font_manager.fontManager.ttflist = [f for f in own if f.fname.startswith(matplotlib.get_data_path())]
warnings.simplefilter("error")
"""

CHINESE_CHART = """
from io import BytesIO
from coursekit import style
fig, ax = style.figure()
ax.bar(["铂金客户", "黄金客户", "钢铁客户", "重铅客户"], [5, 15, 30, 50])
ax.set_title("客户金字塔：各层客户人数（示例）")
ax.set_xlabel("客户层级")
ax.set_ylabel("人数（位）")
ax.legend(["客户数"])
fig.savefig(BytesIO(), format="png")
"""


def run_python(code):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)


def test_chinese_chart_draws_without_missing_glyphs_on_a_machine_without_cjk_fonts():
    done = run_python(NO_HOST_FONTS + "import coursekit\ncoursekit.setup()\n" + CHINESE_CHART)
    assert done.returncode == 0, done.stderr
    assert "missing from font" not in done.stderr


def test_the_glyph_check_fails_without_setup():
    # The control: the same chart without coursekit.setup() has no Chinese font.
    done = run_python(NO_HOST_FONTS + CHINESE_CHART)
    assert done.returncode != 0
    assert "missing from font" in done.stderr


def test_chart_text_is_drawn_with_the_bundled_font():
    from matplotlib import font_manager

    coursekit.setup()
    fig = guide.demo_chart()
    fig.canvas.draw()
    texts = [fig.axes[0].title, fig.axes[0].xaxis.label, *fig.axes[0].get_xticklabels()]
    for t in texts:
        assert font_manager.findfont(t.get_fontproperties()) == style.font_path(), t.get_text()


def test_import_has_no_side_effects():
    done = run_python("""
        import matplotlib as mpl, numpy as np, pandas as pd
        state = np.random.get_state()[1].copy()
        rc = dict(mpl.rcParams)
        import coursekit
        assert dict(mpl.rcParams) == rc, "rcParams changed at import"
        assert (np.random.get_state()[1] == state).all(), "random state changed at import"
        assert pd.get_option("display.max_rows") == 60
        from matplotlib import font_manager
        assert not any("coursekit" in f.fname for f in font_manager.fontManager.ttflist)
    """)
    assert done.returncode == 0, done.stderr


def read_only_home(tmp_path):
    """An environment whose home folder cannot be written (root can write any folder, so the home
    sits under a file: no folder can be made in it), with no MPLCONFIGDIR and a private TMPDIR."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
    return {**env, "HOME": str(blocker / "home"), "TMPDIR": str(tmp_path / "tmp")}


def test_a_read_only_home_gives_no_warnings(tmp_path):
    env = read_only_home(tmp_path)
    (tmp_path / "tmp").mkdir()
    lesson = "import coursekit\ncoursekit.setup()\nfrom coursekit import guide, style\nstyle.png(guide.demo_chart())\n"
    for run in ("first", "second"):  # the second kernel finds the font cache of the first
        done = subprocess.run([sys.executable, "-c", lesson], capture_output=True, text=True, env=env)
        assert done.returncode == 0 and done.stderr == "", f"{run} run: {done.stderr}"
    assert [p.name for p in (tmp_path / "tmp").iterdir()] == [f"coursekit-matplotlib-{os.getuid()}"]


def test_a_read_only_home_makes_matplotlib_warn_without_coursekit(tmp_path):
    # The control: the same environment reproduces the warnings the lesson would show.
    env = read_only_home(tmp_path)
    done = subprocess.run([sys.executable, "-c", "import matplotlib"], capture_output=True, text=True, env=env)
    assert "Matplotlib created a temporary cache directory" in done.stderr


def test_a_chosen_mplconfigdir_is_kept(tmp_path):
    env = {**read_only_home(tmp_path), "MPLCONFIGDIR": str(tmp_path / "mine")}
    code = "import os, coursekit; print(os.environ['MPLCONFIGDIR'])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == str(tmp_path / "mine")


def test_lessons_1_to_4_do_not_import_scipy():
    # scipy (lesson 5's model fits) costs about 0.7 s and 35 MiB in every kernel that imports it
    done = run_python("""
        import sys
        import coursekit
        from coursekit import charts, complaints, customer_base, data, display, exercises, quiz, retention
        from coursekit import segments, sims, value
        assert "scipy" not in sys.modules, "scipy was imported"
        assert len(sims.SIMULATORS) >= 10 and "scipy" in sys.modules  # asking for lesson 5's simulator loads it
    """)
    assert done.returncode == 0, done.stderr


def test_setup_twice_is_harmless():
    from matplotlib import font_manager

    coursekit.setup()
    first = dict(mpl.rcParams)
    coursekit.setup()
    assert dict(mpl.rcParams) == first
    ours = [f for f in font_manager.fontManager.ttflist if f.fname == style.font_path()]
    assert [f.name for f in ours].count(style.FONT_FAMILY) == 1


def test_setup_fixes_the_random_seed():
    coursekit.setup()
    a = np.random.random(3)
    coursekit.setup()
    assert np.array_equal(a, np.random.random(3))


def test_presentation_mode_is_larger_and_can_be_switched_back():
    coursekit.setup()
    classroom = dict(mpl.rcParams)
    coursekit.setup(presentation=True)
    big = mpl.rcParams["font.size"], mpl.rcParams["lines.linewidth"], mpl.rcParams["figure.figsize"][0]
    coursekit.setup()
    small = mpl.rcParams["font.size"], mpl.rcParams["lines.linewidth"], mpl.rcParams["figure.figsize"][0]
    assert all(b > s for b, s in zip(big, small, strict=True))
    assert dict(mpl.rcParams) == classroom  # nothing of the presentation style is left behind
    assert mpl.rcParams["axes.unicode_minus"] is False


def test_setup_language_switches_labels():
    coursekit.setup(lang="en")
    assert coursekit.text("guide.demo_xlabel") == "Year"
    coursekit.setup()
    assert coursekit.text("guide.demo_xlabel") == "年份"


@pytest.mark.parametrize(
    "kwargs, name",
    [({"lang": "fr"}, "lang"), ({"presentation": "yes"}, "presentation"), ({"seed": -1}, "seed")],
)
def test_setup_rejects_bad_arguments_in_both_languages(kwargs, name):
    with pytest.raises(coursekit.CourseInputError) as err:
        coursekit.setup(**kwargs)
    message = err.value.bilingual()
    assert name in message and "参数" in message and " / " in message


def test_environment_check_passes_here():
    coursekit.setup()
    report = guide.check_environment()
    assert report.all_ok, report
    assert "✔" in report._repr_html_()


def test_environment_check_reports_a_missing_font():
    coursekit.setup()
    saved = mpl.rcParams["font.sans-serif"]
    try:
        mpl.rcParams["font.sans-serif"] = ["DejaVu Sans"]
        report = guide.check_environment()
    finally:
        mpl.rcParams["font.sans-serif"] = saved
    assert not report.all_ok
    assert "coursekit.setup()" in repr(report)


def test_demo_slider_shows_the_computed_survivors():
    coursekit.setup()
    box = guide.demo_slider()
    slider, result = box.children
    assert "100" in box._repr_mimebundle_()["text/html"]  # a sentence, not VBox(...), where no kernel runs
    slider.value = 90  # the slider holds percent: what typing "90" sets
    assert f"{guide.survivors_after(0.9):.0f}" in result.value and "90%" in result.value


def test_course_modules_load_on_first_use():
    done = run_python("""
        import sys
        import coursekit
        assert "coursekit.value" not in sys.modules
        assert coursekit.value.margin_multiple(0.8, 0.12) > 0
        try:
            coursekit.no_such_module
        except AttributeError:
            pass
        else:
            raise AssertionError("unknown attribute did not fail")
    """)
    assert done.returncode == 0, done.stderr


def test_in_a_kernel_a_chart_shows_once_as_a_picture_without_pyplot(tmp_path):
    """setup() shows course charts (figures made without pyplot) as PNG pictures, drawn once, and
    does not import pyplot; a student's own pyplot chart is still shown, by the inline backend."""
    import nbformat
    from nbclient import NotebookClient

    cells = [
        "import sys, coursekit\nfrom coursekit import guide\ncoursekit.setup()\nguide.demo_chart()",
        "'matplotlib.pyplot' in sys.modules",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.title('学生自己的图')\nplt.show()",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    chart, check, own = (cell.outputs for cell in nb.cells)
    assert [sorted(output.data) for output in chart] == [["image/png", "text/plain"]]
    assert check[0].data["text/plain"] == "False"
    assert [output.output_type for output in own if "image/png" in output.get("data", {})] == ["display_data"]
    assert not [output for cell in nb.cells for output in cell.outputs if output.get("name") == "stderr"]
