package dev.ame.agent;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds the field instructions of a constructor whose receiver is certainly {@code this}: the
 * object under construction, which no other thread can see before the transaction that allocated
 * it commits, so its fields need no barriers. (Before the super constructor call they must not
 * have any: the verifier forbids passing an uninitialized {@code this} to a method.)
 */
final class ConstructorReceivers {
  private ConstructorReceivers() {}

  /** @return the field instructions on {@code this}, or null when the method cannot be analyzed */
  static Set<AbstractInsnNode> of(String owner, MethodNode method) {
    for (AbstractInsnNode n : method.instructions) {
      if (n.getOpcode() == Opcodes.ASTORE && ((VarInsnNode) n).var == 0) {
        return Collections.emptySet(); // local 0 is reused: nothing is certainly this
      }
    }
    Frame<SourceValue>[] frames;
    try {
      frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
    } catch (AnalyzerException e) {
      return null;
    }
    Set<AbstractInsnNode> onThis = new HashSet<>();
    for (int i = 0; i < frames.length; i++) {
      AbstractInsnNode n = method.instructions.get(i);
      int op = n.getOpcode();
      if ((op != Opcodes.GETFIELD && op != Opcodes.PUTFIELD)) {
        continue;
      }
      Frame<SourceValue> f = frames[i];
      if (f == null) {
        onThis.add(n); // unreachable
        continue;
      }
      SourceValue receiver = f.getStack(f.getStackSize() - (op == Opcodes.GETFIELD ? 1 : 2));
      if (isThis(receiver, frames, method, 0)) {
        onThis.add(n);
      }
    }
    return onThis;
  }

  /** Whether every instruction that produced the value loads local 0 (directly or through a dup). */
  private static boolean isThis(SourceValue value, Frame<SourceValue>[] frames, MethodNode method, int depth) {
    if (value.insns.isEmpty() || depth > 8) {
      return false;
    }
    for (AbstractInsnNode source : value.insns) {
      if (source.getOpcode() == Opcodes.DUP) {
        Frame<SourceValue> atDup = frames[method.instructions.indexOf(source)];
        if (atDup == null || !isThis(atDup.getStack(atDup.getStackSize() - 1), frames, method, depth + 1)) {
          return false;
        }
      } else if (source.getOpcode() != Opcodes.ALOAD || ((VarInsnNode) source).var != 0) {
        return false;
      }
    }
    return true;
  }
}
