#!/usr/bin/env bash
# The demo: builds the agent and the sample programs, runs io_uring's two failure modes under the
# ringwatch agent with a JFR recording each, and prints the report of each recording.
# Output: the programs' own output and the agent's `ringwatch LEAK` lines on the console, the
# recordings under target/demo/. Everything stops by itself (about half a minute after the build).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk25.sh

echo "== building the agent and the sample programs (first run downloads Maven and the dependencies)"
./mvnw -B -q -ntp package -DskipTests -pl agent,sample-app -am

AGENT=agent/target/ringwatch-agent.jar
SAMPLE=sample-app/target/ringwatch-sample.jar
OUT=target/demo
rm -rf "$OUT"
mkdir -p "$OUT"
# One line per log record instead of java.util.logging's two.
LOGFMT='-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n'

run_under_agent() { # <recording name> <agent options> <sample command and options...>
  local name=$1 opts=$2
  shift 2
  echo
  local agent="-javaagent:$AGENT=jfr=$OUT/$name.jfr,slotStacks=all${opts:+,$opts}"
  echo "== java $agent -jar $SAMPLE $*"
  java "$LOGFMT" "$agent" -jar "$SAMPLE" "$@"
}

echo
echo "### 1. SQPOLL rings dropped without close: each keeps its iou-sqp kernel thread until the JVM exits"
run_under_agent sqpoll-churn "" sqpoll-churn --rings 12 --leak-every 4 --linger-ms 1500

echo
echo "### 2. Fixed-file slots whose FixedFile was dropped: the kernel keeps the sockets open"
run_under_agent socket-churn "" socket-churn --iterations 40 --forget-release-every 20 --linger-ms 1500

echo
echo "### 3. fds closed while their slots still hold the sockets: the kernel view (reconciler, /proc) catches it"
run_under_agent fd-closed-under-slot "reconcilePeriod=500ms" socket-churn --iterations 2 --close-fd-first --linger-ms 2500

echo
echo "### 4. Reports of the recordings (java -jar $AGENT report <file.jfr>; add --json for JSON)"
for rec in "$OUT"/*.jfr; do
  echo
  echo "== java -jar $AGENT report $rec"
  java -jar "$AGENT" report "$rec"
done

echo
echo "Recordings: $(ls "$OUT"/*.jfr | tr '\n' ' ')"
echo "Open them in JDK Mission Control (Event Browser > ringwatch), or: jfr print --events dev.ringwatch.RingLeak $OUT/sqpoll-churn.jfr"
