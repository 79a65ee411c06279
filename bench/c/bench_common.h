/*
 * Shared by the C baselines: option parsing, the timed driver and fatal errors.
 * Each program supplies one "step" (a batch of io_uring work) and reports ops per second of the
 * measured phase only, after a warm-up phase of the same work, so the numbers match JMH's
 * warm-up/measurement split. It also reports ops per second of this thread's CPU time (user +
 * kernel), which other load on a shared machine disturbs far less than wall-clock throughput.
 */
#ifndef RINGWATCH_BENCH_COMMON_H
#define RINGWATCH_BENCH_COMMON_H

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A step does some io_uring work and returns how many operations completed in it. */
typedef unsigned (*bench_step_fn)(void *ctx);

static inline void bench_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static inline uint64_t bench_clock_ns(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline uint64_t bench_now_ns(void)
{
	return bench_clock_ns(CLOCK_MONOTONIC);
}

struct bench_rate {
	double ops_per_s;     /* per second of wall-clock time */
	double ops_per_cpu_s; /* per second of this thread's CPU time */
};

/*
 * Runs step() for about `seconds`; returns ops completed and stores the elapsed time.
 * The clock is read every 16 steps: often enough for a precise end, rare enough to stay
 * out of the batch-1 numbers.
 */
static inline uint64_t bench_run_phase(bench_step_fn step, void *ctx, double seconds,
				       uint64_t *elapsed_ns)
{
	uint64_t start = bench_now_ns();
	uint64_t end = start + (uint64_t)(seconds * 1e9);
	uint64_t ops = 0, now;
	for (;;) {
		for (int i = 0; i < 16; i++)
			ops += step(ctx);
		now = bench_now_ns();
		if (now >= end)
			break;
	}
	*elapsed_ns = now - start;
	return ops;
}

/* Warm-up, then the measured phase; returns the measured phase's rates. */
static inline struct bench_rate bench_measure(bench_step_fn step, void *ctx, double warmup_s,
					      double duration_s)
{
	uint64_t elapsed;
	if (warmup_s > 0)
		bench_run_phase(step, ctx, warmup_s, &elapsed);
	uint64_t cpu_start = bench_clock_ns(CLOCK_THREAD_CPUTIME_ID);
	uint64_t ops = bench_run_phase(step, ctx, duration_s, &elapsed);
	uint64_t cpu = bench_clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
	struct bench_rate r = {
		.ops_per_s = (double)ops * 1e9 / (double)elapsed,
		.ops_per_cpu_s = cpu ? (double)ops * 1e9 / (double)cpu : 0,
	};
	return r;
}

static inline double bench_parse_seconds(const char *opt, const char *value)
{
	char *end;
	errno = 0;
	double v = strtod(value, &end);
	if (errno || end == value || *end || v < 0 || v > 3600)
		bench_die("%s wants seconds between 0 and 3600, got '%s'", opt, value);
	return v;
}

static inline unsigned bench_parse_uint(const char *opt, const char *value, unsigned min,
					unsigned max)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(value, &end, 10);
	if (errno || end == value || *end || v < min || v > max)
		bench_die("%s wants an integer between %u and %u, got '%s'", opt, min, max, value);
	return (unsigned)v;
}

/* Returns the value after option argv[*i], or dies naming the option that lacks one. */
static inline const char *bench_option_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		bench_die("%s needs a value", argv[*i]);
	return argv[++*i];
}

/* Consumes --warmup S or --duration S at argv[*i] (every benchmark takes both); returns 0 for any other option. */
static inline int bench_timing_option(int argc, char **argv, int *i, double *warmup, double *duration)
{
	if (!strcmp(argv[*i], "--warmup"))
		*warmup = bench_parse_seconds("--warmup", bench_option_value(argc, argv, i));
	else if (!strcmp(argv[*i], "--duration"))
		*duration = bench_parse_seconds("--duration", bench_option_value(argc, argv, i));
	else
		return 0;
	return 1;
}

#endif
