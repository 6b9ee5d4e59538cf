#!/usr/bin/env bash
# The whole test suite, from a fresh clone (after `npm ci`): system packages, static checks,
# pure tests, database tests on PGlite and on a throwaway PostgreSQL 15 cluster, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# each step heading shows the minutes:seconds since the start: the whole run must stay under 20 minutes (issue 12)
step() { printf '\n== %s == [%d:%02d]\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

step "system packages"; bash scripts/install-system-deps.sh
step "typecheck"; node_modules/.bin/tsc --noEmit && node_modules/.bin/tsc -p web --noEmit
step "lint"; node_modules/.bin/biome check src bench scripts web/src test
# file ≤ 400 and function ≤ 80 non-blank lines (issue 12); a separate config so the editor's lint stays quiet.
# Warnings ("suppression has no effect" for rules this config turns off) are not shown.
step "length rules"
node_modules/.bin/biome lint --diagnostic-level=error --config-path scripts/biome-length.json src bench scripts web/src test
step "unit tests"; bash scripts/run-tests.sh unit

step "database tests on PGlite"
MOTCUA_TEST_ENGINE=pglite bash scripts/run-tests.sh db

step "database tests on PostgreSQL 15"
url=$(bash scripts/pg-cluster.sh start)
trap 'bash scripts/pg-cluster.sh stop' EXIT
MOTCUA_TEST_ENGINE=postgres TEST_DATABASE_URL="$url" bash scripts/run-tests.sh db
step "topology tests: replicas, PgBouncer, roll-up (test/topology; each starts its own clusters)"
bash scripts/run-tests.sh topology
step "soak on PostgreSQL 15 (30 s; bench/soak.ts, issue 20)"
TEST_DATABASE_URL="$url" node --import tsx bench/soak.ts --minutes 0.5 --rate 20

step "browser tests"; bash scripts/run-tests.sh e2e
step "all tests passed"
