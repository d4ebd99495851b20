# Two commands from a fresh clone: `make run` (install, analyse the examples, serve) and `make test`.
VENV   ?= .venv
PYTHON ?= python3
PY      = $(VENV)/bin/python
VEILLE  = $(VENV)/bin/veille
DB     ?= data/veille.db

.PHONY: install run test bench eval lock clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

run: install
	$(VEILLE) --db $(DB) ingest examples/ || test $$? -eq 3
	$(VEILLE) --db $(DB) serve

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/throughput.py

eval: install
	$(PY) bench/eval_dev.py

lock:  # refresh the pinned dependencies from the current environment
	$(PY) -m pip freeze --exclude-editable | grep -v '^veille' > requirements.lock

clean:
	rm -rf $(VENV) data .pytest_cache
