# The course's commands. Quick start (README): `make lab` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BENCH_VENV ?= .bench-venv
ARGS ?=
GUIDE := notebooks/00_course_guide.ipynb
# jsonschema 4.25+ pulls in rfc3987-syntax, whose grammar build adds ~0.8 s to
# every `import nbformat` (each test run, each JupyterLab start); 4.24.1 does not.
LOCK_EXTRA := jsonschema==4.24.1
# JupyterLab refuses to run as root (containers, CI) unless told it may.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test lint lock bench student html present clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs are redone only when the pins change.
$(VENV)/.installed-lab: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[lab]"
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[lab,present,test]"
	touch $@ $(VENV)/.installed-lab

## make lab: install the course and open the guide in JupyterLab (ARGS=--no-browser when headless)
lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(GUIDE) $(AS_ROOT) $(ARGS)

## make test: install the course with test tools, then lint and run every test and notebook
test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(ARGS)

## make student: regenerate the student edition (student/notebooks/) after changing a lesson
student: $(VENV)/.installed-lab
	$(BIN)/python tools/editions.py student

## make html: static handouts of every lesson (student edition) in build/html/
html: $(VENV)/.installed-test
	$(BIN)/python tools/editions.py html

## make present LESSON=02_customer_value: the lesson in Voilà, large charts, no code (ARGS=--no-browser)
LESSON ?= 00_course_guide
present: $(VENV)/.installed-test
	$(BIN)/python tools/editions.py presenter
	$(BIN)/voila build/presenter/$(LESSON).ipynb --Voila.ip=127.0.0.1 $(ARGS)

## make bench: measure course run time, simulator speed, analytics at scale; writes bench/RESULTS.md
bench: $(VENV)/.installed-test $(BENCH_VENV)/.installed
	$(BIN)/python bench/run_all.py --analytics-python $(BENCH_VENV)/bin/python

# The analytics benchmark runs beside lifetimes, in an environment of its own (the course's
# pandas and numpy, plus the `bench` extra), so the course environment stays the tested one.
$(BENCH_VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[bench]"
	touch $@

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

## make lock: re-resolve every transitive pin into constraints.txt (after changing pyproject.toml)
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -e ".[lab,present,test]" "$(LOCK_EXTRA)"
	{ echo "# Every package the course installs, pinned. Made by 'make lock'; do not edit by hand."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^coursekit'; } > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) $(BENCH_VENV) .lock-venv build *.egg-info test-output
