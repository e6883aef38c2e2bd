package dev.ame.agent;

import dev.ame.runtime.Linker;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Names and descriptors of the runtime's entry points, as rewritten code refers to them. */
final class RuntimeNames {
  static final String TXN = "dev/ame/runtime/Txn";
  static final String TXN_DESC = "L" + TXN + ";";
  static final String BARRIERS = "dev/ame/runtime/Barriers";
  static final String CONTROL_SIGNAL = "dev/ame/runtime/ControlSignal";
  static final String TWIN_SUFFIX = Linker.TWIN_SUFFIX;
  /** The alone twin: the version of a method for blocks that run in place (the runtime's {@code Linker}). */
  static final String ALONE_SUFFIX = Linker.ALONE_SUFFIX;
  static final String ATOMIC_DESC = "Ldev/ame/Atomic;";

  static final Handle FIELD_ID_CALL = new Handle(Opcodes.H_INVOKESTATIC, "dev/ame/runtime/Fields", "idCall",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;",
      false);
  static final Handle LINK = new Handle(Opcodes.H_INVOKESTATIC, "dev/ame/runtime/Linker", "link",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;ILjava/lang/Class;Ljava/lang/String;)Ljava/lang/invoke/CallSite;",
      false);

  /** Call kinds of the runtime's Linker. */
  static final int STATIC = Linker.STATIC, VIRTUAL = Linker.VIRTUAL, INTERFACE = Linker.INTERFACE,
      SPECIAL = Linker.SPECIAL;
  /** Added to the kind of a call made by an alone twin. */
  static final int ALONE = Linker.ALONE;

  private RuntimeNames() {}

  /** The twin's descriptor: the original's with the transaction appended. */
  static String twinDescriptor(String descriptor) {
    int close = descriptor.indexOf(')');
    return descriptor.substring(0, close) + TXN_DESC + descriptor.substring(close);
  }

  /** The barrier family of a field or element type: I (int-like), J, F, D or A (reference). */
  static String kind(Type type) {
    switch (type.getSort()) {
      case Type.LONG:
        return "J";
      case Type.FLOAT:
        return "F";
      case Type.DOUBLE:
        return "D";
      case Type.OBJECT:
      case Type.ARRAY:
        return "A";
      default:
        return "I";
    }
  }

  /** The JVM type that a barrier of this family takes and returns. */
  static String kindDescriptor(String kind) {
    return kind.equals("A") ? "Ljava/lang/Object;" : kind;
  }
}
