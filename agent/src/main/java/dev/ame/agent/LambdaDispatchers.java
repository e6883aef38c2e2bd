package dev.ame.agent;

import static dev.ame.agent.RuntimeNames.TXN;
import static dev.ame.agent.RuntimeNames.TXN_DESC;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Lets lambdas run transactionally. A lambda's class is a hidden class that no agent can rewrite,
 * but its body is a method of the rewritten class ({@code lambda$main$0}), which has a twin. For
 * each lambda whose body is in this class, a dispatcher is added:
 * <pre>
 *   static R lambda$main$0$ame$dispatch(args) {
 *     Txn t = Txn.current();
 *     return t.runsTwins() ? lambda$main$0$ame(args, t) : lambda$main$0(args);
 *   }
 * </pre>
 * (a method reference gets a dispatcher that calls the referenced method's twin through the
 * runtime's linker), and the {@code invokedynamic} that creates the lambda is pointed at it, through
 * {@code altMetafactory} with the marker {@code TransactionAware}, so that the runtime calls such
 * lambdas from blocks without making them irrevocable. Serializable lambdas are left alone (their
 * body's name is part of their serialized form).
 */
final class LambdaDispatchers {
  private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final Handle ALT_METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, METAFACTORY, "altMetafactory",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;",
      false);
  private static final int FLAG_SERIALIZABLE = 1;
  private static final int FLAG_MARKERS = 2;
  private static final int FLAG_BRIDGES = 4;
  private static final String SUFFIX = "$ame$dispatch";

  private LambdaDispatchers() {}

  /** Rewrites the lambda factories of every method; returns how many lambdas were redirected. */
  static int redirect(ClassNode c) {
    boolean isInterface = (c.access & Opcodes.ACC_INTERFACE) != 0;
    Map<String, MethodNode> bodies = new HashMap<>();
    for (MethodNode m : c.methods) {
      bodies.put(m.name + m.desc, m);
    }
    Map<String, Handle> dispatchers = new HashMap<>();
    List<MethodNode> added = new ArrayList<>();
    int redirected = 0;
    for (MethodNode m : c.methods) {
      for (AbstractInsnNode n : m.instructions) {
        if (!(n instanceof InvokeDynamicInsnNode)) {
          continue;
        }
        InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) n;
        if (!indy.bsm.getOwner().equals(METAFACTORY) || indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle)) {
          continue;
        }
        boolean alt = indy.bsm.getName().equals("altMetafactory");
        int flags = alt ? (Integer) indy.bsmArgs[3] : 0;
        Handle impl = (Handle) indy.bsmArgs[1];
        if ((flags & FLAG_SERIALIZABLE) != 0) {
          continue;
        }
        MethodNode body = impl.getOwner().equals(c.name) ? bodies.get(impl.getName() + impl.getDesc()) : null;
        Handle dispatcher;
        // The body's twin may be called directly only when the call cannot be overridden (a static
        // or private method: lambda bodies); a reference to an overridable method dispatches.
        boolean direct = body != null && (body.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
            && (impl.getTag() == Opcodes.H_INVOKESTATIC || (body.access & Opcodes.ACC_PRIVATE) != 0)
            && isCall(impl.getTag());
        if (direct) {
          dispatcher = dispatchers.computeIfAbsent(impl.getName() + impl.getDesc(), k -> {
            MethodNode d = dispatcher(c.name, isInterface, body, impl);
            added.add(d);
            return new Handle(impl.getTag() == Opcodes.H_INVOKESTATIC ? Opcodes.H_INVOKESTATIC : impl.getTag(),
                c.name, d.name, d.desc, impl.isInterface());
          });
        } else if (impl.getTag() == Opcodes.H_INVOKESTATIC || impl.getTag() == Opcodes.H_INVOKEVIRTUAL
            || impl.getTag() == Opcodes.H_INVOKEINTERFACE) {
          // A method reference (Type::method, object::method): a static dispatcher that calls the
          // method's twin through the runtime's linker, like any call in a twin.
          Type receiver = receiverType(impl, indy);
          String key = impl.getTag() + impl.getOwner() + "." + impl.getName() + impl.getDesc() + receiver;
          dispatcher = dispatchers.computeIfAbsent(key, k -> {
            MethodNode d = referenceDispatcher(c.name, impl, receiver, dispatchers.size());
            added.add(d);
            return new Handle(Opcodes.H_INVOKESTATIC, c.name, d.name, d.desc, isInterface);
          });
        } else {
          continue;
        }
        indy.bsmArgs = altArguments(indy.bsmArgs, alt, flags, dispatcher);
        indy.bsm = ALT_METAFACTORY;
        redirected++;
      }
    }
    c.methods.addAll(added);
    return redirected;
  }

  /** altMetafactory's arguments: sam, impl, instantiated, flags, markers..., bridges... */
  private static Object[] altArguments(Object[] original, boolean alt, int flags, Handle dispatcher) {
    List<Object> out = new ArrayList<>();
    out.add(original[0]);
    out.add(dispatcher);
    out.add(original[2]);
    out.add(flags | FLAG_MARKERS);
    int i = 4;
    List<Object> markers = new ArrayList<>();
    if (alt && (flags & FLAG_MARKERS) != 0) {
      int count = (Integer) original[i++];
      for (int k = 0; k < count; k++) {
        markers.add(original[i++]);
      }
    }
    markers.add(Type.getObjectType("dev/ame/runtime/TransactionAware"));
    out.add(markers.size());
    out.addAll(markers);
    if (alt && (flags & FLAG_BRIDGES) != 0) {
      int count = (Integer) original[i++];
      out.add(count);
      for (int k = 0; k < count; k++) {
        out.add(original[i++]);
      }
    }
    return out.toArray();
  }

  private static boolean isCall(int tag) {
    return tag == Opcodes.H_INVOKESTATIC || tag == Opcodes.H_INVOKESPECIAL || tag == Opcodes.H_INVOKEVIRTUAL
        || tag == Opcodes.H_INVOKEINTERFACE;
  }

  /**
   * The type a reference's receiver has in the dispatcher: a bound receiver ({@code obj::m}) as
   * the call site captures it, because the metafactory wants captured arguments of exactly the
   * implementation's parameter types ({@code Stream s; s::iterator} captures a {@code Stream},
   * while {@code iterator} is declared by {@code BaseStream}); else the method's owner.
   */
  private static Type receiverType(Handle impl, InvokeDynamicInsnNode indy) {
    Type[] captured = Type.getArgumentTypes(indy.desc);
    return impl.getTag() != Opcodes.H_INVOKESTATIC && captured.length > 0 ? captured[0] : Type.getObjectType(impl.getOwner());
  }

  /**
   * For a method reference: {@code static R ref$N$ame$dispatch([receiver,] args)} that calls the
   * referenced method's twin (through the linker) when a transaction runs, else the method.
   */
  private static MethodNode referenceDispatcher(String owner, Handle impl, Type receiver, int number) {
    boolean isStatic = impl.getTag() == Opcodes.H_INVOKESTATIC;
    String desc = isStatic ? impl.getDesc() : "(" + receiver.getDescriptor() + impl.getDesc().substring(1);
    MethodNode d = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
        "ref$" + number + SUFFIX, desc, null, null);
    Type result = Type.getReturnType(desc);
    int txn = Arguments.firstFreeSlot(true, desc);
    Label original = new Label();
    d.visitMethodInsn(Opcodes.INVOKESTATIC, TXN, "current", "()" + TXN_DESC, false);
    d.visitVarInsn(Opcodes.ASTORE, txn);
    d.visitVarInsn(Opcodes.ALOAD, txn);
    d.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "runsTwins", "()Z", false);
    d.visitJumpInsn(Opcodes.IFEQ, original);
    Arguments.load(d, true, desc);
    d.visitVarInsn(Opcodes.ALOAD, txn);
    int kind = isStatic ? RuntimeNames.STATIC : impl.getTag() == Opcodes.H_INVOKEINTERFACE ? RuntimeNames.INTERFACE : RuntimeNames.VIRTUAL;
    d.visitInvokeDynamicInsn(impl.getName(), RuntimeNames.twinDescriptor(desc), RuntimeNames.LINK, kind,
        Type.getObjectType(impl.getOwner()), owner.replace('/', '.') + " method reference " + impl.getOwner().replace('/', '.')
            + "::" + impl.getName());
    d.visitInsn(result.getOpcode(Opcodes.IRETURN));
    d.visitLabel(original);
    Arguments.load(d, true, desc);
    int opcode = isStatic ? Opcodes.INVOKESTATIC : impl.getTag() == Opcodes.H_INVOKEINTERFACE ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
    d.visitMethodInsn(opcode, impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface());
    d.visitInsn(result.getOpcode(Opcodes.IRETURN));
    d.visitMaxs(txn + 2, txn + 1);
    return d;
  }

  private static MethodNode dispatcher(String owner, boolean isInterface, MethodNode body, Handle impl) {
    boolean isStatic = (body.access & Opcodes.ACC_STATIC) != 0;
    int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | (isStatic ? Opcodes.ACC_STATIC : 0);
    MethodNode d = new MethodNode(Opcodes.ASM9, access, body.name + SUFFIX, body.desc, null, null);
    Type result = Type.getReturnType(body.desc);
    int txn = Arguments.firstFreeSlot(isStatic, body.desc);
    Label original = new Label();
    d.visitMethodInsn(Opcodes.INVOKESTATIC, TXN, "current", "()" + TXN_DESC, false);
    d.visitVarInsn(Opcodes.ASTORE, txn);
    d.visitVarInsn(Opcodes.ALOAD, txn);
    d.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TXN, "runsTwins", "()Z", false);
    d.visitJumpInsn(Opcodes.IFEQ, original);
    call(d, owner, isInterface, isStatic, body.name + RuntimeNames.TWIN_SUFFIX, RuntimeNames.twinDescriptor(body.desc), body.desc, txn);
    d.visitInsn(result.getOpcode(Opcodes.IRETURN));
    d.visitLabel(original);
    call(d, owner, isInterface, isStatic, body.name, body.desc, body.desc, -1);
    d.visitInsn(result.getOpcode(Opcodes.IRETURN));
    d.visitMaxs(txn + 2, txn + 1);
    return d;
  }

  private static void call(MethodNode d, String owner, boolean isInterface, boolean isStatic, String name, String desc,
      String bodyDescriptor, int txn) {
    Arguments.load(d, isStatic, bodyDescriptor);
    if (txn >= 0) {
      d.visitVarInsn(Opcodes.ALOAD, txn);
    }
    d.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner, name, desc, isInterface);
  }
}
