package dev.ringwatch.ring;

import java.lang.foreign.MemorySegment;


/**
 * A flyweight over one submission queue entry, handed out zeroed by {@link IoUring#nextSqe()}. Each
 * prep method sets the opcode and its required arguments and returns this SQE, so options chain:
 * {@code ring.nextSqe().recv(conn, buf, 0).userData(7).link()}. Operations on a fixed-file slot take
 * a {@link FixedFile}, never a raw int, so a slot index cannot be mistaken for an fd.
 *
 * <p>Memory handed to an operation (buffers, paths, addresses) must stay valid until its completion.
 */
public final class Sqe extends SqeFileOps {
    /** Ask the kernel to choose a free slot ({@code IORING_FILE_INDEX_ALLOC}); see {@link FileTable#reserveForKernel}. */
    public static final int ALLOC_SLOT = -1;

    private static final int POLL_ADD_MULTI = 1, ACCEPT_MULTISHOT = 1;

    private final IoUring ring;

    Sqe(IoUring ring, MemorySegment sqes, long offset, boolean big) {
        super(sqes, offset, big);
        this.ring = ring;
    }

    @Override
    IoUring ring() {
        return ring;
    }


    // ---- operations -----------------------------------------------------------------------------------

    /**
     * One-shot poll for {@code events} (POLLIN=1, POLLOUT=4, ...).
     *
     * @param fd the file descriptor
     * @param events {@link PollEvents} bits to wait for
     * @return this SQE, for chaining
     */
    public Sqe pollAdd(int fd, int events) {
        return prep(Opcode.POLL_ADD, checkFd(fd), 0, 0, 0).opFlags(events);
    }

    /**
     * One-shot poll for {@code events}, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param events {@link PollEvents} bits to wait for
     * @return this SQE, for chaining
     */
    public Sqe pollAdd(FixedFile file, int events) {
        return prepFixed(Opcode.POLL_ADD, file, 0, 0, 0).opFlags(events);
    }

    /**
     * Multishot poll: one completion per readiness event, flagged {@link CqeFlags#MORE} while armed.
     *
     * @param fd the file descriptor
     * @param events {@link PollEvents} bits to wait for
     * @return this SQE, for chaining
     */
    public Sqe pollMultishot(int fd, int events) {
        return prep(Opcode.POLL_ADD, checkFd(fd), 0, POLL_ADD_MULTI, 0).opFlags(events);
    }

    /**
     * Multishot poll: one completion per readiness event, flagged {@link CqeFlags#MORE} while armed, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param events {@link PollEvents} bits to wait for
     * @return this SQE, for chaining
     */
    public Sqe pollMultishot(FixedFile file, int events) {
        return prepFixed(Opcode.POLL_ADD, file, 0, POLL_ADD_MULTI, 0).opFlags(events);
    }

    /**
     * Removes the poll whose user data is {@code targetUserData}.
     *
     * @param targetUserData user data of the request to act on
     * @return this SQE, for chaining
     */
    public Sqe pollRemove(long targetUserData) {
        return prep(Opcode.POLL_REMOVE, -1, targetUserData, 0, 0);
    }

    /**
     * accept4(2). {@code addr}/{@code addrLen} may be {@link MemorySegment#NULL}; {@code addrLen} holds a socklen_t with the size of {@code addr}.
     *
     * @param fd the file descriptor
     * @param addr native storage for the peer's address ({@link Sockaddr#allocate}), or {@code MemorySegment.NULL}
     * @param addrLen native 4-byte {@code socklen_t} holding the size of {@code addr} (the kernel writes the real length), or {@code MemorySegment.NULL}
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @return this SQE, for chaining
     */
    public Sqe accept(int fd, MemorySegment addr, MemorySegment addrLen, int flags) {
        return prep(Opcode.ACCEPT, checkFd(fd), nullable(addr), 0, nullable(addrLen)).opFlags(flags);
    }

    /**
     * accept4(2), on a fixed-file slot.
     *
     * @param listener the listening socket's fixed-file slot
     * @param addr native storage for the peer's address ({@link Sockaddr#allocate}), or {@code MemorySegment.NULL}
     * @param addrLen native 4-byte {@code socklen_t} holding the size of {@code addr} (the kernel writes the real length), or {@code MemorySegment.NULL}
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @return this SQE, for chaining
     */
    public Sqe accept(FixedFile listener, MemorySegment addr, MemorySegment addrLen, int flags) {
        return prepFixed(Opcode.ACCEPT, listener, nullable(addr), 0, nullable(addrLen)).opFlags(flags);
    }

    /**
     * Multishot accept: one completion per connection while {@link CqeFlags#MORE} is set.
     *
     * @param fd the file descriptor
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @return this SQE, for chaining
     */
    public Sqe acceptMultishot(int fd, int flags) {
        return prep(Opcode.ACCEPT, checkFd(fd), 0, 0, 0).opFlags(flags).ioprio(ACCEPT_MULTISHOT);
    }

    /**
     * Multishot accept: one completion per connection while {@link CqeFlags#MORE} is set, on a fixed-file slot.
     *
     * @param listener the listening socket's fixed-file slot
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @return this SQE, for chaining
     */
    public Sqe acceptMultishot(FixedFile listener, int flags) {
        return prepFixed(Opcode.ACCEPT, listener, 0, 0, 0).opFlags(flags).ioprio(ACCEPT_MULTISHOT);
    }

    /**
     * Accept into fixed slot {@code slot} ({@link #ALLOC_SLOT}: the kernel picks, result = slot).
     *
     * @param fd the file descriptor
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @param slot the slot index, or {@link #ALLOC_SLOT} to let the kernel pick
     * @return this SQE, for chaining
     */
    public Sqe acceptDirect(int fd, int flags, int slot) {
        return prep(Opcode.ACCEPT, checkFd(fd), 0, 0, 0).opFlags(flags).fileIndex(slot);
    }

    /**
     * Accept into fixed slot {@code slot} ({@link #ALLOC_SLOT}: the kernel picks, result = slot), on a fixed-file slot.
     *
     * @param listener the listening socket's fixed-file slot
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @param slot the slot index, or {@link #ALLOC_SLOT} to let the kernel pick
     * @return this SQE, for chaining
     */
    public Sqe acceptDirect(FixedFile listener, int flags, int slot) {
        return prepFixed(Opcode.ACCEPT, listener, 0, 0, 0).opFlags(flags).fileIndex(slot);
    }

    /**
     * Multishot accept into kernel-chosen slots: each completion's result is the slot it filled.
     *
     * @param fd the file descriptor
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @return this SQE, for chaining
     */
    public Sqe acceptMultishotDirect(int fd, int flags) {
        return acceptMultishot(fd, flags).fileIndex(ALLOC_SLOT);
    }

    /**
     * Multishot accept into kernel-chosen slots: each completion's result is the slot it filled, on a fixed-file slot.
     *
     * @param listener the listening socket's fixed-file slot
     * @param flags accept4 flags ({@link Sockets#SOCK_CLOEXEC}, {@link Sockets#SOCK_NONBLOCK})
     * @return this SQE, for chaining
     */
    public Sqe acceptMultishotDirect(FixedFile listener, int flags) {
        return acceptMultishot(listener, flags).fileIndex(ALLOC_SLOT);
    }

    /**
     * connect(2) to the sockaddr in {@code addr}.
     *
     * @param fd the file descriptor
     * @param addr the peer's address ({@link Sockaddr}); its size is passed as {@code addrlen}
     * @return this SQE, for chaining
     */
    public Sqe connect(int fd, MemorySegment addr) {
        return prep(Opcode.CONNECT, checkFd(fd), addr(addr), 0, len(addr));
    }

    /**
     * connect(2) to the address in {@code addr}, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param addr the peer's address ({@link Sockaddr}); its size is passed as {@code addrlen}
     * @return this SQE, for chaining
     */
    public Sqe connect(FixedFile file, MemorySegment addr) {
        return prepFixed(Opcode.CONNECT, file, addr(addr), 0, len(addr));
    }

    /**
     * recv(2) of up to {@code buf.byteSize()} bytes; the result is the byte count, 0 at end of stream.
     *
     * @param fd the file descriptor
     * @param buf native buffer; its size is the length
     * @param msgFlags {@code MSG_*} flags (see {@link Sockets})
     * @return this SQE, for chaining
     */
    public Sqe recv(int fd, MemorySegment buf, int msgFlags) {
        return prep(Opcode.RECV, checkFd(fd), addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    /**
     * recv(2) of up to {@code buf.byteSize()} bytes; the result is the byte count, 0 at end of stream, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param buf native buffer; its size is the length
     * @param msgFlags {@code MSG_*} flags (see {@link Sockets})
     * @return this SQE, for chaining
     */
    public Sqe recv(FixedFile file, MemorySegment buf, int msgFlags) {
        return prepFixed(Opcode.RECV, file, addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    /**
     * send(2) of {@code buf}; the result is the byte count sent (may be short).
     *
     * @param fd the file descriptor
     * @param buf native buffer; its size is the length
     * @param msgFlags {@code MSG_*} flags (see {@link Sockets})
     * @return this SQE, for chaining
     */
    public Sqe send(int fd, MemorySegment buf, int msgFlags) {
        return prep(Opcode.SEND, checkFd(fd), addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    /**
     * send(2) of {@code buf}; the result is the byte count sent (may be short), on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param buf native buffer; its size is the length
     * @param msgFlags {@code MSG_*} flags (see {@link Sockets})
     * @return this SQE, for chaining
     */
    public Sqe send(FixedFile file, MemorySegment buf, int msgFlags) {
        return prepFixed(Opcode.SEND, file, addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    /**
     * shutdown(2); {@code how}: 0 read, 1 write, 2 both.
     *
     * @param fd the file descriptor
     * @param how {@link Sockets#SHUT_RD}, {@link Sockets#SHUT_WR} or {@link Sockets#SHUT_RDWR}
     * @return this SQE, for chaining
     */
    public Sqe shutdown(int fd, int how) {
        return prep(Opcode.SHUTDOWN, checkFd(fd), 0, how, 0);
    }

    /**
     * shutdown(2), on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param how {@link Sockets#SHUT_RD}, {@link Sockets#SHUT_WR} or {@link Sockets#SHUT_RDWR}
     * @return this SQE, for chaining
     */
    public Sqe shutdown(FixedFile file, int how) {
        return prepFixed(Opcode.SHUTDOWN, file, 0, how, 0);
    }

    /**
     * socket(2); the result is the new fd.
     *
     * @param domain {@link Sockets#AF_INET}, {@link Sockets#AF_INET6}, ...
     * @param type {@link Sockets#SOCK_STREAM} and so on, optionally or-ed with {@link Sockets#SOCK_CLOEXEC}
     * @param protocol usually 0
     * @return this SQE, for chaining
     */
    public Sqe socket(int domain, int type, int protocol) {
        return prep(Opcode.SOCKET, domain, 0, protocol, type);
    }

    /**
     * socket(2) straight into fixed slot {@code slot} ({@link #ALLOC_SLOT}: kernel picks, result = slot).
     *
     * @param domain {@link Sockets#AF_INET}, {@link Sockets#AF_INET6}, ...
     * @param type {@link Sockets#SOCK_STREAM} and so on, optionally or-ed with {@link Sockets#SOCK_CLOEXEC}
     * @param protocol usually 0
     * @param slot the slot index, or {@link #ALLOC_SLOT} to let the kernel pick
     * @return this SQE, for chaining
     */
    public Sqe socketDirect(int domain, int type, int protocol, int slot) {
        return socket(domain, type, protocol).fileIndex(slot);
    }

    /**
     * socket(2) straight into a slot of {@code table} (free, or {@link #ALLOC_SLOT}); the result is the slot.
     *
     * @param domain {@link Sockets#AF_INET}, {@link Sockets#AF_INET6}, ...
     * @param type {@link Sockets#SOCK_STREAM} and so on, optionally or-ed with {@link Sockets#SOCK_CLOEXEC}
     * @param protocol usually 0
     * @param table this ring's fixed-file table
     * @param slot the slot index, or {@link #ALLOC_SLOT} to let the kernel pick
     * @return this SQE, for chaining
     */
    public Sqe socketDirect(int domain, int type, int protocol, FileTable table, int slot) {
        return socketDirect(domain, type, protocol, directSlot(table, slot));
    }


    /**
     * Completes after {@code timespec} ({@link Timespec}) elapses or {@code count} other completions arrive (0: time only). {@code timeoutFlags} 1 = absolute time.
     *
     * @param timespec a native {@link Timespec}
     * @param count completions that end the timeout early (0: time only)
     * @param timeoutFlags {@link TimeoutFlags} bits
     * @return this SQE, for chaining
     */
    public Sqe timeout(MemorySegment timespec, int count, int timeoutFlags) {
        return prep(Opcode.TIMEOUT, -1, addr(Timespec.check(timespec)), 1, count).opFlags(timeoutFlags);
    }

    /**
     * Cancels the SQE linked before this one if it has not completed within {@code timespec}.
     *
     * @param timespec a native {@link Timespec}
     * @param timeoutFlags {@link TimeoutFlags} bits
     * @return this SQE, for chaining
     */
    public Sqe linkTimeout(MemorySegment timespec, int timeoutFlags) {
        return prep(Opcode.LINK_TIMEOUT, -1, addr(Timespec.check(timespec)), 1, 0).opFlags(timeoutFlags);
    }

    /**
     * Cancels the request whose user data is {@code targetUserData}.
     *
     * @param targetUserData user data of the request to act on
     * @param cancelFlags {@code IORING_ASYNC_CANCEL_*} flags (0: the first match)
     * @return this SQE, for chaining
     */
    public Sqe asyncCancel(long targetUserData, int cancelFlags) {
        return prep(Opcode.ASYNC_CANCEL, -1, targetUserData, 0, 0).opFlags(cancelFlags);
    }
}
