# `make run` and `make test` create .venv on first use and install the project into it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# The Django side's tests, run a second time on PostgreSQL.
WEB_TESTS := src/gongkai/web

.PHONY: run test test-postgres bench bench-web clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The platform on the embedded SQLite database in ./data (GONGKAI_DATA_DIR): migrate, load the
# demo county if the database is empty, print the addresses and logins, serve.
run: $(STAMP)
	$(VENV)/bin/gongkai demo --base-url http://$(HOST):$(PORT)
	$(VENV)/bin/gongkai serve --host $(HOST) --port $(PORT) --no-migrate

# The whole suite on SQLite, then the web tests on PostgreSQL (see test-postgres).
test: $(STAMP)
	env -u DATABASE_URL $(PY) -m pytest -n auto -q
	@$(MAKE) --no-print-directory test-postgres

# PostgreSQL: the server DATABASE_URL names (.ci/run starts one), else a throwaway server that
# .ci/postgres.sh starts when PostgreSQL is installed; without either, say so and pass.
test-postgres: $(STAMP)
	@if [ -n "$${DATABASE_URL:-}" ]; then \
	    echo "PostgreSQL：$${DATABASE_URL}"; \
	    $(PY) -m pytest -n auto -q $(WEB_TESTS); \
	elif ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then \
	    bash .ci/postgres.sh run $(PY) -m pytest -n auto -q $(WEB_TESTS); \
	else \
	    echo "未安装 PostgreSQL，也未设置 DATABASE_URL：Web 测试只在 SQLite 上运行（.ci/run 两者都跑）"; \
	fi

bench: $(STAMP)
	$(PY) benchmarks/read_reports.py

# The request platform under load (100 k requests; takes a few minutes).
bench-web: $(STAMP)
	$(PY) benchmarks/request_load.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
