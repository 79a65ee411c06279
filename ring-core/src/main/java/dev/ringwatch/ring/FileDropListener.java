package dev.ringwatch.ring;

/**
 * Told when the kernel confirms (by a resource-tag completion) that it has dropped the file of a
 * released slot. Runs on the thread that reaps completions; keep it short.
 */
@FunctionalInterface
public interface FileDropListener {
    /**
     * Called once per confirmed drop.
     * @param table the table of the slot
     * @param slot the released slot
     * @param tag the resource tag of the dropped file
     */
    void fileDropped(FileTable table, int slot, long tag);
}
