#!/usr/bin/env bash
# Where the floor under a Java io_uring loop lies on this machine: what one system call costs from C,
# from a Java loop through an FFM downcall, and looped inside the JVM with no return into Java between
# calls; and the NOP round trip in C (liburing), in Java without any library (LoopBench rawnop), and
# through ring-core (LoopBench nop, liburing's flags), each in its own JVM; and ring-core against the
# library-less loop inside one JVM, phases alternating (NopLibraryCost), the steadiest of these
# measures. Rounds alternate the programs; every figure is the median of the per-round figures.
#
#   bench/floor.sh [--rounds N]   (default 5; about 80 s per round)
#
# Results: a table on stdout and in bench/out/floor.md; each program's output under bench/out/logs/floor/.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT=$BENCH_DIR/out
BIN=$OUT/bin
LOGS=$OUT/logs/floor
JAR=$BENCH_DIR/jmh/target/benchmarks.jar
ROUNDS=5

die() { echo "bench/floor.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) [ $# -ge 2 ] || die "--rounds needs a number"; ROUNDS=$2; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
case $ROUNDS in ''|*[!0-9]*|0) die "--rounds wants a positive integer, got '$ROUNDS'" ;; esac
[ "$(uname -m)" = x86_64 ] || die "the floor programs are x86-64 machine code; this is $(uname -m)"
command -v gcc >/dev/null && [ -f /usr/include/liburing.h ] \
  || die "needs gcc and liburing-dev (bench/run.sh installs them)"

mkdir -p "$BIN" "$LOGS"
echo "== building the C programs and the JMH jar" >&2
gcc -O2 -Wall -Wextra -Werror -o "$BIN/syscall_floor" "$BENCH_DIR/c/syscall_floor.c"
gcc -O2 -Wall -Wextra -Werror -o "$BIN/nop_bench" "$BENCH_DIR/c/nop_bench.c" -luring
( cd "$REPO_DIR" && . scripts/jdk25.sh && ./mvnw -B -ntp -q -f bench/pom.xml -DskipTests package ) || die "JMH build failed"
# shellcheck source=../scripts/jdk25.sh
. "$REPO_DIR/scripts/jdk25.sh"
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR")

# value KEY FILE: the number after KEY in a program's output
value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }

TSV=$LOGS/raw.tsv
: > "$TSV"
for r in $(seq "$ROUNDS"); do
  echo "== round $r of $ROUNDS" >&2
  "$BIN/syscall_floor" > "$LOGS/c-syscall-r$r.txt"
  "${JAVA[@]}" dev.ringwatch.bench.SyscallFloor > "$LOGS/java-syscall-r$r.txt"
  printf 'syscall\tc\t%s\n' "$(value c_getppid_ns "$LOGS/c-syscall-r$r.txt")" >> "$TSV"
  printf 'syscall\tjava\t%s\n' "$(value java_getppid_ns "$LOGS/java-syscall-r$r.txt")" >> "$TSV"
  printf 'syscall\tlooped\t%s\n' "$(value looped_getppid_ns "$LOGS/java-syscall-r$r.txt")" >> "$TSV"
  for b in 1 32; do
    f=$LOGS/c-nop-b$b-r$r.txt; "$BIN/nop_bench" --batch $b --warmup 2 --duration 5 > "$f"
    printf 'nop%s\tc\t%s\n' $b "$(value nop_batch${b}_ops_per_s "$f")" >> "$TSV"
    f=$LOGS/rawnop-b$b-r$r.txt; "${JAVA[@]}" dev.ringwatch.bench.LoopBench rawnop --batch $b --warmup 2 --duration 5 > "$f"
    printf 'nop%s\traw\t%s\n' $b "$(value nop_batch${b}_ops_per_s "$f")" >> "$TSV"
    f=$LOGS/ringcore-b$b-r$r.txt
    "${JAVA[@]}" dev.ringwatch.bench.LoopBench nop --batch $b --ring liburing --warmup 2 --duration 5 > "$f"
    printf 'nop%s\tringcore\t%s\n' $b "$(value nop_batch${b}_ops_per_s "$f")" >> "$TSV"
    f=$LOGS/samejvm-b$b-r$r.txt; "${JAVA[@]}" dev.ringwatch.bench.NopLibraryCost $b > "$f"
    printf 'nop%s\tsamejvm\t%s\n' $b "$(value nop_batch${b}_ringcore_per_raw "$f")" >> "$TSV"
  done
done

python3 - "$TSV" "$ROUNDS" <<'PY' | tee "$OUT/floor.md"
import statistics, sys
rounds = []  # one dict per round, filled in the order the script wrote the rows
for line in open(sys.argv[1]):
    test, who, v = line.split()
    if test == 'syscall' and who == 'c':
        rounds.append({})
    rounds[-1][(test, who)] = float(v)
def med(f):
    return statistics.median(f(r) for r in rounds)
print(f"Floor under a Java io_uring loop (`bench/floor.sh --rounds {sys.argv[2]}`; medians of the per-round figures)\n")
print("| system call (getppid) | ns per call | against C |")
print("|---|---|---|")
for who, text in (('c', 'C: `syscall` instruction in a function, called in a loop'),
                  ('java', 'Java: the same instruction through a critical FFM downcall, a Java loop'),
                  ('looped', 'inside the JVM: the instruction looped in machine code, no return into Java')):
    print(f"| {text} | {med(lambda r: r[('syscall', who)]):.0f} | "
          f"{med(lambda r: r[('syscall', who)] - r[('syscall', 'c')]):+.0f} ns |")
print("\n| NOP round trip | C liburing ops/s | Java, no library ops/s | ring-core ops/s | no library / C | ring-core / C "
      "| ring-core / no library | same JVM: ring-core / no library |")
print("|---|---|---|---|---|---|---|---|")
for b in (1, 32):
    n = f'nop{b}'
    print(f"| batch {b} | {med(lambda r: r[(n, 'c')]) / 1e3:,.0f} k | {med(lambda r: r[(n, 'raw')]) / 1e3:,.0f} k "
          f"| {med(lambda r: r[(n, 'ringcore')]) / 1e3:,.0f} k | {med(lambda r: r[(n, 'raw')] / r[(n, 'c')]):.3f}x "
          f"| {med(lambda r: r[(n, 'ringcore')] / r[(n, 'c')]):.3f}x | {med(lambda r: r[(n, 'ringcore')] / r[(n, 'raw')]):.3f}x "
          f"| {med(lambda r: r[(n, 'samejvm')]):.3f}x |")
PY
