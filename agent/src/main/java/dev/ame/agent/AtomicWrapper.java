package dev.ame.agent;

import static dev.ame.agent.RuntimeNames.TXN;
import static dev.ame.agent.RuntimeNames.TXN_DESC;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * Replaces the body of an atomic method by the block protocol of the runtime's {@code Txn}:
 * <pre>
 *   Txn t = Txn.current();
 *   if (t.isActive()) return TWIN(args, t);             // nested: join the outer block
 *   BEGIN: if (!t.beginAlone("Class#m")) t.begin("Class#m");   // protected by HANDLER
 *   LOOP:  r = TWIN(args, t);
 *          if (!t.commitAlone() && !t.commit()) goto LOOP;
 *          return r;
 *   HANDLER (e): x = t.afterThrow(e);                 // protected by LATE
 *          if (x == null) goto LOOP;                  // re-run; else the block is closed
 *          throw x;
 *   LATE (e): throw t.afterThrow(e);
 * </pre>
 * Every call of the protocol lies inside a protected range: an asynchronous exception
 * ({@code Thread.stop}) that lands anywhere, even as {@code begin}, {@code commit} or
 * {@code afterThrow} returns or at the jump back to LOOP, reaches {@code afterThrow}, which closes
 * the block (an open attempt is rolled back) and hands it back to be thrown. {@code afterThrow}
 * never throws, and the throwable it hands back is thrown outside every range, so nothing loops.
 * (A handler that covers itself would need one range less, but Lincheck's bytecode analysis,
 * used by its model checker, rejects that shape.)
 * {@code beginAlone} and {@code commitAlone} are the runtime's small fast path for a block that
 * runs alone ({@link BlockCalls}).
 * where {@code TWIN} is {@code Barriers.writesInPlace(t) ? this.m$alone(args, t) : this.m$ame(args, t)}:
 * the alone twin for an attempt that runs in place (see {@link TwinMethodWriter}), or always the
 * general twin when the method has no alone twin.
 * The twin is called with {@code invokespecial}/{@code invokestatic}: the wrapper runs because
 * this very method was selected, so its own twin is the one to run.
 */
final class AtomicWrapper {
  private AtomicWrapper() {}

  static void replaceBody(MethodNode method, String owner, boolean ownerIsInterface, boolean hasAloneTwin) {
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    Type result = Type.getReturnType(method.desc);
    int txn = Arguments.firstFreeSlot(isStatic, method.desc);
    int value = txn + 1;

    method.instructions.clear();
    method.tryCatchBlocks.clear();
    method.localVariables = null;
    method.visibleLocalVariableAnnotations = null;
    method.invisibleLocalVariableAnnotations = null;
    method.access &= ~Opcodes.ACC_SYNCHRONIZED; // the block replaces the lock
    MethodVisitor mv = method;

    Label begin = new Label();
    Label loop = new Label();
    Label handler = new Label();
    Label rerun = new Label();
    Label handlerEnd = new Label();
    Label late = new Label();
    Label throwIt = new Label();
    Label done = new Label();
    mv.visitTryCatchBlock(begin, handler, handler, "java/lang/Throwable");
    mv.visitTryCatchBlock(handler, handlerEnd, late, "java/lang/Throwable");

    mv.visitMethodInsn(Opcodes.INVOKESTATIC, TXN, "current", "()" + TXN_DESC, false);
    mv.visitVarInsn(Opcodes.ASTORE, txn);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "isActive", "()Z", false);
    mv.visitJumpInsn(Opcodes.IFEQ, begin);
    callTwin(mv, method, owner, ownerIsInterface, isStatic, txn, hasAloneTwin);
    mv.visitInsn(result.getOpcode(Opcodes.IRETURN));

    mv.visitLabel(begin);
    BlockCalls.begin(mv, txn, owner.replace('/', '.') + "#" + method.name);

    mv.visitLabel(loop);
    callTwin(mv, method, owner, ownerIsInterface, isStatic, txn, hasAloneTwin);
    if (result.getSort() != Type.VOID) {
      mv.visitVarInsn(result.getOpcode(Opcodes.ISTORE), value);
    }
    BlockCalls.commit(mv, txn);
    mv.visitJumpInsn(Opcodes.IFEQ, loop);
    mv.visitJumpInsn(Opcodes.GOTO, done);

    mv.visitLabel(handler);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitInsn(Opcodes.SWAP);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "afterThrow", "(Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
    mv.visitInsn(Opcodes.DUP);
    mv.visitJumpInsn(Opcodes.IFNULL, rerun);
    mv.visitJumpInsn(Opcodes.GOTO, throwIt);
    mv.visitLabel(rerun);
    mv.visitInsn(Opcodes.POP);
    mv.visitJumpInsn(Opcodes.GOTO, loop);
    mv.visitLabel(handlerEnd);

    mv.visitLabel(late);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitInsn(Opcodes.SWAP);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "afterThrow", "(Ljava/lang/Throwable;)Ljava/lang/Throwable;", false);
    mv.visitLabel(throwIt);
    mv.visitInsn(Opcodes.ATHROW);

    mv.visitLabel(done);
    if (result.getSort() != Type.VOID) {
      mv.visitVarInsn(result.getOpcode(Opcodes.ILOAD), value);
    }
    mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
    mv.visitMaxs(value + 4, value + result.getSize());
  }

  private static void callTwin(MethodVisitor mv, MethodNode method, String owner, boolean ownerIsInterface,
      boolean isStatic, int txn, boolean hasAloneTwin) {
    Label general = new Label();
    Label called = new Label();
    if (hasAloneTwin) {
      mv.visitVarInsn(Opcodes.ALOAD, txn);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.BARRIERS, "writesInPlace", "(" + TXN_DESC + ")Z", false);
      mv.visitJumpInsn(Opcodes.IFEQ, general);
      callTwin(mv, method, owner, ownerIsInterface, isStatic, txn, RuntimeNames.ALONE_SUFFIX);
      mv.visitJumpInsn(Opcodes.GOTO, called);
    }
    mv.visitLabel(general);
    callTwin(mv, method, owner, ownerIsInterface, isStatic, txn, RuntimeNames.TWIN_SUFFIX);
    mv.visitLabel(called);
  }

  private static void callTwin(MethodVisitor mv, MethodNode method, String owner, boolean ownerIsInterface,
      boolean isStatic, int txn, String suffix) {
    Arguments.load(mv, isStatic, method.desc);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner,
        method.name + suffix, RuntimeNames.twinDescriptor(method.desc), ownerIsInterface);
  }
}
