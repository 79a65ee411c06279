package dev.ringwatch.ring;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The kernel structs ring-core passes to io_uring_register, io_uring_enter and fstat, as named layouts
 * (from linux/io_uring.h and asm/stat.h, x86_64): field offsets are looked up by name, never written
 * as numbers. {@link RingParams} keeps its own layout.
 */
final class KernelStructs {
    /** {@code struct io_uring_rsrc_register}: a resource table for IORING_REGISTER_FILES2. */
    static final StructLayout RSRC_REGISTER = MemoryLayout.structLayout(
            JAVA_INT.withName("nr"), JAVA_INT.withName("flags"), JAVA_LONG.withName("resv2"),
            JAVA_LONG.withName("data"), JAVA_LONG.withName("tags")).withName("io_uring_rsrc_register");

    /** {@code struct io_uring_rsrc_update2}: IORING_REGISTER_FILES_UPDATE2 of {@code nr} slots. */
    static final StructLayout RSRC_UPDATE2 = MemoryLayout.structLayout(
            JAVA_INT.withName("offset"), JAVA_INT.withName("resv"), JAVA_LONG.withName("data"),
            JAVA_LONG.withName("tags"), JAVA_INT.withName("nr"), JAVA_INT.withName("resv2"))
            .withName("io_uring_rsrc_update2");

    /** {@code struct io_uring_file_index_range}: IORING_REGISTER_FILE_ALLOC_RANGE. */
    static final StructLayout FILE_INDEX_RANGE = MemoryLayout.structLayout(
            JAVA_INT.withName("off"), JAVA_INT.withName("len"), JAVA_LONG.withName("resv"))
            .withName("io_uring_file_index_range");

    /** {@code struct io_uring_getevents_arg}: IORING_ENTER_EXT_ARG (wait with a timeout). */
    static final StructLayout GETEVENTS_ARG = MemoryLayout.structLayout(
            JAVA_LONG.withName("sigmask"), JAVA_INT.withName("sigmask_sz"), JAVA_INT.withName("min_wait_usec"),
            JAVA_LONG.withName("ts")).withName("io_uring_getevents_arg");

    /** {@code struct __kernel_timespec}. */
    static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec")).withName("__kernel_timespec");

    /** {@code struct iovec}. */
    static final StructLayout IOVEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("iov_base"), JAVA_LONG.withName("iov_len")).withName("iovec");

    /** {@code struct io_uring_probe_op}. */
    static final StructLayout PROBE_OP = MemoryLayout.structLayout(
            JAVA_BYTE.withName("op"), JAVA_BYTE.withName("resv"), JAVA_SHORT.withName("flags"),
            JAVA_INT.withName("resv2")).withName("io_uring_probe_op");

    /** {@code struct io_uring_probe} without its trailing {@code ops[]}. */
    static final StructLayout PROBE = MemoryLayout.structLayout(
            JAVA_BYTE.withName("last_op"), JAVA_BYTE.withName("ops_len"), JAVA_SHORT.withName("resv"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("resv2")).withName("io_uring_probe");

    /** The start of {@code struct stat} (x86_64, 144 bytes): device and inode identify an open file. */
    static final StructLayout STAT = MemoryLayout.structLayout(
            JAVA_LONG.withName("st_dev"), JAVA_LONG.withName("st_ino"),
            MemoryLayout.paddingLayout(128)).withName("stat");

    private KernelStructs() {
    }

    /** Byte offset of {@code field} in {@code struct}. */
    static long offset(StructLayout struct, String field) {
        return struct.byteOffset(groupElement(field));
    }
}
