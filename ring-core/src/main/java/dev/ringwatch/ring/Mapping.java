package dev.ringwatch.ring;

/**
 * One region of a ring mapped into the process: {@code region} is "rings" (SQ and CQ share one mapping
 * when the kernel has IORING_FEAT_SINGLE_MMAP), "sq ring", "cq ring" or "sqes".
 * @param region "rings", "sq ring", "cq ring" or "sqes"
 * @param address start address of the mapping
 * @param bytes length of the mapping in bytes
 */
public record Mapping(String region, long address, long bytes) {
}
