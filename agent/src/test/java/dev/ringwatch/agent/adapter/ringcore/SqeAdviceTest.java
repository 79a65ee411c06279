package dev.ringwatch.agent.adapter.ringcore;

import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.ring.IoUring;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one in-flight advice, woven into the four long-lived preps, hands each its own {@code Hooks.OP_*}. */
class SqeAdviceTest {

    @Test
    void eachLongLivedPrepArmsItsOwnOp() throws Exception {
        byte[] original;
        try (InputStream in = IoUring.class.getClassLoader().getResourceAsStream("dev/ringwatch/ring/Sqe.class")) {
            original = in.readAllBytes();
        }
        byte[] woven = RingCoreWeaver.weave(InstrumentationPoints.SQE, original,
                RingCoreWeaver.locatorFor(IoUring.class.getClassLoader())).bytes();
        Map<String, Integer> armed = new TreeMap<>();
        new ClassReader(woven).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    /** The int constant pushed last: the op, as the call's last argument. */
                    private int lastConstant = Integer.MIN_VALUE;

                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
                            lastConstant = opcode - Opcodes.ICONST_0;
                        }
                    }

                    @Override
                    public void visitIntInsn(int opcode, int operand) {
                        if (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) {
                            lastConstant = operand;
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                        if (owner.equals("dev/ringwatch/agent/track/Hooks") && name.equals("inFlightArmed")) {
                            armed.put(method + descriptor.substring(0, descriptor.indexOf(')') + 1), lastConstant);
                        }
                    }
                };
            }
        }, 0);
        String onFixedFile = "(Ldev/ringwatch/ring/FixedFile;I)";
        assertEquals(Map.of("acceptMultishot" + onFixedFile, Hooks.OP_ACCEPT_MULTISHOT,
                "acceptMultishotDirect" + onFixedFile, Hooks.OP_ACCEPT_MULTISHOT_DIRECT,
                "pollAdd" + onFixedFile, Hooks.OP_POLL,
                "pollMultishot" + onFixedFile, Hooks.OP_POLL_MULTISHOT), armed);
    }
}
