#!/usr/bin/env bash
# The ringwatch agent's overhead measurements, sourced by bench/run.sh when it is given --agent or
# --agent-only (run directly, this file just calls `bench/run.sh --agent-only` with its arguments).
# Every comparison is the same workload without and with -javaagent:agent/target/ringwatch-agent.jar
# at the agent's default options, recorded in raw.tsv as "ring-core" and "ring-core+agent":
#   nop_batch32/nop_batch1  NopBenchmark in forks with and without the agent (run by run.sh's rounds)
#   slot_cycle              SlotBenchmark (register + release + drop confirmation of a fixed-file
#                           slot), plus "ring-core+agent+jfr" with the agent's own JFR recording on
#   startup                 `java -jar ringwatch-sample.jar core-demo`, STARTUP_PAIRS alternating pairs
#                           per round (scripts/startup.py); each round records its medians in ms
#   echo                    sample-app/bench-echo.sh (echo server + load in one JVM), its rounds
#   slot_memory             SlotMemory: heap bytes per occupied slot, one run each side
if [ -z "${BENCH_DIR:-}" ]; then
  exec "$(cd "$(dirname "$0")" && pwd)/run.sh" --agent-only "$@"
fi

SAMPLE_JAR=$REPO_DIR/sample-app/target/ringwatch-sample.jar
AGENT_JAR=$REPO_DIR/agent/target/ringwatch-agent.jar
MEMORY_SLOTS=100000

if [ "$QUICK" = 1 ]; then
  STARTUP_PAIRS=5
  ECHO_ARGS=(--duration-s 3 --warmup-s 1 --connections 16 --reconnect-every 1000)
else
  STARTUP_PAIRS=10
  # bench-echo.sh's own defaults
  ECHO_ARGS=(--duration-s 5 --warmup-s 2 --connections 16 --reconnect-every 1000)
fi

build_agent() {
  log "building the agent and the sample app"
  ( cd "$REPO_DIR" && . scripts/jdk25.sh && ./mvnw -B -ntp -q package -DskipTests -pl agent,sample-app -am ) \
    || die "agent/sample-app build failed"
  [ -f "$AGENT_JAR" ] || die "build did not produce $AGENT_JAR"
  [ -f "$SAMPLE_JAR" ] || die "build did not produce $SAMPLE_JAR"
}

# agent_jvm_args [AGENT OPTIONS]: the forked JVM's arguments for an "with agent" side. JMH's
# -jvmArgsAppend replaces the benchmarks' own @Fork(jvmArgsAppend), so native access is repeated.
agent_jvm_args() {
  echo "-javaagent:$AGENT_JAR${1:+=$1} --enable-native-access=ALL-UNNAMED"
}

# in_round_order ROUND SIDE...: the sides as given in odd rounds, reversed in even ones.
in_round_order() {
  local r=$1; shift
  if [ $((r % 2)) = 1 ]; then
    printf '%s\n' "$@"
  else
    printf '%s\n' "$@" | tac
  fi
}

# One side of a NOP comparison (called by run.sh's rounds for every side, C included).
nop_side() {   # round batch side
  local r=$1 batch=$2 side=$3
  case $side in
    liburing) measure "$r" "nop_batch$batch" liburing c_nop "$batch" "$r" ;;
    ring-core) measure "$r" "nop_batch$batch" ring-core jmh "NopBenchmark.batch$batch" "nop-batch$batch" "$r" ;;
    ring-core+agent)
      # shellcheck disable=SC2046 # two JVM arguments
      measure "$r" "nop_batch$batch" ring-core+agent jmh "NopBenchmark.batch$batch" "nop-batch$batch-agent" "$r" \
        $(agent_jvm_args) ;;
  esac
}

slot_side() {   # round side
  local r=$1 side=$2
  case $side in
    ring-core) measure "$r" slot_cycle ring-core jmh SlotBenchmark.registerRelease slot "$r" ;;
    ring-core+agent)
      # shellcheck disable=SC2046
      measure "$r" slot_cycle ring-core+agent jmh SlotBenchmark.registerRelease slot-agent "$r" $(agent_jvm_args) ;;
    ring-core+agent+jfr)
      local jfr=$OUT/tmp/slot-r$r.jfr
      mkdir -p "$OUT/tmp"
      # shellcheck disable=SC2046
      measure "$r" slot_cycle ring-core+agent+jfr jmh SlotBenchmark.registerRelease slot-agent-jfr "$r" \
        $(agent_jvm_args "jfr=$jfr")
      # The recording ran during the measurement either way; its file at exit is only checked, because
      # the agent's write at exit can lose to JFR's own shutdown hook ("Missing chunkfile").
      [ -s "$jfr" ] || echo "warning: round $r: the agent's JFR recording $jfr is empty at exit" \
        "(see $LOGS/jmh-slot-agent-jfr-r$r.txt)" >&2
      rm -f "$jfr" ;;
  esac
}

startup_round() {   # round
  local r=$1 medians without with diff
  medians=$(python3 "$BENCH_DIR/scripts/startup.py" "$STARTUP_PAIRS" "$LOGS/startup-r$r.tsv" \
      "-javaagent:$AGENT_JAR" -- "$JAVA" -jar "$SAMPLE_JAR" core-demo) \
    || die "start-up measurement failed in round $r"
  read -r without with diff <<< "$medians"
  printf '%s\tstartup\tring-core\t%s\t0\n%s\tstartup\tring-core+agent\t%s\t0\n' "$r" "$without" "$r" "$with" >> "$RAW"
  printf '   round %s  %-14s without %8s ms, with agent %8s ms (median pair difference %+.1f ms)\n' \
    "$r" startup "$without" "$with" "$diff" >&2
}

# The agent's workloads of one round (the NOP sides run within run.sh's NOP loop).
agent_round() {
  local r=$1 side
  for side in $(in_round_order "$r" ring-core ring-core+agent ring-core+agent+jfr); do
    slot_side "$r" "$side"
  done
  startup_round "$r"
}

echo_runs() {
  local out=$LOGS/bench-echo.txt
  log "echo server: sample-app/bench-echo.sh --rounds $ROUNDS ${ECHO_ARGS[*]}"
  AGENT_JAR=$AGENT_JAR "$REPO_DIR/sample-app/bench-echo.sh" --rounds "$ROUNDS" "${ECHO_ARGS[@]}" > "$out" 2>&1 \
    || die "bench-echo.sh failed, see $out"
  python3 "$RESULTS" echo "$out" >> "$RAW" || die "no per-run lines in $out"
  sed 's/^/   /' "$out" >&2
}

memory_side() {   # side [JVM arg...]
  local side=$1 log=$LOGS/slot-memory-$1.txt bytes tracked; shift
  "$JAVA" --enable-native-access=ALL-UNNAMED "$@" -cp "$JAR" dev.ringwatch.bench.SlotMemory "$MEMORY_SLOTS" \
      > "$log" 2>&1 || die "SlotMemory ($side) failed, see $log"
  bytes=$(sed -n 's/^heap_bytes_per_slot //p' "$log")
  [ -n "$bytes" ] || die "SlotMemory ($side) printed no heap_bytes_per_slot, see $log"
  if [ "$side" = ring-core+agent ]; then
    tracked=$(sed -n 's/^tracked_entries //p' "$log")
    [ "${tracked:-0}" -ge "$MEMORY_SLOTS" ] && grep -qx 'dropped_entries 0' "$log" \
      || die "the agent did not track all $MEMORY_SLOTS slots (tracked ${tracked:-?}), see $log"
  fi
  printf '1\tslot_memory\t%s\t%s\t0\n' "$side" "$bytes" >> "$RAW"
  printf '   %-14s %-16s %8s heap bytes per slot\n' slot_memory "$side" "$bytes" >&2
}

# The agent's workloads that run once, after the rounds.
agent_after_rounds() {
  echo_runs
  log "heap per tracked slot ($MEMORY_SLOTS slots)"
  memory_side ring-core
  memory_side ring-core+agent "-javaagent:$AGENT_JAR=maxTracked=200000"
}
