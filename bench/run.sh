#!/usr/bin/env bash
# Speed measurements of the WhatsApp path on this machine, each next to a baseline measured in
# the same run: webhook ingest (vs. the unsigned handshake, no database), inbox processing with
# the bot off and with the department menu answering (vs. bot off, and vs. the last build before
# the bot; after a warm-up pass in each mode, the mean of three rounds taken in turn; Meta's side
# of them, the Graph API and its status webhooks, played by the bench itself), the bot's replies
# sent (vs. the number's limit), the outbox sender at 80 and 1000 msg/s (vs. posting straight to
# the fake Graph API), the agents' inbox over many conversations (list, search, chat; vs. a page
# with no database work), and a backup, its verification and a restore of the filled database
# (vs. a plain mysqldump).
#
# Starts the app jar (built if missing) with the simulator on a throw-away database, runs
# bench/Bench.java against it, prints a table, then stops the app and drops the database.
# With the database on this machine, the processing rows end with the CPU time the app and the
# database spent per customer's message (from /proc), the build before the bot's alongside:
# unlike a rate, it does not move with what else the machine is doing.
# Overridable: BENCH_PORT (18480), BENCH_MESSAGES (2000), BENCH_CONVERSATIONS (5000),
# BENCH_ONLY=processing (just the ingest and processing rows), BENCH_JFR=file.jfr (records the
# app with Java Flight Recorder's profiling settings and prints when each round starts and ends,
# to cut the recording by round; `jfr print --events ExecutionSample`), BENCH_PHASES=1 (prints
# those times without recording), BENCH_ROUNDS (3 timed processing rounds per mode),
# DB_HOST/DB_PORT/DB_USER/DB_PASSWORD.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/services.sh
ensure_services
ensure_java_maven

JAR=app/target/app.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests -pl app -am package

export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-3306}"
export DB_USER="${DB_USER:-$BALCAO_DEV_DB_USER}" DB_PASSWORD="${DB_PASSWORD:-$BALCAO_DEV_DB_PASSWORD}"
export DB_NAME="bench_$(date +%Y%m%d%H%M%S)"
export PORT="${BENCH_PORT:-18480}" ADMIN_PORT="$(( ${BENCH_PORT:-18480} + 1 ))"
export DATA_DIR; DATA_DIR="$(mktemp -d)"
export REDIS_KEY_PREFIX="$DB_NAME:" SIMULATOR_ENABLED=true SIMULATOR_MPS=1000
export WHATSAPP_APP_SECRET="bench-app-secret-0123456789" WHATSAPP_VERIFY_TOKEN="bench"
export JWT_SECRET; JWT_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export CREDENTIALS_KEY; CREDENTIALS_KEY="$(head -c 32 /dev/urandom | base64)"
export LOG_LEVEL=WARN
export BACKUP_REPOSITORY="$DATA_DIR/backups" BACKUP_PASSWORD="bench-backup-key-0123456789"

mysql_exec() {
  MYSQL_PWD="$DB_PASSWORD" mysql --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u"$DB_USER" -e "$1"
}

SERVER_PIDS=()
cleanup() {
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  for db in "$DB_NAME" "${DB_NAME}_before" "${DB_NAME}_scratch" "${DB_NAME}_scratch_old"; do
    mysql_exec "DROP DATABASE IF EXISTS \`$db\`" || true
  done
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

jdbc_url() {
  echo "jdbc:mysql://$DB_HOST:$DB_PORT/$1?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
}

# serve JAR CONFIG [JVM option...]: a fresh database named $DB_NAME, migrated and seeded with the
# demo by that build, and the build serving it on $PORT until the bench ends.
serve() {
  local jar="$1" config="$2"
  shift 2
  mysql_exec "CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  java -Dfile.encoding=UTF-8 -jar "$jar" db migrate "$config" >/dev/null
  java -Dfile.encoding=UTF-8 -jar "$jar" seed-demo "$config" >/dev/null
  java -Dfile.encoding=UTF-8 "$@" -jar "$jar" server "$config" >>"$DATA_DIR/server.log" 2>&1 &
  SERVER_PIDS+=("$!")
  for _ in $(seq 1 60); do
    tcp_open 127.0.0.1 "$PORT" && return 0
    sleep 1
  done
  echo "The app did not start; see its log:" >&2
  tail -n 30 "$DATA_DIR/server.log" >&2
  return 1
}

# The last build before the bot, bot-less as it was, runs alongside on the next two ports with
# its own database, and its processing is measured in turn with the app's: the speed the bot's
# issue asks the bot to stay within 20 % of. Built once into app/target from git;
# BENCH_BEFORE_BOT=none leaves it out.
BEFORE_BOT="${BENCH_BEFORE_BOT:-6d83da0}"
BEFORE=()
if [ "$BEFORE_BOT" != none ]; then
  BEFORE_JAR="app/target/bench-before-bot-$BEFORE_BOT.jar"
  if [ ! -f "$BEFORE_JAR" ]; then
    echo "==> building $BEFORE_BOT (before the bot) once, for its processing speed" >&2
    tree="$DATA_DIR/before-bot"
    git worktree add --detach -q "$tree" "$BEFORE_BOT"
    (cd "$tree" && mvn -B -q -DskipTests -pl app -am package)
    cp "$tree/app/target/app.jar" "$BEFORE_JAR"
    git worktree remove --force "$tree"
  fi
  git show "$BEFORE_BOT:config.yml" >"$DATA_DIR/before-bot.yml"
  (
    export DB_NAME="${DB_NAME}_before" REDIS_KEY_PREFIX="${DB_NAME}_before:"
    export PORT="$(( PORT + 2 ))" ADMIN_PORT="$(( PORT + 3 ))"
    serve "$BEFORE_JAR" "$DATA_DIR/before-bot.yml"
    echo "${SERVER_PIDS[-1]}" >"$DATA_DIR/before-bot.pid"
  )
  SERVER_PIDS+=("$(cat "$DATA_DIR/before-bot.pid")")
  BEFORE=("$(( PORT + 2 ))" "$(jdbc_url "${DB_NAME}_before")" "$BEFORE_BOT")
fi

JFR_OPTION=()
[ -n "${BENCH_JFR:-}" ] && JFR_OPTION=("-XX:FlightRecorderOptions=stackdepth=256"
  "-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile")
serve "$JAR" config.yml "${JFR_OPTION[@]}"

# The processes whose CPU time the bench reads per round: the app, the build before the bot,
# and the database when it runs on this machine.
CPU_PIDS="app=${SERVER_PIDS[-1]}"
[ -f "$DATA_DIR/before-bot.pid" ] && CPU_PIDS+=",before=$(cat "$DATA_DIR/before-bot.pid")"
DB_PID=""
case "$DB_HOST" in
  127.0.0.1|localhost) DB_PID="$(pgrep -xo mariadbd || pgrep -xo mysqld || true)" ;;
esac
[ -n "$DB_PID" ] && CPU_PIDS+=",db=$DB_PID"
export BENCH_CPU_PIDS="$CPU_PIDS" BENCH_CLK_TCK; BENCH_CLK_TCK="$(getconf CLK_TCK)"

CONNECTOR="$(find ~/.m2/repository/com/mysql/mysql-connector-j -name 'mysql-connector-j-*.jar' | sort | tail -n1)"
BENCH_CLASSES="$DATA_DIR/bench-classes"
javac -d "$BENCH_CLASSES" bench/*.java
java -cp "$BENCH_CLASSES:$CONNECTOR" Bench "$PORT" "$(jdbc_url "$DB_NAME")" \
  "$DB_USER" "$DB_PASSWORD" "$WHATSAPP_APP_SECRET" "${BENCH_MESSAGES:-2000}" \
  "${BENCH_CONVERSATIONS:-5000}" "${BENCH_ONLY:-all}" "${BEFORE[@]}"
[ "${BENCH_ONLY:-all}" = processing ] && exit 0

# Backups of the database the bench just filled, while the app keeps running. Each command is a
# JVM start (about 2-4 s of each figure); the plain dump is the floor for the dump part.
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }'; }
DUMP="$(command -v mariadb-dump || command -v mysqldump)"
t="$(seconds)"
MYSQL_PWD="$DB_PASSWORD" "$DUMP" --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u"$DB_USER" \
  --single-transaction --quick --routines --events --triggers --hex-blob \
  --default-character-set=utf8mb4 "$DB_NAME" >/dev/null
plain="$(elapsed "$t")"
size="$(MYSQL_PWD="$DB_PASSWORD" "$DUMP" --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u"$DB_USER" \
  --single-transaction --quick --hex-blob --default-character-set=utf8mb4 "$DB_NAME" | wc -c)"
t="$(seconds)"; java -Dfile.encoding=UTF-8 -jar "$JAR" backup run config.yml >/dev/null
backup="$(elapsed "$t")"
t="$(seconds)"; java -Dfile.encoding=UTF-8 -jar "$JAR" backup verify latest config.yml >/dev/null
verify="$(elapsed "$t")"
t="$(seconds)"; java -Dfile.encoding=UTF-8 -jar "$JAR" backup restore latest config.yml >/dev/null
restore="$(elapsed "$t")"
printf '\n%-44s %10s\n' "backups (database dump: $((size / 1024 / 1024)) MB)" "seconds"
printf '%-44s %10s\n' "baseline: mysqldump > /dev/null" "$plain" \
  "backup run (dump -> restic, media, manifest)" "$backup" \
  "backup verify (restore to scratch, compare)" "$verify" \
  "backup restore (check, load, swap in place)" "$restore"
