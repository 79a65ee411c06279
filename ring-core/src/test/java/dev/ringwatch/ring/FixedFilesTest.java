package dev.ringwatch.ring;

import dev.ringwatch.testsupport.OpenFds;
import dev.ringwatch.testsupport.TestLibc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sparse fixed-file tables with resource tags: the kernel's drop confirmation reaches listeners only. */
class FixedFilesTest {
    private final OpenFds fds = new OpenFds();
    private IoUring ring;

    @BeforeEach
    void setUp() {
        ring = IoUring.builder().entries(16).build();
    }

    @AfterEach
    void tearDown() {
        ring.close();
        fds.close();
    }

    private static String socketInode(int fd) throws Exception {
        return ProcState.fdTarget(fd); // socket:[12345]
    }

    @Test
    void registerTakesTheLowestFreeSlotAndTheKernelShowsTheFile() throws Throwable {
        FileTable files = ring.registerFiles(8);
        int s1 = fds.tcpSocket();
        int s2 = fds.tcpSocket();
        FixedFile a = files.register(s1, null);
        FixedFile b = files.register(s2, "owner");
        assertEquals(0, a.slot());
        assertEquals(1, b.slot());
        assertEquals(2, files.occupied());
        String info = ProcState.fdinfo(ring.fd());
        assertTrue(info.contains("0: " + socketInode(s1)), info);
        assertTrue(info.contains("1: " + socketInode(s2)), info);
        a.close();
        FixedFile c = files.register(s1, null);
        assertEquals(0, c.slot(), "a released slot is reused first");
    }

    @Test
    void releaseIsConfirmedByATagCompletionThatTheApplicationNeverSees() throws Throwable {
        FileTable files = ring.registerFiles(4);
        List<String> dropped = new ArrayList<>();
        ring.addFileDropListener((table, slot, tag) -> dropped.add(slot + ":" + Long.toHexString(tag)));
        int s = fds.tcpSocket();
        FixedFile f = files.registerAt(2, s, null);
        assertNotEquals(0, f.tag());
        f.close();
        f.close(); // idempotent
        assertTrue(f.isReleased());
        assertEquals(1, files.awaitingDrop());

        ring.nextSqe().nop().userData(42);
        List<Long> appSaw = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((dropped.isEmpty() || appSaw.isEmpty()) && System.nanoTime() < deadline) {
            ring.submitAndWait(1, Duration.ofMillis(50));
            ring.forEachCompletion((ud, res, flags) -> appSaw.add(ud));
        }
        assertEquals(List.of("2:" + Long.toHexString(f.tag())), dropped);
        assertEquals(List.of(42L), appSaw, "the tag completion must not reach the application's handler");
        assertEquals(0, files.awaitingDrop());
        assertFalse(ProcState.fdinfo(ring.fd()).contains("2: socket"));
    }

    @Test
    void theTableKeepsASocketOpenAfterItsFdIsClosedUntilTheSlotIsReleased() throws Throwable {
        FileTable files = ring.registerFiles(4);
        int s = TestLibc.tcpSocket();
        String inode = socketInode(s);
        FixedFile f = files.register(s, null);
        TestLibc.close(s);
        assertTrue(ProcState.fdinfo(ring.fd()).contains(inode), "the slot still holds the socket the app closed");
        f.close();
        assertFalse(ProcState.fdinfo(ring.fd()).contains(inode));
    }

    @Test
    void releaseSlotFreesWhateverIsThereAndTheStaleHandleNoticesIt() throws Throwable {
        FileTable files = ring.registerFiles(4);
        int s = fds.tcpSocket();
        FixedFile f = files.register(s, null);
        assertTrue(files.releaseSlot(f.slot()));
        assertFalse(files.releaseSlot(f.slot()));
        assertTrue(f.isReleased());
        f.close(); // must not release a newer file that took the slot
        FixedFile g = files.register(s, null);
        assertEquals(f.slot(), g.slot());
        f.close();
        assertTrue(files.isOccupied(g.slot()));
        g.close();
    }

    @Test
    void ownersAreHeldWeaklyAndDefaultToTheHandle() throws Throwable {
        FileTable files = ring.registerFiles(4);
        int s = fds.tcpSocket();
        FixedFile noOwner = files.register(s, null);
        assertEquals(noOwner, noOwner.owner());
        assertFalse(noOwner.hasExplicitOwner());
        Object owner = new Object();
        FixedFile owned = files.register(s, owner);
        assertEquals(owner, owned.owner());
        assertEquals(Object.class.getName(), owned.ownerClassName());
        noOwner.close();
        owned.close();
    }

    @Test
    void badSlotsAndFdsGetClearErrors() throws Throwable {
        FileTable files = ring.registerFiles(2);
        int s = TestLibc.tcpSocket();
        assertThrows(IllegalArgumentException.class, () -> files.register(-1, null));
        IndexOutOfBoundsException range = assertThrows(IndexOutOfBoundsException.class, () -> files.registerAt(2, s, null));
        assertTrue(range.getMessage().contains("slot 2"), range.getMessage());
        files.register(s, null);
        files.register(s, null);
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> files.register(s, null));
        assertTrue(full.getMessage().contains("full"), full.getMessage());
        assertThrows(IllegalStateException.class, () -> files.registerAt(0, s, null));
        // A closed fd of a number nobody else will take meanwhile: other threads (an agent's, say) open files
        // too, and the kernel hands out the lowest free number, which s would be.
        int closed = 1000;
        TestLibc.dup2(s, closed);
        TestLibc.close(closed);
        TestLibc.close(s);
        IoUringException closedFd = assertThrows(IoUringException.class, () -> {
            files.releaseSlot(1);
            files.register(closed, null);
        });
        assertEquals("EBADF", closedFd.errnoName());
        assertTrue(closedFd.getMessage().contains("FILES_UPDATE2"), closedFd.getMessage());
        assertEquals(1, files.occupied(), "a failed registration leaves the table as it was");
        assertThrows(IllegalStateException.class, () -> ring.registerFiles(4), "one table per ring");
        assertThrows(IllegalArgumentException.class, () -> files.reserveForKernel(1, 5));
    }

    @Test
    void aSlotOfAnotherRingOrAReleasedSlotIsRefusedInAnSqe() throws Throwable {
        FileTable files = ring.registerFiles(2);
        int s = fds.tcpSocket();
        FixedFile f = files.register(s, null);
        try (IoUring other = IoUring.builder().entries(4).build()) {
            assertThrows(IllegalArgumentException.class, () -> other.nextSqe().shutdown(f, 2));
        }
        f.close();
        assertThrows(IllegalStateException.class, () -> ring.nextSqe().shutdown(f, 2));
    }
}
