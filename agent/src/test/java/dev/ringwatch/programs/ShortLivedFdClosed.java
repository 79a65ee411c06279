package dev.ringwatch.programs;

/**
 * A JVM that lives about a second, far less than two reconciler periods at the default 5 s: twice a socket
 * registered into a slot of a new ring and its fd then closed; the rings are left open at exit.
 */
public final class ShortLivedFdClosed {

    public static void main(String[] args) {
        KernelRules.fdClosed();
        KernelRules.fdClosed();
        Child.sleep(1000);
        Child.print("KERNEL_LEAKS_BEFORE_EXIT", Child.tracker("KernelLeaks"));
    }
}
