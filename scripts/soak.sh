#!/usr/bin/env bash
# Reliability soak (not CI): the sample command `soak` under the agent with reconcilePeriod=100ms and
# reclaim=true. 8 threads create and close rings and SQPOLL rings and register and release slots, and
# leak a counted share on purpose. Checks, and prints as a table:
#   - heap after GC and resident memory over time (must flatten),
#   - leaks the agent reported (JSON lines, by rule) against leaks the program made (must match; any
#     other rule is a false alarm),
#   - exceptions that reached the application (must be zero), and agent trouble lines.
# Usage: scripts/soak.sh [--minutes N | --seconds N] [--no-build] [-- extra soak options]
# Exit 0 when every check holds, 1 otherwise. Output under target/soak/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh

SECONDS_TO_RUN=600
BUILD=1
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) SECONDS_TO_RUN=$(( $2 * 60 )); shift 2 ;;
    --seconds) SECONDS_TO_RUN=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "soak.sh: unknown argument '$1' (use --minutes N, --seconds N, --no-build, -- soak options)" >&2; exit 2 ;;
  esac
done

OUT=target/soak
if [ "$BUILD" = 1 ]; then
  echo "== building the agent and the sample programs"
  ./mvnw -B -q -ntp package -DskipTests -pl agent,sample-app -am
fi
rm -rf "$OUT"
mkdir -p "$OUT"
# private copies: a build during the run does not change the jars under it
cp agent/target/ringwatch-agent.jar sample-app/target/ringwatch-sample.jar "$OUT/"

LOG="$OUT/soak.out"        # the program's stdout: samples and the result line
AGENT_LOG="$OUT/agent.log" # stderr: the agent's log records
JSON="$OUT/alerts.jsonl"
AGENT="-javaagent:$OUT/ringwatch-agent.jar=reconcilePeriod=100ms,reclaim=true,jsonLog=$JSON"
echo "== java $AGENT -jar ringwatch-sample.jar soak --seconds $SECONDS_TO_RUN ${EXTRA[*]:-}"
set +e
java '-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n' "$AGENT" \
  -jar "$OUT/ringwatch-sample.jar" soak --seconds "$SECONDS_TO_RUN" "${EXTRA[@]}" >"$LOG" 2>"$AGENT_LOG"
APP_EXIT=$?
set -e
grep -E '^soak(-sample|-exception|:)|^result:' "$LOG" || true

result() { sed -n 's/^result:.* '"$1"'=\([^ ]*\).*/\1/p' "$LOG" | tail -1; }
json_rule() { { grep '"type":"leak"' "$JSON" 2>/dev/null || true; } | { grep -c "\"rule\":\"$1\"" || true; }; }

echo
echo "== memory over time (heap in use right after a GC; resident set)"
printf '%8s %14s %10s %14s %14s\n' time heapAfterGcMiB rssMiB trackedRings trackedSlots
grep '^soak-sample' "$LOG" | sed 's/[a-zA-Z]*=//g' | awk '{printf "%8s %14s %10s %14s %14s\n", $2, $3, $4, $5, $6}'
# flat: the median of the last three samples is within 25% (and 16 MiB heap / 32 MiB RSS) of the median
# of the second quarter's samples, after warm-up
FLAT=$(grep '^soak-sample' "$LOG" | sed 's/[a-zA-Z]*=//g' | awk '
  function median(a, k,    i, j, t) {   # insertion sort: mawk has no asort
    for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
    return a[int((k + 1) / 2)]
  }
  { heap[NR] = $3; rss[NR] = $4 }
  END {
    n = NR; if (n < 8) { print "unknown (fewer than 8 samples)"; exit }
    k = 0; for (i = int(n/4) + 1; i <= int(n/2); i++) { k++; h[k] = heap[i]; r[k] = rss[i] }
    hm = median(h, k); rm = median(r, k)
    for (i = 1; i <= 3; i++) { lh[i] = heap[n-3+i]; lr[i] = rss[n-3+i] }
    hl = median(lh, 3); rl = median(lr, 3)
    ok = (hl <= hm * 1.25 || hl - hm <= 16) && (rl <= rm * 1.25 || rl - rm <= 32)
    printf "%s heap %.1f -> %.1f MiB, rss %.1f -> %.1f MiB (second-quarter median -> last-three median)\n", ok ? "flat:" : "GROWING:", hm, hl, rm, rl }')

RING_MADE=$(( $(result leakedRings) + $(result leakedSqpollRings) ))
SLOT_MADE=$(result leakedSlots)
RING_SEEN=$(json_rule 'ring outlived owner')
SLOT_SEEN=$(json_rule 'slot outlived owner')
ALL_LEAK_LINES=$({ grep '"type":"leak"' "$JSON" 2>/dev/null || true; } | wc -l)
FALSE=$(( ALL_LEAK_LINES - RING_SEEN - SLOT_SEEN ))
# leaks the log tells: full lines, plus the count each flood-summary line stands for ("..., and N more ...")
LOG_LEAKS=$(awk '/^WARNING: ringwatch LEAK/ {
    if (match($0, /logged in full, and [0-9]+ more/)) { split(substr($0, RSTART, RLENGTH), w, " "); n += w[5] }
    else n++ }
  END { print n + 0 }' "$AGENT_LOG")
EXCEPTIONS=$(result exceptions)
TROUBLE=$(grep -E '^(WARNING|SEVERE|ERROR): ringwatch:' "$AGENT_LOG" | grep -vc 'LEAK' || true)

echo
echo "== summary ($SECONDS_TO_RUN s; output $LOG, agent log $AGENT_LOG, JSON lines $JSON)"
printf '%-44s %12s %12s %s\n' check made reported verdict
verdict() { [ "$1" = "$2" ] && echo ok || echo MISMATCH; }
printf '%-44s %12s %12s %s\n' "ring outlived owner (dropped rings)" "$RING_MADE" "$RING_SEEN" "$(verdict "$RING_MADE" "$RING_SEEN")"
printf '%-44s %12s %12s %s\n' "slot outlived owner (dropped slots)" "$SLOT_MADE" "$SLOT_SEEN" "$(verdict "$SLOT_MADE" "$SLOT_SEEN")"
printf '%-44s %12s %12s %s\n' "leaks of any other rule (false alarms)" 0 "$FALSE" "$(verdict 0 "$FALSE")"
printf '%-44s %12s %12s %s\n' "ringwatch LEAK log lines vs JSON leak lines" "$ALL_LEAK_LINES" "$LOG_LEAKS" "$(verdict "$ALL_LEAK_LINES" "$LOG_LEAKS")"
printf '%-44s %12s %12s %s\n' "exceptions into the application" 0 "$EXCEPTIONS" "$(verdict 0 "$EXCEPTIONS")"
printf '%-44s %12s %12s %s\n' "agent trouble lines (ringwatch: WARNING+)" 0 "$TROUBLE" "$(verdict 0 "$TROUBLE")"
echo "memory: $FLAT"
echo "rings $(( $(result rings) + $(result sqpollRings) )) (SQPOLL $(result sqpollRings)), slots $(result slots), app exit $APP_EXIT"
if [ "$TROUBLE" != 0 ]; then
  echo "agent trouble lines:"; grep -E '^(WARNING|SEVERE|ERROR): ringwatch:' "$AGENT_LOG" | grep -v LEAK | sort | uniq -c | head -20
fi
if [ "$FALSE" != 0 ]; then
  echo "other rules:"; grep '"type":"leak"' "$JSON" | grep -o '"rule":"[^"]*"' | sort | uniq -c
fi

if [ "$APP_EXIT" = 0 ] && [ "$RING_MADE" = "$RING_SEEN" ] && [ "$SLOT_MADE" = "$SLOT_SEEN" ] && [ "$FALSE" = 0 ] \
   && [ "$EXCEPTIONS" = 0 ] && [ "$TROUBLE" = 0 ] && [ "${FLAT#flat:}" != "$FLAT" ]; then
  echo "SOAK PASSED"; exit 0
fi
echo "SOAK FAILED"; exit 1
