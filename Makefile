# The course's commands. Quick start (README): `make lab` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BENCH_VENV ?= .bench-venv
ARGS ?=
GUIDE := 00_course_guide.ipynb
# People's own copies of the lessons (tools/workspace.py): never tracked, never linted or tested, never cleaned.
WORK ?= work
# jsonschema 4.25+ pulls in rfc3987-syntax, whose grammar build adds ~0.8 s to
# every `import nbformat` (each test run, each JupyterLab start); 4.24.1 does not.
# soupsieve 4.1+ requires Python 3.11.5, above Debian 12's 3.11.2; 2.x works on every 3.11
# (tests/test_dependencies.py resolves the whole lock for Python 3.11.0).
LOCK_EXTRA := jsonschema==4.24.1 "soupsieve<4.1"
# JupyterLab refuses to run as root (containers, CI) unless told it may.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab lab-teacher test lint lock lock-hub bench bench-hub student html present hub hub-passwords clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs are redone only when the pins change.
$(VENV)/.installed-lab: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[lab]"
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt hub/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -c hub/constraints.txt \
	  -e ".[lab,present,test,hub]"
	touch $@ $(VENV)/.installed-lab $(VENV)/.installed-hub $(VENV)/.installed-present

# Presenting and handouts need the course and Voila, not the test toolkit.
$(VENV)/.installed-present: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[lab,present]"
	touch $@ $(VENV)/.installed-lab

$(VENV)/.installed-hub: pyproject.toml constraints.txt hub/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -c hub/constraints.txt -e ".[lab,hub]"
	touch $@ $(VENV)/.installed-lab

# The hub's proxy, exactly as hub/package-lock.json pins it (where npm is installed; the hub test says why it
# skips where it is not, and fails in CI).
NPM := $(shell command -v npm 2>/dev/null)
hub/node_modules/.installed: hub/package.json hub/package-lock.json
	cd hub && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

## make lab: install the course, bring your own copy of the student edition (work/student/) up to date without
## overwriting your work, and open its guide in JupyterLab (ARGS=--no-browser when headless)
lab: $(VENV)/.installed-lab
	$(BIN)/python tools/workspace.py student --work "$(WORK)"
	$(BIN)/jupyter lab --ServerApp.root_dir="$(abspath $(WORK))/student" --LabApp.default_url=/lab/tree/$(GUIDE) $(AS_ROOT) $(ARGS)

## make lab-teacher: the same with the instructor edition (answer keys, solutions) in work/teacher/
lab-teacher: $(VENV)/.installed-lab
	$(BIN)/python tools/workspace.py teacher --work "$(WORK)"
	$(BIN)/jupyter lab --ServerApp.root_dir="$(abspath $(WORK))/teacher" --LabApp.default_url=/lab/tree/$(GUIDE) $(AS_ROOT) $(ARGS)

## make test: install the course with test tools, then lint and run every test and notebook
# (.bench-venv holds lifetimes, which tests/test_repeat_buying.py compares lesson 5's fits with)
test: $(VENV)/.installed-test $(BENCH_VENV)/.installed $(if $(NPM),hub/node_modules/.installed)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(ARGS)

## make student: regenerate the student edition (student/notebooks/) after changing a lesson
student: $(VENV)/.installed-lab
	$(BIN)/python tools/editions.py student

## make html: static handouts of every lesson (student edition) in build/html/
html: $(VENV)/.installed-present
	$(BIN)/python tools/editions.py html

## make present LESSON=02_customer_value: the lesson in Voilà, large charts, no code (ARGS=--no-browser)
LESSON ?= 00_course_guide
present: $(VENV)/.installed-present
	$(BIN)/python tools/editions.py presenter
	$(BIN)/voila build/presenter/$(LESSON).ipynb --Voila.ip=127.0.0.1 $(ARGS)

## make bench: measure course run time, simulator speed, analytics at scale; writes bench/RESULTS.md
bench: $(VENV)/.installed-test $(BENCH_VENV)/.installed
	$(BIN)/python bench/run_all.py --analytics-python $(BENCH_VENV)/bin/python

## make hub ROSTER=roster.csv HUB_ADMIN=teacher: the class server, as root (docs/classroom.md; HUB_IP=0.0.0.0 for the network)
HUB_STATE ?= /var/lib/kehu-hub
ROSTER ?= $(HUB_STATE)/roster.csv
HUB_ADMIN ?=
HUB_IP ?= 127.0.0.1
HUB_PORT ?= 8000
HUB_SSL_CERT ?=
HUB_SSL_KEY ?=
HUB_FIRST_LOGIN ?= 0
HUB_CULL_TIMEOUT ?= 1800
HUB_ENV = KEHU_HUB_STATE="$(HUB_STATE)" KEHU_HUB_ROSTER="$(abspath $(ROSTER))" KEHU_HUB_ADMINS="$(HUB_ADMIN)" \
	KEHU_HUB_IP="$(HUB_IP)" KEHU_HUB_PORT="$(HUB_PORT)" KEHU_HUB_SSL_CERT="$(HUB_SSL_CERT)" \
	KEHU_HUB_SSL_KEY="$(HUB_SSL_KEY)" KEHU_HUB_FIRST_LOGIN="$(HUB_FIRST_LOGIN)" KEHU_HUB_CULL_TIMEOUT="$(HUB_CULL_TIMEOUT)"
hub: $(VENV)/.installed-hub hub/node_modules/.installed
	$(BIN)/python hub/coursehub check "$(ROSTER)"
	mkdir -m 700 -p "$(HUB_STATE)"
	cd "$(HUB_STATE)" && $(HUB_ENV) "$(CURDIR)/$(BIN)/jupyterhub" -f "$(CURDIR)/hub/jupyterhub_config.py"

## make hub-passwords ROSTER=roster.csv HUB_ADMIN=teacher: initial passwords for whoever has none, to hand out
hub-passwords: $(VENV)/.installed-hub
	$(BIN)/python hub/coursehub passwords --roster "$(ROSTER)" --state "$(HUB_STATE)" $(foreach a,$(subst $(comma), ,$(HUB_ADMIN)),--user $(a))

## make bench-hub: a class of 10, 20 and 40 simulated students on the hub (root; a few minutes); adds to bench/RESULTS.md
bench-hub: $(VENV)/.installed-test hub/node_modules/.installed
	$(BIN)/python bench/bench_hub.py $(ARGS)

comma := ,

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
	$(MAKE) lock-hub

## make lock-hub: re-resolve what the hub extra adds to constraints.txt into hub/constraints.txt
lock-hub:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -c constraints.txt -e ".[lab,hub]"
	grep -v '^#' constraints.txt > .lock-venv/course.txt
	{ echo "# What the hub extra adds to constraints.txt, pinned. Made by 'make lock-hub'; do not edit by hand."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^coursekit' \
	  | grep -v -i -x -F -f .lock-venv/course.txt; } > hub/constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) $(BENCH_VENV) .lock-venv build *.egg-info test-output hub/node_modules
