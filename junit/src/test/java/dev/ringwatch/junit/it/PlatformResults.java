package dev.ringwatch.junit.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one {@link PlatformRun} child printed: each test's and container's outcome, in the order they finished. */
record PlatformResults(String label, int exitCode, String stdout, String stderr, Map<String, Outcome> outcomes,
                       List<String> entries) {

    /** @param status SUCCESSFUL, FAILED, ABORTED or SKIPPED */
    record Outcome(String status, boolean test, String message) {
    }

    static PlatformResults parse(String label, int exitCode, String stdout, String stderr) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> entries = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.split(" ", 5);
            if (f[0].equals("RESULT") && f.length == 5) {
                String message = f[4].equals("-") ? "" : new String(Base64.getDecoder().decode(f[4]), StandardCharsets.UTF_8);
                outcomes.put(f[3], new Outcome(f[1], f[2].equals("test"), message));
            } else if (f[0].equals("ENTRY")) {
                entries.add(line.substring(6));
            }
        }
        return new PlatformResults(label, exitCode, stdout, stderr, outcomes, entries);
    }

    /** The outcome of the one test or container whose unique id ends with {@code suffix}. */
    Outcome outcome(String suffix) {
        List<Outcome> found = outcomes.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                .map(Map.Entry::getValue).toList();
        if (found.size() != 1) {
            throw new AssertionError(label + ": " + found.size() + " results end with " + suffix + "; " + where());
        }
        return found.getFirst();
    }

    /** Unique id to status, for comparing runs. */
    Map<String, String> statuses() {
        Map<String, String> m = new LinkedHashMap<>();
        outcomes.forEach((id, o) -> m.put(id, o.status()));
        return m;
    }

    /** Unique ids of the tests, in the order they finished. */
    List<String> testOrder() {
        return outcomes.entrySet().stream().filter(e -> e.getValue().test()).map(Map.Entry::getKey).toList();
    }

    String where() {
        return "exit " + exitCode + "\n--- stdout\n" + tail(stdout) + "\n--- stderr\n" + tail(stderr);
    }

    private static String tail(String s) {
        return s.length() <= 8000 ? s : "..." + s.substring(s.length() - 8000);
    }
}
