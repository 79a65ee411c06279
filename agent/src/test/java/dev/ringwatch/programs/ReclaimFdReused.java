package dev.ringwatch.programs;

import dev.ringwatch.ring.IoUring;

import java.lang.ref.Reference;

/**
 * Misuse under reclaim=true: a ring's fd is closed behind ring-core's back and its number reused by a file
 * (dup2 of /dev/null onto it), then the ring's explicit owner is dropped while the IoUring stays referenced.
 * Prints what the ring's fd number is afterwards: the file must still be open.
 */
public final class ReclaimFdReused {
    static IoUring kept;

    public static void main(String[] args) {
        Object owner = new Object();
        kept = IoUring.builder().entries(8).owner(owner).build();
        int ringFd = kept.fd();
        Child.sleep(500); // the tracker's thread reads the ring's inode
        int file = Child.openDevNull();
        Child.dup2(file, ringFd);
        Child.close(file);
        Child.print("TARGET_BEFORE", Child.fdTarget(ringFd));
        Reference.reachabilityFence(owner);
        owner = null;
        Child.settle(1);
        Child.sleep(300); // reclaim runs right after the report, on the tracker's thread
        Child.print("TARGET_AFTER", Child.fdTarget(ringFd));
    }
}
