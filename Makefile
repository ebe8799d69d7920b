# Kinerja: the two commands a user needs are `make run` and `make test`.
# `make run` starts two processes: the development web server and the worker (`manage.py
# pekerja`) that runs imports and PDFs; Ctrl+C stops both.
# `make run` runs with DEBUG (the demo accounts need it) but shows the error pages production shows
# and writes text log lines; KINERJA_HALAMAN_GALAT_TEKNIS=True and KINERJA_LOG_FORMAT=json change
# that (README.md, "Pengaturan").
# Both work on a fresh machine with only Python 3.11 and make: they create .venv and install
# the pinned requirements first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres e2e lint fmt bench nilai-lkjip beban clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

## run: set up the demo (two seed agencies and a generated region of 40) on SQLite (kinerja.sqlite3) and serve it on http://$(HOST):$(PORT)/, with the worker that runs imports and PDFs beside the web server
run: $(VENV)/.runtime
	@DEBUG=True $(PY) manage.py check --tag pdf
	DEBUG=True $(PY) manage.py migrate --noinput
	DEBUG=True $(PY) manage.py demo --jika-kosong --akun --sintetis 40
	@echo ""
	@echo "Kinerja berjalan di http://$(HOST):$(PORT)/  (hentikan dengan Ctrl+C)"
	@echo "Pekerja latar (impor, PDF) berjalan di samping server web."
	@echo "Akun demo, kata sandi kinerja-demo:"
	@echo "  admin              Admin (semua perangkat daerah, halaman Admin)"
	@echo "  verifikator        Verifikator Bappeda (semua perangkat daerah)"
	@echo "  operator_belitung  Operator DSPPPA Kabupaten Belitung"
	@echo "  operator_batubara  Operator DSPPPA Kabupaten Batu Bara"
	@echo "  operator_contoh    Operator Dinas Sosial Kabupaten Contoh (wilayah sintetis)"
	@echo "Log dalam teks, satu baris per peristiwa (JSON: KINERJA_LOG_FORMAT=json make run); halaman galat"
	@echo "seperti di produksi (halaman teknis Django: KINERJA_HALAMAN_GALAT_TEKNIS=True make run)."
	@echo ""
	@DEBUG=True $(PY) manage.py pekerja --tanpa-muat-ulang & pekerja=$$!; \
	trap 'kill $$pekerja 2>/dev/null; wait $$pekerja 2>/dev/null' EXIT INT TERM; \
	DEBUG=True $(PY) manage.py runserver $(HOST):$(PORT)

## test: the whole test suite on SQLite (browser tests run when /usr/bin/chromium exists)
test: $(VENV)/.dev
	$(VENV)/bin/pytest

## test-postgres: the whole test suite on PostgreSQL ($(POSTGRES_URL))
test-postgres: $(VENV)/.dev
	DATABASE_URL=$(POSTGRES_URL) $(VENV)/bin/pytest

## e2e: only the browser tests (Playwright with Debian's Chromium)
e2e: $(VENV)/.dev
	$(VENV)/bin/pytest e2e

## lint: ruff, the dependency direction, migrations in step with the models, Django's checks
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

fmt: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## bench: server time and queries of the main pages on the demo, the dashboards on a generated region of 40, then the 5.000-row Renstra import
bench: $(VENV)/.dev
	$(PY) bench/bench.py
	$(PY) bench/impor.py

## nilai-lkjip: how many of the values printed in the Belitung LKjIP 2024 (seed 003) the demo's LKjIP draft reproduces (issue 20), on a fresh SQLite database under /tmp/nilai/; the missing ones grouped by table
nilai-lkjip: $(VENV)/.dev
	$(PY) bench/nilai_lkjip.py

## beban: the load test: gunicorn with the production settings on PostgreSQL (its own database kinerja_beban on the PostgreSQL at 127.0.0.1:5432, made and dropped), 50 operators saving their quarter and 10 reviewers on the dashboards, then every saved row checked in the database
beban: $(VENV)/.dev
	$(PY) bench/beban.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
