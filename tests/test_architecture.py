"""coursekit's layers (docs/architecture.md): every import points down, none goes round in a
circle, and no module takes another module's private (_name) helpers."""

import ast
from pathlib import Path

import pytest

import coursekit

COURSEKIT = Path(coursekit.__file__).parent

# Each module's layer; a module may import modules of lower layers only (and, inside one
# package, the package's own base modules). The same table is drawn in docs/architecture.md.
LAYERS = {
    "i18n": 0,  # the message engine: imports nothing of coursekit
    "_config_dir": 0,  # matplotlib's folder on a read-only home, chosen before matplotlib is imported
    "errors": 1,
    "style": 1,
    "data": 2,
    "display": 2,
    "_setup": 2,
    "quiz": 3,
    "exercises": 3,
    "concept": 3,  # customer_base, value, retention, segments, complaints, ... and their private fast paths
    "profile": 3,
    "charts": 4,
    "quizbank": 4,
    "exercisebank": 4,
    "guide": 4,
    "sims": 5,
    "__init__": 6,
}
CONCEPTS = {
    "value", "retention", "segments", "complaints", "customer_base", "repeat_buying", "holdout", "customer_outlook",
    "_purchase_counts", "_repeat_buying_fast",
}
ROOT_MODULES = {
    *("_config_dir", "i18n", "errors", "style", "data", "display", "_setup"),
    *("quiz", "exercises", "profile", "guide"),
}


def layer_of(module):
    """The layer of a coursekit module named like "segments" or "sims.value"."""
    top = module.split(".")[0]
    if top in CONCEPTS:
        return LAYERS["concept"]
    if top in LAYERS:
        return LAYERS[top]
    raise AssertionError(f"coursekit.{module} has no layer: add it to LAYERS and docs/architecture.md")


def modules():
    """Every coursekit module, as "name" or "package.name" (packages' __init__ as the package)."""
    found = {}
    for path in COURSEKIT.rglob("*.py"):
        parts = list(path.relative_to(COURSEKIT).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(path, module):
    """(imported coursekit module, the names taken from it) for every import in ``path``."""
    package = module.rpartition(".")[0] if path.name != "__init__.py" else module
    edges = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            edges += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                base = ".".join(filter(None, ["coursekit", package, base]))
            names = [alias.name for alias in node.names]
            if base == "coursekit" or (base.startswith("coursekit.") and f"{base}.{names[0]}" in _dotted()):
                # "from coursekit import value" / "from coursekit.sims import base": modules, not names
                edges += [(f"{base}.{name}", []) for name in names if f"{base}.{name}" in _dotted()]
                edges += [(base, [n]) for n in names if f"{base}.{n}" not in _dotted()]
            else:
                edges.append((base, names))
    return [(name.removeprefix("coursekit."), names) for name, names in edges if name.startswith("coursekit.")]


def _dotted():
    return {f"coursekit.{name}" for name in modules()}


def graph():
    return {module: imports(path, module) for module, path in modules().items()}


def allowed(source, target):
    """May coursekit.<source> import coursekit.<target>?"""
    if source == "__init__" or target.startswith(source + "."):
        return True  # a package's __init__ gathers its own modules
    package, name = target.rpartition(".")[::2]
    if package and package == source.rpartition(".")[0] and (name == "base" or name.startswith("_")):
        return True  # inside a package: its base module and its private fast paths (sims.value -> sims.base)
    if layer_of(target) < layer_of(source):
        return True
    return layer_of(source) == layer_of(target) == LAYERS["concept"] and target.split(".")[0] in CONCEPTS


def test_every_import_points_down_a_layer():
    wrong = [
        f"coursekit.{source} imports coursekit.{target}"
        for source, edges in graph().items()
        for target, _ in edges
        if target != source and not allowed(source, target)
    ]
    assert not wrong


def test_charts_import_no_simulator_and_question_banks_no_chart():
    # A simulator may draw with a chart module's pieces (sims.customers uses lesson 1's TV chart);
    # a chart never needs a simulator, and a question or exercise bank needs neither.
    for source, edges in graph().items():
        targets = {target.split(".")[0] for target, _ in edges}
        if source.startswith("charts"):
            assert not targets & {"sims", "quiz", "quizbank", "exercises", "exercisebank", "profile", "guide"}, source
        if source.startswith(("quizbank", "exercisebank")):
            assert not targets & {"charts", "sims"}, source
        if layer_of(source) == LAYERS["concept"]:
            assert not targets & {"charts", "sims", "quiz", "quizbank", "exercises", "profile", "guide"}, source


def test_the_import_graph_has_no_cycle():
    edges = {source: {t for t, _ in targets if t != source} for source, targets in graph().items()}
    state = {}

    def visit(node, path):
        if state.get(node) == "open":
            raise AssertionError(" -> ".join([*path, node]))
        if state.get(node) == "done":
            return
        state[node] = "open"
        for target in edges.get(node, ()):
            if target in edges:
                visit(target, [*path, node])
        state[node] = "done"

    for node in edges:
        visit(node, [])


def test_no_module_takes_another_modules_private_names():
    wrong = []
    for source, edges in graph().items():
        for target, names in edges:
            private = [name for name in names if name.startswith("_")]
            own_package = target.split(".")[0] == source.split(".")[0] or target.startswith("_")
            if private and not (target == source or (own_package and target.split(".")[-1].startswith("_"))):
                wrong.append(f"coursekit.{source} takes {private} from coursekit.{target}")
            if target.split(".")[-1].startswith("_") and target.rpartition(".")[0] != source.rpartition(".")[0]:
                if not (target in ("_setup", "_config_dir") and source == "__init__"):
                    wrong.append(f"coursekit.{source} imports the private module coursekit.{target}")
    assert not wrong


def test_private_attribute_access_across_modules_is_caught_too():
    # module._name written as an attribute (e.g. segments._transactions(...)) is also a private name
    imported = {}
    wrong = []
    for module, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.asname or alias.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for alias in n.names
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name)
                and node.value.id in imported
                and node.value.id in {name.split(".")[-1] for name in modules()}
            ):
                wrong.append(f"coursekit.{module}: {node.value.id}.{node.attr}")
    assert not wrong


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        ("value", "charts.value", False),
        ("charts.value", "sims.base", False),
        ("sims.value", "value", True),
        ("i18n", "errors", False),
        ("retention", "value", True),
        ("sims.value", "sims.base", True),
    ],
)
def test_the_layer_rule_itself(source, target, ok):
    assert allowed(source, target) is ok
