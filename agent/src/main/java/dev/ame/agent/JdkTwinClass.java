package dev.ame.agent;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Writes the twin class of a JDK class from the JDK's own class file: for each method with a body
 * a static twin, {@code m$ame(C self, args..., Object txn)} ({@code self} unless static), written
 * by {@link TwinMethodWriter} in its bridged mode, and its alone twin {@code m$alone}; for each constructor {@code $init$ame(C self,
 * args..., Object txn)}, its body, and for an {@link InertConstructors inert} one also
 * {@code $new$ame(args..., Object txn)}, which simply runs it. The class keeps the original's
 * source file name and line numbers, and is defined as a hidden nestmate of the JDK class (see
 * {@link JdkTwinFactory}); the runtime's {@code JdkTwins} describes the contract.
 */
final class JdkTwinClass {
  /** Appended to the JDK class's name (the JVM appends its own suffix to a hidden class's name). */
  static final String SUFFIX = "$$AmeTwin";
  private static final String TXN = "Ljava/lang/Object;";

  private final JdkClassFiles files;
  private final FieldFacts facts;
  private final InertConstructors inert;
  private final Scope scope = new Scope(AgentConfig.EMPTY);
  private final AgentLog log;

  JdkTwinClass(JdkClassFiles files, AgentLog log) {
    this.files = files;
    this.facts = new FieldFacts(files.pool());
    this.inert = new InertConstructors(files, facts);
    this.log = log;
  }

  /** The twin class's bytes for the JDK class {@code internalName}; null when it has no class file. */
  byte[] generate(String internalName) throws IOException {
    byte[] original = files.read(internalName);
    if (original == null) {
      return null;
    }
    ClassNode c = new ClassNode();
    new ClassReader(original).accept(c, ClassReader.EXPAND_FRAMES);
    ClassNode twin = new ClassNode();
    twin.version = Math.max(c.version & 0xFFFF, Opcodes.V11);
    twin.access = Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
    twin.name = c.name + SUFFIX;
    twin.superName = "java/lang/Object";
    twin.sourceFile = c.sourceFile;
    Set<String> direct = directlyCalled(c);
    RuntimeCalls calls = RuntimeCalls.bridged(c.name, twin.name, direct);
    Set<String> written = new HashSet<>();
    for (MethodNode m : c.methods) {
      if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || m.name.equals("<clinit>")) {
        continue;
      }
      if (m.name.equals("<init>")) {
        if (superConstructorHasBody(c, m)) {
          add(twin, written, twinOf(c, m, "$init" + RuntimeNames.TWIN_SUFFIX, calls, false));
        }
        if (inert.isInert(c.name, m.desc)) {
          add(twin, written, factory(c, m));
        }
      } else {
        for (String suffix : new String[] {RuntimeNames.TWIN_SUFFIX, RuntimeNames.ALONE_SUFFIX}) {
          String twinName = m.name + suffix;
          MethodNode t = twinOf(c, m, twinName, calls, suffix.equals(RuntimeNames.ALONE_SUFFIX));
          add(twin, written, t == null && direct.contains(m.name + m.desc) ? irrevocableDelegate(c, m, twinName) : t);
        }
      }
    }
    PoolClassWriter writer = new PoolClassWriter(files.pool());
    twin.accept(writer);
    return writer.toByteArray();
  }

  /** Adds a method unless it failed, or an earlier one took its name and descriptor (a static and an instance method). */
  private static void add(ClassNode twin, Set<String> written, MethodNode m) {
    if (m != null && written.add(m.name + m.desc)) {
      twin.methods.add(m);
    }
  }

  /**
   * The methods whose twins the class's own twins call directly: those that cannot be overridden
   * (static, private, final), have a body, and run neither as they are nor in a stand-in
   * (which the runtime's linker would choose).
   */
  private static Set<String> directlyCalled(ClassNode c) {
    Set<String> direct = new HashSet<>();
    boolean finalClass = (c.access & Opcodes.ACC_FINAL) != 0;
    for (MethodNode m : c.methods) {
      boolean fixed = finalClass || (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0;
      if (fixed && !m.name.startsWith("<") && (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
          && !dev.ame.runtime.SafeCalls.isSafe(c.name, m.name, m.desc)
          && !dev.ame.runtime.JdkTwins.hasStandIn(c.name, m.name, m.desc)) {
        direct.add(m.name + m.desc);
      }
    }
    return direct;
  }

  /**
   * The twin of a method that others call directly but that could not be twinned (too large):
   * it makes the block irrevocable and runs the original.
   */
  private static MethodNode irrevocableDelegate(ClassNode c, MethodNode m, String twinName) {
    boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
    boolean isInterface = (c.access & Opcodes.ACC_INTERFACE) != 0;
    String params = m.desc.substring(1, m.desc.indexOf(')'));
    String descriptor = "(" + (isStatic ? "" : "L" + c.name + ";") + params + TXN + ")" + Type.getReturnType(m.desc).getDescriptor();
    MethodNode d = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
        twinName, descriptor, null, null);
    int txn = Arguments.firstFreeSlot(isStatic, m.desc);
    d.visitCode();
    d.visitVarInsn(Opcodes.ALOAD, txn);
    d.visitLdcInsn("method " + c.name.replace('/', '.') + "." + m.name + m.desc + " too large to be twinned");
    RuntimeCalls.bridged(c.name, c.name + SUFFIX, Set.of()).barrier(d, "irrevocable",
        "(" + RuntimeNames.TXN_DESC + "Ljava/lang/String;)V");
    Arguments.load(d, isStatic, m.desc);
    int opcode = isStatic ? Opcodes.INVOKESTATIC : isInterface ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
    d.visitMethodInsn(opcode, c.name, m.name, m.desc, isInterface);
    d.visitInsn(Type.getReturnType(m.desc).getOpcode(Opcodes.IRETURN));
    d.visitMaxs(txn + 2, txn + 1);
    d.visitEnd();
    return d;
  }

  private MethodNode twinOf(ClassNode c, MethodNode m, String twinName, RuntimeCalls calls, boolean alone) {
    try {
      MethodNode copy = ClassRewriter.copyOf(m);
      boolean isConstructor = m.name.equals("<init>");
      Set<AbstractInsnNode> thisFields = isConstructor ? ConstructorReceivers.of(c.name, copy) : Set.of();
      if (thisFields == null) {
        return null;
      }
      boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
      Type method = Type.getMethodType(m.desc);
      StringBuilder descriptor = new StringBuilder("(");
      if (!isStatic) {
        descriptor.append('L').append(c.name).append(';');
      }
      for (Type a : method.getArgumentTypes()) {
        descriptor.append(a.getDescriptor());
      }
      descriptor.append(TXN).append(')').append(isConstructor ? "V" : method.getReturnType().getDescriptor());
      MethodNode twin = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
          twinName, descriptor.toString(), null, null);
      AbstractInsnNode[] current = new AbstractInsnNode[1];
      TwinMethodWriter writer = new TwinMethodWriter(twin, c.name, m.name, Arguments.firstFreeSlot(isStatic, m.desc), false,
          thisFields, () -> current[0], facts, scope, calls, Constructions.of(copy, (owner, d) -> true), alone);
      AnalyzerAdapter types = new AnalyzerAdapter(c.name, m.access, m.name, m.desc, writer);
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
      if (ClassRewriter.tooLarge(twin)) {
        log.debug("no twin for " + c.name.replace('/', '.') + "." + m.name + m.desc + ": too large");
        return null;
      }
      return twin;
    } catch (RuntimeException e) {
      log.debug("no twin for " + c.name.replace('/', '.') + "." + m.name + m.desc + ": " + e);
      return null;
    }
  }

  /** {@code static C $new$ame(args..., Object txn) { return new C(args); }} */
  private static MethodNode factory(ClassNode c, MethodNode constructor) {
    String params = constructor.desc.substring(1, constructor.desc.indexOf(')'));
    MethodNode f = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
        "$new" + RuntimeNames.TWIN_SUFFIX, "(" + params + TXN + ")L" + c.name + ";", null, null);
    f.visitCode();
    f.visitTypeInsn(Opcodes.NEW, c.name);
    f.visitInsn(Opcodes.DUP);
    int slot = 0;
    for (Type a : Type.getArgumentTypes(constructor.desc)) {
      f.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
      slot += a.getSize();
    }
    f.visitMethodInsn(Opcodes.INVOKESPECIAL, c.name, "<init>", constructor.desc, false);
    f.visitInsn(Opcodes.ARETURN);
    f.visitMaxs(slot + 2, slot + 1);
    f.visitEnd();
    return f;
  }

  /**
   * A constructor's body can run on an allocated object only if the constructor it calls first
   * (super or this) has a body twin too: its own class's, {@code Object}'s (nothing), or one of a
   * class that is twinned.
   */
  private boolean superConstructorHasBody(ClassNode c, MethodNode constructor) {
    int pending = 0; // objects allocated (new) and not yet initialized
    for (AbstractInsnNode n : constructor.instructions) {
      if (n.getOpcode() == Opcodes.NEW) {
        pending++;
      } else if (n.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) n).name.equals("<init>")) {
        if (pending > 0) {
          pending--;
          continue;
        }
        String owner = ((MethodInsnNode) n).owner;
        return owner.equals(c.name) || owner.equals("java/lang/Object") || owner.equals(c.superName) && isTwinnable(owner);
      }
    }
    return false;
  }

  private static boolean isTwinnable(String internalName) {
    try {
      return dev.ame.runtime.JdkTwins.isTwinnable(Class.forName(internalName.replace('/', '.'), false, null));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
