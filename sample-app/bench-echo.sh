#!/usr/bin/env bash
# Runs the same echo benchmark (sample jar's echo-bench: io_uring echo server + load, one process) with
# and without the ringwatch agent, alternating, and prints requests/s and p99 of each run and the ratios
# of their medians (the target is requests/s with the agent >= 0.97x without).
#
# Usage: sample-app/bench-echo.sh [--rounds N] [echo-bench options]
#   --rounds N          pairs of runs (default 3); the order within a pair alternates
#   echo-bench options  replace the defaults below (see: java -jar sample-app/target/ringwatch-sample.jar echo-bench --help)
# Environment: AGENT_JAR (default agent/target/ringwatch-agent.jar), AGENT_ARGS (appended as -javaagent:JAR=ARGS),
#              JAVA_OPTS (extra JVM options for every run), BUILD=1 (rebuild the sample jar first).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh

rounds=3
if [ "${1:-}" = "--rounds" ]; then
  rounds=${2:-}
  shift 2 || true
fi
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
  echo "bench-echo.sh: --rounds needs a positive whole number, got '${rounds}'" >&2
  exit 2
fi
if [ $# -gt 0 ]; then
  bench_args=("$@")
else
  bench_args=(--duration-s 5 --warmup-s 2 --connections 16 --reconnect-every 1000)
fi

jar=sample-app/target/ringwatch-sample.jar
agent=${AGENT_JAR:-agent/target/ringwatch-agent.jar}
if [ ! -f "$jar" ] || [ "${BUILD:-0}" = 1 ]; then
  echo "building $jar ..."
  ./mvnw -B -q -ntp package -DskipTests -pl sample-app -am
fi
with_agent=1
if [ ! -f "$agent" ]; then
  with_agent=0
  echo "NOTE: $agent does not exist (build the agent module first); running WITHOUT the agent only, no ratio."
fi
agent_opt="-javaagent:$agent${AGENT_ARGS:+=$AGENT_ARGS}"
logs=$(mktemp -d "${TMPDIR:-/tmp}/ringwatch-bench-echo.XXXXXX")
read -r -a java_opts <<< "${JAVA_OPTS:-}"

# run_one LABEL [JVM options...]: runs echo-bench once, prints "rps p99_us" from its result line.
run_one() {
  local label=$1 log result
  shift
  log="$logs/$label.log"
  if ! java "${java_opts[@]}" "$@" -jar "$jar" echo-bench "${bench_args[@]}" > "$log" 2>&1; then
    echo "bench-echo.sh: echo-bench ($label) failed; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  result=$(grep '^result:' "$log" | tail -1)
  local rps p99 errors
  rps=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<< "$result")
  p99=$(sed -n 's/.* p99_us=\([0-9.]*\).*/\1/p' <<< "$result")
  errors=$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<< "$result")
  if [ -z "$rps" ] || [ -z "$p99" ] || [ "${errors:-1}" != 0 ]; then
    echo "bench-echo.sh: no clean result line from echo-bench ($label): ${result:-none}" >&2
    exit 1
  fi
  echo "$rps $p99"
}

echo "echo-bench ${bench_args[*]}; $rounds round(s); logs in $logs"
printf '%-6s %-16s %14s %10s\n' round run requests/s p99_us
without=()
with=()
for ((r = 1; r <= rounds; r++)); do
  order=(without with)
  if [ $((r % 2)) = 0 ]; then order=(with without); fi
  for run in "${order[@]}"; do
    if [ "$run" = with ]; then
      [ "$with_agent" = 1 ] || continue
      out=$(run_one "round$r-with-agent" "$agent_opt")
      with+=("$out")
    else
      out=$(run_one "round$r-without-agent")
      without+=("$out")
    fi
    read -r rps p99 <<< "$out"
    printf '%-6s %-16s %14s %10s\n' "$r" "$([ "$run" = with ] && echo 'with agent' || echo 'without agent')" "$rps" "$p99"
  done
done

# summarize: reads "rps p99" lines, prints "median_rps median_p99 mean_rps mean_p99"
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
summarize() {
  local lines
  lines=$(cat)
  echo "$(cut -d' ' -f1 <<< "$lines" | median) $(cut -d' ' -f2 <<< "$lines" | median)" \
    "$(awk '{ r += $1; p += $2 } END { printf "%.1f %.1f", r / NR, p / NR }' <<< "$lines")"
}
read -r w_rps w_p99 w_mrps w_mp99 <<< "$(printf '%s\n' "${without[@]}" | summarize)"
echo "without agent: median $w_rps requests/s, p99 $w_p99 us (mean $w_mrps requests/s, p99 $w_mp99 us)"
if [ "$with_agent" = 1 ]; then
  read -r a_rps a_p99 a_mrps a_mp99 <<< "$(printf '%s\n' "${with[@]}" | summarize)"
  echo "with agent:    median $a_rps requests/s, p99 $a_p99 us (mean $a_mrps requests/s, p99 $a_mp99 us)"
  awk -v ar="$a_rps" -v wr="$w_rps" -v ap="$a_p99" -v wp="$w_p99" 'BEGIN {
    printf "ratio with/without (medians): requests/s %.3fx, p99 %.3fx (target: requests/s >= 0.97x)\n", ar / wr, ap / wp }'
fi
echo "Other load on the machine moves these numbers: compare runs made back to back, as here."
