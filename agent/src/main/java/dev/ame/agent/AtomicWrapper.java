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
 *   if (t.isActive()) return this.m$ame(args, t);      // nested: join the outer block
 *   try { t.begin("Class#m"); loop: r = this.m$ame(args, t); } catch (Throwable e) { t.onThrow(e); goto loop; }
 *   if (!t.commit()) goto loop;
 *   return r;
 * </pre>
 * {@code begin} is inside the protected range: an asynchronous error ({@code Thread.stop}) that
 * arrives as it returns still reaches {@code onThrow}, which rolls the block back.
 * The twin is called with {@code invokespecial}/{@code invokestatic}: the wrapper runs because
 * this very method was selected, so its own twin is the one to run.
 */
final class AtomicWrapper {
  private AtomicWrapper() {}

  static void replaceBody(MethodNode method, String owner, boolean ownerIsInterface) {
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
    Label tryEnd = new Label();
    Label handler = new Label();
    Label commit = new Label();
    mv.visitTryCatchBlock(begin, tryEnd, handler, "java/lang/Throwable");

    mv.visitMethodInsn(Opcodes.INVOKESTATIC, TXN, "current", "()" + TXN_DESC, false);
    mv.visitVarInsn(Opcodes.ASTORE, txn);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "isActive", "()Z", false);
    mv.visitJumpInsn(Opcodes.IFEQ, begin);
    callTwin(mv, method, owner, ownerIsInterface, isStatic, txn);
    mv.visitInsn(result.getOpcode(Opcodes.IRETURN));

    mv.visitLabel(begin);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitLdcInsn(owner.replace('/', '.') + "#" + method.name);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "begin", "(Ljava/lang/String;)V", false);

    mv.visitLabel(loop);
    callTwin(mv, method, owner, ownerIsInterface, isStatic, txn);
    if (result.getSort() != Type.VOID) {
      mv.visitVarInsn(result.getOpcode(Opcodes.ISTORE), value);
    }
    mv.visitLabel(tryEnd);
    mv.visitJumpInsn(Opcodes.GOTO, commit);

    mv.visitLabel(handler);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitInsn(Opcodes.SWAP);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "onThrow", "(Ljava/lang/Throwable;)V", false);
    mv.visitJumpInsn(Opcodes.GOTO, loop);

    mv.visitLabel(commit);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "commit", "()Z", false);
    mv.visitJumpInsn(Opcodes.IFEQ, loop);
    if (result.getSort() != Type.VOID) {
      mv.visitVarInsn(result.getOpcode(Opcodes.ILOAD), value);
    }
    mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
    mv.visitMaxs(value + 4, value + result.getSize());
  }

  private static void callTwin(MethodVisitor mv, MethodNode method, String owner, boolean ownerIsInterface,
      boolean isStatic, int txn) {
    Arguments.load(mv, isStatic, method.desc);
    mv.visitVarInsn(Opcodes.ALOAD, txn);
    mv.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner,
        method.name + RuntimeNames.TWIN_SUFFIX, RuntimeNames.twinDescriptor(method.desc), ownerIsInterface);
  }
}
