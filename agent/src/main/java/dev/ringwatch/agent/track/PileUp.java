package dev.ringwatch.agent.track;

import dev.ringwatch.agent.finding.Finding;

/**
 * A ring pile-up: more than the threshold of rings open from one creation site, their number grown in
 * consecutive windows with none of them closed. One report per site.
 *
 * @param library        the library of the site's newest ring
 * @param openRings      rings from the site open now
 * @param sqpollRings    of those, the ones holding an SQPOLL kernel thread
 * @param oldestAgeNanos age of the oldest of them
 * @param windows        consecutive windows in which their number grew
 * @param thread         the thread that created the newest of them
 */
public record PileUp(CreationSite site, String library, int openRings, int sqpollRings, long oldestAgeNanos,
                     int windows, String thread) {
    /** This pile-up in the vocabulary every sink speaks. */
    public Finding.RingPileUp finding() {
        return new Finding.RingPileUp(library, CreationSite.framesText(site), openRings, sqpollRings, oldestAgeNanos,
                windows, thread);
    }
}
