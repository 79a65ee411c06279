#!/usr/bin/env python3
"""Turns the raw benchmark outputs of bench/run.sh into numbers and the final comparison table.

  results.py fio FIO.json                 -> "<IOPS> <IOPS per CPU-second>" of fio's first job
  results.py jmh JMH.json                 -> "<ops/s> <ops per CPU-second>" of the one benchmark
  results.py c OUTPUT PREFIX              -> "<ops/s> <ops per CPU-second>" from a C baseline's
                                             PREFIX_ops_per_s and PREFIX_ops_per_cpu_s lines
  results.py echo BENCH_ECHO_OUTPUT        -> raw.tsv lines (round, echo, impl, requests/s, p99 us) from
                                             the per-run lines of sample-app/bench-echo.sh
  results.py report RAW.tsv OUT.md [NOTE] -> comparison tables (printed, and written to OUT.md)

RAW.tsv lines: round, workload, implementation, ops_per_s, ops_per_cpu_s (tab-separated).
A workload's ratio is the median over rounds of the per-round ratio ring-core / baseline: the two
sides of a pair run back to back, so a slow stretch of the shared machine mostly hits both.
The CPU ratio (ops per second of the measuring thread's CPU time, or fio's usr+sys) is shown
beside it as a cross-check that other load on the machine disturbs much less.

With bench/run.sh --agent, RAW.tsv also holds the agent's overhead rows (implementation
"ring-core+agent" against "ring-core"), which go to a second table, "Agent overhead": JMH workloads
as above; startup (median ms per round in column 4), echo (requests/s, p99 us), slot_memory
(heap bytes per slot in column 4).
"""
import json
import re
import statistics
import sys
from collections import defaultdict

# workload, ring-core's name, baseline's name, target ratio (None: shown for information only).
# ring-core / ring-core-loop: JMH / the plain Java loop (LoopBench) on the C baseline's ring (no setup
# flags, fd not registered): the same-flags comparison. ring-core-defaults / ring-core-loop-defaults: what
# IoUring.builder() gives, against liburing's defaults: each side's defaults.
RING_CORE_SIDES = ["ring-core", "ring-core-loop", "ring-core-defaults", "ring-core-loop-defaults"]
COMPARISONS = (
    [(w, side, "liburing", 1.00) for w in ("nop_batch32", "nop_batch1", "randread_qd32") for side in RING_CORE_SIDES]
    + [
        ("randread_qd32", "ring-core", "fio", 1.00),
        ("randread_qd32", "liburing", "fio", None),
    ])

DESCRIPTIONS = {
    "nop_batch32": "NOP, batch 32",
    "nop_batch1": "NOP, batch 1",
    "randread_qd32": "4 KiB random read, QD 32",
}

WITHOUT_AGENT, WITH_AGENT = "ring-core", "ring-core+agent"
# Agent overhead rows: workload, the "with" implementation, kind, target (None: for information).
# kind "ratio": ops/s with / without (higher is better, target is a minimum);
# "p99": column 5 with / without (lower is better); "delta_ms"/"delta_bytes": with - without of column 4.
AGENT_ROWS = [
    ("nop_batch32", WITH_AGENT, "ratio", 0.98),
    ("nop_batch1", WITH_AGENT, "ratio", 0.98),
    ("slot_cycle", WITH_AGENT, "ratio", 0.90),
    ("slot_cycle", WITH_AGENT + "+jfr", "ratio", None),
    ("startup", WITH_AGENT, "delta_ms", 200.0),
    ("slot_memory", WITH_AGENT, "delta_bytes", None),
    ("echo", WITH_AGENT, "ratio", 0.97),
    ("echo", WITH_AGENT, "p99", None),
]

AGENT_DESCRIPTIONS = {
    ("nop_batch32", "ratio"): "NOP, batch 32 (ops/s)",
    ("nop_batch1", "ratio"): "NOP, batch 1 (ops/s)",
    ("slot_cycle", "ratio"): "fixed-file slot register + release + drop confirmation (cycles/s)",
    ("startup", "delta_ms"): "JVM start-up, `ringwatch-sample.jar core-demo` (wall ms)",
    ("slot_memory", "delta_bytes"): "heap per occupied fixed-file slot (bytes)",
    ("echo", "ratio"): "echo server, `echo-bench` (requests/s)",
    ("echo", "p99"): "echo server, `echo-bench` (p99 latency, µs)",
}

ECHO_LINE = re.compile(r"^\s*(\d+)\s+(with agent|without agent)\s+([\d.]+)\s+([\d.]+)\s*$")


def fio_rates(path):
    with open(path) as f:
        job = json.load(f)["jobs"][0]
    if job.get("error"):
        sys.exit(f"fio reported error {job['error']} in {path}")
    iops = job["read"]["iops"]
    cpu_share = (job["usr_cpu"] + job["sys_cpu"]) / 100.0
    return iops, iops / cpu_share if cpu_share > 0 else 0.0


def jmh_rates(path):
    with open(path) as f:
        runs = json.load(f)
    if len(runs) != 1:
        sys.exit(f"{path}: expected one JMH benchmark result, found {len(runs)}")
    metric = runs[0]["primaryMetric"]
    if metric["scoreUnit"] != "ops/s":
        sys.exit(f"{path}: expected ops/s, found {metric['scoreUnit']}")
    aux = runs[0].get("secondaryMetrics", {})
    if "ops" not in aux or "cpuNanos" not in aux:
        sys.exit(f"{path}: the benchmark reports no CpuCounters (ops, cpuNanos)")
    ops = sum(sum(fork) for fork in aux["ops"]["rawData"])
    cpu_nanos = sum(sum(fork) for fork in aux["cpuNanos"]["rawData"])
    return metric["score"], ops * 1e9 / cpu_nanos if cpu_nanos > 0 else 0.0


def c_rates(path, prefix):
    values = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                values[parts[0]] = float(parts[1])
    try:
        return values[prefix + "_ops_per_s"], values[prefix + "_ops_per_cpu_s"]
    except KeyError as missing:
        sys.exit(f"{path}: no {missing.args[0]} line")


def read_raw(path):
    """{(workload, implementation): {round: (ops_per_s, ops_per_cpu_s)}}"""
    scores = defaultdict(dict)
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            rnd, workload, impl, wall, cpu = line.rstrip("\n").split("\t")
            scores[(workload, impl)][int(rnd)] = (float(wall), float(cpu))
    return scores


def paired_ratio(a, b, which):
    """Median over the rounds both sides ran of a[round] / b[round] (which: 0 wall, 1 CPU)."""
    ratios = [a[r][which] / b[r][which] for r in a if r in b and b[r][which] > 0]
    return statistics.median(ratios) if ratios else float("nan")


def table_head(*columns):
    """A Markdown table's header and separator lines."""
    return ["|" + "|".join(f" {c} " if c else " " for c in columns) + "|", "|" + "---|" * len(columns)]


def both_sides(scores, specs, sides):
    """(spec, a, b) for each spec whose two sides both ran; sides(spec) = (workload, impl a, impl b)."""
    for spec in specs:
        workload, impl_a, impl_b = sides(spec)
        a, b = scores.get((workload, impl_a)), scores.get((workload, impl_b))
        if a and b:
            yield spec, a, b


def fmt_ops(v):
    return f"{v / 1e6:.3f} M" if v >= 1e6 else f"{v / 1e3:.1f} k"


def report(raw_path, out_path, note=""):
    scores = read_raw(raw_path)
    rows = table_head("workload", "ring-core side", "ops/s median (min–max)", "baseline", "ops/s median (min–max)",
                      "ratio", "target", "", "CPU ratio")
    failed = []
    for (workload, left, right, target), a, b in both_sides(scores, COMPARISONS, lambda c: (c[0], c[1], c[2])):
        wall_a, wall_b = [v[0] for v in a.values()], [v[0] for v in b.values()]
        ratio, cpu_ratio = paired_ratio(a, b, 0), paired_ratio(a, b, 1)
        if target is None:
            verdict, target_text = "info", "—"
        else:
            ok = ratio >= target
            verdict, target_text = ("PASS" if ok else "FAIL"), f"≥ {target:.2f}x"
            if not ok:
                failed.append(workload)
        rows.append(
            f"| {DESCRIPTIONS.get(workload, workload)} | {left} | {fmt_range(wall_a)} | {right} | {fmt_range(wall_b)} "
            f"| {ratio:.3f}x | {target_text} | {verdict} | {cpu_ratio:.3f}x |")
    rounds = max((len(v) for (workload, _), v in scores.items() if workload != "slot_memory"), default=0)
    overhead, agent_failed = agent_rows(scores)
    failed += agent_failed
    if overhead:
        overhead = [
            "", "## Agent overhead", "",
            "`-javaagent:agent/target/ringwatch-agent.jar` at its default options (heap per slot: `maxTracked=200000`)",
            "against no agent; each pair runs back to back in every round (order alternating). Ratios are medians",
            "of per-round ratios; start-up is the median over rounds of the difference of each round's median",
            "times; heap per slot comes from one run each side (`SlotMemory`: used heap after full GCs, before",
            "and after registering the slots, divided by their number).",
            "",
        ] + overhead
    text = "\n".join(
        ["# ringwatch benchmark results", "",
         f"Rounds: {rounds}; in each, the two sides of a comparison run back to back (order alternating).",
         "ratio = median over rounds of the per-round ratio of ops/s; CPU ratio = the same with ops per",
         "second of the measuring thread's CPU time (fio: usr+sys), a cross-check less disturbed by other load.",
         "ring-core = JMH, ring-core-loop = a plain Java loop (LoopBench), both on liburing's ring (no setup",
         "flags, fd not registered: same flags); *-defaults = the ring IoUring.builder() gives (each side's defaults).",
         ""]
        + (rows if len(rows) > 2 else ["(ring-core against C and fio: not run)"])
        + overhead
        + ["", "Raw per-round numbers: `bench/out/raw.tsv`; tools' own output: `bench/out/logs/`."]
        + (["", note] if note else [])) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text, end="")
    return 1 if failed else 0


def echo_raw_lines(path):
    """raw.tsv lines from bench-echo.sh's per-run lines ("round  with agent  rps  p99")."""
    lines = []
    with open(path) as f:
        for line in f:
            m = ECHO_LINE.match(line)
            if m:
                impl = WITH_AGENT if m.group(2) == "with agent" else WITHOUT_AGENT
                lines.append(f"{m.group(1)}\techo\t{impl}\t{m.group(3)}\t{m.group(4)}")
    if not lines:
        sys.exit(f"{path}: no per-run lines of bench-echo.sh found")
    return lines


def agent_rows(scores):
    """The "Agent overhead" table's lines and the workloads that missed their target."""
    rows = table_head("measurement", "without agent, median (min–max)", "with agent, median (min–max)",
                      "with / without", "target", "", "CPU ratio")
    failed = []
    for (workload, impl, kind, target), a, b in both_sides(scores, AGENT_ROWS, lambda r: (r[0], r[1], WITHOUT_AGENT)):
        what = AGENT_DESCRIPTIONS.get((workload, kind), workload)
        if impl.endswith("+jfr"):
            what += ", agent's JFR recording on (`jfr=<file>`)"
        cpu_text = "—"
        if kind == "ratio":
            value = paired_ratio(a, b, 0)
            shown = [fmt_rates([v[0] for v in b.values()]), fmt_rates([v[0] for v in a.values()])]
            value_text, ok = f"{value:.3f}x", target is None or value >= target
            target_text = f"≥ {target:.2f}x" if target is not None else "—"
            if workload != "echo":  # JMH rows: column 5 is ops per CPU-second (echo's is its p99)
                cpu_text = f"{paired_ratio(a, b, 1):.3f}x"
        elif kind == "p99":
            value = paired_ratio(a, b, 1)
            shown = [fmt_plain([v[1] for v in b.values()], " µs"), fmt_plain([v[1] for v in a.values()], " µs")]
            value_text, ok, target_text = f"{value:.3f}x", True, "—"
        else:
            unit = " ms" if kind == "delta_ms" else " B"
            value = statistics.median([a[r][0] - b[r][0] for r in a if r in b])
            shown = [fmt_plain([v[0] for v in b.values()], unit), fmt_plain([v[0] for v in a.values()], unit)]
            value_text = f"{value:+.1f}{unit}"
            ok = target is None or value <= target
            target_text = f"≤ +{target:.0f}{unit}" if target is not None else "—"
        verdict = "info" if target is None else ("PASS" if ok else "FAIL")
        if not ok:
            failed.append(f"{workload} ({impl})")
        rows.append(f"| {what} | {shown[0]} | {shown[1]} | {value_text} | {target_text} | {verdict} | {cpu_text} |")
    return (rows if len(rows) > 2 else []), failed


def fmt_rates(values):
    return fmt_ops(values[0]) if len(values) == 1 else fmt_range(values)


def fmt_plain(values, unit):
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.1f}{unit}"
    return f"{med:.1f}{unit} ({min(values):.1f}–{max(values):.1f})"


def fmt_range(values):
    return f"{fmt_ops(statistics.median(values))} ({fmt_ops(min(values))}–{fmt_ops(max(values))})"


def main(argv):
    if len(argv) >= 3 and argv[1] == "fio":
        print("%.0f %.0f" % fio_rates(argv[2]))
    elif len(argv) >= 3 and argv[1] == "jmh":
        print("%.0f %.0f" % jmh_rates(argv[2]))
    elif len(argv) >= 4 and argv[1] == "c":
        print("%.0f %.0f" % c_rates(argv[2], argv[3]))
    elif len(argv) >= 3 and argv[1] == "echo":
        print("\n".join(echo_raw_lines(argv[2])))
    elif len(argv) >= 4 and argv[1] == "report":
        return report(argv[2], argv[3], argv[4] if len(argv) > 4 else "")
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
