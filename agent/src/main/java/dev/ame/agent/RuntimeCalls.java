package dev.ame.agent;

import static dev.ame.agent.RuntimeNames.BARRIERS;
import static dev.ame.agent.RuntimeNames.TXN_DESC;

import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * How a twin reaches the runtime. A twin of an application class names the runtime directly
 * ({@link #DIRECT}): its class loader sees the runtime. A twin of a JDK class lives in
 * {@code java.base}, whose loader cannot see the runtime ({@link #BRIDGED}): each call becomes an
 * {@code invokedynamic} (each field id a dynamic constant) whose bootstrap is the bridge that
 * {@link JdkBridge} injects into {@code java.util}, with the transaction typed {@code Object};
 * the runtime's {@code JdkLinks} binds it, once, to the same code. A bridged twin calls the twins
 * of its own class's methods that cannot be overridden (static, private, final) directly: they are
 * in the same twin class, so the JIT sees a plain static call.
 */
final class RuntimeCalls {
  static final RuntimeCalls DIRECT = new RuntimeCalls(false, null, null, Set.of());

  private static final String OBJECT = "Ljava/lang/Object;";
  private static final Handle CONSTRUCT = new Handle(Opcodes.H_INVOKESTATIC, "dev/ame/runtime/JdkLinks", "construct",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/invoke/CallSite;",
      false);

  /** Whether calls go through the bridge (a twin of a JDK class). */
  final boolean bridged;
  private final String jdkClass;
  private final String twinClass;
  /** {@code name + descriptor} of the JDK class's methods whose twins its own twins call directly. */
  private final Set<String> direct;

  private RuntimeCalls(boolean bridged, String jdkClass, String twinClass, Set<String> direct) {
    this.bridged = bridged;
    this.jdkClass = jdkClass;
    this.twinClass = twinClass;
    this.direct = direct;
  }

  /** For the twin class {@code twinClass} of {@code jdkClass}, which holds a twin of each of {@code direct}. */
  static RuntimeCalls bridged(String jdkClass, String twinClass, Set<String> direct) {
    return new RuntimeCalls(true, jdkClass, twinClass, direct);
  }

  /** The descriptor of the transaction in the twin's own signature. */
  String txnDescriptor() {
    return bridged ? OBJECT : TXN_DESC;
  }

  /** {@code Barriers.name}, whose descriptor names {@code Txn}. */
  void barrier(MethodVisitor mv, String name, String descriptor) {
    if (bridged) {
      mv.visitInvokeDynamicInsn(name, descriptor.replace(TXN_DESC, OBJECT), JdkBridge.LINK, "barrier", descriptor);
    } else {
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, BARRIERS, name, descriptor, false);
    }
  }

  /** Pushes a field's id, from a call site linked on first execution ({@code Fields.idCall}). */
  void fieldIdCall(MethodVisitor mv, String owner, String name, boolean isStatic) {
    fieldCall(mv, "fieldId", "()I", RuntimeNames.FIELD_ID_CALL, owner, name, isStatic);
  }

  private void fieldCall(MethodVisitor mv, String op, String descriptor, Handle direct, String owner, String name,
      boolean isStatic) {
    Type type = Type.getObjectType(owner);
    if (bridged) {
      mv.visitInvokeDynamicInsn(name, descriptor, JdkBridge.LINK, op, type, name, isStatic ? 1 : 0);
    } else {
      mv.visitInvokeDynamicInsn(name, descriptor, direct, type, name, isStatic ? 1 : 0);
    }
  }

  /**
   * A call of the original code, linked by the runtime, or direct to a twin of the same class
   * ({@code original}: the instruction's descriptor; {@code descriptor}: with the receiver first;
   * {@code alone}: made by an alone twin, which calls alone twins where there are).
   */
  void call(MethodVisitor mv, String name, String original, String descriptor, int kind, String owner, String site,
      boolean alone) {
    String twin = withTxn(descriptor);
    int linkKind = alone ? kind | RuntimeNames.ALONE : kind;
    if (bridged && owner.equals(jdkClass) && direct.contains(name + original)) {
      String suffix = alone ? RuntimeNames.ALONE_SUFFIX : RuntimeNames.TWIN_SUFFIX;
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, twinClass, name + suffix, twin, false);
    } else if (bridged) {
      mv.visitInvokeDynamicInsn(name, twin, JdkBridge.LINK, "call", linkKind, Type.getObjectType(owner), site);
    } else {
      mv.visitInvokeDynamicInsn(name, twin, RuntimeNames.LINK, linkKind, Type.getObjectType(owner), site);
    }
  }

  /** {@code new owner(args)}, with the arguments and the transaction on the stack: leaves the new object. */
  void construct(MethodVisitor mv, String owner, String constructor, String site) {
    String descriptor = withTxn(constructor.substring(0, constructor.indexOf(')') + 1) + "L" + owner + ";");
    if (bridged) {
      mv.visitInvokeDynamicInsn("new", descriptor, JdkBridge.LINK, "new", Type.getObjectType(owner), site);
    } else {
      mv.visitInvokeDynamicInsn("new", descriptor, CONSTRUCT, Type.getObjectType(owner), site);
    }
  }

  /** In a JDK constructor's body: the body of the constructor it calls first (super or this), on {@code self}. */
  void constructorBody(MethodVisitor mv, String owner, String constructor) {
    String descriptor = withTxn("(L" + owner + ";" + constructor.substring(1));
    mv.visitInvokeDynamicInsn("init", descriptor, JdkBridge.LINK, "init", Type.getObjectType(owner));
  }

  /** In a JDK constructor's body: a store into a final field of the new object. */
  void putFinal(MethodVisitor mv, String owner, String name, String descriptor) {
    mv.visitInvokeDynamicInsn(name, "(L" + owner + ";" + descriptor + ")V", JdkBridge.LINK, "putFinal", Type.getObjectType(owner));
  }

  /** Whether the throwable on the stack is the runtime's abort or retry (consumes it, leaves a boolean). */
  void isSignal(MethodVisitor mv) {
    mv.visitInvokeDynamicInsn("isSignal", "(Ljava/lang/Throwable;)Z", JdkBridge.LINK, "signal");
  }

  private String withTxn(String descriptor) {
    int close = descriptor.indexOf(')');
    return descriptor.substring(0, close) + txnDescriptor() + descriptor.substring(close);
  }
}
