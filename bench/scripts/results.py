#!/usr/bin/env python3
"""Turns the raw benchmark outputs of bench/run.sh into numbers and the final comparison table.

  results.py fio-iops FIO.json            -> read IOPS of fio's first job
  results.py jmh-score JMH.json           -> primary score (ops/s) of the one benchmark in the file
  results.py c-score OUTPUT KEY           -> value of "KEY <number>" in a C baseline's output
  results.py report RAW.tsv OUT.md [NOTE] -> comparison table (printed, and written to OUT.md)

RAW.tsv lines: round, workload, implementation, ops_per_s (tab-separated). Each workload's
comparison is the median over rounds of ring-core against the median of its baseline.
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


def fio_iops(path):
    with open(path) as f:
        job = json.load(f)["jobs"][0]
    if job.get("error"):
        sys.exit(f"fio reported error {job['error']} in {path}")
    return job["read"]["iops"]


def jmh_score(path):
    with open(path) as f:
        runs = json.load(f)
    if len(runs) != 1:
        sys.exit(f"{path}: expected one JMH benchmark result, found {len(runs)}")
    metric = runs[0]["primaryMetric"]
    if metric["scoreUnit"] != "ops/s":
        sys.exit(f"{path}: expected ops/s, found {metric['scoreUnit']}")
    return metric["score"]


def c_score(path, key):
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[0] == key:
                return float(parts[1])
    sys.exit(f"{path}: no '{key} <number>' line")


def read_raw(path):
    scores = defaultdict(list)
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            _round, workload, impl, value = line.rstrip("\n").split("\t")
            scores[(workload, impl)].append(float(value))
    return scores


def fmt_ops(v):
    return f"{v / 1e6:.3f} M" if v >= 1e6 else f"{v / 1e3:.1f} k"


def report(raw_path, out_path, note=""):
    scores = read_raw(raw_path)
    rows = [
        "| workload | ring-core side | ops/s (median, min–max) | baseline | ops/s (median, min–max) | ratio | target | |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failed = []
    for workload, left, right, target in COMPARISONS:
        a, b = scores.get((workload, left)), scores.get((workload, right))
        if not a or not b:
            continue
        ma, mb = statistics.median(a), statistics.median(b)
        ratio = ma / mb
        if target is None:
            verdict, target_text = "info", "—"
        else:
            ok = ratio >= target
            verdict, target_text = ("PASS" if ok else "FAIL"), f"≥ {target:.2f}x"
            if not ok:
                failed.append(workload)
        rows.append(
            f"| {DESCRIPTIONS.get(workload, workload)} | {left} | {fmt_ops(ma)} ({fmt_ops(min(a))}–{fmt_ops(max(a))}) "
            f"| {right} | {fmt_ops(mb)} ({fmt_ops(min(b))}–{fmt_ops(max(b))}) | {ratio:.3f}x | {target_text} | {verdict} |")
    rounds = max((len(v) for v in scores.values()), default=0)
    text = "\n".join(
        ["# ringwatch benchmark results", "", f"Rounds: {rounds} (runs alternate C/fio and JMH each round).", ""]
        + rows
        + ["", "Raw per-round numbers: `bench/out/raw.tsv`."]
        + (["", note] if note else [])) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text, end="")
    return 1 if failed else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "fio-iops":
        print(f"{fio_iops(argv[2]):.0f}")
    elif len(argv) >= 3 and argv[1] == "jmh-score":
        print(f"{jmh_score(argv[2]):.0f}")
    elif len(argv) >= 4 and argv[1] == "c-score":
        print(f"{c_score(argv[2], argv[3]):.0f}")
    elif len(argv) >= 4 and argv[1] == "report":
        return report(argv[2], argv[3], argv[4] if len(argv) > 4 else "")
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
