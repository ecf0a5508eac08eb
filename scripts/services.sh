#!/usr/bin/env bash
# Local services for the demo and the tests: MariaDB (or MySQL) on 127.0.0.1:3306 and Redis 7 on
# 127.0.0.1:6379, plus the tools the build and the browser tests need.
#
# Works on a fresh Debian 12 machine where we are root (it installs what is missing with apt-get)
# and on a machine where everything is already running (then it only checks). Safe to run twice.
#
# Use it either way:
#   scripts/services.sh [--chromium] [--java] [--compose] [--no-services]   # executed
#   source scripts/services.sh; ensure_services; ensure_chromium     # sourced (demo.sh, test.sh)
#
# Environment:
#   DB_HOST / DB_PORT        (default 127.0.0.1 / 3306)  where the app and tests find the database
#   REDIS_HOST / REDIS_PORT  (default 127.0.0.1 / 6379)  where they find Redis
#   If either points anywhere but this machine's default port, we only check that it answers:
#   we never start, install or change a server we do not own.
#   DB_ROOT_PASSWORD         only if the local root account has a password (it has none on Debian,
#                            where root logs in through the unix socket)
set -euo pipefail

# The password user the app and the tests connect with over JDBC (root uses unix-socket auth
# locally, which JDBC cannot use). Tests create a database per run and the local tenant driver
# creates per-tenant users, hence the global grants WITH GRANT OPTION. Development only.
BALCAO_DEV_DB_USER=balcao
BALCAO_DEV_DB_PASSWORD=balcao

# How long we wait for a server to answer after starting it.
BALCAO_SERVICE_WAIT_SECONDS="${BALCAO_SERVICE_WAIT_SECONDS:-60}"

_BALCAO_APT_UPDATED=0

say() { printf '==> %s\n' "$*"; }
warn() { printf '!!! %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# A local address on the default port is "ours": we may start or install it. Anything else
# belongs to someone else and is only checked.
_is_local_host() {
  case "$1" in 127.0.0.1 | localhost | ::1) return 0 ;; *) return 1 ;; esac
}

# Raw TCP check with bash's /dev/tcp, so reachability can be tested without any client installed.
tcp_open() {
  local host="$1" port="$2"
  timeout 3 bash -c "exec 3<>/dev/tcp/${host}/${port}" 2>/dev/null
}

# apt-get with no questions asked; 'update' only once per run because it is the slow part.
# The lock timeout lets us wait for an apt run that is already going (e.g. unattended upgrades)
# instead of failing at once.
apt_install() {
  is_root || die "missing packages ($*) and not root: install them with: sudo apt-get install -y $*"
  command -v apt-get >/dev/null 2>&1 || die "missing packages ($*) and no apt-get on this machine"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$_BALCAO_APT_UPDATED" -eq 0 ]; then
    say "Updating the apt package lists…"
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    _BALCAO_APT_UPDATED=1
  fi
  say "Installing $*…"
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
}

# Poll a check function until it succeeds or the time is up.
wait_for() {
  local what="$1"; shift
  local deadline=$((SECONDS + BALCAO_SERVICE_WAIT_SECONDS))
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 1
  done
  say "$what is up"
}

# ---------------------------------------------------------------------------------------------
# MariaDB / MySQL
# ---------------------------------------------------------------------------------------------

db_answers() {
  local host="${DB_HOST:-127.0.0.1}" port="${DB_PORT:-3306}"
  if command -v mysqladmin >/dev/null 2>&1; then
    # Over TCP, because that is how JDBC connects. mysqladmin ping exits 0 as soon as the server
    # answers, even with "access denied", so no credentials are needed here.
    mysqladmin --protocol=TCP -h "$host" -P "$port" --connect-timeout=3 ping >/dev/null 2>&1
  else
    tcp_open "$host" "$port"
  fi
}

_mariadb_binary() {
  local bin
  for bin in /usr/sbin/mariadbd /usr/sbin/mysqld; do
    if [ -x "$bin" ]; then echo "$bin"; return 0; fi
  done
  return 1
}

start_mariadb() {
  local bin
  bin="$(_mariadb_binary)" || return 1
  say "Starting MariaDB…"
  # A package install normally creates the data directory; if it is empty (e.g. the package was
  # installed with its scripts skipped) the server cannot start, so create the system tables.
  if [ ! -d /var/lib/mysql/mysql ] && command -v mariadb-install-db >/dev/null 2>&1; then
    say "Initialising the MariaDB data directory…"
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  fi
  # The socket/pid directory lives on a tmpfs and is gone after a reboot or in a new container.
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    # Under systemd let it own the service, so it is also started at the next boot.
    systemctl start mariadb 2>/dev/null || systemctl start mysql
  else
    # No init system (containers, CI): run the daemon in the background ourselves. --oknodo makes
    # this a no-op when that binary is already running (e.g. still starting up).
    # Local tenants (the provisioner's tests) and test apps each keep a pool of connections:
    # more room than the default 151.
    start-stop-daemon --start --oknodo --background --exec "$bin" -- --user=mysql \
      --max-connections=500
  fi
}

# Run SQL as the local root account: unix socket first (Debian's default auth), then TCP.
_mysql_root() {
  if [ -n "${DB_ROOT_PASSWORD:-}" ]; then
    MYSQL_PWD="$DB_ROOT_PASSWORD" mysql -uroot -h127.0.0.1 -P "${DB_PORT:-3306}" "$@"
    return
  fi
  mysql -uroot "$@" 2>/dev/null || mysql -uroot -h127.0.0.1 -P "${DB_PORT:-3306}" "$@"
}

_dev_user_can_login() {
  MYSQL_PWD="$BALCAO_DEV_DB_PASSWORD" mysql -u"$BALCAO_DEV_DB_USER" -h127.0.0.1 \
    -P "${DB_PORT:-3306}" -e 'SELECT 1' >/dev/null 2>&1
}

ensure_db_user() {
  local u="$BALCAO_DEV_DB_USER" p="$BALCAO_DEV_DB_PASSWORD" h sql=""
  # Both hosts: 'localhost' matches socket logins and '127.0.0.1' matches TCP logins (JDBC), and
  # with skip-name-resolve the two are never confused. ALTER USER resets the password in case
  # the user existed with another one. Plain SQL that both MariaDB 10.11 and MySQL 8 accept.
  for h in localhost 127.0.0.1; do
    sql+="CREATE USER IF NOT EXISTS '$u'@'$h' IDENTIFIED BY '$p';"
    sql+="ALTER USER '$u'@'$h' IDENTIFIED BY '$p';"
    sql+="GRANT ALL PRIVILEGES ON *.* TO '$u'@'$h' WITH GRANT OPTION;"
  done
  if _mysql_root -e "$sql" >/dev/null 2>&1; then
    say "Database user '$u' is ready"
  elif _dev_user_can_login; then
    # Someone set the machine up differently (root has a password we don't know), but the user
    # we need already works: go on, the tests will say if a grant is missing.
    warn "cannot log in as database root to check grants; user '$u' logs in, continuing"
  else
    die "cannot log in to the database as root (tried the unix socket and 127.0.0.1) to create user '$u'; set DB_ROOT_PASSWORD or create it by hand: CREATE USER '$u'@'127.0.0.1' IDENTIFIED BY '$p'; GRANT ALL PRIVILEGES ON *.* TO '$u'@'127.0.0.1' WITH GRANT OPTION (and the same for '$u'@'localhost')"
  fi
}

ensure_mariadb() {
  local host="${DB_HOST:-127.0.0.1}" port="${DB_PORT:-3306}"
  if ! _is_local_host "$host" || [ "$port" != 3306 ]; then
    say "Checking the database at $host:$port…"
    wait_for "Database at $host:$port" db_answers || die "database at $host:$port does not answer"
    return 0
  fi

  if db_answers; then
    say "MariaDB is already running on $host:$port"
  else
    if ! _mariadb_binary >/dev/null || ! command -v mysql >/dev/null 2>&1; then
      apt_install mariadb-server mariadb-client
    fi
    # The package may have started the server itself (it does under systemd).
    if ! db_answers; then
      start_mariadb || die "no MariaDB/MySQL server binary found after installing"
    fi
    say "Waiting for MariaDB…"
    wait_for "MariaDB" db_answers \
      || die "MariaDB did not answer on $host:$port within ${BALCAO_SERVICE_WAIT_SECONDS}s (see /var/log/mysql/error.log)"
  fi
  # The server may have come from elsewhere without the client tools we need for the user.
  command -v mysql >/dev/null 2>&1 || apt_install mariadb-client
  ensure_db_user
}

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------

redis_answers() {
  local host="${REDIS_HOST:-127.0.0.1}" port="${REDIS_PORT:-6379}" out
  if command -v redis-cli >/dev/null 2>&1; then
    # A server with a password answers NOAUTH: it is up all the same.
    out="$(timeout 5 redis-cli -h "$host" -p "$port" ping 2>&1 || true)"
    case "$out" in *PONG* | *NOAUTH*) return 0 ;; *) return 1 ;; esac
  else
    tcp_open "$host" "$port"
  fi
}

start_redis() {
  command -v redis-server >/dev/null 2>&1 || return 1
  say "Starting Redis…"
  # Development only: no persistence (the tests and the demo don't need Redis to survive a restart)
  # and bound to loopback, because it has no password.
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
}

ensure_redis() {
  local host="${REDIS_HOST:-127.0.0.1}" port="${REDIS_PORT:-6379}"
  if ! _is_local_host "$host" || [ "$port" != 6379 ]; then
    say "Checking Redis at $host:$port…"
    wait_for "Redis at $host:$port" redis_answers || die "Redis at $host:$port does not answer"
    return 0
  fi

  if redis_answers; then
    say "Redis is already running on $host:$port"
    return 0
  fi
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    apt_install redis-server redis-tools
  fi
  if ! redis_answers; then
    start_redis || die "no redis-server binary found after installing"
  fi
  say "Waiting for Redis…"
  wait_for "Redis" redis_answers || die "Redis did not answer on $host:$port within ${BALCAO_SERVICE_WAIT_SECONDS}s"
}

ensure_services() {
  ensure_mariadb
  ensure_redis
  ensure_backup_tools
}

# Backups: restic keeps the encrypted repository, mariadb-dump (mariadb-client) takes the dump.
ensure_backup_tools() {
  local missing=()
  command -v restic >/dev/null 2>&1 || missing+=(restic)
  if ! command -v mariadb-dump >/dev/null 2>&1 && ! command -v mysqldump >/dev/null 2>&1; then
    missing+=(mariadb-client)
  fi
  [ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"
  say "restic and mariadb-dump are installed"
}

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------

# The browser tests drive Debian's Chromium through its matching chromedriver at these paths.
# Only Debian's packages will do: nothing else can be downloaded on our machines.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "Chromium and chromedriver are installed"
    return 0
  fi
  # fonts-liberation: without any font headless Chromium renders text as boxes.
  apt_install chromium chromium-driver fonts-liberation
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || die "chromium or chromedriver still missing after installing"
}

# The provisioner's tests validate rendered compose files with `docker-compose config -q`, which
# needs no Docker engine (Debian's docker-compose 1.29).
ensure_docker_compose() {
  if command -v docker-compose >/dev/null 2>&1; then
    say "docker-compose is installed"
    return 0
  fi
  apt_install docker-compose
  command -v docker-compose >/dev/null 2>&1 || die "docker-compose still missing after installing"
}

# Major version of the JDK's compiler, e.g. 17 (empty when there is none).
_javac_major() {
  command -v javac >/dev/null 2>&1 || return 0
  javac -version 2>&1 | sed -nE 's/^javac ([0-9]+).*/\1/p' | head -n1
}

# The build targets Java 17 (maven.compiler.release); a newer JDK compiles it as well.
ensure_java_maven() {
  local major
  major="$(_javac_major)"
  if [ -z "$major" ] || [ "$major" -lt 17 ] || ! command -v mvn >/dev/null 2>&1; then
    apt_install openjdk-17-jdk-headless maven
    major="$(_javac_major)"
    # An older JDK may still be the default alternative; point java/javac at 17.
    if [ -z "$major" ] || [ "$major" -lt 17 ]; then
      local home
      home=/usr/lib/jvm/java-17-openjdk-"$(dpkg --print-architecture)"
      update-alternatives --set java "$home/bin/java" >/dev/null
      update-alternatives --set javac "$home/bin/javac" >/dev/null
      major="$(_javac_major)"
    fi
    [ -n "$major" ] && [ "$major" -ge 17 ] || die "no JDK 17 or newer after installing"
  fi
  say "JDK $major and Maven are installed"
}

# ---------------------------------------------------------------------------------------------
# Executed directly (not sourced): parse the flags and do the work.
# ---------------------------------------------------------------------------------------------
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  want_services=1 want_chromium=0 want_java=0 want_compose=0
  for arg in "$@"; do
    case "$arg" in
      --chromium) want_chromium=1 ;;
      --compose) want_compose=1 ;;
      --java) want_java=1 ;;
      --all) want_chromium=1 want_java=1 want_compose=1 ;;
      --no-services) want_services=0 ;;
      -h | --help)
        sed -n '2,18p' "$0"
        exit 0
        ;;
      *) die "unknown option: $arg (try --help)" ;;
    esac
  done
  [ "$want_services" -eq 1 ] && ensure_services
  [ "$want_java" -eq 1 ] && ensure_java_maven
  [ "$want_chromium" -eq 1 ] && ensure_chromium
  [ "$want_compose" -eq 1 ] && ensure_docker_compose
  exit 0
fi
