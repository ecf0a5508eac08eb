#!/usr/bin/env bash
# Runs the Balcão demo on this machine: local MariaDB + Redis, the app with demo data and the
# WhatsApp simulator (no Meta account needed). Stop it with Ctrl+C; run it again to restart: the
# data, the database and the JWT secret are kept between runs.
#
# Overridable: DEMO_DB_NAME (demo), PORT (8080), ADMIN_PORT (8081), DATA_DIR (./data/<database>),
# REDIS_KEY_PREFIX (<database>:), DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, WHATSAPP_APP_SECRET,
# WHATSAPP_VERIFY_TOKEN, JWT_SECRET, CREDENTIALS_KEY, BACKUP_REPOSITORY, BACKUP_PASSWORD,
# JAVA_OPTS, and
# DB_HOST/DB_PORT/REDIS_HOST/REDIS_PORT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

source scripts/services.sh
ensure_services
ensure_java_maven

JAR=app/target/app.jar

# ---------------------------------------------------------------------------------------------
# Build the jar only when it is missing or older than any source or POM: a rebuild costs tens of
# seconds, a restart of an unchanged demo should not.
# ---------------------------------------------------------------------------------------------
jar_is_stale() {
  [ -f "$JAR" ] || return 0
  local inputs=() p
  for p in pom.xml */pom.xml app/src backup/src; do
    [ -e "$p" ] && inputs+=("$p")
  done
  [ -n "$(find "${inputs[@]}" -newer "$JAR" -print -quit)" ]
}

if jar_is_stale; then
  say "Building $JAR (mvn package, tests skipped)…"
  # Only the app and the modules it needs; the provisioner is not part of the demo.
  mvn -B -q -DskipTests -pl app -am package
else
  say "$JAR is up to date"
fi

# ---------------------------------------------------------------------------------------------
# Settings for the app: config.yml reads everything from the environment.
# ---------------------------------------------------------------------------------------------
export DB_HOST="${DB_HOST:-127.0.0.1}"
export DB_PORT="${DB_PORT:-3306}"
export DB_NAME="${DEMO_DB_NAME:-demo}"
export DB_USER="${DB_USER:-$BALCAO_DEV_DB_USER}"
export DB_PASSWORD="${DB_PASSWORD:-$BALCAO_DEV_DB_PASSWORD}"
export PORT="${PORT:-8080}"
export ADMIN_PORT="${ADMIN_PORT:-8081}"
export DATA_DIR="${DATA_DIR:-$PWD/data/$DB_NAME}"
# A prefix of its own per database, so the demo's sessions and events never mix with the tests'
# keys, nor with those of a second demo on another database.
export REDIS_KEY_PREFIX="${REDIS_KEY_PREFIX:-$DB_NAME:}"
export SIMULATOR_ENABLED=true
export WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-test-app-secret-0123456789abcdef}"
export WHATSAPP_VERIFY_TOKEN="${WHATSAPP_VERIFY_TOKEN:-demo-verify-token}"
export DEMO_ADMIN_EMAIL="${DEMO_ADMIN_EMAIL:-admin@demo.local}"
export DEMO_ADMIN_PASSWORD="${DEMO_ADMIN_PASSWORD:-demo-admin-123}"

# The name goes into SQL below: allow only a plain identifier.
[[ "$DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || die "DEMO_DB_NAME must be letters, digits and _ only: '$DB_NAME'"

mkdir -p "$DATA_DIR"

# JWT_SECRET signs the API tokens. Generated once and kept in $DATA_DIR/.env (mode 0600), so
# tokens and sessions survive a demo restart. An explicit JWT_SECRET in the environment wins.
ENV_FILE="$DATA_DIR/.env"
if [ -z "${JWT_SECRET:-}" ]; then
  JWT_SECRET=""
  if [ -f "$ENV_FILE" ]; then
    JWT_SECRET="$(sed -n 's/^JWT_SECRET=//p' "$ENV_FILE" | head -n1)"
  fi
  if [ "${#JWT_SECRET}" -lt 32 ]; then
    say "Generating a JWT secret into $ENV_FILE…"
    if command -v openssl >/dev/null 2>&1; then
      JWT_SECRET="$(openssl rand -hex 32)"
    else
      JWT_SECRET="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
    fi
    (umask 077 && printf 'JWT_SECRET=%s\n' "$JWT_SECRET" >"$ENV_FILE")
  fi
  chmod 600 "$ENV_FILE"
fi
export JWT_SECRET
[ "${#JWT_SECRET}" -ge 32 ] || die "JWT_SECRET must be at least 32 characters"

# CREDENTIALS_KEY encrypts the WhatsApp credentials stored in the database (AES-256: base64 of
# 32 random bytes). Generated once into the same .env; losing it makes stored credentials
# unreadable, so it is kept across runs like the JWT secret.
if [ -z "${CREDENTIALS_KEY:-}" ]; then
  if [ -f "$ENV_FILE" ]; then
    CREDENTIALS_KEY="$(sed -n 's/^CREDENTIALS_KEY=//p' "$ENV_FILE" | head -n1)"
  fi
  if [ "${#CREDENTIALS_KEY}" -ne 44 ]; then
    say "Generating a credentials key into $ENV_FILE…"
    if command -v openssl >/dev/null 2>&1; then
      CREDENTIALS_KEY="$(openssl rand -base64 32)"
    else
      CREDENTIALS_KEY="$(head -c 32 /dev/urandom | base64)"
    fi
    (umask 077 && printf 'CREDENTIALS_KEY=%s\n' "$CREDENTIALS_KEY" >>"$ENV_FILE")
  fi
  chmod 600 "$ENV_FILE"
fi
export CREDENTIALS_KEY

# Backups go to a restic repository next to the demo's data, encrypted with a key generated once
# into the same .env (the panel's Administração › Backups shows them).
export BACKUP_REPOSITORY="${BACKUP_REPOSITORY:-$DATA_DIR/backups}"
if [ -z "${BACKUP_PASSWORD:-}" ]; then
  if [ -f "$ENV_FILE" ]; then
    BACKUP_PASSWORD="$(sed -n 's/^BACKUP_PASSWORD=//p' "$ENV_FILE" | head -n1)"
  fi
  if [ "${#BACKUP_PASSWORD}" -lt 32 ]; then
    say "Generating a backup key into $ENV_FILE…"
    BACKUP_PASSWORD="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
    (umask 077 && printf 'BACKUP_PASSWORD=%s\n' "$BACKUP_PASSWORD" >>"$ENV_FILE")
  fi
  chmod 600 "$ENV_FILE"
fi
export BACKUP_PASSWORD

# A second demo (or anything else) on our ports would make the server die after the migration
# and seeding; say so plainly now instead.
for p in "$PORT" "$ADMIN_PORT"; do
  if tcp_open 127.0.0.1 "$p"; then
    die "port $p is already in use (is another demo running?); stop it or set PORT / ADMIN_PORT"
  fi
done

# ---------------------------------------------------------------------------------------------
# Database, schema, demo data.
# ---------------------------------------------------------------------------------------------
say "Creating database '$DB_NAME' if needed…"
command -v mysql >/dev/null 2>&1 || apt_install mariadb-client
MYSQL_PWD="$DB_PASSWORD" mysql --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u"$DB_USER" \
  -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# Java 17 takes its default charset from the locale (ASCII under CI's POSIX locale); the panel
# and the data are pt-BR, so be explicit.
read -r -a JAVA_ARGS <<<"${JAVA_OPTS:--Dfile.encoding=UTF-8}"

say "Migrating the database schema…"
java "${JAVA_ARGS[@]}" -jar "$JAR" db migrate config.yml

# seed-demo is idempotent: it creates what is missing and leaves existing demo data alone.
say "Seeding the demo data…"
java "${JAVA_ARGS[@]}" -jar "$JAR" seed-demo config.yml

# The backups page starts with one verified backup (taken once; later ones come nightly or from
# "Fazer backup agora").
verified="$(MYSQL_PWD="$DB_PASSWORD" mysql --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" \
  -u"$DB_USER" -N -B -e "SELECT COUNT(*) FROM backup_runs WHERE verified_at IS NOT NULL" \
  "$DB_NAME" 2>/dev/null || echo 0)"
if [ "${verified:-0}" = 0 ]; then
  say "Taking and verifying the demo's first backup…"
  java "${JAVA_ARGS[@]}" -jar "$JAR" backup run config.yml \
    && java "${JAVA_ARGS[@]}" -jar "$JAR" backup verify latest config.yml \
    || warn "the first backup failed; see Administração › Backups"
fi

cat <<EOF

======================================================================
  Balcão demo: http://localhost:${PORT}/
  Health and metrics (admin port): http://127.0.0.1:${ADMIN_PORT}/healthcheck

  Logins (e-mail / password):
    Admin        ${DEMO_ADMIN_EMAIL} / ${DEMO_ADMIN_PASSWORD}
    Supervisor   supervisor@demo.local / demo-super-123
    Agent        ana@demo.local / demo-agent-123
    Agent        bruno@demo.local / demo-agent-123

  WhatsApp simulator: http://localhost:${PORT}/simulator/phone (type as a customer; the
  message shows up in GET /api/v1/conversations). Number +15550100001 → Comercial.
  Database: ${DB_NAME} on ${DB_HOST}:${DB_PORT}.
  Data: ${DATA_DIR}. Stop with Ctrl+C; ./demo.sh again keeps the data.
  Backups (Administração › Backups): ${BACKUP_REPOSITORY}.
======================================================================

EOF

say "Starting the server…"
exec java "${JAVA_ARGS[@]}" -jar "$JAR" server config.yml
