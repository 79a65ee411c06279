/*
 * The cost of one system call from C: getppid(2) through an inline `syscall` instruction in a
 * function of its own, called in a loop, the way liburing enters the kernel. The twin of the Java
 * SyscallFloor, which makes the same call through an FFM downcall: the difference is what the JVM's
 * way back from a system call costs on this machine, a floor under every Java io_uring loop.
 *
 *   syscall_floor [--phases 15] [--phase-ms 150]
 * prints:  c_getppid_ns <median ns per call over the phases>
 */
#include "bench_common.h"

static long __attribute__((noinline)) getppid_raw(void)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(110L) : "rcx", "r11", "memory");
	return r;
}

static double phase_ns(uint64_t phase_ns)
{
	uint64_t calls = 0, start = bench_now_ns(), end = start + phase_ns, now;
	for (;;) {
		for (int i = 0; i < 64; i++)
			getppid_raw();
		calls += 64;
		now = bench_now_ns();
		if (now >= end)
			break;
	}
	return (double)(now - start) / (double)calls;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	unsigned phases = 15, phase_ms = 150;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--phases"))
			phases = bench_parse_uint("--phases", bench_option_value(argc, argv, &i), 1, 1000);
		else if (!strcmp(argv[i], "--phase-ms"))
			phase_ms = bench_parse_uint("--phase-ms", bench_option_value(argc, argv, &i), 10, 10000);
		else
			bench_die("unknown option '%s' (usage: syscall_floor [--phases N] [--phase-ms MS])", argv[i]);
	}
	double *ns = calloc(phases, sizeof *ns);
	if (!ns)
		bench_die("out of memory");
	for (unsigned i = 0; i < 5; i++)
		phase_ns(phase_ms * 1000000ull); /* warm-up, as the Java side's JIT needs */
	for (unsigned i = 0; i < phases; i++)
		ns[i] = phase_ns(phase_ms * 1000000ull);
	qsort(ns, phases, sizeof *ns, cmp_double);
	printf("c_getppid_ns %.1f\n", ns[phases / 2]);
	free(ns);
	return 0;
}
