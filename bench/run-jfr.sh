#!/usr/bin/env bash
# The agent's cost on a fixed-file slot cycle while a JFR recording runs (issue 12, part 4):
#   bench/run-jfr.sh [--rounds N] [--quick]
# Each round runs SlotBenchmark.registerRelease in four JMH forks, back to back, order reversed in
# even rounds:
#   jfr             no agent,  -XX:StartFlightRecording (the JDK's default settings)
#   agent+jfr       the agent, -XX:StartFlightRecording (the same recording)          target >= 0.95x of jfr
#   agent+rw.jfc    the agent, -XX:StartFlightRecording:settings=ringwatch.jfc       target >= 0.90x of jfr
#   agent+profile   the agent, settings=ringwatch-profile.jfc (per-call events on)   information
# A ratio is the median of the rounds' ratios to "jfr" (wall-clock ops/s; CPU ratio beside it).
# Raw rows and JMH logs go to bench/out/jfr/.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT=$BENCH_DIR/out/jfr
RESULTS=$BENCH_DIR/scripts/results.py
JAR=$BENCH_DIR/jmh/target/benchmarks.jar
AGENT_JAR=$REPO_DIR/agent/target/ringwatch-agent.jar
RINGWATCH_JFC=$REPO_DIR/jfr-events/target/ringwatch.jfc
PROFILE_JFC=$REPO_DIR/jfr-events/target/ringwatch-profile.jfc
ROUNDS=5
JMH_WI=3; JMH_I=5; JMH_ITER=1

die() { echo "bench/run-jfr.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case $1 in
    --rounds) [ $# -ge 2 ] || die "--rounds needs a number"; ROUNDS=$2; shift ;;
    --quick) ROUNDS=1; JMH_WI=2; JMH_I=3 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
case $ROUNDS in ''|*[!0-9]*|0) die "--rounds wants a positive integer, got '$ROUNDS'" ;; esac

cd "$REPO_DIR"
. scripts/jdk25.sh
JAVA=$JAVA_HOME/bin/java
echo "== building the agent (with jfr-events' settings files) and the JMH jar" >&2
./mvnw -B -ntp -q package -DskipTests -pl agent -am || die "agent build failed"
./mvnw -B -ntp -q -f bench/pom.xml -DskipTests package || die "JMH build failed"
for f in "$JAR" "$AGENT_JAR" "$RINGWATCH_JFC" "$PROFILE_JFC"; do
  [ -f "$f" ] || die "the build did not produce $f"
done

mkdir -p "$OUT"
RAW=$OUT/raw.tsv
: > "$RAW"

side_args() {   # side -> the forked JVM's extra arguments (JMH's -jvmArgsAppend replaces the benchmark's own)
  local agent="-javaagent:$AGENT_JAR" native=--enable-native-access=ALL-UNNAMED
  case $1 in
    jfr) echo "$native -XX:StartFlightRecording" ;;
    agent+jfr) echo "$native $agent -XX:StartFlightRecording" ;;
    agent+rw.jfc) echo "$native $agent -XX:StartFlightRecording:settings=$RINGWATCH_JFC" ;;
    agent+profile) echo "$native $agent -XX:StartFlightRecording:settings=$PROFILE_JFC" ;;
  esac
}

run_side() {   # round side
  local r=$1 side=$2 json=$OUT/jmh-$2-r$1.json rates
  "$JAVA" -jar "$JAR" '^dev\.ringwatch\.bench\.SlotBenchmark\.registerRelease$' -f 1 -wi "$JMH_WI" \
      -w "${JMH_ITER}s" -i "$JMH_I" -r "${JMH_ITER}s" -rf json -rff "$json" -jvmArgsAppend "$(side_args "$side")" \
      > "$OUT/jmh-$side-r$r.txt" 2>&1 || {
    grep -q 'Unable to acquire the JMH lock' "$OUT/jmh-$side-r$r.txt" \
      && die "another JMH run holds /tmp/jmh.lock: wait for it (numbers taken beside it would be wrong)"
    die "JMH ($side, round $r) failed, see $OUT/jmh-$side-r$r.txt"
  }
  rates=$(python3 "$RESULTS" jmh "$json")
  printf '%s\t%s\t%s\n' "$r" "$side" "${rates// /$'\t'}" >> "$RAW"
  printf '   round %s  %-14s %s ops/s (wall, CPU)\n' "$r" "$side" "$rates" >&2
}

SIDES=(jfr agent+jfr agent+rw.jfc agent+profile)
for r in $(seq 1 "$ROUNDS"); do
  order=("${SIDES[@]}")
  [ $((r % 2)) = 1 ] || order=($(printf '%s\n' "${SIDES[@]}" | tac))
  for side in "${order[@]}"; do
    run_side "$r" "$side"
  done
done

python3 - "$RAW" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    r, side, wall, cpu = line.split()
    rows.setdefault(side, {})[r] = (float(wall), float(cpu))
base = rows["jfr"]
print("| slot cycle with a JFR recording | ops/s (median) | ratio to the same recording without the agent | CPU ratio | target |")
print("|---|---|---|---|---|")
targets = {"jfr": "—", "agent+jfr": ">= 0.95x", "agent+rw.jfc": ">= 0.90x", "agent+profile": "—"}
for side in ["jfr", "agent+jfr", "agent+rw.jfc", "agent+profile"]:
    runs = rows[side]
    ratio = statistics.median(runs[r][0] / base[r][0] for r in runs)
    cpu = statistics.median(runs[r][1] / base[r][1] for r in runs)
    print(f"| {side} | {statistics.median(v[0] for v in runs.values()):,.0f} | {ratio:.3f}x | {cpu:.3f}x | {targets[side]} |")
EOF
