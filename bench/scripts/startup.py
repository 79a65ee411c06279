#!/usr/bin/env python3
"""Wall-clock start-up cost of the ringwatch agent: runs a short Java program PAIRS times without
and PAIRS times with the agent, alternating (order flipped every pair, so drifts hit both alike).

  startup.py PAIRS LOG.tsv AGENT_OPTION -- COMMAND...
      AGENT_OPTION is inserted after COMMAND's first word (the java launcher) for the "with" runs.
      Every run's milliseconds go to LOG.tsv (pair, side, ms); stdout gets one line
      "<median ms without> <median ms with> <median of the per-pair differences, ms>".

A run that exits non-zero stops the measurement (exit status 2) with its output on stderr.
"""
import statistics
import subprocess
import sys
import time


def run_ms(command):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    elapsed = (time.perf_counter() - start) * 1000.0
    if done.returncode != 0:
        sys.stderr.write(done.stdout.decode(errors="replace"))
        sys.exit(f"startup.py: {' '.join(command)} exited with {done.returncode}")
    return elapsed


def main(argv):
    if len(argv) < 6 or argv[4] != "--":
        sys.exit(__doc__)
    pairs, log_path, agent_option, command = int(argv[1]), argv[2], argv[3], argv[5:]
    if pairs <= 0:
        sys.exit(f"startup.py: PAIRS must be positive, got {pairs}")
    with_agent = [command[0], agent_option] + command[1:]
    without_ms, with_ms, diffs = [], [], []
    with open(log_path, "w") as log:
        log.write("pair\tside\tms\n")
        for pair in range(pairs):
            sides = [("without", command), ("with", with_agent)]
            if pair % 2:
                sides.reverse()
            times = {}
            for side, cmd in sides:
                times[side] = run_ms(cmd)
                log.write(f"{pair}\t{side}\t{times[side]:.1f}\n")
            without_ms.append(times["without"])
            with_ms.append(times["with"])
            diffs.append(times["with"] - times["without"])
    print(f"{statistics.median(without_ms):.1f} {statistics.median(with_ms):.1f} {statistics.median(diffs):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
