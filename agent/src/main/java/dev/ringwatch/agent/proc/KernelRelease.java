package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The kernel's release ({@code 6.18.44-fc-v669}), needed where /proc formats changed between versions.
 *
 * @param major first number
 * @param minor second number
 * @param text  the full release string
 */
public record KernelRelease(int major, int minor, String text) {

    /** True when this kernel is {@code major.minor} or newer. */
    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /** Parses {@code <major>.<minor>[anything]}; null when the text does not start that way. */
    static KernelRelease parse(String text) {
        String t = text.strip();
        int dot = t.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        int end = dot + 1;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == dot + 1) {
            return null;
        }
        try {
            return new KernelRelease(Integer.parseInt(t, 0, dot, 10), Integer.parseInt(t, dot + 1, end, 10), t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ProcResult<KernelRelease> read(Path file) {
        try (ProcLineReader r = ProcLineReader.open(file)) {
            if (!r.next()) {
                return ProcResult.failed(ProcError.of(ProcError.Kind.MALFORMED, file, "empty file"));
            }
            String text = r.text(0, r.trimmedEnd());
            KernelRelease k = parse(text);
            return k != null ? ProcResult.ok(k)
                    : ProcResult.failed(new ProcError(ProcError.Kind.MALFORMED, file, 1,
                            "expected <major>.<minor>..., got " + r.quoted()));
        } catch (IOException e) {
            return ProcResult.failed(ProcError.fromIo(file, e));
        } catch (ProcFormatException e) {
            return ProcResult.failed(ProcError.malformed(file, e));
        }
    }
}
