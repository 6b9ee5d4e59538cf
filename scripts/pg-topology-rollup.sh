#!/usr/bin/env bash
# Small throwaway PostgreSQL 15 clusters for the national roll-up (docs/deploy-national.md): each one has
# wal_level=logical, so it can publish (a province) or subscribe (the national level), its own port and its own
# directory under /tmp. Tiny and unsafe on purpose (fsync off, 16 MB of shared buffers): for tests only.
#   pg-topology-rollup.sh start NAME PORT   initdb if needed, start; prints the superuser DATABASE_URL
#   pg-topology-rollup.sh halt NAME         stop the server, keep its data (a province going offline)
#   pg-topology-rollup.sh stop NAME         stop the server and delete its data
#   pg-topology-rollup.sh clone FROM NAME PORT   copy the (halted) cluster FROM as NAME, start it on PORT: a
#                                           database migrated once serves every cluster of a test
# PostgreSQL refuses to run as root, so initdb and the server run as the `postgres` user (as in pg-cluster.sh).
set -euo pipefail
usage="usage: pg-topology-rollup.sh start NAME PORT | halt NAME | stop NAME | clone FROM NAME PORT"
action=${1:?$usage}
if [ "$action" = clone ]; then
  from=${2:?$usage}; shift
  [[ "$from" =~ ^[a-z0-9_-]{1,32}$ ]] || { echo "cluster name must be [a-z0-9_-]{1,32}: $from" >&2; exit 2; }
fi
name=${2:?a cluster name is required}
[[ "$name" =~ ^[a-z0-9_-]{1,32}$ ]] || { echo "cluster name must be [a-z0-9_-]{1,32}: $name" >&2; exit 2; }
dir=${PGROLLUP_ROOT:-/tmp}/motcua-rollup-$name
bindir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$bindir" ] || { echo "PostgreSQL 15 is not installed: apt-get install postgresql-15" >&2; exit 2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    port=${3:?a port is required}
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_pg "$bindir/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      # the port is part of the cluster: a restart after `halt` comes back where the subscribers look for it
      echo "port = $port" >>"$dir/postgresql.conf"
    fi
    if ! as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-k /tmp -c listen_addresses=127.0.0.1 -c wal_level=logical -c max_replication_slots=40 -c max_wal_senders=40 -c max_logical_replication_workers=40 -c max_worker_processes=48 -c max_sync_workers_per_subscription=2 -c wal_sender_timeout=10s -c wal_receiver_timeout=10s -c wal_retrieve_retry_interval=500ms -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB -c timezone=UTC" start >/dev/null
    fi
    port=$(sed -n 's/^port = \([0-9]*\)$/\1/p' "$dir/postgresql.conf" | tail -1)
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  clone)
    port=${3:?a port is required}
    source=${PGROLLUP_ROOT:-/tmp}/motcua-rollup-$from
    [ -f "$source/PG_VERSION" ] || { echo "no cluster $from to clone" >&2; exit 2; }
    if as_pg "$bindir/pg_ctl" -D "$source" status >/dev/null 2>&1; then echo "halt $from before cloning it" >&2; exit 2; fi
    as_pg "$bindir/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    cp -a "$source" "$dir"
    rm -f "$dir/postmaster.pid" "$dir/server.log"
    sed -i "s/^port = [0-9]*$/port = $port/" "$dir/postgresql.conf"
    exec "$0" start "$name" "$port"
    ;;
  halt)
    as_pg "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  stop)
    as_pg "$bindir/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
