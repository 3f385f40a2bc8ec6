#!/usr/bin/env bash
# Installs what Duckgres needs on Debian 12 (packages, DuckDB 1.4.4 from npm) and builds it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# --- Debian packages -----------------------------------------------------------------------
PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libssl-dev openssl
  libpg-query-dev libprotobuf-dev protobuf-compiler
  libasio-dev libyaml-cpp-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  tzdata
  libgtest-dev libgmock-dev libbenchmark-dev clang-format
  postgresql-15 postgresql-client-15 postgresql-contrib libpq-dev
  python3 python3-psycopg python3-psycopg2 python3-pytest python3-asyncpg python3-sqlalchemy pgcli
  nodejs npm
  default-jdk-headless libpostgresql-jdbc-java
)
# node and npm may come from outside Debian's packages; any working pair is accepted.
have_node=0
command -v node >/dev/null && command -v npm >/dev/null && have_node=1
missing=()
for p in "${PACKAGES[@]}"; do
  case "$p" in nodejs | npm) [ $have_node -eq 1 ] && continue ;; esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- DuckDB 1.4.4 from the npm registry, pinned and integrity-checked ------------------------
DUCKDB_LIB_PKG="@duckdb/node-bindings-linux-x64@1.4.4-r.4"
DUCKDB_LIB_SHA512="jBTL/WvfwxLToFa/pVHfT6elMtltJGnc3wSuxZD9OfMltit9YUdVFS37vBFQzXMT1Z8OWjtSjMh+zPKxOwHLHA=="
DUCKDB_SRC_PKG="duckdb@1.4.4"
DUCKDB_SRC_SHA512="hEJJ5hyVF0VLj3dmOLpsWrQR0b3d4Ykqtygm6iUXjHJDDnSqg/USKxcb5qvNrOhFYPgktayU6dXCtgPqcmmpog=="
DEST="$ROOT/deps/duckdb"
STAMP="$DEST/.version"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$DUCKDB_LIB_PKG $DUCKDB_SRC_PKG" ]; then
  rm -rf "$DEST" "$ROOT/deps/download"
  mkdir -p "$DEST/lib" "$DEST/include" "$ROOT/deps/download"
  cd "$ROOT/deps/download"
  fetch() { # package, expected sha512 (base64) -> prints tarball name
    local file
    file=$(npm pack --silent "$1" | tail -n 1)
    local got
    got=$(openssl dgst -sha512 -binary "$file" | base64 -w0)
    if [ "$got" != "$2" ]; then
      echo "setup: integrity check failed for $1 (got sha512-$got)" >&2
      exit 1
    fi
    echo "$file"
  }
  lib_tgz=$(fetch "$DUCKDB_LIB_PKG" "$DUCKDB_LIB_SHA512")
  src_tgz=$(fetch "$DUCKDB_SRC_PKG" "$DUCKDB_SRC_SHA512")
  tar -xzf "$lib_tgz" -C "$DEST/lib" --strip-components=1 package/libduckdb.so
  tar -xzf "$src_tgz" -C "$DEST/include" --strip-components=5 package/src/duckdb/src/include/duckdb.h
  cd "$ROOT"
  rm -rf "$ROOT/deps/download"
  echo "$DUCKDB_LIB_PKG $DUCKDB_SRC_PKG" >"$STAMP"
  echo "setup: DuckDB 1.4.4 installed in deps/duckdb"
fi

# --- node-postgres for the integration tests (tests/integration/test_node_pg.py) -------------
NODE_PG_PKG="pg@8.23.1"
NODE_PG_DEST="$ROOT/deps/node"
if [ "$(cat "$NODE_PG_DEST/.version" 2>/dev/null)" != "$NODE_PG_PKG" ] ||
  [ ! -f "$NODE_PG_DEST/node_modules/pg/package.json" ]; then
  rm -rf "$NODE_PG_DEST"
  mkdir -p "$NODE_PG_DEST"
  npm install --prefix "$NODE_PG_DEST" --save-exact --no-audit --no-fund --silent "$NODE_PG_PKG" >/dev/null
  echo "$NODE_PG_PKG" >"$NODE_PG_DEST/.version"
  echo "setup: node-postgres ($NODE_PG_PKG) installed in deps/node"
fi

# --- build ----------------------------------------------------------------------------------
BUILD_TYPE=${DUCKGRES_BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
cmake --build build
