/*
 * NOP throughput through liburing: the C baseline for ring-core's NOP benchmarks.
 * Each step queues `batch` NOPs, submits them with one io_uring_enter that also waits for all
 * of them, and reaps the completions. Batch 1 is the one-at-a-time round trip.
 *
 *   nop_bench --batch 32 [--entries 64] [--warmup 2] [--duration 5]
 * prints:  nop_batch32_ops_per_s <ops/s> and nop_batch32_ops_per_cpu_s <ops per CPU-second>
 */
#include <liburing.h>

#include "bench_common.h"

struct nop_ctx {
	struct io_uring ring;
	unsigned batch;
};

static unsigned nop_step(void *arg)
{
	struct nop_ctx *c = arg;
	for (unsigned i = 0; i < c->batch; i++) {
		struct io_uring_sqe *sqe = io_uring_get_sqe(&c->ring);
		if (!sqe)
			bench_die("submission queue full (batch %u larger than the ring?)", c->batch);
		io_uring_prep_nop(sqe);
		io_uring_sqe_set_data64(sqe, i);
	}
	int ret = io_uring_submit_and_wait(&c->ring, c->batch);
	if (ret < 0)
		bench_die("io_uring_submit_and_wait: %s", strerror(-ret));

	unsigned seen = 0;
	while (seen < c->batch) {
		struct io_uring_cqe *cqe;
		unsigned head, n = 0;
		io_uring_for_each_cqe(&c->ring, head, cqe) {
			if (cqe->res < 0)
				bench_die("nop completed with %s", strerror(-cqe->res));
			n++;
		}
		io_uring_cq_advance(&c->ring, n);
		seen += n;
		if (seen < c->batch) {
			ret = io_uring_wait_cqe(&c->ring, &cqe);
			if (ret < 0)
				bench_die("io_uring_wait_cqe: %s", strerror(-ret));
		}
	}
	return seen;
}

int main(int argc, char **argv)
{
	unsigned batch = 32, entries = 64;
	double warmup = 2, duration = 5;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--batch"))
			batch = bench_parse_uint("--batch", bench_option_value(argc, argv, &i), 1, 4096);
		else if (!strcmp(argv[i], "--entries"))
			entries = bench_parse_uint("--entries", bench_option_value(argc, argv, &i), 1, 32768);
		else if (!bench_timing_option(argc, argv, &i, &warmup, &duration))
			bench_die("unknown option '%s' (usage: nop_bench --batch N [--entries N] "
				  "[--warmup S] [--duration S])", argv[i]);
	}
	if (batch > entries)
		bench_die("--batch %u exceeds --entries %u", batch, entries);
	if (duration <= 0)
		bench_die("--duration must be positive");

	struct nop_ctx c = { .batch = batch };
	int ret = io_uring_queue_init(entries, &c.ring, 0);
	if (ret < 0)
		bench_die("io_uring_queue_init(%u): %s", entries, strerror(-ret));
	struct bench_rate rate = bench_measure(nop_step, &c, warmup, duration);
	io_uring_queue_exit(&c.ring);
	printf("nop_batch%u_ops_per_s %.0f\n", batch, rate.ops_per_s);
	printf("nop_batch%u_ops_per_cpu_s %.0f\n", batch, rate.ops_per_cpu_s);
	return 0;
}
