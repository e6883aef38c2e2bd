package dev.ame.agent;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.ame.runtime.SafeCalls;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Which JDK constructors touch nothing but their new object, so that a block may run them as they
 * are (a {@code new HashMap.Node(...)} in {@code put}, an {@code ArrayList(int)}): reads and writes
 * of the new object's own fields and of arrays it allocated, reads of final fields, its parameters
 * stored, pure static helpers ({@code HashMap.tableSizeFor}), constructors of the same kind for
 * the super class and for objects it allocates, and the message of an exception it throws. Reading
 * another object's mutable field or element, a static that is not final, or calling anything that
 * could be overridden makes a constructor not inert: its twin runs instead.
 *
 * <p>Each value's provenance is traced through ASM's {@link SourceInterpreter}: the new object
 * ({@code this}), a parameter, an object allocated here, or anything else.
 */
final class InertConstructors {
  private static final int MAX_DEPTH = 4;
  private enum Origin { THIS, PARAMETER, FRESH, OTHER }

  private final JdkClassFiles files;
  private final FieldFacts facts;
  private final Map<String, Boolean> known = new HashMap<>();
  private final Map<String, ClassNode> classes = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ClassNode> eldest) {
      return size() > 32;
    }
  };

  InertConstructors(JdkClassFiles files, FieldFacts facts) {
    this.files = files;
    this.facts = facts;
  }

  /** Whether the constructor {@code owner(descriptor)} is inert (unknown ones are not). */
  synchronized boolean isInert(String owner, String descriptor) {
    return constructor(owner, descriptor, 0);
  }

  private boolean constructor(String owner, String descriptor, int depth) {
    if (owner.equals("java/lang/Object") || SafeCalls.isSafe(owner, "<init>", descriptor)
        || owner.equals("java/lang/Throwable") && (descriptor.equals("()V") || descriptor.equals("(Ljava/lang/String;)V"))) {
      return true;
    }
    return method(owner, "<init>", descriptor, true, depth);
  }

  private boolean method(String owner, String name, String descriptor, boolean onThis, int depth) {
    String key = owner + "." + name + descriptor + (onThis ? "" : "/static");
    Boolean k = known.get(key);
    if (k != null) {
      return k;
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    known.put(key, false); // while it is analyzed: a recursive call is not proven inert
    MethodNode m = find(owner, name, descriptor);
    boolean inert = m != null && (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0 && body(owner, m, depth);
    known.put(key, inert);
    return inert;
  }

  private boolean body(String owner, MethodNode m, int depth) {
    Frame<SourceValue>[] frames;
    try {
      frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, m);
    } catch (AnalyzerException e) {
      return false;
    }
    boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
    for (int i = 0; i < frames.length; i++) {
      Frame<SourceValue> f = frames[i];
      if (f != null && !allowed(m.instructions.get(i), f, frames, m, isStatic, owner, depth)) {
        return false;
      }
    }
    return true;
  }

  private boolean allowed(AbstractInsnNode n, Frame<SourceValue> f, Frame<SourceValue>[] frames, MethodNode m,
      boolean isStatic, String owner, int depth) {
    int op = n.getOpcode();
    switch (op) {
      case Opcodes.GETFIELD: {
        FieldInsnNode field = (FieldInsnNode) n;
        return isOwn(origin(top(f, 0), frames, m, isStatic, 0)) || facts.isFinal(field.owner, field.name);
      }
      case Opcodes.PUTFIELD:
        return isOwn(origin(top(f, Type.getType(((FieldInsnNode) n).desc).getSize()), frames, m, isStatic, 0));
      case Opcodes.GETSTATIC:
        return facts.isFinal(((FieldInsnNode) n).owner, ((FieldInsnNode) n).name);
      case Opcodes.PUTSTATIC:
      case Opcodes.INVOKEDYNAMIC:
      case Opcodes.JSR:
      case Opcodes.RET:
        return false;
      case Opcodes.IALOAD: case Opcodes.LALOAD: case Opcodes.FALOAD: case Opcodes.DALOAD:
      case Opcodes.AALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
        return origin(top(f, 1), frames, m, isStatic, 0) == Origin.FRESH;
      case Opcodes.IASTORE: case Opcodes.FASTORE: case Opcodes.AASTORE: case Opcodes.BASTORE:
      case Opcodes.CASTORE: case Opcodes.SASTORE:
        return origin(top(f, 2), frames, m, isStatic, 0) == Origin.FRESH;
      case Opcodes.LASTORE: case Opcodes.DASTORE:
        return origin(top(f, 3), frames, m, isStatic, 0) == Origin.FRESH;
      case Opcodes.MONITORENTER: case Opcodes.MONITOREXIT:
        return isOwn(origin(top(f, 0), frames, m, isStatic, 0));
      case Opcodes.INVOKEVIRTUAL: case Opcodes.INVOKESPECIAL: case Opcodes.INVOKESTATIC: case Opcodes.INVOKEINTERFACE:
        return call((MethodInsnNode) n, f, frames, m, isStatic, owner, depth);
      default:
        return true;
    }
  }

  private boolean call(MethodInsnNode call, Frame<SourceValue> f, Frame<SourceValue>[] frames, MethodNode m,
      boolean isStatic, String owner, int depth) {
    if (SafeCalls.isSafe(call.owner, call.name, call.desc)) {
      return true;
    }
    if (call.getOpcode() == Opcodes.INVOKESTATIC) {
      return method(call.owner, call.name, call.desc, false, depth + 1);
    }
    Origin receiver = origin(top(f, (Type.getArgumentsAndReturnSizes(call.desc) >> 2) - 1), frames, m, isStatic, 0);
    if (call.name.equals("<init>")) {
      return isOwn(receiver) && constructor(call.owner, call.desc, depth + 1);
    }
    if (receiver == Origin.FRESH && call.owner.equals("java/lang/StringBuilder")) {
      return true; // the message of an exception: a builder of its own
    }
    // A private method (or a super call) of the new object: its body is held to the same rules.
    return receiver == Origin.THIS && call.owner.equals(owner) && isPrivateOrSpecial(call)
        && method(call.owner, call.name, call.desc, true, depth + 1);
  }

  private boolean isPrivateOrSpecial(MethodInsnNode call) {
    if (call.getOpcode() == Opcodes.INVOKESPECIAL) {
      return true;
    }
    MethodNode target = find(call.owner, call.name, call.desc);
    return target != null && (target.access & Opcodes.ACC_PRIVATE) != 0;
  }

  private static boolean isOwn(Origin o) {
    return o == Origin.THIS || o == Origin.FRESH;
  }

  /** The value under {@code slotsBelow} slots of values on top of the stack. */
  private static SourceValue top(Frame<SourceValue> f, int slotsBelow) {
    int i = f.getStackSize() - 1;
    for (int slots = 0; i > 0 && slots < slotsBelow; i--) {
      slots += f.getStack(i).getSize();
    }
    return f.getStack(Math.max(i, 0));
  }

  private Origin origin(SourceValue v, Frame<SourceValue>[] frames, MethodNode m, boolean isStatic, int depth) {
    if (depth > 8 || v.insns.isEmpty()) {
      return Origin.OTHER;
    }
    Origin result = null;
    for (AbstractInsnNode source : v.insns) {
      Origin o = originOf(source, frames, m, isStatic, depth);
      if (result != null && o != result) {
        return Origin.OTHER;
      }
      result = o;
    }
    return result;
  }

  private Origin originOf(AbstractInsnNode source, Frame<SourceValue>[] frames, MethodNode m, boolean isStatic, int depth) {
    int op = source.getOpcode();
    Frame<SourceValue> at = frames[m.instructions.indexOf(source)];
    switch (op) {
      case Opcodes.NEW: case Opcodes.NEWARRAY: case Opcodes.ANEWARRAY: case Opcodes.MULTIANEWARRAY:
      case Opcodes.ACONST_NULL:
        return Origin.FRESH;
      case Opcodes.DUP: case Opcodes.DUP_X1: case Opcodes.DUP_X2: case Opcodes.CHECKCAST:
        return at == null ? Origin.OTHER : origin(at.getStack(at.getStackSize() - 1), frames, m, isStatic, depth + 1);
      case Opcodes.ALOAD: {
        int var = ((VarInsnNode) source).var;
        SourceValue local = at == null ? null : at.getLocal(var);
        if (local == null) {
          return Origin.OTHER;
        }
        if (var < Arguments.firstFreeSlot(isStatic, m.desc) && storesInto(m, var)) {
          return Origin.OTHER; // a parameter's slot reused: the interpreter forgets the entry value at merges
        }
        if (local.insns.isEmpty()) { // the value it had on entry: a parameter
          return var == 0 && !isStatic ? Origin.THIS : Origin.PARAMETER;
        }
        return origin(local, frames, m, isStatic, depth + 1);
      }
      case Opcodes.ASTORE:
        return at == null ? Origin.OTHER : origin(at.getStack(at.getStackSize() - 1), frames, m, isStatic, depth + 1);
      default:
        return Origin.OTHER;
    }
  }

  private static boolean storesInto(MethodNode m, int var) {
    for (AbstractInsnNode n : m.instructions) {
      if (n instanceof VarInsnNode && ((VarInsnNode) n).var == var && n.getOpcode() >= Opcodes.ISTORE) {
        return true;
      }
    }
    return false;
  }

  private MethodNode find(String owner, String name, String descriptor) {
    ClassNode c = classes.get(owner);
    if (c == null) {
      try {
        byte[] bytes = files.read(owner);
        if (bytes == null) {
          return null;
        }
        c = new ClassNode();
        new ClassReader(bytes).accept(c, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        classes.put(owner, c);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
    for (MethodNode m : c.methods) {
      if (m.name.equals(name) && m.desc.equals(descriptor)) {
        return m;
      }
    }
    return null;
  }
}
