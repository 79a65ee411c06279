#!/usr/bin/env bash
# Reproduces ringwatch's performance comparison in one command: ring-core (JMH) against C liburing
# and fio on the same machine, in the same run, with the runs of each workload interleaved.
#
#   bench/run.sh            full run (~8-10 min on 2 cores)
#   bench/run.sh --quick    smoke run (~2 min): one short round
#   options: --rounds N   --file PATH (test file, default bench/out/randread-1g.dat)
#            --no-install (never call apt-get; fail if a tool is missing)
#            --agent      also measure the ringwatch agent's overhead (run-agent.sh; ~+8 min):
#                         a second table, "Agent overhead"
#            --agent-only only the agent's overhead (no C/fio baselines, no random reads)
#
# Results: tables on stdout and in bench/out/results.md; raw per-round numbers in
# bench/out/raw.tsv, every tool's own output under bench/out/logs/.
# Exit status: 0 when every target is met, 1 when one is missed, 2 on a setup/run error.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT=$BENCH_DIR/out
BIN=$OUT/bin
LOGS=$OUT/logs
RAW=$OUT/raw.tsv
RESULTS=$BENCH_DIR/scripts/results.py
JAR=$BENCH_DIR/jmh/target/benchmarks.jar

QUICK=0
ROUNDS=""
TEST_FILE=$OUT/randread-1g.dat
TEST_FILE_MIB=1024
INSTALL=1
AGENT=0
AGENT_ONLY=0

die() { echo "bench/run.sh: $*" >&2; exit 2; }
log() { echo "== $*" >&2; }

while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=1 ;;
    --rounds) [ $# -ge 2 ] || die "--rounds needs a number"; ROUNDS=$2; shift ;;
    --file) [ $# -ge 2 ] || die "--file needs a path"; TEST_FILE=$2; shift ;;
    --no-install) INSTALL=0 ;;
    --agent) AGENT=1 ;;
    --agent-only) AGENT=1; AGENT_ONLY=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done

# Durations: C and fio get warm-up + measured seconds; JMH gets warm-up and measured iterations
# of JMH_ITER seconds each, in one fork per workload and round.
if [ "$QUICK" = 1 ]; then
  : "${ROUNDS:=1}"
  C_WARMUP=1; C_SECONDS=3
  JMH_WI=2; JMH_I=3; JMH_ITER=1
else
  : "${ROUNDS:=5}"
  C_WARMUP=2; C_SECONDS=5
  JMH_WI=3; JMH_I=5; JMH_ITER=1
fi
case $ROUNDS in ''|*[!0-9]*|0) die "--rounds wants a positive integer, got '$ROUNDS'" ;; esac
if [ "$AGENT" = 1 ]; then
  # shellcheck source=run-agent.sh
  . "$BENCH_DIR/run-agent.sh"
fi

# ---------------------------------------------------------------- tools
ensure_tools() {
  local missing=()
  if [ "$AGENT_ONLY" = 0 ]; then
    command -v gcc >/dev/null || missing+=(gcc)
    command -v fio >/dev/null || missing+=(fio)
    [ -f /usr/include/liburing.h ] || missing+=(liburing-dev)
  fi
  command -v python3 >/dev/null || missing+=(python3)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$INSTALL" = 1 ] || die "missing: ${missing[*]} (run: apt-get install -y ${missing[*]})"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "missing: ${missing[*]}; not root and no sudo: install them first"
    sudo=sudo
  fi
  log "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------- builds
build_c() {
  log "building C baselines"
  mkdir -p "$BIN"
  local prog
  for prog in nop_bench randread_bench; do
    gcc -O2 -Wall -Wextra -Werror -o "$BIN/$prog" "$BENCH_DIR/c/$prog.c" -luring
  done
}

build_jmh() {
  log "building ring-core and the JMH jar"
  ( cd "$REPO_DIR" && . scripts/jdk25.sh && ./mvnw -B -ntp -q -f bench/pom.xml -DskipTests package ) \
    || die "JMH build failed"
  [ -f "$JAR" ] || die "build did not produce $JAR"
  # shellcheck source=../scripts/jdk25.sh
  . "$REPO_DIR/scripts/jdk25.sh"
  JAVA=$JAVA_HOME/bin/java
}

# ---------------------------------------------------------------- test file
prepare_file() {
  local want=$((TEST_FILE_MIB * 1024 * 1024)) have=0
  [ -f "$TEST_FILE" ] && have=$(stat -c %s "$TEST_FILE")
  if [ "$have" != "$want" ]; then
    log "creating $TEST_FILE ($TEST_FILE_MIB MiB)"
    mkdir -p "$(dirname "$TEST_FILE")"
    # random bytes rather than zeros, so no layer below can short-cut the data
    head -c "$want" /dev/urandom > "$TEST_FILE.tmp"
    mv "$TEST_FILE.tmp" "$TEST_FILE"
  fi
  warm_file
}

# Reads the file once so every later read is a page-cache hit; fio is run with --invalidate=0
# so it does not drop the cache again (its default would, and would then measure the disk).
warm_file() {
  cat "$TEST_FILE" > /dev/null
  if command -v fincore >/dev/null; then
    local cached
    cached=$(fincore --bytes --noheadings --output RES "$TEST_FILE" | tr -d ' ')
    [ "$cached" = "$(stat -c %s "$TEST_FILE")" ] \
      || echo "warning: only $cached bytes of $TEST_FILE are page-cached (memory pressure?)" >&2
  fi
}

# ---------------------------------------------------------------- one measurement each
# Each prints "<ops/s> <ops per CPU-second>" and keeps the tool's own output under $LOGS.
c_nop() {   # batch round
  local log=$LOGS/c-nop-batch$1-r$2.txt
  "$BIN/nop_bench" --batch "$1" --warmup "$C_WARMUP" --duration "$C_SECONDS" > "$log" || return 1
  python3 "$RESULTS" c "$log" "nop_batch$1"
}

c_randread() {   # round
  local log=$LOGS/c-randread-r$1.txt
  "$BIN/randread_bench" --file "$TEST_FILE" --qd 32 --warmup "$C_WARMUP" --duration "$C_SECONDS" > "$log" || return 1
  python3 "$RESULTS" c "$log" randread_qd32
}

fio_randread() {   # round
  local log=$LOGS/fio-randread-r$1.json
  fio --name=randread --ioengine=io_uring --rw=randread --bs=4k --iodepth=32 --direct=0 \
      --invalidate=0 --filename="$TEST_FILE" --time_based --ramp_time="$C_WARMUP" \
      --runtime="$C_SECONDS" --output-format=json > "$log" || return 1
  python3 "$RESULTS" fio "$log"
}

# jmh BENCHMARK LABEL ROUND [JVM ARG...]: one fork of one benchmark. Extra JVM args go to the
# forked JVM (e.g. -javaagent:... for the agent's overhead variants). $RING picks the ring
# (RingFlavor): liburing (default here: the C baseline's flags) or defaults (ring-core's).
jmh() {
  local bench=$1 label=$2 round=$3; shift 3
  local json=$LOGS/jmh-$label-r$round.json
  local args=("^dev\.ringwatch\.bench\.$bench\$" -f 1 -wi "$JMH_WI" -w "${JMH_ITER}s"
              -i "$JMH_I" -r "${JMH_ITER}s" -rf json -rff "$json" -p "file=$TEST_FILE" -p "ring=${RING:-liburing}")
  [ $# -gt 0 ] && args+=(-jvmArgsAppend "$*")
  "$JAVA" -jar "$JAR" "${args[@]}" > "$LOGS/jmh-$label-r$round.txt" 2>&1 \
    || die "JMH $bench failed, see $LOGS/jmh-$label-r$round.txt"
  python3 "$RESULTS" jmh "$json"
}

# loop WORKLOAD-ARGS... : bench/jmh's LoopBench (the plain Java loop, no JMH) with the C programs'
# timing; prints "<ops/s> <ops per CPU-second>". $RING as for jmh.
loop_nop() {   # batch round
  local log=$LOGS/loop-nop-batch$1-${RING:-liburing}-r$2.txt
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$JAR" dev.ringwatch.bench.LoopBench nop --batch "$1" \
    --ring "${RING:-liburing}" --warmup "$C_WARMUP" --duration "$C_SECONDS" > "$log" || return 1
  python3 "$RESULTS" c "$log" "nop_batch$1"
}

loop_randread() {   # round
  local log=$LOGS/loop-randread-${RING:-liburing}-r$1.txt
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$JAR" dev.ringwatch.bench.LoopBench randread --file "$TEST_FILE" \
    --qd 32 --ring "${RING:-liburing}" --warmup "$C_WARMUP" --duration "$C_SECONDS" > "$log" || return 1
  python3 "$RESULTS" c "$log" randread_qd32
}

# measure ROUND WORKLOAD IMPLEMENTATION COMMAND...: runs one measurement and records its rates.
measure() {
  local round=$1 workload=$2 impl=$3 rates wall cpu; shift 3
  rates=$("$@") || die "$impl $workload failed in round $round (logs in $LOGS)"
  read -r wall cpu <<< "$rates"
  printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$workload" "$impl" "$wall" "$cpu" >> "$RAW"
  printf '   round %s  %-14s %-10s %12s ops/s %12s ops/CPU-s\n' "$round" "$workload" "$impl" "$wall" "$cpu" >&2
}

# ---------------------------------------------------------------- rounds
# Within a round the sides of each comparison run back to back; odd rounds start with the
# baseline, even rounds end with it, so slow drifts of the shared machine hit all alike.
# Sides: liburing (C, io_uring_queue_init flags 0); ring-core / ring-core-loop (JMH / plain loop, the
# same ring: no setup flags, fd not registered); ring-core-defaults / ring-core-loop-defaults (what
# IoUring.builder() gives). With --agent, NOP's ring-core fork sits between the C baseline and the
# fork with the agent (those two: the same-flags ring), and the loop and defaults sides are left out.
RING_CORE_SIDES=(ring-core ring-core-loop ring-core-defaults ring-core-loop-defaults)

# ring_core_side ROUND WORKLOAD SIDE: one ring-core measurement of a NOP batch or the random reads.
ring_core_side() {
  local r=$1 workload=$2 side=$3 ring=liburing
  case $side in *-defaults) ring=defaults ;; esac
  case $workload:$side in
    nop_batch*:ring-core|nop_batch*:ring-core-defaults)
      RING=$ring measure "$r" "$workload" "$side" jmh "NopBenchmark.${workload#nop_}" "${workload//_/-}-$ring" "$r" ;;
    nop_batch*:ring-core-loop*) RING=$ring measure "$r" "$workload" "$side" loop_nop "${workload#nop_batch}" "$r" ;;
    randread_qd32:ring-core|randread_qd32:ring-core-defaults)
      RING=$ring measure "$r" randread_qd32 "$side" jmh RandomReadBenchmark.qd32 "randread-qd32-$ring" "$r" ;;
    randread_qd32:ring-core-loop*) RING=$ring measure "$r" randread_qd32 "$side" loop_randread "$r" ;;
  esac
}

run_round() {
  local r=$1 batch
  for batch in 32 1; do
    local sides=(liburing "${RING_CORE_SIDES[@]}")
    [ "$AGENT_ONLY" = 1 ] && sides=(ring-core)
    [ "$AGENT" = 1 ] && sides+=(ring-core+agent)
    [ $((r % 2)) = 1 ] || sides=($(printf '%s\n' "${sides[@]}" | tac))
    local side
    for side in "${sides[@]}"; do
      if [ "$AGENT" = 1 ]; then
        nop_side "$r" "$batch" "$side"
      elif [ "$side" = liburing ]; then
        measure "$r" "nop_batch$batch" liburing c_nop "$batch" "$r"
      else
        ring_core_side "$r" "nop_batch$batch" "$side"
      fi
    done
  done
  [ "$AGENT" = 1 ] && agent_round "$r"
  [ "$AGENT_ONLY" = 1 ] && return 0
  warm_file
  local sides=(fio liburing "${RING_CORE_SIDES[@]}") side
  [ $((r % 2)) = 1 ] || sides=($(printf '%s\n' "${sides[@]}" | tac))
  for side in "${sides[@]}"; do
    case $side in
      fio) measure "$r" randread_qd32 fio fio_randread "$r" ;;
      liburing) measure "$r" randread_qd32 liburing c_randread "$r" ;;
      *) ring_core_side "$r" randread_qd32 "$side" ;;
    esac
  done
}

environment_note() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  printf 'Machine: %s, %s CPUs, kernel %s; load average at start %s.  \n' \
    "$cpu" "$(nproc)" "$(uname -r)" "$LOAD_AT_START"
  if [ "$AGENT_ONLY" = 1 ]; then
    printf '%s.  \nJMH: %s x %ss warm-up + %s x %ss measured, 1 fork.\n' "$("$JAVA" -version 2>&1 | head -1)" \
      "$JMH_WI" "$JMH_ITER" "$JMH_I" "$JMH_ITER"
  else
    printf 'liburing %s, %s, %s.  \n' \
      "$(dpkg-query -W -f '${Version}' liburing-dev 2>/dev/null || echo '?')" "$(fio --version)" \
      "$("$JAVA" -version 2>&1 | head -1)"
    printf 'C/fio: %ss warm-up + %ss measured; JMH: %s x %ss warm-up + %s x %ss measured, 1 fork; ' \
      "$C_WARMUP" "$C_SECONDS" "$JMH_WI" "$JMH_ITER" "$JMH_I" "$JMH_ITER"
    printf 'test file %s (%s MiB, page-cached); fio with --invalidate=0.\n' "$TEST_FILE" "$TEST_FILE_MIB"
  fi
  if [ "$AGENT" = 1 ]; then
    printf '\nAgent: %s (%s bytes); start-up: %s alternating pairs per round; echo-bench %s; heap per slot: %s slots.\n' \
      "${AGENT_JAR#"$REPO_DIR"/}" "$(stat -c %s "$AGENT_JAR")" "$STARTUP_PAIRS" "${ECHO_ARGS[*]}" "$MEMORY_SLOTS"
  fi
}

main() {
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
  ensure_tools
  [ "$AGENT_ONLY" = 1 ] || build_c
  build_jmh
  [ "$AGENT" = 1 ] && build_agent
  [ "$AGENT_ONLY" = 1 ] || prepare_file
  mkdir -p "$LOGS"
  : > "$RAW"
  local r
  for r in $(seq 1 "$ROUNDS"); do
    log "round $r of $ROUNDS"
    run_round "$r"
  done
  [ "$AGENT" = 1 ] && agent_after_rounds
  local status=0
  python3 "$RESULTS" report "$RAW" "$OUT/results.md" "$(environment_note)" || status=$?
  [ "$status" -le 1 ] || die "report failed"
  return "$status"
}

main
