#!/usr/bin/env bash
# Failover drill for PostgreSQL (docs/operations.md): WAL archiving + a synchronous streaming standby.
#
# Creates two clusters under a temporary folder on their own ports (PRIMARY_PORT, STANDBY_PORT), the
# primary archiving its WAL and the standby made with pg_basebackup, streaming, synchronous. Runs writes on
# the primary one transaction at a time and counts those the primary acknowledged, stops the primary
# outright in the middle of them (a crash: `pg_ctl stop -m immediate`), promotes the standby, and checks
# that every acknowledged write is on it. Stops and removes everything it started, whatever happens.
#
#   scripts/standby-drill.sh                          # PGBIN=/usr/lib/postgresql/15/bin, ports 55432/55433
#   WRITES=50000 CRASH_AFTER=5 scripts/standby-drill.sh
#
# Exits 0 when no acknowledged write is missing, 1 otherwise. Run as root it runs the clusters as the
# `postgres` user (initdb refuses root).
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=${PRIMARY_PORT:-55432}
STANDBY_PORT=${STANDBY_PORT:-55433}
WRITES=${WRITES:-100000}     # writes queued; the crash comes first
CRASH_AFTER=${CRASH_AFTER:-4} # seconds of writes before the primary is killed
RUN_AS=${RUN_AS:-postgres}

WORK=$(mktemp -d /tmp/jkda-standby-drill.XXXXXX)
PRIMARY=$WORK/primary
STANDBY=$WORK/standby
ARCHIVE=$WORK/wal-archive
SOCK=$WORK/sock
mkdir -p "$ARCHIVE" "$SOCK"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown -R "$RUN_AS" "$WORK"; fi

WRITER_PID=
cleanup() {
  set +e
  [ -n "$WRITER_PID" ] && kill "$WRITER_PID" 2>/dev/null
  for d in "$PRIMARY" "$STANDBY"; do
    [ -f "$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$d" stop -m immediate >/dev/null 2>&1
  done
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

for port in "$PRIMARY_PORT" "$STANDBY_PORT"; do
  if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    echo "port $port is in use; set PRIMARY_PORT / STANDBY_PORT" >&2
    exit 2
  fi
done

psql_p() { as_pg psql -X -q -At -h "$SOCK" -p "$1" -U postgres -d postgres "${@:2}"; }
now_ms() { date +%s%3N; }

echo "== primary: initdb, WAL archiving"
as_pg "$PGBIN/initdb" -D "$PRIMARY" -U postgres --auth=trust --data-checksums >/dev/null
cat >>"$PRIMARY/postgresql.conf" <<EOF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
archive_timeout = 10
max_wal_senders = 5
wal_keep_size = '256MB'
synchronous_commit = on
EOF
as_pg "$PGBIN/pg_ctl" -D "$PRIMARY" -l "$WORK/primary.log" -w start >/dev/null
psql_p "$PRIMARY_PORT" -c "CREATE TABLE ack (id integer PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text)"

echo "== standby: pg_basebackup (WAL streamed, replication slot), streaming + archive recovery"
t0=$(now_ms)
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$STANDBY" -X stream \
  -C -S jkda_standby_slot -R --checkpoint=fast
basebackup_ms=$(($(now_ms) - t0))
cat >>"$STANDBY/postgresql.auto.conf" <<EOF
port = $STANDBY_PORT
primary_conninfo = 'host=127.0.0.1 port=$PRIMARY_PORT user=postgres application_name=jkda_standby'
primary_slot_name = 'jkda_standby_slot'
restore_command = 'cp $ARCHIVE/%f %p'
EOF
# The standby's settings came with the base backup: its own port; no archiving and no synchronous standby
# of its own (promoted, it would wait for one that does not exist). A real pair would archive from both.
sed -i -e "s/^port = $PRIMARY_PORT/# port: postgresql.auto.conf/" -e "s/^archive_mode = on/archive_mode = off/" \
  "$STANDBY/postgresql.conf"
as_pg "$PGBIN/pg_ctl" -D "$STANDBY" -l "$WORK/standby.log" -w start >/dev/null
# Only now does the primary wait for the standby at every commit (synchronous_commit = on: the standby has
# flushed the commit's WAL before the client hears "committed"). The standby never gets this setting.
psql_p "$PRIMARY_PORT" -c "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (jkda_standby)'" \
  -c "SELECT pg_reload_conf()" >/dev/null
for _ in $(seq 1 100); do
  state=$(psql_p "$PRIMARY_PORT" -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'jkda_standby'")
  [ "$state" = sync ] && break
  sleep 0.1
done
echo "   standby streaming, sync_state=$state (base backup ${basebackup_ms} ms)"
[ "$state" = sync ] || { echo "standby did not become synchronous" >&2; exit 1; }

echo "== writes: one INSERT per transaction; the primary is killed after ${CRASH_AFTER} s"
seq 1 "$WRITES" | sed "s/.*/INSERT INTO ack (id, payload) VALUES (&, md5('&'));/" >"$WORK/writes.sql"
chmod 644 "$WORK/writes.sql"
# psql runs the statements in order, autocommit; each "INSERT 0 1" line is a commit the primary acknowledged.
as_pg psql -X -h "$SOCK" -p "$PRIMARY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -f "$WORK/writes.sql" >"$WORK/acks.out" 2>"$WORK/writer.err" &
WRITER_PID=$!
sleep "$CRASH_AFTER"
t_crash=$(now_ms)
as_pg "$PGBIN/pg_ctl" -D "$PRIMARY" stop -m immediate >/dev/null
wait "$WRITER_PID" || true
WRITER_PID=
acked=$(grep -c '^INSERT 0 1$' "$WORK/acks.out" || true)
echo "   acknowledged writes before the crash: $acked ($((acked / CRASH_AFTER)) per second)"

echo "== failover: promote the standby"
t_promote=$(now_ms)
as_pg "$PGBIN/pg_ctl" -D "$STANDBY" promote -w >/dev/null
until psql_p "$STANDBY_PORT" -c "INSERT INTO ack (id, payload) VALUES (-1, 'after failover')" >/dev/null 2>&1; do
  sleep 0.05
done
t_writable=$(now_ms)
on_standby=$(psql_p "$STANDBY_PORT" -c "SELECT count(*) FROM ack WHERE id BETWEEN 1 AND $acked")
beyond=$(psql_p "$STANDBY_PORT" -c "SELECT count(*) FROM ack WHERE id > $acked")
archived=$(find "$ARCHIVE" -type f | wc -l)
missing=$((acked - on_standby))
echo "   promoted in $((t_writable - t_promote)) ms (crash to first write on the new primary: $((t_writable - t_crash)) ms)"
echo "   acknowledged writes on the promoted standby: $on_standby of $acked (missing: $missing)"
echo "   committed but unacknowledged writes also there: $beyond"
echo "   WAL segments archived by the primary: $archived"
echo
echo "| acknowledged writes | on the promoted standby | missing | writes/s (synchronous) | promote ms | crash → writable ms | base backup ms |"
echo "|---|---|---|---|---|---|---|"
echo "| $acked | $on_standby | $missing | $((acked / CRASH_AFTER)) | $((t_writable - t_promote)) | $((t_writable - t_crash)) | $basebackup_ms |"
if [ "$missing" -ne 0 ] || [ "$acked" -eq 0 ]; then
  echo "FAILOVER DRILL FAILED" >&2
  exit 1
fi
echo "Failover drill passed: every acknowledged write survived the primary."
