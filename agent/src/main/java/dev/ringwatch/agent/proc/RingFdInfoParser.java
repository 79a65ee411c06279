package dev.ringwatch.agent.proc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an io_uring fdinfo file. Knows three kernel generations of the format:
 * <ul>
 *   <li>before 6.14: every file slot printed, {@code <none>} for empty ones, targets are dentry names;
 *       slot lines (and the SQPOLL tid) silently left out when the ring's lock was busy;</li>
 *   <li>6.14+: only occupied file slots, targets are escaped paths ({@code \040} for a space);</li>
 *   <li>6.15+ (and late 6.14.y): the whole ring section left out when the lock was busy.</li>
 * </ul>
 * Slot and entry lines are {@code %5u: ...}, so indices of 10000 and up start in column 0; they are told
 * from {@code Key:} lines by their leading digit. Unknown keys (newer kernels) are skipped with their
 * entry lines; anything that is neither a key line nor an entry line is malformed.
 */
final class RingFdInfoParser {
    private enum Section { HEADER, FILES, BUFFERS, OTHER }

    private static final String NONE = "<none>";

    private final ProcLineReader r;
    private final int fd;
    private final boolean ringSectionAtomic;

    private long ino = -1;
    private int fileFlags = -1;
    private int mntId = -1;
    private final long[] idx = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    private int sqThread = -1;
    private int sqThreadCpu = -1;
    private long sqTotalTime = -1;
    private long sqWorkTime = -1;
    private boolean ringSection;
    private final SlotLines files = new SlotLines("UserFiles");
    private final SlotLines buffers = new SlotLines("UserBufs");
    private final List<RingFdInfo.FileSlot> fileSlots = new ArrayList<>();
    private boolean sawNoneFile;
    private final List<RingFdInfo.BufferSlot> bufferSlots = new ArrayList<>();
    private long seenKeys;

    private RingFdInfoParser(ProcLineReader r, int fd, boolean ringSectionAtomic) {
        this.r = r;
        this.fd = fd;
        this.ringSectionAtomic = ringSectionAtomic;
    }

    /**
     * Parses what {@code r} yields.
     *
     * @param ringSectionAtomic true on kernels (6.15+) that print the ring section entirely or not at all
     * @return the ring's view, or null when the file has no io_uring section (lock busy, or not an io_uring)
     */
    static RingFdInfo parse(ProcLineReader r, int fd, boolean ringSectionAtomic)
            throws IOException, ProcFormatException {
        return new RingFdInfoParser(r, fd, ringSectionAtomic).run();
    }

    private RingFdInfo run() throws IOException, ProcFormatException {
        Section section = Section.HEADER;
        while (r.next()) {
            int len = r.trimmedEnd();
            if (len == 0) {
                continue;
            }
            byte first = r.at(0);
            if (first == ' ' || first == '\t' || (first >= '0' && first <= '9')) {
                entryLine(section, len);
                continue;
            }
            section = keyLine(len);
        }
        return finish();
    }

    private void entryLine(Section section, int len) throws ProcFormatException {
        if (section == Section.FILES) {
            fileLine(len);
        } else if (section == Section.BUFFERS) {
            bufferLine(len);
        } else if (seenKeys == 0) {
            throw r.malformed("indented line before any key: " + r.quoted());
        }
        // Entries of other sections (SQE/CQE dumps, PollList, Personalities, ...) are not needed.
    }

    private void fileLine(int len) throws ProcFormatException {
        int index = files.next(r, len);
        if (files.valueIsNone(r, len)) {
            sawNoneFile = true;
            return;
        }
        fileSlots.add(new RingFdInfo.FileSlot(index, unescape(files.rest, len)));
    }

    private void bufferLine(int len) throws ProcFormatException {
        int index = buffers.next(r, len);
        if (buffers.valueIsNone(r, len)) {
            return;
        }
        int rest = buffers.rest;
        int slash = r.indexOf('/', rest);
        if (!r.regionEquals(rest, "0x") || slash < 0 || slash >= len) {
            throw r.malformed("UserBufs slot " + index + ": expected 0x<address>/<length>: " + r.quoted());
        }
        long address = r.hex(rest + 2, slash, "buffer address");
        long length = r.decimal(slash + 1, len, "buffer length");
        bufferSlots.add(new RingFdInfo.BufferSlot(index, address, length));
    }

    /** seq_file_path escapes space, tab, newline and backslash as {@code \ooo}; undo that. */
    private String unescape(int from, int to) {
        int bs = r.indexOf('\\', from);
        if (bs < 0 || bs >= to) {
            return r.text(from, to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            byte b = r.at(i);
            if (b == '\\' && i + 3 < to && isOctal(i + 1) && isOctal(i + 2) && isOctal(i + 3)) {
                out.write(((r.at(i + 1) - '0') << 6) | ((r.at(i + 2) - '0') << 3) | (r.at(i + 3) - '0'));
                i += 4;
            } else {
                out.write(b);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private boolean isOctal(int i) {
        if (i >= r.length()) {
            return false;
        }
        byte b = r.at(i);
        return b >= '0' && b <= '7';
    }

    private Section keyLine(int len) throws ProcFormatException {
        int colon = r.indexOf(':', 0);
        if (colon <= 0 || colon >= len) {
            throw r.malformed("expected 'Key:<tab>value': " + r.quoted());
        }
        int v = r.skipBlanks(colon + 1);
        int vEnd = len;
        String key = r.text(0, colon);
        return switch (key) {
            case "pos", "flags", "mnt_id", "ino" -> header(key, v, vEnd);
            case "SqMask" -> ring(0, key, r.hex(hexStart(v, vEnd, key), vEnd, key));
            case "SqHead" -> ring(1, key, r.decimal(v, vEnd, key));
            case "SqTail" -> ring(2, key, r.decimal(v, vEnd, key));
            case "CachedSqHead" -> ring(3, key, r.decimal(v, vEnd, key));
            case "CqMask" -> ring(4, key, r.hex(hexStart(v, vEnd, key), vEnd, key));
            case "CqHead" -> ring(5, key, r.decimal(v, vEnd, key));
            case "CqTail" -> ring(6, key, r.decimal(v, vEnd, key));
            case "CachedCqTail" -> ring(7, key, r.decimal(v, vEnd, key));
            case "SQEs" -> ring(8, key, r.decimal(v, vEnd, key));
            case "CQEs" -> ring(9, key, r.decimal(v, vEnd, key));
            case "SqThread" -> {
                once(10, key);
                sqThread = toInt(r.decimal(v, vEnd, key), key);
                ringSection = true;
                yield Section.OTHER;
            }
            case "SqThreadCpu" -> {
                once(11, key);
                sqThreadCpu = toInt(r.decimal(v, vEnd, key), key);
                yield Section.OTHER;
            }
            case "SqTotalTime" -> {
                once(12, key);
                sqTotalTime = r.decimal(v, vEnd, key);
                yield Section.OTHER;
            }
            case "SqWorkTime" -> {
                once(13, key);
                sqWorkTime = r.decimal(v, vEnd, key);
                yield Section.OTHER;
            }
            case "UserFiles" -> {
                once(14, key);
                files.size = tableSize(v, vEnd, key);
                ringSection = true;
                yield Section.FILES;
            }
            case "UserBufs" -> {
                once(15, key);
                buffers.size = tableSize(v, vEnd, key);
                ringSection = true;
                yield Section.BUFFERS;
            }
            default -> Section.OTHER;
        };
    }

    private Section header(String key, int v, int vEnd) throws ProcFormatException {
        switch (key) {
            case "pos" -> once(16, key);
            case "flags" -> {
                once(17, key);
                fileFlags = toInt(r.number(v, vEnd, 8, key), key);
            }
            case "mnt_id" -> {
                once(18, key);
                mntId = toInt(r.decimal(v, vEnd, key), key);
            }
            default -> {
                once(19, key);
                ino = r.decimal(v, vEnd, key);
            }
        }
        return Section.HEADER;
    }

    private Section ring(int slot, String key, long value) throws ProcFormatException {
        once(slot, key);
        idx[slot] = value;
        ringSection = true;
        return Section.OTHER;
    }

    private int hexStart(int v, int vEnd, String key) throws ProcFormatException {
        if (!r.regionEquals(v, "0x") || v + 2 >= vEnd) {
            throw r.malformed(key + ": expected 0x<hex>: " + r.quoted());
        }
        return v + 2;
    }

    private long tableSize(int v, int vEnd, String key) throws ProcFormatException {
        long n = r.decimal(v, vEnd, key);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw r.malformed(key + " out of range: " + r.quoted());
        }
        return n;
    }

    private void once(int bit, String key) throws ProcFormatException {
        long mask = 1L << bit;
        if ((seenKeys & mask) != 0) {
            throw r.malformed(key + " printed twice");
        }
        seenKeys |= mask;
    }

    private int toInt(long v, String key) throws ProcFormatException {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw r.malformed(key + " out of range: " + r.quoted());
        }
        return (int) v;
    }

    private RingFdInfo finish() throws ProcFormatException {
        if (!ringSection) {
            return null;
        }
        int end = r.lineNumber();
        if (files.size < 0 || buffers.size < 0) {
            throw new ProcFormatException(end, "truncated io_uring fdinfo: no "
                    + (files.size < 0 ? files.table : buffers.table) + " line");
        }
        // Old kernels list every slot when they list any, so a partial listing means a cut-off file.
        if (sawNoneFile && files.lines != files.size) {
            throw new ProcFormatException(end, "UserFiles lists " + files.lines + " of " + files.size
                    + " slots (old format lists all): truncated");
        }
        boolean buffersListed = buffers.size == 0 || buffers.lines == buffers.size;
        if (!buffersListed && buffers.lines != 0) {
            throw new ProcFormatException(end, "UserBufs lists " + buffers.lines + " of " + buffers.size
                    + " slots: truncated");
        }
        // No file lines for a non-empty table: all slots empty, or (before 6.15) the lock was busy. The
        // buffer table is listed under the same lock, so a listed non-empty buffer table settles it.
        boolean filesListed = files.size == 0 || files.lines > 0 || ringSectionAtomic
                || (buffers.size > 0 && buffersListed);
        RingFdInfo.Indexes indexes = new RingFdInfo.Indexes(idx[0], idx[1], idx[2], idx[3], idx[4], idx[5],
                idx[6], idx[7], idx[8], idx[9]);
        return new RingFdInfo(fd, ino, fileFlags, mntId, indexes, sqThread, sqThreadCpu, sqTotalTime, sqWorkTime,
                new RingFdInfo.FileTable((int) files.size, fileSlots, filesListed),
                new RingFdInfo.BufferTable((int) buffers.size, buffersListed ? bufferSlots : List.of(), buffersListed));
    }

    /** The slot lines of one table (UserFiles or UserBufs) read so far: each in order, inside the table. */
    private static final class SlotLines {
        final String table;
        /** The table size its key line gave; -1 before that line. */
        long size = -1;
        int lines;
        /** Where the value of the line last read starts. */
        int rest;
        private int lastIndex = -1;

        SlotLines(String table) {
            this.table = table;
        }

        /** Reads the current line's {@code <index>: <rest>}: returns the index, leaves the rest's start in {@link #rest}. */
        int next(ProcLineReader r, int len) throws ProcFormatException {
            int start = r.skipBlanks(0);
            int colon = r.indexOf(':', start);
            if (colon < 0 || colon >= len) {
                throw r.malformed(table + " slot line without ':': " + r.quoted());
            }
            long index = r.decimal(start, colon, table + " slot index");
            if (index < 0 || index >= size) {
                throw r.malformed(table + " slot " + index + " outside a table of " + size + ": " + r.quoted());
            }
            if (index <= lastIndex) {
                throw r.malformed(table + " slot " + index + " listed out of order or twice: " + r.quoted());
            }
            int at = r.skipBlanks(colon + 1);
            if (at >= len) {
                throw r.malformed(table + " slot " + index + " without a value: " + r.quoted());
            }
            rest = at;
            lastIndex = (int) index;
            lines++;
            return (int) index;
        }

        /** Whether the current line's value is {@code <none>}: an empty slot, as kernels before 6.14 list it. */
        boolean valueIsNone(ProcLineReader r, int len) {
            return len - rest == NONE.length() && r.regionEquals(rest, NONE);
        }
    }
}
