#!/usr/bin/env bash
# The agent's cost on a Netty 4.2 io_uring application (issue 10), not a timed test:
#   - throughput: the NettyEcho test program (io_uring echo server + clients on 127.0.0.1, 64-byte ping-pong)
#     without and with -javaagent, in alternating rounds; ratio = median(with) / median(without), target >= 0.97
#   - start-up: NettyStartup (one io_uring event loop up and down, then exit), wall time of the whole JVM
#     without and with the agent, alternating; difference of the medians, target <= +200 ms
#
#   bench/run-netty.sh [--rounds N] [--seconds S] [--connections C] [--starts N] [--java PATH]
#
# Needs the agent jar and the test classes: ./mvnw -B -ntp -pl agent -am package -DskipTests
# (after . scripts/jdk25.sh). Netty's jars come from the local Maven repository (agent/pom.xml's version).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
ROUNDS=5
SECONDS_PER_ROUND=5
CONNECTIONS=4
STARTS=10
JAVA=""
die() { echo "bench/run-netty.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    --seconds) SECONDS_PER_ROUND=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --starts) STARTS=$2; shift ;;
    --java) JAVA=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
if [ -z "$JAVA" ]; then
  . "$REPO_DIR/scripts/jdk25.sh"
  JAVA=$JAVA_HOME/bin/java
fi

AGENT_JAR=$REPO_DIR/agent/target/ringwatch-agent.jar
CLASSES=$REPO_DIR/agent/target/test-classes
[ -f "$AGENT_JAR" ] || die "no $AGENT_JAR: build it first (./mvnw -B -ntp -pl agent -am package -DskipTests)"
[ -f "$CLASSES/dev/ringwatch/programs/netty/NettyEcho.class" ] || die "no Netty test programs in $CLASSES"
VERSION=$(sed -n 's:.*<netty.version>\(.*\)</netty.version>.*:\1:p' "$REPO_DIR/agent/pom.xml")
M2=${MAVEN_REPO:-$HOME/.m2/repository}/io/netty
CP=$CLASSES
for a in common buffer resolver transport transport-native-unix-common transport-classes-io_uring; do
  jar=$M2/netty-$a/$VERSION/netty-$a-$VERSION.jar
  [ -f "$jar" ] || die "missing $jar (run the agent build once online)"
  CP=$CP:$jar
done
CP=$CP:$M2/netty-transport-native-io_uring/$VERSION/netty-transport-native-io_uring-$VERSION-linux-x86_64.jar
NATIVE_ACCESS=""
"$JAVA" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1 && NATIVE_ACCESS=--enable-native-access=ALL-UNNAMED

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== Netty $VERSION io_uring echo, $CONNECTIONS connections, ${SECONDS_PER_ROUND}s x $ROUNDS rounds each way, alternating ($("$JAVA" -version 2>&1 | head -1))"
: > /tmp/ringwatch-netty-off.txt; : > /tmp/ringwatch-netty-on.txt
for r in $(seq 1 "$ROUNDS"); do
  off=$("$JAVA" $NATIVE_ACCESS -cp "$CP" dev.ringwatch.programs.netty.NettyEcho "$SECONDS_PER_ROUND" "$CONNECTIONS" 2>/dev/null \
    | sed -n 's/^CHILD REQUESTS_PER_SECOND=//p')
  on=$("$JAVA" $NATIVE_ACCESS -javaagent:"$AGENT_JAR" -cp "$CP" dev.ringwatch.programs.netty.NettyEcho "$SECONDS_PER_ROUND" "$CONNECTIONS" 2>/dev/null \
    | sed -n 's/^CHILD REQUESTS_PER_SECOND=//p')
  [ -n "$off" ] && [ -n "$on" ] || die "a round printed no REQUESTS_PER_SECOND"
  echo "$off" >> /tmp/ringwatch-netty-off.txt; echo "$on" >> /tmp/ringwatch-netty-on.txt
  echo "round $r: without agent $off req/s, with agent $on req/s"
done
OFF=$(median < /tmp/ringwatch-netty-off.txt); ON=$(median < /tmp/ringwatch-netty-on.txt)
RATIO=$(awk -v a="$ON" -v b="$OFF" 'BEGIN {printf "%.3f", a / b}')

echo "== start-up: NettyStartup x $STARTS each way, alternating (wall time of the JVM)"
: > /tmp/ringwatch-start-off.txt; : > /tmp/ringwatch-start-on.txt
for r in $(seq 1 "$STARTS"); do
  t0=$(date +%s%N); "$JAVA" $NATIVE_ACCESS -cp "$CP" dev.ringwatch.programs.netty.NettyStartup >/dev/null 2>&1; t1=$(date +%s%N)
  "$JAVA" $NATIVE_ACCESS -javaagent:"$AGENT_JAR" -cp "$CP" dev.ringwatch.programs.netty.NettyStartup >/dev/null 2>&1; t2=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 )) >> /tmp/ringwatch-start-off.txt
  echo $(( (t2 - t1) / 1000000 )) >> /tmp/ringwatch-start-on.txt
done
SOFF=$(median < /tmp/ringwatch-start-off.txt); SON=$(median < /tmp/ringwatch-start-on.txt)
DELTA=$(awk -v a="$SON" -v b="$SOFF" 'BEGIN {printf "%+d", a - b}')

echo
echo "| measure | without agent | with agent | result | target |"
echo "|---|---|---|---|---|"
echo "| echo requests/s (median of $ROUNDS) | $OFF | $ON | ${RATIO}x | >= 0.97x |"
echo "| JVM start-up with Netty, ms (median of $STARTS) | $SOFF | $SON | $DELTA ms | <= +200 ms |"
awk -v r="$RATIO" -v d="$DELTA" 'BEGIN {exit !(r >= 0.97 && d <= 200)}' && exit 0 || exit 1
