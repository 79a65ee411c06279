/**
 * io_uring on the Java FFM API: set up a ring, prepare operations, submit them, reap their completions.
 * Depends on nothing but the JDK; the JVM must grant it native access (see the README's table:
 * {@code --enable-native-access=ALL-UNNAMED} on the class path, {@code =dev.ringwatch.ring} on the module
 * path, {@code Enable-Native-Access: ALL-UNNAMED} in an executable jar's manifest).
 *
 * <h2>The loop</h2>
 * {@link dev.ringwatch.ring.IoUring#nextSqe()} hands out the next free submission queue entry; its
 * prep methods ({@link dev.ringwatch.ring.Sqe#read}, {@link dev.ringwatch.ring.Sqe#recv}, ...) set the
 * operation and return the same {@link dev.ringwatch.ring.Sqe}, so options chain:
 * {@code ring.nextSqe().recv(conn, buf, 0).userData(7)}. {@link dev.ringwatch.ring.IoUring#submit()}
 * passes the queued entries to the kernel; {@link dev.ringwatch.ring.IoUring#forEachCompletion} hands
 * each completion to a {@link dev.ringwatch.ring.CompletionHandler} as {@code (userData, res, flags)}:
 * the user data you set, the result ({@code >= 0} on success, {@code -errno} on failure, see
 * {@link dev.ringwatch.ring.Errno}) and {@link dev.ringwatch.ring.CqeFlags}.
 *
 * <h2>Rules that are easy to miss</h2>
 * <ul>
 * <li>Memory handed to an operation (buffers, paths, socket addresses, iovecs, timespecs) must be
 *     native ({@code Arena.allocate}) and stay valid until the operation's completion arrived.</li>
 * <li>Lengths come from the segments: a read or recv fills at most {@code buf.byteSize()} bytes; a
 *     connect or bind passes {@code sockaddr.byteSize()} as {@code addrlen}, which is why
 *     {@link dev.ringwatch.ring.Sockaddr} sizes its segments exactly (16 bytes for IPv4, 28 for IPv6);
 *     accept takes a buffer of {@link dev.ringwatch.ring.Sockaddr#STORAGE_BYTES} and a 4-byte
 *     {@code addrLen} holding that size, which the kernel overwrites with the real length.</li>
 * <li>A completion handler may prepare and submit new entries, but must not reap again: a nested
 *     {@code forEachCompletion} or {@code peekCompletion} throws {@link java.lang.IllegalStateException},
 *     so no completion is delivered twice.</li>
 * <li>Multishot requests (accept, poll) post one completion per event while
 *     {@link dev.ringwatch.ring.CqeFlags#MORE} is set; a completion without it is the last, and the
 *     request must be prepared again to go on.</li>
 * <li>A ring is for one thread at a time; {@link dev.ringwatch.ring.IoUring#wakeup()} and
 *     {@link dev.ringwatch.ring.IoUring#close()} are safe from any thread.</li>
 * </ul>
 *
 * <h2>Copying a file at queue depth 16</h2>
 * {@snippet class=FileCopy region=copy}
 *
 * <h2>A TCP echo server with multishot accept into fixed slots</h2>
 * Connections never get an fd of their own: the kernel puts each accepted socket into a slot of the
 * ring's fixed-file table ({@link dev.ringwatch.ring.FileTable}), and releasing the slot closes it.
 * {@snippet class=EchoServer region=echo}
 */
package dev.ringwatch.ring;
