"""Every JupyterLab menu the course's texts name is spelled as the installed JupyterLab shows it.

Students follow "菜单 运行 → 运行所有单元格" word for word; a name that is off by one character
("运行全部单元格") is a menu they cannot find. The texts (the notebooks' markdown, README.md, docs/)
write a menu path in one of two ways:

- ``**运行（Run）→ 运行所有单元格（Run All Cells）**``: each step in Chinese with its English name;
- ``“查看 → 外观 → 演示模式”（View → Appearance → Presentation Mode）``: the Chinese path in
  quotes, the English one (optional) after it in parentheses.

Each English name must be a label of JupyterLab (a key of the installed Chinese language pack,
jupyterlab-language-pack-zh-CN, pinned with JupyterLab) and each Chinese name its translation
there; and the path must exist: each step a submenu or an item of the step before, as
JupyterLab's own menu settings place them (the ``jupyter.lab.menus`` of its schemas; an item is
a command id, whose English label is given in COMMANDS). A path of the class hub's web pages
(not JupyterLab's menus) is listed in HUB_PAGES.
"""

import itertools
import json
import re
import sys
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "notebooks").glob("*.ipynb"))]
BOLD = re.compile(r"\*\*([^*\n]*?（[^*\n]*?）\s*→[^*\n]*?)\*\*")
QUOTED = re.compile(r"“([^”\n]*?→[^”\n]*?)”(?:（([^）\n]*?→[^）\n]*?)）)?")
STEP = re.compile(r"^(.*?)（(.*?)）$")
HUB_PAGES = {("控制面板", "Admin")}  # JupyterHub's control panel page, its "Admin" tab
# The menu items the course names: English label → JupyterLab command id (the labels are set in
# JupyterLab's code, not its schemas). A new item named in a text needs its line here.
COMMANDS = {
    "Run All Cells": "runmenu:run-all",
    "Restart Kernel and Run All Cells…": "runmenu:restart-and-run-all",
    "Presentation Mode": "application:toggle-presentation-mode",
    "Collapse All Code": "notebook:hide-all-cell-code",
    "Download": "docmanager:download",
    "Hub Control Panel": "hub:control-panel",
}
SCHEMAS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"


def prose(path):
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def menu_paths(text, menus=None):
    """[(Chinese steps or None, English steps or None)] of every menu path in ``text``. A quoted
    path counts when it starts with one of ``menus`` (names of JupyterLab's menus, Chinese or
    English) or follows the word 菜单/menu: “期望 > 实绩 → 满意” is a quotation, not a menu."""
    found = []
    for match in BOLD.finditer(text):
        steps = [STEP.match(step.strip()) for step in match.group(1).split("→")]
        if all(steps):
            found.append(([s.group(1).strip() for s in steps], [s.group(2).strip() for s in steps]))
    for match in QUOTED.finditer(text):
        first = [step.strip() for step in match.group(1).split("→")]
        named = re.search(r"(菜单|menu)", text[max(0, match.start() - 12) : match.start()], flags=re.I)
        if menus is not None and first[0] not in menus and not named:
            continue
        english = [step.strip() for step in match.group(2).split("→")] if match.group(2) else None
        if re.search(r"[\u4e00-\u9fff]", match.group(1)):
            found.append((first, english))
        else:  # “Settings → Language”: an English path
            found.append((None, first))
    return found


def language_pack():
    """{English label: {its Chinese translations}} and the Chinese names of JupyterLab's menus."""
    catalog = json.loads(
        files("jupyterlab_language_pack_zh_CN")
        .joinpath("locale/zh_CN/LC_MESSAGES/jupyterlab.json")
        .read_text(encoding="utf-8")
    )
    translations = {}
    for key, value in catalog.items():
        if isinstance(value, list) and value:
            translations.setdefault(key.split("\x04")[-1], set()).add(value[0])
    menus = {
        name
        for key, value in catalog.items()
        if key.startswith("menu\x04") and isinstance(value, list) and value
        for name in (key.split("\x04")[-1], value[0])
    }
    return translations, menus


def menu_tree():
    """{menu id: {English name of a submenu: its id, or a command id: the command}}; the
    top level is under ``None``."""
    tree = {None: {}}

    def walk(menu_id, items):
        node = tree.setdefault(menu_id, {})
        for item in items or []:
            if item.get("type") == "submenu":
                sub = item["submenu"]
                if sub.get("label"):
                    node[sub["label"]] = sub["id"]
                walk(sub["id"], sub.get("items"))
            elif "command" in item:
                node[item["command"]] = item["command"]

    for schema in SCHEMAS.rglob("*.json"):
        for menu in json.loads(schema.read_text(encoding="utf-8")).get("jupyter.lab.menus", {}).get("main", []):
            if menu.get("label"):
                tree[None][menu["label"]] = menu["id"]
            walk(menu["id"], menu.get("items"))
    return tree


def path_exists(english, tree):
    node = None
    for step in english:
        here = tree.get(node, {})
        if step in here:
            node = here[step]
        elif COMMANDS.get(step) in here:
            node = COMMANDS[step]
        else:
            return False
    return True


def test_the_parser_reads_both_ways_of_writing_a_path():
    text = (
        "菜单 **运行（Run）→ 运行所有单元格（Run All Cells）**；"
        "再用“查看 → 外观”（View → Appearance），“Settings → Language”"
    )
    assert menu_paths(text) == [
        (["运行", "运行所有单元格"], ["Run", "Run All Cells"]),
        (["查看", "外观"], ["View", "Appearance"]),
        (None, ["Settings", "Language"]),
    ]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_menu_named_is_jupyterlabs_own(path):
    translations, menus = language_pack()
    tree = menu_tree()
    wrong = []
    for chinese, english in menu_paths(prose(path), menus):
        if chinese and tuple(chinese[:2]) in HUB_PAGES:
            continue
        if chinese and chinese[0] not in menus:
            wrong.append(f"“{' → '.join(chinese)}”: JupyterLab has no menu {chinese[0]!r}")
        for i, name in enumerate(english or []):
            if name not in translations:
                wrong.append(f"{' → '.join(english)}: JupyterLab has no label {name!r}")
            elif chinese and chinese[i] not in translations[name]:
                wrong.append(f"{name!r} is {sorted(translations[name])} in Chinese JupyterLab, not {chinese[i]!r}")
        if chinese and not english:  # the English names are the labels translated so
            options = [[en for en, zh in translations.items() if name in zh] for name in chinese]
            missing = [name for name, found in zip(chinese, options, strict=True) if not found]
            wrong += [f"{name!r} is no label of Chinese JupyterLab" for name in missing]
            english = next((list(p) for p in itertools.product(*options) if path_exists(p, tree)), None)
            if english is None and all(options):
                wrong.append(f"“{' → '.join(chinese)}” is no path of JupyterLab's menus")
        elif english and not path_exists(english, tree):
            wrong.append(f"{' → '.join(english)} is no path of JupyterLab's menus (see COMMANDS)")
    assert not wrong, "\n".join(wrong)


def test_the_check_finds_a_misspelt_menu_and_skips_a_quotation():
    translations, menus = language_pack()
    ((chinese, english),) = menu_paths("**运行（Run）→ 运行全部单元格（Run All Cells）**", menus)
    assert chinese[1] not in translations[english[1]]
    assert menu_paths("素材写“期望 > 实绩 → 满意”", menus) == []
    assert menu_paths("菜单“视图 → 演示模式”", menus) == [(["视图", "演示模式"], None)]  # 视图: no such menu
    tree = menu_tree()
    assert path_exists(["View", "Appearance", "Presentation Mode"], tree)
    assert not path_exists(["View", "Presentation Mode"], tree)  # it is in View → Appearance
