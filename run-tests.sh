#!/usr/bin/env bash
# Builds every module and runs all tests against the real kernel. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk25.sh
exec ./mvnw -B -ntp verify "$@"
