#!/usr/bin/env bash
# Runs every test: unit, integration (against the local MariaDB and Redis) and browser tests
# (headless Debian Chromium). Extra arguments go to Maven, e.g. ./test.sh -pl app -am
#
# The tests read their connection settings from the environment, with defaults that match what
# scripts/services.sh sets up: TEST_DB_URL_BASE (jdbc:mysql://127.0.0.1:3306/), TEST_DB_USER and
# TEST_DB_PASSWORD (balcao), TEST_REDIS_HOST / TEST_REDIS_PORT (127.0.0.1 / 6379). Each run
# creates its own database balcao_test_*, so runs never see each other's data.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# On a fresh machine this installs and starts everything (needs root for apt-get); on a
# prepared one it only checks, in well under a second.
source scripts/services.sh
ensure_services
ensure_java_maven
ensure_chromium
ensure_docker_compose

echo "==> Running the tests (mvn -B verify $*)…"
exec mvn -B verify "$@"
