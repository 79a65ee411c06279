package dev.ringwatch.agent.proc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a /proc text file line by line into one reusable byte buffer, so scanning a large file
 * (maps of a busy JVM, an old kernel's fdinfo listing a million empty slots) allocates nothing per
 * line unless the caller asks for text. Lines and whole files are capped so a bad injected root or a
 * runaway file cannot exhaust memory.
 */
final class ProcLineReader implements Closeable {
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkLimit;
    private long totalBytes;
    private boolean eof;
    private byte[] line = new byte[256];
    private int length;
    private int lineNumber;

    private ProcLineReader(InputStream in) {
        this.in = in;
    }

    static ProcLineReader open(Path file) throws IOException {
        return new ProcLineReader(Files.newInputStream(file));
    }

    /** Advances to the next line (without its newline); false at end of file. */
    boolean next() throws IOException, ProcFormatException {
        length = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLimit) {
                if (eof || !fill()) {
                    if (any) {
                        lineNumber++;
                    }
                    return any;
                }
            }
            any = true;
            int start = chunkPos;
            int nl = -1;
            for (int i = start; i < chunkLimit; i++) {
                if (chunk[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl >= 0 ? nl : chunkLimit;
            append(start, end);
            chunkPos = nl >= 0 ? nl + 1 : chunkLimit;
            if (nl >= 0) {
                lineNumber++;
                return true;
            }
        }
    }

    private boolean fill() throws IOException, ProcFormatException {
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        totalBytes += n;
        if (totalBytes > MAX_FILE_BYTES) {
            throw new ProcFormatException(lineNumber + 1, "file larger than " + MAX_FILE_BYTES + " bytes");
        }
        chunkPos = 0;
        chunkLimit = n;
        return true;
    }

    private void append(int from, int to) throws ProcFormatException {
        int n = to - from;
        if (length + n > MAX_LINE_BYTES) {
            throw new ProcFormatException(lineNumber + 1, "line longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + n)));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    /** 1-based number of the current line. */
    int lineNumber() {
        return lineNumber;
    }

    int length() {
        return length;
    }

    byte at(int i) {
        return line[i];
    }

    /** Index of {@code b} at or after {@code from}, or -1. */
    int indexOf(char b, int from) {
        for (int i = from; i < length; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    boolean startsWith(String ascii) {
        return regionEquals(0, ascii);
    }

    boolean endsWith(String ascii) {
        return length >= ascii.length() && regionEquals(length - ascii.length(), ascii);
    }

    /** True when the bytes at {@code at} are exactly {@code ascii}. */
    boolean regionEquals(int at, String ascii) {
        if (at < 0 || at + ascii.length() > length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (line[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** First index at or after {@code from} that is not a space or tab. */
    int skipBlanks(int from) {
        int i = from;
        while (i < length && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** End of the run of non-blank bytes starting at {@code from}. */
    int tokenEnd(int from) {
        int i = from;
        while (i < length && line[i] != ' ' && line[i] != '\t') {
            i++;
        }
        return i;
    }

    /** Length after dropping trailing blanks. */
    int trimmedEnd() {
        int e = length;
        while (e > 0 && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r')) {
            e--;
        }
        return e;
    }

    String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    /** The whole current line, for error messages (shortened when long). */
    String quoted() {
        int n = Math.min(length, 120);
        return "'" + text(0, n) + (n < length ? "..." : "") + "'";
    }

    /** Parses a decimal number (optional leading '-') in [from, to); what names the field in errors. */
    long decimal(int from, int to, String what) throws ProcFormatException {
        return number(from, to, 10, what);
    }

    long hex(int from, int to, String what) throws ProcFormatException {
        return number(from, to, 16, what);
    }

    /** Parses an unsigned or negative number; values beyond 63 bits are rejected, not wrapped. */
    long number(int from, int to, int radix, String what) throws ProcFormatException {
        boolean negative = from < to && line[from] == '-';
        int i = negative ? from + 1 : from;
        if (i >= to) {
            throw malformed("empty " + what);
        }
        long v = 0;
        for (; i < to; i++) {
            int d = Character.digit(line[i], radix);
            if (d < 0) {
                throw malformed(what + " is not a number: " + quoted());
            }
            if (v > (Long.MAX_VALUE - d) / radix) {
                throw malformed(what + " out of range: " + quoted());
            }
            v = v * radix + d;
        }
        return negative ? -v : v;
    }

    ProcFormatException malformed(String message) {
        return new ProcFormatException(lineNumber, message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
