# `make run` and `make test` create .venv on first use and install the project into it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@echo "gongkai: checking the demo county's published 2020 report"
	-$(VENV)/bin/gongkai check src/gongkai/demo_data/wulumuqi-xian-2020.txt
	@echo
	$(VENV)/bin/gongkai parse src/gongkai/demo_data/wulumuqi-xian-2020.txt

test: $(STAMP)
	$(PY) -m pytest -n auto -q

bench: $(STAMP)
	$(PY) benchmarks/read_reports.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
