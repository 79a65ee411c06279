package dev.ringwatch.programs;

import com.sun.tools.attach.VirtualMachine;
import dev.ringwatch.ring.IoUring;

/**
 * The agent loaded into a running JVM (dynamic attach, agentmain) after ring-core's classes were loaded
 * and a ring was made: rings made afterwards are tracked (ring-core is retransformed), the earlier one is
 * not. First argument: the agent jar. Needs -Djdk.attach.allowAttachSelf=true.
 */
public final class AttachLater {
    static IoUring early;

    public static void main(String[] args) throws Exception {
        early = IoUring.builder().entries(4).build();
        VirtualMachine vm = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try {
            vm.loadAgent(args[0], "slotStacks=all");
        } finally {
            vm.detach();
        }
        dropOne();
        Child.settle(1);
        Child.print("LIVE_RINGS", Child.tracker("LiveRings"));
    }

    private static void dropOne() {
        IoUring.builder().entries(4).build();
    }
}
