"""Every public coursekit function says what each argument is and what it may be.

Convention (docs/architecture.md, "文档字符串 · Docstrings"): after the description,
FORMULA and SOURCE, a block

    Parameters:
        margin: first-year margin per customer, in yuan; ≥ 0, a number or an array.
        retention, discount: yearly rates as fractions, 0–1.
        **options: passed to ...

lists the arguments in the order of the signature, one entry ``name: text`` each
(names that share a description may be grouped with commas; ``*args`` and
``**kwargs`` keep their stars); longer text continues on lines indented further.
A class lists its constructor's arguments in the class docstring.
"""

import importlib
import inspect
import pkgutil
import re

import pytest

import coursekit

ENTRY = re.compile(r"^(\*{0,2}[A-Za-z_]\w*(?:, \*{0,2}[A-Za-z_]\w*)*): \S")


def parameter_block(doc):
    """The argument names listed in a docstring's Parameters block, in order, or
    None when it has none. Raises ValueError on a malformed block."""
    lines = inspect.cleandoc(doc or "").splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == "Parameters:"]
    if not starts:
        return None
    if len(starts) > 1:
        raise ValueError("more than one Parameters block")
    head = lines[starts[0]]
    head_indent = len(head) - len(head.lstrip())
    names, entry_indent = [], None
    for line in lines[starts[0] + 1:]:
        if not line.strip():
            break
        indent = len(line) - len(line.lstrip())
        if indent <= head_indent:
            break
        if entry_indent is None:
            entry_indent = indent
        if indent == entry_indent:
            match = ENTRY.match(line.strip())
            if not match:
                raise ValueError(f"not an entry 'name: text': {line.strip()!r}")
            names += match.group(1).split(", ")
        elif indent < entry_indent:
            raise ValueError(f"entry indented less than the first: {line.strip()!r}")
    if not names:
        raise ValueError("empty Parameters block")
    return names


def signature_names(func, *, method=False):
    params = list(inspect.signature(func).parameters.values())
    if method and params and params[0].name in ("self", "cls"):
        params = params[1:]
    stars = {inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.VAR_KEYWORD: "**"}
    return [stars.get(p.kind, "") + p.name for p in params]


def public_modules():
    names = ["coursekit"]
    for info in pkgutil.walk_packages(coursekit.__path__, "coursekit."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return [importlib.import_module(name) for name in sorted(names)]


def documented_callables():
    """(qualified name, callable whose signature counts, docstring that must list it)."""
    found = {}
    for module in public_modules():
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj):
                found[f"{module.__name__}.{name}"] = (obj, obj.__doc__, False)
            elif inspect.isclass(obj) and not issubclass(obj, BaseException):
                init = obj.__dict__.get("__init__")
                if init is not None:
                    found[f"{module.__name__}.{name}"] = (init, obj.__doc__, True)
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if isinstance(member, (staticmethod, classmethod)):
                        func, method = member.__func__, isinstance(member, classmethod)
                    elif inspect.isfunction(member):
                        func, method = member, True
                    else:
                        continue
                    found[f"{module.__name__}.{name}.{attr}"] = (func, func.__doc__, method)
    return found


CALLABLES = documented_callables()


def test_the_walk_finds_the_library():
    for name in ("coursekit.value.lifetime_value", "coursekit.charts.value.referral_cost_chart",
                 "coursekit.profile.ProfileForm", "coursekit.sims.base.Simulator"):
        assert any(key == name or key.startswith(name + ".") for key in CALLABLES), name
    assert len(CALLABLES) > 150


@pytest.mark.parametrize("qualname", sorted(CALLABLES))
def test_parameters_are_listed_in_signature_order(qualname):
    func, doc, method = CALLABLES[qualname]
    wanted = signature_names(func, method=method)
    if not wanted:
        return
    assert doc, f"{qualname} has no docstring"
    listed = parameter_block(doc)
    assert listed is not None, f"{qualname}: no 'Parameters:' block for {wanted}"
    assert listed == wanted, f"{qualname}: Parameters lists {listed}, the signature has {wanted}"


def test_the_parser_reads_entries_groups_and_continuations():
    doc = """Summary.

    Parameters:
        margin: yuan, ≥ 0.
            More about margin.
        retention, discount: fractions 0–1.
        **options: passed on.

    >>> 1
    1
    """
    assert parameter_block(doc) == ["margin", "retention", "discount", "**options"]
    assert parameter_block("No block here.") is None


@pytest.mark.parametrize("doc", [
    "S.\n\nParameters:\n    margin yuan\n",
    "S.\n\nParameters:\n\n    margin: yuan\n",
    "S.\n\nParameters:\n        margin: yuan\n    retention: x\n",
    "S.\n\nParameters:\n    a: x\n\nParameters:\n    a: x\n",
])
def test_the_parser_refuses_malformed_blocks(doc):
    with pytest.raises(ValueError):
        parameter_block(doc)


def test_a_missing_or_misordered_entry_is_caught():
    def sample(margin, retention=0.5, *, timing="end"):
        """S.

        Parameters:
            retention: x
            margin: y
            timing: z
        """
    assert parameter_block(sample.__doc__) != signature_names(sample)
