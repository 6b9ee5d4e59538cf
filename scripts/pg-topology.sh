#!/usr/bin/env bash
# Starts (or stops) a throwaway replication topology for the topology tests (docs/deploy-replicas.md):
#   a PostgreSQL 15 primary, a streaming hot standby cloned from it (pg_basebackup -R), and PgBouncer in
#   transaction mode in front of the primary, all from Debian's packages, on their own ports and directory.
# PostgreSQL and PgBouncer refuse to run as root, so they run as the `postgres` user (as pg-cluster.sh does).
#   pg-topology.sh start           prints PRIMARY_URL=…, STANDBY_URL=…, BOUNCER_URL=… (one a line)
#   pg-topology.sh standby-stop    stops the standby (fast shutdown: sessions are cut, as when a replica dies)
#   pg-topology.sh standby-start   starts it again; it resumes streaming from where it stopped
#   pg-topology.sh stop            stops everything and removes the directory
# PGTOPO_DIR (default /tmp/motcua-topo) and PGTOPO_PORT (default 54340: primary; +1 standby; +2 PgBouncer)
# let several topologies run side by side; PGTOPO_STANDBY=off leaves the standby out. The clusters are tiny and
# unsafe on purpose (fsync off, no sync after initdb and pg_basebackup).
set -euo pipefail
action=${1:-start}
base=${PGTOPO_DIR:-/tmp/motcua-topo}
port=${PGTOPO_PORT:-54340}
standby_port=$((port + 1))
bouncer_port=$((port + 2))
primary="$base/primary"
standby="$base/standby"
bindir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$bindir" ] || { echo "PostgreSQL 15 is not installed: apt-get install postgresql-15" >&2; exit 2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# synchronous_commit stays on: a commit's WAL is flushed (and so streamed) when it returns, which the
# read-your-writes rule relies on for prompt replay; fsync off keeps that flush cheap on a test machine.
settings="-c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c shared_buffers=32MB"
settings+=" -c max_connections=100 -c timezone=UTC -c hot_standby_feedback=on -c wal_receiver_status_interval=1s"
settings+=" -c log_recovery_conflict_waits=on"

start_cluster() { # dir port
  as_pg "$bindir/pg_ctl" -D "$1" -l "$1/server.log" -w -o "-p $2 -k $base $settings" start >/dev/null
}

stop_cluster() { # dir
  as_pg "$bindir/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

start_bouncer() {
  cat >"$base/pgbouncer.ini" <<EOF
[databases]
; every database name goes to the primary; the session time zone the app asks for in its startup
; "options" (ignored below: PgBouncer cannot pass it on) is set here instead
* = host=127.0.0.1 port=$port timezone=Asia/Ho_Chi_Minh
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = trust
auth_file = $base/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = options
admin_users = postgres
logfile = $base/pgbouncer.log
pidfile = $base/pgbouncer.pid
EOF
  echo '"postgres" ""' >"$base/userlist.txt"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$base/pgbouncer.ini" "$base/userlist.txt"
  as_pg /usr/sbin/pgbouncer -q -d "$base/pgbouncer.ini"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$bouncer_port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "PgBouncer did not start: see $base/pgbouncer.log" >&2
  exit 1
}

case "$action" in
  start)
    command -v /usr/sbin/pgbouncer >/dev/null || { echo "PgBouncer is not installed: apt-get install pgbouncer" >&2; exit 2; }
    mkdir -p "$base"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$base"
    if [ ! -f "$primary/PG_VERSION" ]; then
      as_pg "$bindir/initdb" -D "$primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    fi
    as_pg "$bindir/pg_ctl" -D "$primary" status >/dev/null 2>&1 || start_cluster "$primary" "$port"
    if [ "${PGTOPO_STANDBY:-on}" = off ]; then
      :
    elif [ ! -f "$standby/PG_VERSION" ]; then
      # -R writes standby.signal and primary_conninfo; -X stream copies the WAL the backup needs
      as_pg "$bindir/pg_basebackup" -D "$standby" -h 127.0.0.1 -p "$port" -U postgres -X stream -c fast -R --no-sync
      start_cluster "$standby" "$standby_port"
    else
      as_pg "$bindir/pg_ctl" -D "$standby" status >/dev/null 2>&1 || start_cluster "$standby" "$standby_port"
    fi
    [ -f "$base/pgbouncer.pid" ] && kill -0 "$(cat "$base/pgbouncer.pid")" 2>/dev/null || start_bouncer
    echo "PRIMARY_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "STANDBY_URL=postgres://postgres@127.0.0.1:$standby_port/postgres"
    echo "BOUNCER_URL=postgres://postgres@127.0.0.1:$bouncer_port/postgres"
    ;;
  standby-stop) stop_cluster "$standby" ;;
  standby-start) start_cluster "$standby" "$standby_port" ;;
  stop)
    if [ -f "$base/pgbouncer.pid" ]; then kill "$(cat "$base/pgbouncer.pid")" 2>/dev/null || true; fi
    stop_cluster "$standby"
    stop_cluster "$primary"
    rm -rf "$base"
    ;;
  *) echo "usage: pg-topology.sh start|standby-stop|standby-start|stop" >&2; exit 2 ;;
esac
