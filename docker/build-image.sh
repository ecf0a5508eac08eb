#!/usr/bin/env bash
# Builds the app image balcao/app:<version> (and :latest) from app/target/app.jar + config.yml.
# Usage: docker/build-image.sh [version]      version defaults to APP_VERSION, else the POM's.
# Builds the jar first when it is missing. Needs a Docker engine (docker build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/services.sh   # for say/die and ensure_java_maven; starts nothing by itself

IMAGE="${IMAGE:-balcao/app}"
version="${1:-${APP_VERSION:-}}"
if [ -z "$version" ]; then
  # The parent POM's own <version> (the first one at two-space indentation).
  version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n1)"
fi
[ -n "$version" ] || die "cannot tell the version: pass it as the first argument"
[[ "$version" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || die "not a valid image tag: $version"

# Check the engine before spending time on a jar build that could not be used.
command -v docker >/dev/null 2>&1 || die "docker is not installed"
docker info >/dev/null 2>&1 || die "no Docker engine is reachable (docker info failed)"

if [ ! -f app/target/app.jar ]; then
  ensure_java_maven
  say "Building app/target/app.jar…"
  mvn -B -q -DskipTests -pl app -am package
fi

# A build context with only what the image needs: sending the whole work tree (data/, .git,
# every module's target/) would be slow and could leak local files into the build.
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/app/target"
cp app/target/app.jar "$stage/app/target/app.jar"
cp config.yml "$stage/config.yml"

say "Building $IMAGE:$version…"
docker build -f docker/Dockerfile -t "$IMAGE:$version" -t "$IMAGE:latest" "$stage"
say "Built $IMAGE:$version and $IMAGE:latest"
