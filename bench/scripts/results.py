#!/usr/bin/env python3
"""Turns the raw benchmark outputs of bench/run.sh into numbers and the final comparison table.

  results.py fio FIO.json                 -> "<IOPS> <IOPS per CPU-second>" of fio's first job
  results.py jmh JMH.json                 -> "<ops/s> <ops per CPU-second>" of the one benchmark
  results.py c OUTPUT PREFIX              -> "<ops/s> <ops per CPU-second>" from a C baseline's
                                             PREFIX_ops_per_s and PREFIX_ops_per_cpu_s lines
  results.py report RAW.tsv OUT.md [NOTE] -> comparison table (printed, and written to OUT.md)

RAW.tsv lines: round, workload, implementation, ops_per_s, ops_per_cpu_s (tab-separated).
A workload's ratio is the median over rounds of the per-round ratio ring-core / baseline: the two
sides of a pair run back to back, so a slow stretch of the shared machine mostly hits both.
The CPU ratio (ops per second of the measuring thread's CPU time, or fio's usr+sys) is shown
beside it as a cross-check that other load on the machine disturbs much less.
"""
import json
import statistics
import sys
from collections import defaultdict

# workload, ring-core's name, baseline's name, target ratio (None: shown for information only)
COMPARISONS = [
    ("nop_batch32", "ring-core", "liburing", 0.95),
    ("nop_batch1", "ring-core", "liburing", 0.90),
    ("randread_qd32", "ring-core", "fio", 1.00),
    ("randread_qd32", "ring-core", "liburing", None),
    ("randread_qd32", "liburing", "fio", None),
]

DESCRIPTIONS = {
    "nop_batch32": "NOP, batch 32",
    "nop_batch1": "NOP, batch 1",
    "randread_qd32": "4 KiB random read, QD 32",
}


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


def fmt_ops(v):
    return f"{v / 1e6:.3f} M" if v >= 1e6 else f"{v / 1e3:.1f} k"


def report(raw_path, out_path, note=""):
    scores = read_raw(raw_path)
    rows = [
        "| workload | ring-core side | ops/s median (min–max) | baseline | ops/s median (min–max) "
        "| ratio | target | | CPU ratio |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    failed = []
    for workload, left, right, target in COMPARISONS:
        a, b = scores.get((workload, left)), scores.get((workload, right))
        if not a or not b:
            continue
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
    rounds = max((len(v) for v in scores.values()), default=0)
    text = "\n".join(
        ["# ringwatch benchmark results", "",
         f"Rounds: {rounds}; in each, the two sides of a comparison run back to back (order alternating).",
         "ratio = median over rounds of the per-round ratio of ops/s; CPU ratio = the same with ops per",
         "second of the measuring thread's CPU time (fio: usr+sys), a cross-check less disturbed by other load.",
         ""]
        + rows
        + ["", "Raw per-round numbers: `bench/out/raw.tsv`; tools' own output: `bench/out/logs/`."]
        + (["", note] if note else [])) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text, end="")
    return 1 if failed else 0


def fmt_range(values):
    return f"{fmt_ops(statistics.median(values))} ({fmt_ops(min(values))}–{fmt_ops(max(values))})"


def main(argv):
    if len(argv) >= 3 and argv[1] == "fio":
        print("%.0f %.0f" % fio_rates(argv[2]))
    elif len(argv) >= 3 and argv[1] == "jmh":
        print("%.0f %.0f" % jmh_rates(argv[2]))
    elif len(argv) >= 4 and argv[1] == "c":
        print("%.0f %.0f" % c_rates(argv[2], argv[3]))
    elif len(argv) >= 4 and argv[1] == "report":
        return report(argv[2], argv[3], argv[4] if len(argv) > 4 else "")
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
