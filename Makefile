# The two commands of the course: `make lab` (study) and `make test` (check everything).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LAB_STAMP := $(VENV)/.lab-configured
KERNEL := dls-course

.PHONY: setup lab test release check bench

setup: $(STAMP) $(LAB_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python 3 (Deep Learning course)" \
		--env TF_CPP_MIN_LOG_LEVEL 3 --env TF_ENABLE_ONEDNN_OPTS 0
	touch $(STAMP)

# Configure the environment's JupyterLab (settings, nbgrader extensions) when lab/ changes.
$(LAB_STAMP): $(STAMP) $(wildcard lab/*)
	$(PY) lab/install.py
	touch $(LAB_STAMP)

# As root (a container), JupyterLab refuses to start unless told to.
lab: setup
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/jupyter lab --notebook-dir="$(CURDIR)" \
		$(if $(filter 0,$(shell id -u)),--allow-root)

test: setup
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) -m pytest -n 2 --dist loadgroup

release: setup
	$(PY) -m autograder release

check: setup
	$(PY) -m autograder check

bench: setup
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) bench/notebooks.py
