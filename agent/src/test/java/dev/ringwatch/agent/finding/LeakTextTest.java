package dev.ringwatch.agent.finding;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one formatter of LEAK lines: every finding in the one layout, the live-ring rules' lines word for word. */
class LeakTextTest {

    @Test
    void everyFindingSpeaksInTheOneLayout() {
        for (Finding f : SampleFindings.ONE_OF_EACH) {
            String line = LeakText.PLAIN.line(f);
            assertTrue(line.startsWith(LeakLine.LEAK_PREFIX + f.rule().title() + ": "), line);
            String[] lines = line.split("\n");
            for (int i = 1; i < lines.length; i++) {
                assertTrue(lines[i].startsWith("\t"), "frames and -> lines are tab-indented: " + line);
            }
        }
    }

    @Test
    void pileUpLine() {
        Finding f = SampleFindings.ONE_OF_EACH.stream().filter(x -> x.rule() == Rule.RING_PILE_UP).findFirst()
                .orElseThrow();
        assertEquals("ringwatch LEAK ring pile-up: 20 netty rings open from one creation site, grown in each of the"
                + " last 3 windows with none closed; they hold 20 SQPOLL threads; oldest 9.0s old; newest created by"
                + " thread \"main\" at\n\tapp.Client.connect(Client.java:30)"
                + "\n\t-> every ring made here stays open (kernel memory, and an iou-sqp kernel thread each) until it is"
                + " closed or the process exits"
                + "\n\t-> fix: close what this site creates when done (EventLoopGroup.shutdownGracefully()), or create"
                + " it once and share it", LeakText.PLAIN.line(f));
    }

    @Test
    void outlivedThreadLine() {
        Finding f = SampleFindings.ONE_OF_EACH.stream().filter(x -> x.rule() == Rule.RING_OUTLIVED_THREAD)
                .findFirst().orElseThrow();
        assertEquals("ringwatch LEAK ring outlived its thread: netty SQPOLL ring fd=16 flags=SQPOLL entries=4096"
                + " age=4.0s owning thread \"loop-1\" has terminated; created by thread \"loop-1\" at"
                + "\n\tapp.Server.start(Server.java:42)"
                + "\n\t-> the thread that ran this ring ended without closing it: nothing will close it any more, it"
                + " stays open until the process exits"
                + "\n\t-> fix: shut the event loop down through its group (EventLoopGroup.shutdownGracefully()), so"
                + " that it closes its ring before its thread ends [ring id=7]", LeakText.PLAIN.line(f));
    }

    @Test
    void gcRingLineNamesTheRingItsOwnerAndTheFix() {
        Finding f = SampleFindings.ONE_OF_EACH.getFirst();
        assertEquals("ringwatch LEAK ring outlived owner: SQPOLL ring fd=10 flags=SQPOLL entries=64 age=3.2s"
                + " owner=app.Conn created by thread \"main\" at\n\tapp.Conn.open(Conn.java:12)"
                + "\n\t-> its owner app.Conn was garbage collected while the ring was open; the IoUring object is gone"
                + " too, so nothing can close the ring any more"
                + "\n\t-> severe: its SQPOLL kernel thread (iou-sqp, tid 4711) keeps running until the process exits"
                + "\n\t-> it still holds 2 fixed-file slots: their files stay open with it"
                + "\n\t-> fix: close the ring (IoUring.close(), e.g. try-with-resources or in Conn's own close()) before"
                + " dropping it; until then reclaim=true makes the agent close it [ring id=1]", LeakText.PLAIN.line(f));
    }
}
