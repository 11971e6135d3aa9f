#!/usr/bin/env bash
# Install kg with its test extras (and the Debian packages tests need), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
python3 -m pip install -q ".[test]"
python3 -m pytest -q
