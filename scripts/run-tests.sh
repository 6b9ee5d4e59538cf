#!/usr/bin/env bash
# Runs one group of test files with node's test runner through tsx.
#   unit : src/**/*.test.ts and web/src/**/*.test.ts except *.db.test.ts and *.e2e.test.ts (pure code, no database)
#   db   : src/**/*.db.test.ts on the engine chosen by MOTCUA_TEST_ENGINE (pglite | postgres)
#   e2e  : test/e2e/**/*.e2e.test.ts (a real server and Debian's Chromium)
#   topology : test/topology/*.test.ts (each file starts and stops its own PostgreSQL clusters and PgBouncer)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?usage: run-tests.sh unit|db|e2e|topology}
case "$kind" in
  unit) mapfile -t files < <(find src web/src -name '*.test.ts' ! -name '*.db.test.ts' ! -name '*.e2e.test.ts' | sort) ;;
  db) mapfile -t files < <(find src -name '*.db.test.ts' | sort) ;;
  e2e) mapfile -t files < <(find test/e2e -name '*.e2e.test.ts' 2>/dev/null | sort) ;;
  topology) mapfile -t files < <(find test/topology -name '*.test.ts' 2>/dev/null | sort) ;;
  *) echo "unknown test group: $kind" >&2; exit 2 ;;
esac
if [ ${#files[@]} -eq 0 ]; then echo "no $kind tests"; exit 0; fi
# two cores: pure tests and database tests (each file has its own database) run two files at a time;
# browser tests one at a time (each drives a Chromium and a server), topology tests too (each runs clusters)
concurrency=${TEST_CONCURRENCY:-2}
[ "$kind" = e2e ] && concurrency=1
[ "$kind" = topology ] && concurrency=1
exec node --import tsx --test --test-concurrency="$concurrency" --test-reporter=spec "${files[@]}"
