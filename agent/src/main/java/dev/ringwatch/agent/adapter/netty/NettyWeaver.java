package dev.ringwatch.agent.adapter.netty;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Weaves calls to {@link NettyHooks} into one Netty io_uring class with plain ASM (ByteBuddy's copy, shaded
 * with it): no type pool, no advice compilation, so weaving Netty costs a few milliseconds where ByteBuddy's
 * first weave costs hundreds. Every inserted sequence is straight-line code at a method's entry or just
 * before a return, keeping the stack as it found it: no branch, so the class's stack map frames stay valid
 * and nothing is computed. The classes' names come from the matched class, so a shaded Netty calls its own
 * relocated types.
 */
final class NettyWeaver {
    static final String HOOKS = "dev/ringwatch/agent/adapter/netty/NettyHooks";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String STRING = "Ljava/lang/String;";
    /** The most the inserted code adds to a method's operand stack. */
    private static final int EXTRA_STACK = 8;

    /** The woven bytes, and the points woven (empty: nothing matched, the class is left alone). */
    record Result(byte[] bytes, List<String> woven) {
    }

    private NettyWeaver() {
    }

    static Result weave(byte[] original, NettyTarget.Match m) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, 0);
        Points points = new Points(writer, m);
        reader.accept(points, 0);
        return new Result(points.woven.isEmpty() ? null : writer.toByteArray(), List.copyOf(points.woven));
    }

    /** Picks the methods to weave by name and descriptor; fields first (ClassReader visits them first). */
    private static final class Points extends ClassVisitor {
        private final NettyTarget.Match m;
        private final List<String> woven = new ArrayList<>();
        private boolean hasRingBufferField;

        Points(ClassVisitor next, NettyTarget.Match m) {
            super(Opcodes.ASM9, next);
            this.m = m;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (name.equals("ringBuffer") && descriptor.equals(ringBufferType())) {
                hasRingBufferField = true;
            }
            return super.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            Insert insert = pointFor(access, name, descriptor);
            if (insert == null) {
                return mv;
            }
            woven.add(name + descriptor);
            return new Inserting(mv, insert);
        }

        private Insert pointFor(int access, String name, String descriptor) {
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            String ring = ringBufferType();
            switch (m.target()) {
                case NATIVE:
                    if (isStatic && name.equals("createRingBuffer")) {
                        if (!m.incubator() && descriptor.equals("(III)" + ring)) {
                            return new Insert(false, Insert.RING_CREATED_42);
                        }
                        if (m.incubator() && descriptor.equals("(II)" + ring)) {
                            return new Insert(false, Insert.RING_CREATED_INCUBATOR);
                        }
                    }
                    return null;
                case RING_BUFFER:
                    return !isStatic && name.equals("close") && descriptor.equals("()V")
                            ? new Insert(true, Insert.RING_CLOSING) : null;
                case LOOP_OWNER:
                    // the loop thread's first call: IoUringIoHandler.initialize(), IOUringEventLoop.run()
                    if (!isStatic && hasRingBufferField && descriptor.equals("()V")
                            && name.equals(m.incubator() ? "run" : "initialize")) {
                        return new Insert(true, Insert.LOOP_STARTED);
                    }
                    if (!m.incubator() && isStatic && name.equals("newBufferRing") && descriptor.equals(
                            "(IL" + m.type("IoUringBufferRingConfig;)") + "L" + m.type("IoUringBufferRing;"))) {
                        return new Insert(false, Insert.BUFFER_RING_CREATED);
                    }
                    return null;
                case BUFFER_RING:
                    return !isStatic && name.equals("close") && descriptor.equals("()V")
                            ? new Insert(true, Insert.BUFFER_RING_CLOSING) : null;
                default:
                    return null;
            }
        }

        private String ringBufferType() {
            return "L" + m.type("RingBuffer;");
        }

        /** Emits one point's hook call, at entry or before every return. */
        private final class Inserting extends MethodVisitor {
            private final Insert insert;

            Inserting(MethodVisitor next, Insert insert) {
                super(Opcodes.ASM9, next);
                this.insert = insert;
            }

            @Override
            public void visitCode() {
                super.visitCode();
                if (insert.atEntry()) {
                    emit(insert.kind());
                }
            }

            @Override
            public void visitInsn(int opcode) {
                if (!insert.atEntry() && (opcode == Opcodes.ARETURN || opcode == Opcodes.RETURN)) {
                    emit(insert.kind());
                }
                super.visitInsn(opcode);
            }

            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
            }

            private void emit(int kind) {
                MethodVisitor mv = this.mv;
                String ring = m.type("RingBuffer");
                switch (kind) {
                    case Insert.RING_CREATED_42, Insert.RING_CREATED_INCUBATOR -> {
                        // stack: ring -> ring, ring, fd, sqEntries, cqEntries, setupFlags, library
                        mv.visitInsn(Opcodes.DUP);
                        mv.visitInsn(Opcodes.DUP);
                        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ring, "fd", "()I", false);
                        mv.visitVarInsn(Opcodes.ILOAD, 0);
                        if (kind == Insert.RING_CREATED_42) {
                            mv.visitVarInsn(Opcodes.ILOAD, 1);
                            mv.visitVarInsn(Opcodes.ILOAD, 2);
                        } else { // no CQSIZE: the kernel makes the CQ twice the SQ; the incubator sets no flags
                            mv.visitVarInsn(Opcodes.ILOAD, 0);
                            mv.visitInsn(Opcodes.ICONST_1);
                            mv.visitInsn(Opcodes.ISHL);
                            mv.visitInsn(Opcodes.ICONST_0);
                        }
                        mv.visitLdcInsn(m.library());
                        hook("ringCreated", "(" + OBJECT + "IIII" + STRING + ")V");
                    }
                    case Insert.RING_CLOSING -> {
                        mv.visitVarInsn(Opcodes.ALOAD, 0);
                        mv.visitVarInsn(Opcodes.ALOAD, 0);
                        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, ring, "fd", "()I", false);
                        hook("ringClosing", "(" + OBJECT + "I)V");
                    }
                    case Insert.LOOP_STARTED -> {
                        mv.visitVarInsn(Opcodes.ALOAD, 0);
                        mv.visitVarInsn(Opcodes.ALOAD, 0);
                        mv.visitFieldInsn(Opcodes.GETFIELD, m.className(), "ringBuffer",
                                "L" + ring + ";");
                        hook("loopStarted", "(" + OBJECT + OBJECT + ")V");
                    }
                    case Insert.BUFFER_RING_CREATED -> {
                        // stack: bufferRing -> bufferRing, bufferRing, groupId, ringFd
                        mv.visitInsn(Opcodes.DUP);
                        mv.visitInsn(Opcodes.DUP);
                        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, m.type("IoUringBufferRing"), "bufferGroupId", "()S",
                                false);
                        mv.visitVarInsn(Opcodes.ILOAD, 0);
                        hook("bufferRingCreated", "(" + OBJECT + "II)V");
                    }
                    case Insert.BUFFER_RING_CLOSING -> {
                        mv.visitVarInsn(Opcodes.ALOAD, 0);
                        hook("bufferRingClosing", "(" + OBJECT + ")V");
                    }
                    default -> throw new IllegalStateException("unknown insert " + kind);
                }
            }

            private void hook(String method, String descriptor) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, method, descriptor, false);
            }
        }
    }

    /** Where to insert and what. */
    private record Insert(boolean atEntry, int kind) {
        static final int RING_CREATED_42 = 0;
        static final int RING_CREATED_INCUBATOR = 1;
        static final int RING_CLOSING = 2;
        static final int LOOP_STARTED = 4;
        static final int BUFFER_RING_CREATED = 5;
        static final int BUFFER_RING_CLOSING = 6;
    }
}
