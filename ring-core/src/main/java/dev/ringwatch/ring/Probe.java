package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;

import static dev.ringwatch.ring.KernelStructs.PROBE;
import static dev.ringwatch.ring.KernelStructs.PROBE_OP;
import static dev.ringwatch.ring.KernelStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/** Which opcodes the running kernel supports (IORING_REGISTER_PROBE). */
public final class Probe {
    private static final int REGISTER_PROBE = 8, MAX_OPS = 256, OP_SUPPORTED = 1;

    private final BitSet supported;
    private final int lastOp;

    private Probe(BitSet supported, int lastOp) {
        this.supported = supported;
        this.lastOp = lastOp;
    }

    static Probe of(IoUring ring) {
        try (Arena a = Arena.ofConfined()) {
            long opsStart = PROBE.byteSize();
            long opSize = PROBE_OP.byteSize();
            MemorySegment p = a.allocate(opsStart + opSize * MAX_OPS, 8);
            ring.register(REGISTER_PROBE, p.address(), MAX_OPS, "REGISTER_PROBE");
            int opsLen = p.get(JAVA_BYTE, offset(PROBE, "ops_len")) & 0xFF;
            BitSet bits = new BitSet();
            for (int i = 0; i < opsLen; i++) {
                long op = opsStart + opSize * i;
                if ((p.get(JAVA_SHORT, op + offset(PROBE_OP, "flags")) & OP_SUPPORTED) != 0) {
                    bits.set(p.get(JAVA_BYTE, op + offset(PROBE_OP, "op")) & 0xFF);
                }
            }
            return new Probe(bits, p.get(JAVA_BYTE, offset(PROBE, "last_op")) & 0xFF);
        }
    }

    /**
     * {@return whether the kernel supports {@code opcode}}
     * @param opcode an {@code IORING_OP_*} number ({@link Opcode})
     */
    public boolean supports(int opcode) {
        return opcode >= 0 && supported.get(opcode);
    }

    /**
     * The highest opcode this kernel knows.
     * @return the highest opcode this kernel knows
     */
    public int lastOp() {
        return lastOp;
    }

    /**
     * Fails with a clear message when the kernel lacks {@code opcode}; optional features call this first.
     * @param opcode an {@code IORING_OP_*} number ({@link Opcode})
     */
    public void require(int opcode) {
        if (!supports(opcode)) {
            throw new UnsupportedOperationException("this kernel does not support IORING_OP_" + Opcode.name(opcode));
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("supported ops:");
        supported.stream().forEach(op -> sb.append(' ').append(Opcode.name(op)));
        return sb.toString();
    }
}
