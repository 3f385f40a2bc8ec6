#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit tests (CTest) and the
# integration suite (real clients against Duckgres and a PostgreSQL 15 it starts itself).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The test build: the server with test-only fault injection, used by the crash containment tests alone.
cmake --build build --target duckgres-test-hooks

echo "== format check"
if ! clang-format --dry-run --Werror $(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.c' 'bench/*.cpp' 2>/dev/null) 2>/tmp/duckgres-format.log; then
  head -20 /tmp/duckgres-format.log
  echo "clang-format: files are not formatted (run: clang-format -i on them)"
  exit 1
fi

echo "== unit tests"
ctest --test-dir build --output-on-failure -j2

echo "== integration tests"
cd tests/integration
/usr/bin/python3 -m pytest -q -p no:cacheprovider "$@"
