package dev.ame.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Rewrites one class: buffers it, adds a transactional twin beside every method with a body
 * ({@link TwinMethodWriter}), turns {@code @Atomic} methods into blocks ({@link AtomicWrapper}),
 * then passes the class on. Original bodies stay untouched, so code outside transactions runs
 * at full speed.
 *
 * <p>Twins use {@code invokedynamic} and dynamic constants, so classes older than Java 11 are
 * raised to version 55 (class files of Java 5 and older, with subroutines and no frames, are
 * left as they are). Every constructor gets a twin, even when its body cannot be rewritten (then
 * the twin makes the block irrevocable and delegates), because callers name constructor twins
 * directly.
 */
final class ClassRewriter extends ClassNode {
  private final ClassVisitor next;
  private final FieldFacts fieldFacts;
  private final AgentConfig config;
  private final Scope scope;
  private final AgentLog log;

  ClassRewriter(ClassVisitor next, FieldFacts fieldFacts, AgentConfig config, Scope scope, AgentLog log) {
    super(Opcodes.ASM9);
    this.next = next;
    this.fieldFacts = fieldFacts;
    this.config = config;
    this.scope = scope;
    this.log = log;
  }

  @Override
  public void visitEnd() {
    super.visitEnd();
    rewrite();
    accept(next);
  }

  private void rewrite() {
    if ((access & Opcodes.ACC_MODULE) != 0 || name.endsWith("module-info") || name.endsWith("package-info")
        || alreadyRewritten()) {
      return;
    }
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    int major = version & 0xFFFF;
    boolean canTwin = !usesSubroutines();
    if (canTwin && major < Opcodes.V1_6) {
      addFrames();
    }
    if (canTwin && major < Opcodes.V11) {
      version = Opcodes.V11;
    }
    if (!canTwin) {
      log.warnOnce("subroutines", "class " + name.replace('/', '.') + " uses jsr/ret subroutines (class file version "
          + major + ") and cannot be rewritten; blocks that call it run irrevocably (further such classes: log=debug)");
      log.debug("not rewritten (subroutines): " + name.replace('/', '.'));
    }
    if (canTwin) {
      LambdaDispatchers.redirect(this);
    }
    boolean classAtomic = hasAtomic(visibleAnnotations);
    boolean convertsSynchronized = config.convertsSynchronized(name.replace('/', '.'));
    for (MethodNode m : new ArrayList<>(methods)) {
      boolean isConstructor = m.name.equals("<init>");
      if (m.name.equals("<clinit>") || m.name.endsWith("$ame$dispatch")) {
        continue;
      }
      if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        if (hasAtomic(m.visibleAnnotations)) {
          log.warnOnce(name + "." + m.name, "@Atomic on " + describe(m) + " has no effect: it has no body"
              + ((m.access & Opcodes.ACC_NATIVE) != 0 ? " (native)" : "; annotate the implementations"));
        }
        continue;
      }
      MethodNode twin = canTwin ? twinOf(m, false) : null;
      if (twin == null && isConstructor) {
        twin = constructorFallback(m);
      }
      if (twin == null) {
        continue;
      }
      boolean atomic = !isConstructor && isAtomic(m, classAtomic, convertsSynchronized);
      boolean delegates = !isConstructor && tooLarge(twin);
      if (delegates) {
        log.warnOnce(name + "." + m.name + m.desc, "the transactional twin of " + describe(m)
            + " would exceed the JVM's 64 KB method limit; blocks that call it run it irrevocably");
        twin = irrevocableDelegate(m, atomic);
      }
      methods.add(twin);
      MethodNode aloneTwin = isConstructor || delegates ? null : twinOf(m, true);
      if (aloneTwin != null) {
        methods.add(aloneTwin);
      }
      if (atomic) {
        AtomicWrapper.replaceBody(m, name, isInterface, aloneTwin != null);
        log.debug("atomic block " + describe(m));
      } else if (convertsSynchronized) {
        int blocks = SynchronizedBlocks.convert(name, m, fieldFacts, scope, log);
        if (blocks > 0) {
          log.debug(blocks + " synchronized block(s) of " + describe(m) + " became atomic");
        }
      }
    }
  }

  private boolean isAtomic(MethodNode m, boolean classAtomic, boolean convertsSynchronized) {
    if (hasAtomic(m.visibleAnnotations) || config.isAtomic(name.replace('/', '.'), m.name, m.desc)) {
      return true;
    }
    if (convertsSynchronized && (m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
      return true;
    }
    return classAtomic && (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0;
  }

  private static boolean hasAtomic(List<AnnotationNode> annotations) {
    if (annotations != null) {
      for (AnnotationNode a : annotations) {
        if (a.desc.equals(RuntimeNames.ATOMIC_DESC)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The general twin of {@code m}, or with {@code alone} its alone twin (no constructor has one:
   * callers name constructor twins directly); null when it cannot be written.
   */
  private MethodNode twinOf(MethodNode m, boolean alone) {
    try {
      MethodNode copy = copyOf(m);
      Set<AbstractInsnNode> thisFields = m.name.equals("<init>") ? ConstructorReceivers.of(name, copy) : Set.of();
      if (thisFields == null) {
        log.warnOnce(name + "." + m.name + m.desc, "could not analyze " + describe(m) + "; blocks that call it run irrevocably");
        return null;
      }
      int access = (m.access & ~(Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_VARARGS | Opcodes.ACC_BRIDGE)) | Opcodes.ACC_SYNTHETIC;
      String twinName = m.name.equals("<init>") ? "<init>" : m.name + (alone ? RuntimeNames.ALONE_SUFFIX : RuntimeNames.TWIN_SUFFIX);
      String[] exceptions = m.exceptions == null ? null : m.exceptions.toArray(new String[0]);
      MethodNode twin = new MethodNode(Opcodes.ASM9, access, twinName, RuntimeNames.twinDescriptor(m.desc), null, exceptions);
      AbstractInsnNode[] current = new AbstractInsnNode[1];
      TwinMethodWriter writer = new TwinMethodWriter(twin, name, m.name, firstFreeSlot(m), false, thisFields,
          () -> current[0], fieldFacts, scope, RuntimeCalls.DIRECT, Constructions.of(copy, this::runtimeConstructs), alone);
      AnalyzerAdapter types = new AnalyzerAdapter(name, m.access, m.name, m.desc, writer);
      writer.typesFrom(types);
      types.visitCode();
      for (TryCatchBlockNode t : copy.tryCatchBlocks) {
        t.accept(types);
      }
      for (AbstractInsnNode n : copy.instructions) {
        current[0] = n;
        n.accept(types);
      }
      current[0] = null;
      types.visitMaxs(copy.maxStack, copy.maxLocals);
      types.visitEnd();
      return alone && tooLarge(twin) ? null : twin;
    } catch (RuntimeException e) {
      if (alone) {
        return null; // the general twin serves (it was written, so this is not expected)
      }
      log.warnOnce(name + "." + m.name + m.desc, "could not rewrite " + describe(m) + " (" + e
          + "); blocks that call it run irrevocably");
      return null;
    }
  }

  /**
   * Whether a block's {@code new X(...)} is made by the runtime: a JDK class whose constructor is
   * not known to be safe (the runtime runs its twin, or makes the block irrevocable).
   */
  private boolean runtimeConstructs(String owner, String descriptor) {
    return owner.startsWith("java/") && !scope.includes(owner) && !dev.ame.runtime.SafeCalls.isSafe(owner, "<init>", descriptor);
  }

  /** Whether a method's bytecode would be over the JVM's limit (checked only for big methods). */
  static boolean tooLarge(MethodNode twin) {
    if (twin.instructions.size() < 8_000) {
      return false;
    }
    try {
      org.objectweb.asm.ClassWriter scratch = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
      scratch.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "Scratch", null, "java/lang/Object", null);
      twin.accept(scratch);
      scratch.visitEnd();
      scratch.toByteArray();
      return false;
    } catch (org.objectweb.asm.MethodTooLargeException | org.objectweb.asm.ClassTooLargeException e) {
      return true;
    } catch (RuntimeException e) {
      return false; // other problems surface when the class itself is written
    }
  }

  /**
   * A small twin that makes the block irrevocable and runs the original code: for methods whose
   * real twin would be too large. The original body of an atomic method, which its wrapper is
   * about to replace, moves to a private copy first.
   */
  private MethodNode irrevocableDelegate(MethodNode m, boolean atomic) {
    boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    String target = m.name;
    if (atomic) {
      MethodNode body = copyOf(m); // own labels: the original's are about to be replaced by the wrapper
      body.name = m.name + "$ame$body";
      body.access = (m.access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
      body.exceptions = m.exceptions;
      methods.add(body);
      target = body.name;
    }
    int access = (m.access & ~(Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_VARARGS | Opcodes.ACC_BRIDGE)) | Opcodes.ACC_SYNTHETIC;
    MethodNode twin = new MethodNode(Opcodes.ASM9, access, m.name + RuntimeNames.TWIN_SUFFIX, RuntimeNames.twinDescriptor(m.desc), null, null);
    int txn = firstFreeSlot(m);
    twin.visitVarInsn(Opcodes.ALOAD, txn);
    twin.visitLdcInsn("method " + describe(m) + " too large to rewrite");
    twin.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.BARRIERS, "irrevocable", "(" + RuntimeNames.TXN_DESC + "Ljava/lang/String;)V", false);
    Arguments.load(twin, isStatic, m.desc);
    twin.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, name, target, m.desc, isInterface);
    twin.visitInsn(Type.getReturnType(m.desc).getOpcode(Opcodes.IRETURN));
    twin.visitMaxs(txn + 2, txn + 1);
    return twin;
  }

  /** A constructor twin that makes the block irrevocable, then runs the original constructor. */
  private MethodNode constructorFallback(MethodNode m) {
    int access = (m.access & ~Opcodes.ACC_VARARGS) | Opcodes.ACC_SYNTHETIC;
    MethodNode twin = new MethodNode(Opcodes.ASM9, access, "<init>", RuntimeNames.twinDescriptor(m.desc), null, null);
    int txn = firstFreeSlot(m);
    twin.visitVarInsn(Opcodes.ALOAD, txn);
    twin.visitLdcInsn("constructor " + describe(m) + " that could not be rewritten");
    twin.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.BARRIERS, "irrevocable",
        "(" + RuntimeNames.TXN_DESC + "Ljava/lang/String;)V", false);
    Arguments.load(twin, false, m.desc);
    twin.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", m.desc, false);
    twin.visitInsn(Opcodes.RETURN);
    twin.visitMaxs(txn + 2, txn + 1);
    return twin;
  }

  private static int firstFreeSlot(MethodNode m) {
    return Arguments.firstFreeSlot((m.access & Opcodes.ACC_STATIC) != 0, m.desc);
  }

  /** A copy with its own labels: ASM labels must never be shared between two methods. */
  static MethodNode copyOf(MethodNode m) {
    Map<LabelNode, LabelNode> labels = new HashMap<>();
    for (AbstractInsnNode n : m.instructions) {
      if (n instanceof LabelNode) {
        labels.put((LabelNode) n, new LabelNode());
      }
    }
    MethodNode copy = new MethodNode(Opcodes.ASM9, m.access, m.name, m.desc, m.signature, null);
    for (AbstractInsnNode n : m.instructions) {
      copy.instructions.add(n.clone(labels));
    }
    for (TryCatchBlockNode t : m.tryCatchBlocks) {
      copy.tryCatchBlocks.add(new TryCatchBlockNode(labels.get(t.start), labels.get(t.end), labels.get(t.handler), t.type));
    }
    copy.maxStack = m.maxStack;
    copy.maxLocals = m.maxLocals;
    return copy;
  }

  /**
   * Class files before version 50 carry no stack map frames, which the twin writer reads for
   * stack types: compute them first (through the type pool, never loading classes).
   */
  private void addFrames() {
    ClassNode old = new ClassNode();
    int original = version;
    version = Opcodes.V1_6;
    PoolClassWriter writer = new PoolClassWriter(fieldFacts.pool());
    accept(writer);
    new org.objectweb.asm.ClassReader(writer.toByteArray()).accept(old, org.objectweb.asm.ClassReader.EXPAND_FRAMES);
    methods = old.methods;
    version = original;
  }

  private boolean usesSubroutines() {
    for (MethodNode m : methods) {
      for (AbstractInsnNode n : m.instructions) {
        if (n.getOpcode() == Opcodes.JSR || n.getOpcode() == Opcodes.RET) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean alreadyRewritten() {
    for (MethodNode m : methods) {
      if (m.name.endsWith(RuntimeNames.TWIN_SUFFIX) || m.desc.contains(RuntimeNames.TXN_DESC)) {
        return true;
      }
    }
    return false;
  }

  private String describe(MethodNode m) {
    return name.replace('/', '.') + "." + m.name + m.desc;
  }
}
