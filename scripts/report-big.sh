#!/usr/bin/env bash
# Benchmark (not CI): `report` on a recording of about SIZE_MB (default 1024) of leak events, with the heap a
# 2 GB machine gives by default (a quarter: -Xmx512m). Prints the recording's size, the report's exit code,
# wall time and peak resident memory, and the report's first lines.
# The recording is made by the agent's test class BigLeakRecording (the events BigRecordingIT reads, scaled up).
# Usage: scripts/report-big.sh [SIZE_MB] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh
SIZE_MB=${1:-1024}
OUT=target/report-big
if [ "${2:-}" != --no-build ]; then
  ./mvnw -B -q -ntp package -DskipTests -pl agent -am
fi
mkdir -p "$OUT"
cp agent/target/ringwatch-agent.jar "$OUT/"
JFR_EVENTS=$(ls jfr-events/target/jfr-events-*.jar | grep -v sources | head -1)
if [ ! -s "$OUT/big.jfr" ]; then
  rm -f "$OUT/big.jfr"
  java -cp "agent/target/test-classes:$JFR_EVENTS" dev.ringwatch.agent.it.BigLeakRecording "$OUT/big.jfr" "$SIZE_MB"
fi
MB=$(( $(stat -c %s "$OUT/big.jfr") >> 20 ))
echo "== java -Xmx512m -jar ringwatch-agent.jar report $OUT/big.jfr ($MB MB)"
set +e
/usr/bin/time -v java -Xmx512m -jar "$OUT/ringwatch-agent.jar" report "$OUT/big.jfr" >"$OUT/report.txt" 2>"$OUT/time.txt"
CODE=$?
set -e
echo "exit $CODE; $(grep -E 'Elapsed \(wall' "$OUT/time.txt" | sed 's/^\s*//'); $(grep 'Maximum resident' "$OUT/time.txt" | sed 's/^\s*//')"
grep -v -E '^\s+(Command|User|System|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File|Socket|Signals|Page|Exit)' "$OUT/time.txt" | head -5
head -20 "$OUT/report.txt"
exit "$CODE"
