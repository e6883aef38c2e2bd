package dev.ame.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Loading a method's own receiver and arguments, as generated delegating methods do. */
final class Arguments {
  private Arguments() {}

  /** Pushes {@code this} (unless static) and every argument; returns the first free local slot. */
  static int load(MethodVisitor mv, boolean isStatic, String descriptor) {
    int slot = 0;
    if (!isStatic) {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      slot = 1;
    }
    for (Type a : Type.getArgumentTypes(descriptor)) {
      mv.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
      slot += a.getSize();
    }
    return slot;
  }

  /** The first local slot after the receiver and the arguments. */
  static int firstFreeSlot(boolean isStatic, String descriptor) {
    return (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - (isStatic ? 1 : 0);
  }
}
