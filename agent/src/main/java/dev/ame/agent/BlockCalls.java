package dev.ame.agent;

import static dev.ame.agent.RuntimeNames.TXN;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The start and the end of an outermost block, as the rewritten code calls them (atomic methods
 * and {@code synchronized} blocks alike): the runtime's small fast path for a block that runs
 * alone first ({@code beginAlone}, {@code commitAlone}), the general call only when it declines.
 * The fast path is compiled into every block by the JIT, whatever it made of the general calls.
 */
final class BlockCalls {
  private BlockCalls() {}

  /** {@code if (!t.beginAlone(name)) t.begin(name);} with the context in local {@code txn}. */
  static void begin(MethodVisitor mv, int txn, String name) {
    Label begun = new Label();
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitLdcInsn(name);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "beginAlone", "(Ljava/lang/String;)Z", false);
    mv.visitJumpInsn(Opcodes.IFNE, begun);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitLdcInsn(name);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "begin", "(Ljava/lang/String;)V", false);
    mv.visitLabel(begun);
  }

  /** {@code t.commitAlone() || t.commit()}, its boolean left on the stack: false means re-run the block. */
  static void commit(MethodVisitor mv, int txn) {
    Label done = new Label();
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "commitAlone", "()Z", false);
    mv.visitInsn(Opcodes.DUP);
    mv.visitJumpInsn(Opcodes.IFNE, done);
    mv.visitInsn(Opcodes.POP);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "commit", "()Z", false);
    mv.visitLabel(done);
  }
}
