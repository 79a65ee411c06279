package dev.ringwatch.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code list} and {@code attach <pid> [options]}: the JVMs this user may attach to, and loading this agent jar
 * into one of them (its agentmain instruments the ring-core classes loaded already and adopts the rings that
 * exist). Every failure is one line on stderr starting {@code ringwatch attach:} and a non-zero exit code.
 */
public final class AttachCommand {
    public static final int EXIT_OK = 0;
    /** The process cannot be attached to, or the agent could not be loaded into it. */
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    /** The agent runs in that JVM already: nothing was done. */
    public static final int EXIT_ALREADY_LOADED = 3;
    /** Set in a JVM where the agent started (premain or agentmain), so a second attach can say so. */
    public static final String LOADED_PROPERTY = "dev.ringwatch.agent.loaded";

    private AttachCommand() {
    }

    /** Prints {@code <pid>\t<main class and arguments>} per attachable JVM of this user, this one left out. */
    public static int list(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 0) {
            err.println("ringwatch list: takes no arguments, got " + String.join(" ", args));
            return EXIT_USAGE;
        }
        String self = Long.toString(ProcessHandle.current().pid());
        List<VirtualMachineDescriptor> vms = VirtualMachine.list();
        int n = 0;
        for (VirtualMachineDescriptor d : vms) {
            if (d.id().equals(self)) {
                continue;
            }
            out.println(d.id() + "\t" + (d.displayName().isEmpty() ? "(main class not known)" : d.displayName()));
            n++;
        }
        if (n == 0) {
            err.println("ringwatch list: no attachable JVMs of this user found (JVMs started with"
                    + " -XX:+DisableAttachMechanism, or by another user, are not listed)");
        }
        return EXIT_OK;
    }

    /** {@code attach <pid> [key=value[,key=value...] ...]}. */
    public static int attach(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1) {
            err.println("ringwatch attach: which process? usage: attach <pid> [key=value,...]");
            return EXIT_USAGE;
        }
        String pid = args[0];
        if (!pid.matches("[1-9][0-9]{0,9}")) {
            err.println("ringwatch attach: '" + pid + "' is not a process id (a positive number; 'list' shows the"
                    + " attachable JVMs)");
            return EXIT_USAGE;
        }
        if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            err.println("ringwatch attach: " + pid + " is this command's own process");
            return EXIT_USAGE;
        }
        String options = String.join(",", Arrays.copyOfRange(args, 1, args.length));
        Path jar;
        try {
            jar = ownJar();
        } catch (IllegalStateException e) {
            err.println("ringwatch attach: " + e.getMessage());
            return EXIT_FAILED;
        }
        if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            err.println("ringwatch attach: no process " + pid + " is running");
            return EXIT_FAILED;
        }
        if (!JvmProcess.isJvm(pid)) {
            err.println("ringwatch attach: process " + pid + " is not a JVM of this user (no JVM lists it and it"
                    + " does not map libjvm.so); nothing was sent to it. If it wraps a JVM (timeout, a shell"
                    + " script), attach to the JVM's own pid: 'list' shows them");
            return EXIT_FAILED;
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            err.println("ringwatch attach: cannot attach to process " + pid + ": " + e.getMessage() + " (it must be a"
                    + " JVM of this user, started without -XX:+DisableAttachMechanism)");
            return EXIT_FAILED;
        }
        try {
            Properties props = vm.getSystemProperties();
            if (props.getProperty(LOADED_PROPERTY) != null) {
                err.println("ringwatch attach: the ringwatch agent is already loaded in process " + pid + " ("
                        + props.getProperty(LOADED_PROPERTY) + "); nothing done");
                return EXIT_ALREADY_LOADED;
            }
            vm.loadAgent(jar.toString(), options.isEmpty() ? null : options);
            out.println("ringwatch attach: loaded " + jar + " into process " + pid
                    + (options.isEmpty() ? "" : " with options " + options)
                    + "; its lines go to that JVM's log (logger dev.ringwatch)");
            return EXIT_OK;
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            err.println("ringwatch attach: loading the agent into process " + pid + " failed: " + e);
            return EXIT_FAILED;
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the agent is loaded or not; detaching cannot change that
            }
        }
    }

    /** The agent jar this command runs from. */
    private static Path ownJar() {
        try {
            Path p = Path.of(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
                throw new IllegalStateException("must run from the agent jar (java -jar ringwatch-agent.jar attach"
                        + " ...), not from " + p);
            }
            return p.toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("cannot find the agent jar this command runs from: " + e);
        }
    }
}
