package dev.ame.agent;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Names and descriptors of the runtime's entry points, as rewritten code refers to them. */
final class RuntimeNames {
  static final String TXN = "dev/ame/runtime/Txn";
  static final String TXN_DESC = "L" + TXN + ";";
  static final String BARRIERS = "dev/ame/runtime/Barriers";
  static final String CONTROL_SIGNAL = "dev/ame/runtime/ControlSignal";
  static final String TWIN_SUFFIX = "$ame";
  static final String ATOMIC_DESC = "Ldev/ame/Atomic;";

  static final Handle FIELD_ID = new Handle(Opcodes.H_INVOKESTATIC, "dev/ame/runtime/Fields", "id",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/String;I)Ljava/lang/Integer;",
      false);
  static final Handle LINK = new Handle(Opcodes.H_INVOKESTATIC, "dev/ame/runtime/Linker", "link",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;ILjava/lang/Class;Ljava/lang/String;)Ljava/lang/invoke/CallSite;",
      false);

  /** Call kinds of the runtime's Linker. */
  static final int STATIC = 0, VIRTUAL = 1, INTERFACE = 2, SPECIAL = 3;

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

  private static final Handle FIELD_VAR_HANDLE = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps",
      "fieldVarHandle", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Class;"
          + "Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;", false);
  private static final Handle STATIC_FIELD_VAR_HANDLE = new Handle(Opcodes.H_INVOKESTATIC,
      "java/lang/invoke/ConstantBootstraps", "staticFieldVarHandle", "(Ljava/lang/invoke/MethodHandles$Lookup;"
          + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/Class;)Ljava/lang/invoke/VarHandle;", false);
  private static final Handle PRIMITIVE_CLASS = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps",
      "primitiveClass", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Class;",
      false);

  /**
   * A dynamic constant: the VarHandle of field {@code owner.name}, looked up with the rewritten
   * class's own lookup (so with exactly the access its original code had).
   */
  static ConstantDynamic fieldVarHandle(String owner, String name, Type type, boolean isStatic) {
    Object fieldType = type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY ? type
        : new ConstantDynamic(type.getDescriptor(), "Ljava/lang/Class;", PRIMITIVE_CLASS);
    return new ConstantDynamic(name, "Ljava/lang/invoke/VarHandle;", isStatic ? STATIC_FIELD_VAR_HANDLE : FIELD_VAR_HANDLE,
        Type.getObjectType(owner), fieldType);
  }
}
