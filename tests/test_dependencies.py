"""The pins in pyproject.toml, constraints.txt and environment.yml agree, and the
test environment is the pinned one."""

import json
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^\s*([A-Za-z0-9_.\-]+)==([^\s;#]+)")


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lines):
    return {_norm(m[1]): m[2] for m in map(PIN.match, lines) if m}


def pyproject_pins(extras=("lab", "present", "test")):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in extras:
        lines += project["optional-dependencies"][extra]
    return lines


def environment_yml_lines():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    return [line.strip()[2:].strip() for line in text.splitlines() if line.strip().startswith("- ")]


def test_pyproject_pins_every_direct_dependency_exactly():
    for line in pyproject_pins():
        assert PIN.match(line), f"pyproject.toml: '{line}' is not pinned with =="


def test_constraints_agree_with_pyproject():
    locked = _pins((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())
    for name, version in _pins(pyproject_pins()).items():
        assert locked.get(name) == version, f"constraints.txt has {name}=={locked.get(name)}, pyproject {version}"


def test_environment_yml_agrees_with_pyproject():
    lines = environment_yml_lines()
    conda_pins = _pins(lines)
    runtime = _pins(pyproject_pins(extras=("lab", "present")))  # Binder can present too (Voila)
    assert conda_pins == runtime, "environment.yml must list exactly the runtime, lab and present pins"
    assert "-c constraints.txt" in lines, "environment.yml must install with the constraints lock"
    assert "-e ." in lines, "environment.yml must install coursekit itself"
    python = next(line for line in lines if line.startswith("python="))
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert requires == ">=" + python.split("=")[1]


@pytest.mark.parametrize("name_version", sorted(_pins(pyproject_pins()).items()))
def test_installed_versions_are_the_pinned_ones(name_version):
    name, version = name_version
    assert metadata.version(name) == version


def test_environment_stays_lean():
    # jsonschema's newest format extra pulls rfc3987-syntax, which costs ~0.8 s
    # at every nbformat import; constraints.txt pins jsonschema below it.
    with pytest.raises(metadata.PackageNotFoundError):
        metadata.version("rfc3987-syntax")


# --- the class hub (hub/): its extra, its lock, its proxy ------------------------------------------


def _hub_lock():
    return _pins((ROOT / "hub" / "constraints.txt").read_text(encoding="utf-8").splitlines())


def _hub_extra():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"][
        "hub"
    ]


def test_hub_lock_pins_the_hub_extra_and_only_adds_to_the_course_lock():
    extra = _hub_extra()
    assert extra and all(PIN.match(line) for line in extra), "the hub extra must pin with =="
    hub_lock = _hub_lock()
    for name, version in _pins(extra).items():
        assert hub_lock.get(name) == version, f"hub/constraints.txt: {name}=={hub_lock.get(name)}, pyproject {version}"
    course_lock = _pins((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())
    assert not set(hub_lock) & set(course_lock), "hub/constraints.txt repeats constraints.txt: run make lock-hub"


@pytest.mark.parametrize("name_version", sorted(_pins(_hub_extra()).items()))
def test_installed_hub_versions_are_the_pinned_ones(name_version):
    name, version = name_version
    assert metadata.version(name) == version


def test_proxy_is_pinned_exactly_in_package_json_and_its_lock():
    package = json.loads((ROOT / "hub" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "hub" / "package-lock.json").read_text(encoding="utf-8"))
    wanted = package["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), "configurable-http-proxy must be an exact version"
    assert lock["packages"][""]["dependencies"] == package["dependencies"]
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == wanted
    assert all("integrity" in entry for path, entry in lock["packages"].items() if path), "every package hashed"


def test_the_lock_installs_on_the_oldest_python_the_course_claims(tmp_path):
    """requires-python says ">=3.11": every pin must install on 3.11.0 (Debian 12 ships 3.11.2;
    soupsieve 4.1+ needs 3.11.5, hence LOCK_EXTRA). pip resolves without installing."""
    import subprocess
    import sys

    floor = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    version = floor.removeprefix(">=") + ".0"
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed",
               "--disable-pip-version-check", "--only-binary=:all:", "--python-version", version,
               "--target", str(tmp_path / "target"), "-c", "constraints.txt", "-c", "hub/constraints.txt",
               ".[lab,present,test,hub]"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    errors = [line for line in done.stderr.splitlines() if not line.startswith("WARNING: Location")]
    assert done.returncode == 0, f"the lock does not resolve for Python {version}:\n" + "\n".join(errors[-20:])
