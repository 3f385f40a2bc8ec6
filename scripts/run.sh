#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and starts Duckgres on ./data, port 5432.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo
echo "Starting Duckgres on 127.0.0.1:5432 with data in ./data (Ctrl+C stops it)."
echo "Connect with:  PGPASSWORD=postgres psql \"host=127.0.0.1 port=5432 user=postgres dbname=postgres\""
echo
exec ./build/duckgres --data-dir ./data "$@"
