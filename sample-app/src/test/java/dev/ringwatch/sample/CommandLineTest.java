package dev.ringwatch.sample;

import dev.ringwatch.sample.cli.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: help, unknown commands and options, bad values, all with exit code 2 and a named culprit. */
class CommandLineTest {

    static Stream<String> commandNames() {
        return Main.commands().stream().map(Command::name);
    }

    @Test
    void noArgumentsPrintsUsageAndExits2() {
        Runs.Run r = Runs.inProcess();
        assertEquals(2, r.exitCode(), r::describe);
        for (Command c : Main.commands()) {
            assertTrue(r.err().contains(c.name()), () -> "usage does not list " + c.name() + ":\n" + r.err());
        }
    }

    @Test
    void unknownCommandIsNamedAndExits2() {
        Runs.Run r = Runs.inProcess("sqpol-churn", "--rings", "3");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("unknown command 'sqpol-churn'"), r::describe);
    }

    @ParameterizedTest
    @MethodSource("commandNames")
    void helpListsEveryOptionAndExits0(String command) {
        Runs.Run r = Runs.inProcess(command, "--help");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.out().startsWith("Usage: java -jar ringwatch-sample.jar " + command), r::describe);
        Command c = Main.commands().stream().filter(x -> x.name().equals(command)).findFirst().orElseThrow();
        for (String option : c.options().names()) {
            assertTrue(r.out().contains("--" + option + " ") || r.out().contains("--" + option + "\n")
                    || r.out().contains("--" + option + "  "), () -> "help does not list --" + option + ":\n" + r.out());
        }
        assertTrue(r.out().contains("--help"), r::describe);
        assertFalse(r.out().contains("result:"), () -> "--help must not run the command:\n" + r.out());
    }

    @ParameterizedTest
    @MethodSource("commandNames")
    void unknownOptionIsNamedAndExits2(String command) {
        Runs.Run r = Runs.inProcess(command, "--bogus-option", "1");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("unknown option '--bogus-option'"), r::describe);
        assertTrue(r.out().isEmpty(), "nothing may run on a bad command line:\n" + r.out());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(new String[]{"sqpoll-churn", "--rings", "abc"}, "option --rings expects a whole number"),
                Arguments.of(new String[]{"sqpoll-churn", "--rings", "0"}, "option --rings must be from 1 to"),
                Arguments.of(new String[]{"sqpoll-churn", "--leak-every", "-1"}, "option --leak-every must be from 0"),
                Arguments.of(new String[]{"sqpoll-churn", "--rings"}, "option --rings needs a value"),
                Arguments.of(new String[]{"sqpoll-churn", "--rings", "2", "--rings", "3"}, "option --rings given twice"),
                Arguments.of(new String[]{"sqpoll-churn", "--entries", "8", "--nops", "9"}, "option --nops (9) must not exceed --entries (8)"),
                Arguments.of(new String[]{"sqpoll-churn", "rings=3"}, "unexpected argument 'rings=3'"),
                Arguments.of(new String[]{"socket-churn", "--close-fd-first=yes"}, "option --close-fd-first takes no value"),
                Arguments.of(new String[]{"socket-churn", "--iterations", "99999999999"}, "option --iterations must be from 1 to"),
                Arguments.of(new String[]{"echo-load", "--duration-s", "1"}, "option --port is required"),
                Arguments.of(new String[]{"echo-bench", "--message-bytes=0"}, "option --message-bytes must be from 1"),
                Arguments.of(new String[]{"echo-server", "--port", "70000"}, "option --port must be from 0 to 65535"),
                Arguments.of(new String[]{"core-demo", "--file", "/nonexistent/ringwatch-file"}, "option --file: '/nonexistent/ringwatch-file'"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void badValueIsNamedAndExits2(String[] args, String message) {
        Runs.Run r = Runs.inProcess(args);
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains(message), () -> "expected '" + message + "' in:\n" + r.describe());
    }

    @Test
    void badOptionExits2FromARealProcess_childJvm() throws Exception {
        Runs.Run r = Runs.child(Duration.ofSeconds(30), "socket-churn", "--forget-release-every", "x");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.err().contains("option --forget-release-every expects a whole number"), r::describe);
    }
}
