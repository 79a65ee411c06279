#!/usr/bin/env bash
# The demo: builds the sample jar (with ring-core inside) and runs core-demo, which submits a batch of
# NOPs and reads a file through io_uring. Extra arguments go to core-demo (e.g. --file /etc/os-release).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk25.sh
./mvnw -B -q -ntp package -DskipTests -pl sample-app -am
exec java -jar sample-app/target/ringwatch-sample.jar core-demo "$@"
