package dev.ringwatch.ring;

/**
 * Told when the kernel confirms (by a resource-tag completion) that it has dropped the file of a
 * released slot. Runs on the thread that reaps completions; keep it short.
 */
@FunctionalInterface
public interface FileDropListener {
    void fileDropped(FileTable table, int slot, long tag);
}
