"""One table of every label and message coursekit shows, in Chinese and English.

Notebook code never writes a label itself: it asks coursekit, so the English
edition of a lesson changes prose only. Add new text here, with both languages.

>>> from coursekit import i18n
>>> i18n.text("yes", lang="zh"), i18n.text("yes", lang="en")
('是', 'yes')
>>> i18n.text("range_error", lang="en", name="retention", value=1.5, allowed="[0, 1)")
'retention = 1.5 is not allowed; allowed: [0, 1).'
"""

LANGUAGES = ("zh", "en")

TEXT = {
    # general
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "ok": {"zh": "正常", "en": "OK"},
    "problem": {"zh": "有问题", "en": "problem"},
    "reset": {"zh": "恢复默认", "en": "Reset"},
    # input errors (coursekit.errors puts zh and en side by side)
    "range_error": {
        "zh": "参数 {name} = {value!r} 不在允许范围内；允许：{allowed}。",
        "en": "{name} = {value!r} is not allowed; allowed: {allowed}.",
    },
    "type_error": {
        "zh": "参数 {name} 应为{expected}，收到的是 {value!r}。",
        "en": "{name} must be {expected_en}; got {value!r}.",
    },
    "choice_error": {
        "zh": "参数 {name} = {value!r} 不是可选值；可选：{allowed}。",
        "en": "{name} = {value!r} is not one of the choices: {allowed}.",
    },
    "columns_error": {
        "zh": "数据表 {name} 缺少列：{missing}；需要的列：{required}。",
        "en": "table {name} is missing column(s): {missing}; required: {required}.",
    },
    "empty_error": {"zh": "数据表 {name} 是空的（没有数据行）。", "en": "table {name} is empty (no data rows)."},
    # environment self-check (coursekit.selfcheck)
    "check_item": {"zh": "检查项", "en": "Check"},
    "check_result": {"zh": "结果", "en": "Result"},
    "check_detail": {"zh": "说明", "en": "Details"},
    "check_python": {"zh": "Python 版本", "en": "Python version"},
    "check_python_ok": {
        "zh": "Python {version}，满足要求（3.11 及以上）",
        "en": "Python {version} (3.11 or newer required)",
    },
    "check_python_bad": {
        "zh": "Python {version} 太旧，请安装 3.11 或更新版本",
        "en": "Python {version} is too old; install 3.11 or newer",
    },
    "check_package": {"zh": "软件包 {name}", "en": "Package {name}"},
    "check_package_ok": {"zh": "已安装 {installed}，与课程要求一致", "en": "{installed} installed, as the course pins"},
    "check_package_other": {
        "zh": "已安装 {installed}，课程测试的是 {pinned}；一般能用，如遇问题请重新安装",
        "en": "{installed} installed, the course is tested with {pinned}; usually fine, reinstall if something breaks",
    },
    "check_package_missing": {
        "zh": "未安装，请按 README 重新安装课程环境",
        "en": "not installed; reinstall the course environment as the README says",
    },
    "check_font": {"zh": "图表中文字体", "en": "Chinese chart font"},
    "check_font_ok": {
        "zh": "已使用 {family}，图中的中文可以正常显示",
        "en": "{family} in use; Chinese in charts will display",
    },
    "check_font_bad": {
        "zh": "图中的中文会显示成方框：请先运行 coursekit.setup()",
        "en": "Chinese in charts would show as boxes: run coursekit.setup() first",
    },
    "check_widgets": {"zh": "交互组件（滑块）", "en": "Interactive widgets (sliders)"},
    "check_widgets_ok": {
        "zh": "前端扩展已安装；请确认下面的滑块能拖动",
        "en": "front-end extension installed; check that the slider below moves",
    },
    "check_widgets_bad": {
        "zh": "缺少 jupyterlab_widgets，滑块无法显示",
        "en": "jupyterlab_widgets missing; sliders cannot display",
    },
    "check_all_ok": {"zh": "全部正常，可以开始上课了！", "en": "All good: ready for class!"},
    "check_some_bad": {
        "zh": "有 {n} 项需要处理，请按“说明”一栏操作，或把这张表发给老师。",
        "en": "{n} item(s) need attention: follow the Details column, or send this table to your teacher.",
    },
    # demo chart and slider of the course guide
    "demo_title": {"zh": "中文显示测试：客户数量（示例）", "en": "Font test: customers (example)"},
    "demo_xlabel": {"zh": "年份", "en": "Year"},
    "demo_ylabel": {"zh": "仍在购买的客户（位）", "en": "Customers still buying"},
    "demo_year": {"zh": "第{n}年", "en": "Year {n}"},
    "demo_slider": {"zh": "每年留住", "en": "Kept each year"},
    "demo_result": {
        "zh": "每年留住 {rate:.0%} 的客户：100 位新客户，5 年后还剩 {left:.0f} 位。",
        "en": "Keeping {rate:.0%} a year: of 100 new customers, {left:.0f} remain after 5 years.",
    },
    # Each module adds its labels below its own marker; table columns use the key
    # "col_<column>", category codes "cat_<code>".
    # --- value ---
    # --- retention ---
    # --- segments ---
    # --- complaints ---
    # --- data ---
    # --- quiz ---
    "quiz_no_questions": {"zh": "第 {lesson} 课还没有自测题。", "en": "Lesson {lesson} has no self-check questions yet."},
    "quiz_check": {"zh": "检查答案", "en": "Check answer"},
    "quiz_hint": {"zh": "提示", "en": "Hint"},
    "quiz_answer_label": {"zh": "你的答案", "en": "Your answer"},
    "quiz_correct": {"zh": "✔ 正确！", "en": "✔ Correct!"},
    "quiz_wrong": {"zh": "✘ 还不对。", "en": "✘ Not yet."},
    "quiz_try_again": {"zh": "先看看提示，再试一次。", "en": "Look at the hint and try again."},
    "quiz_expected": {"zh": "正确答案：{answer}", "en": "Correct answer: {answer}"},
    "quiz_show_answer": {"zh": "显示答案", "en": "Show answer"},
    "quiz_no_choice": {"zh": "请先选择一个选项。", "en": "Choose an option first."},
    "quiz_not_number": {"zh": "请输入一个数字，例如 {example}。", "en": "Enter a number, for example {example}."},
    "quiz_question": {"zh": "第 {n} 题", "en": "Question {n}"},
    # --- sims ---
    "sim_invalid": {"zh": "这组数值不能计算：", "en": "These values cannot be computed:"},
}


_state = {"lang": "zh"}


def set_language(lang):
    """Choose the language of labels and messages: ``"zh"`` or ``"en"``."""
    if lang not in LANGUAGES:
        raise ValueError(
            f"参数 lang = {lang!r} 不是可选值；可选：{LANGUAGES}。 / "
            f"lang = {lang!r} is not one of the choices: {LANGUAGES}."
        )
    _state["lang"] = lang


def get_language():
    """The language chosen by :func:`set_language` (``"zh"`` unless changed)."""
    return _state["lang"]


def text(key, lang=None, **values):
    """The label or message ``key`` in ``lang`` (default: the current language),
    with ``{placeholders}`` filled from ``values``.

    >>> text("demo_year", lang="zh", n=3)
    '第3年'
    """
    entry = TEXT[key]
    return entry[lang or get_language()].format(**values)
