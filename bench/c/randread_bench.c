/*
 * 4 KiB random buffered reads through liburing at a fixed queue depth: the C reference for
 * ring-core's random-read benchmark (fio is the baseline the target is set against).
 * Keeps `qd` reads in flight, each with its own buffer; every completion is checked and
 * immediately replaced by a read at a new random block-aligned offset.
 *
 *   randread_bench --file PATH [--qd 32] [--bs 4096] [--entries 64] [--warmup 2] [--duration 5]
 * prints:  randread_qd32_ops_per_s <ops/s> and randread_qd32_ops_per_cpu_s <ops per CPU-second>
 */
#include <fcntl.h>
#include <liburing.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench_common.h"

struct read_ctx {
	struct io_uring ring;
	int fd;
	unsigned bs;
	uint64_t blocks;
	uint64_t rng;
	char *buffers;
};

/* xorshift64: cheap, and the Java benchmark uses the same generator. */
static inline uint64_t next_block(struct read_ctx *c)
{
	uint64_t x = c->rng;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	c->rng = x;
	return (x >> 1) % c->blocks;
}

static void queue_read(struct read_ctx *c, unsigned slot)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&c->ring);
	if (!sqe)
		bench_die("submission queue full (queue depth larger than the ring?)");
	uint64_t off = next_block(c) * c->bs;
	io_uring_prep_read(sqe, c->fd, c->buffers + (size_t)slot * c->bs, c->bs, off);
	io_uring_sqe_set_data64(sqe, slot);
}

static unsigned read_step(void *arg)
{
	struct read_ctx *c = arg;
	int ret = io_uring_submit_and_wait(&c->ring, 1);
	if (ret < 0)
		bench_die("io_uring_submit_and_wait: %s", strerror(-ret));
	struct io_uring_cqe *cqe;
	unsigned head, n = 0;
	io_uring_for_each_cqe(&c->ring, head, cqe) {
		if (cqe->res != (int)c->bs)
			bench_die("read returned %d, wanted %u (%s)", cqe->res, c->bs,
				  cqe->res < 0 ? strerror(-cqe->res) : "short read");
		queue_read(c, (unsigned)cqe->user_data);
		n++;
	}
	io_uring_cq_advance(&c->ring, n);
	return n;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	unsigned qd = 32, bs = 4096, entries = 64;
	double warmup = 2, duration = 5;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--file"))
			path = bench_option_value(argc, argv, &i);
		else if (!strcmp(argv[i], "--qd"))
			qd = bench_parse_uint("--qd", bench_option_value(argc, argv, &i), 1, 4096);
		else if (!strcmp(argv[i], "--bs"))
			bs = bench_parse_uint("--bs", bench_option_value(argc, argv, &i), 512, 1 << 24);
		else if (!strcmp(argv[i], "--entries"))
			entries = bench_parse_uint("--entries", bench_option_value(argc, argv, &i), 1, 32768);
		else if (!bench_timing_option(argc, argv, &i, &warmup, &duration))
			bench_die("unknown option '%s' (usage: randread_bench --file PATH [--qd N] "
				  "[--bs N] [--entries N] [--warmup S] [--duration S])", argv[i]);
	}
	if (!path)
		bench_die("--file PATH is required");
	if (qd > entries)
		bench_die("--qd %u exceeds --entries %u", qd, entries);
	if (duration <= 0)
		bench_die("--duration must be positive");

	struct read_ctx c = { .bs = bs, .rng = 0x9E3779B97F4A7C15ull };
	c.fd = open(path, O_RDONLY);
	if (c.fd < 0)
		bench_die("open %s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(c.fd, &st) < 0)
		bench_die("fstat %s: %s", path, strerror(errno));
	c.blocks = (uint64_t)st.st_size / bs;
	if (c.blocks == 0)
		bench_die("%s is smaller than one %u-byte block", path, bs);
	if (posix_memalign((void **)&c.buffers, 4096, (size_t)qd * bs))
		bench_die("cannot allocate %u buffers of %u bytes", qd, bs);

	int ret = io_uring_queue_init(entries, &c.ring, 0);
	if (ret < 0)
		bench_die("io_uring_queue_init(%u): %s", entries, strerror(-ret));
	for (unsigned slot = 0; slot < qd; slot++)
		queue_read(&c, slot);
	struct bench_rate rate = bench_measure(read_step, &c, warmup, duration);
	/* Drain what is still in flight so the ring closes with nothing pending. */
	io_uring_submit_and_wait(&c.ring, qd);
	io_uring_queue_exit(&c.ring);
	close(c.fd);
	free(c.buffers);
	printf("randread_qd%u_ops_per_s %.0f\n", qd, rate.ops_per_s);
	printf("randread_qd%u_ops_per_cpu_s %.0f\n", qd, rate.ops_per_cpu_s);
	return 0;
}
