package dev.ame.agent;

import static dev.ame.agent.RuntimeNames.TXN_DESC;

import dev.ame.runtime.SafeCalls;
import dev.ame.runtime.Sites;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Writes the transactional twin of one method while the original's instructions stream through.
 *
 * <p>The twin takes the transaction as an extra last parameter: locals at or above its slot
 * move up by one. Its field and array instructions call {@link RuntimeNames#BARRIERS}; its calls
 * become {@code invokedynamic}s that the runtime's {@code Linker} binds to the callee's twin (or
 * to the original, irrevocably); its monitors are elided (the block is atomic already); a first
 * exception-table entry lets the runtime's abort signal pass every user handler untouched. Final fields and the fields of the object a constructor is building are
 * accessed directly: nobody else can be writing them.
 *
 * <p>An upstream {@link AnalyzerAdapter} tracks the original's stack types, which give the
 * element type of {@code aaload} (the barrier returns {@code Object}).
 *
 * <p>A twin of a JDK class ({@link RuntimeCalls#bridged}, written by {@link JdkTwinClass}) is a
 * static method of a hidden class beside the JDK class, and reaches the runtime only through the
 * bridge. It cannot name the runtime's signal class in its exception table: instead, each of its
 * handlers that could catch the signal ({@code Throwable}, {@code Error}, {@code finally}) first
 * rethrows it. A constructor's twin is a static method on an object allocated without a
 * constructor: its stores into final fields, and its call of the super constructor (the
 * super constructor's own twin), go through the bridge; each {@code new X(...)} that it (or any
 * twin) makes of a JDK class becomes one call that the runtime binds (see {@link Constructions}).
 *
 * <p>An <em>alone twin</em> ({@code m$alone}) is the version that runs only in place, in a block
 * that runs alone or irrevocably: its reads are the original's plain loads, its stores keep the
 * old value ({@code undoX}, {@code writeXAInPlace}) and store in place, and its calls go to alone
 * twins. The general twin ({@code m$ame}) tests the mode at each access and serves both. Two
 * versions give the JIT two profiles: once other threads make the speculative paths hot, a block
 * that runs alone again still runs code compiled without them.
 */
final class TwinMethodWriter extends MethodVisitor {
  private final String className;
  private final String methodName;
  private final int txnSlot;
  private final int shiftFrom;
  private final Set<AbstractInsnNode> thisFields;
  private final Supplier<AbstractInsnNode> current;
  private final FieldFacts fieldFacts;
  private final Scope scope;
  private final RuntimeCalls calls;
  /** The {@code new}, {@code dup} and {@code <init>} instructions of the objects made by one runtime call. */
  private final Set<AbstractInsnNode> rebuilt;
  /** Whether this is an alone twin, which runs only in place. */
  private final boolean alone;
  /** Bridged: the handlers that could catch the runtime's signal, not visited yet. */
  private final Set<Label> guardedHandlers = new HashSet<>();
  /** Bridged: where guarded handlers rethrow the signal, after the code (outside every handler's range). */
  private Label rethrowSignal;
  private final Label bodyStart = new Label();
  private final Label bodyEnd = new Label();
  private final Label signalHandler = new Label();
  private boolean bodyOpen;
  private AnalyzerAdapter types;
  private int line;

  /**
   * @param txnSlot the local that holds the transaction
   * @param isRegion true when the writer rewrites a region of an original method in place (a
   *     synchronized block, see {@link SynchronizedBlocks}): its locals keep their slots
   */
  TwinMethodWriter(MethodVisitor twin, String className, String methodName, int txnSlot, boolean isRegion,
      Set<AbstractInsnNode> thisFields, Supplier<AbstractInsnNode> current, FieldFacts fieldFacts, Scope scope) {
    this(twin, className, methodName, txnSlot, isRegion, thisFields, current, fieldFacts, scope, RuntimeCalls.DIRECT,
        Set.of(), false);
  }

  /**
   * @param calls how the twin reaches the runtime
   * @param rebuilt the instructions of each {@code new X(...)} that the runtime makes instead ({@link Constructions})
   * @param alone whether to write the alone twin (see the class comment)
   */
  TwinMethodWriter(MethodVisitor twin, String className, String methodName, int txnSlot, boolean isRegion,
      Set<AbstractInsnNode> thisFields, Supplier<AbstractInsnNode> current, FieldFacts fieldFacts, Scope scope,
      RuntimeCalls calls, Set<AbstractInsnNode> rebuilt, boolean alone) {
    super(Opcodes.ASM9, twin);
    this.className = className;
    this.methodName = methodName;
    this.txnSlot = txnSlot;
    this.shiftFrom = isRegion ? Integer.MAX_VALUE : txnSlot;
    this.thisFields = thisFields;
    this.current = current;
    this.fieldFacts = fieldFacts;
    this.scope = scope;
    this.calls = calls;
    this.rebuilt = rebuilt;
    this.alone = alone;
  }

  int transactionSlot() {
    return txnSlot;
  }

  /** The adapter upstream of this writer, whose stack describes the instruction being visited. */
  void typesFrom(AnalyzerAdapter adapter) {
    this.types = adapter;
  }

  private String site() {
    return className.replace('/', '.') + "." + methodName + (line > 0 ? ":" + line : "");
  }

  private void loadTxn() {
    super.visitVarInsn(Opcodes.ALOAD, txnSlot);
  }

  private int shift(int slot) {
    return slot >= shiftFrom ? slot + 1 : slot;
  }

  // ---- locals and frames ----

  @Override
  public void visitVarInsn(int opcode, int var) {
    super.visitVarInsn(opcode, shift(var));
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    super.visitIincInsn(shift(var), increment);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    // recomputed by the class writer
  }

  @Override
  public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
    super.visitLocalVariable(name, descriptor, signature, start, end, shift(index));
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    this.line = line;
    super.visitLineNumber(line, start);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    closeBody();
    super.visitMaxs(maxStack + 8, maxLocals + 1);
  }

  // ---- the runtime's control signals pass through user handlers ----

  /**
   * The first entry of the exception table covers the whole body and catches the runtime's
   * abort/retry signal, rethrowing it from outside every range. The JVM picks the first matching
   * entry, so no user handler (catch Throwable, finally, synchronized) ever runs on a signal.
   */
  @Override
  public void visitCode() {
    super.visitCode();
    if (!calls.bridged) {
      super.visitTryCatchBlock(bodyStart, bodyEnd, signalHandler, RuntimeNames.CONTROL_SIGNAL);
    }
    if (!methodName.equals("<init>")) {
      openBody();
    }
  }

  /** Bridged: a handler that could catch the signal is noted, to rethrow the signal first (see {@link #visitLabel}). */
  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    if (calls.bridged && (type == null || type.equals("java/lang/Throwable") || type.equals("java/lang/Error"))) {
      guardedHandlers.add(handler);
    }
    super.visitTryCatchBlock(start, end, handler, type);
  }

  /**
   * Bridged, at a guarded handler: {@code dup; isSignal; ifne RETHROW}, where {@code RETHROW:
   * athrow} follows the method's code. (A handler's range may cover the handler itself, as a
   * {@code synchronized} block's does: a rethrow in place would be caught again, forever.)
   */
  @Override
  public void visitLabel(Label label) {
    super.visitLabel(label);
    if (guardedHandlers.remove(label)) {
      if (rethrowSignal == null) {
        rethrowSignal = new Label();
      }
      super.visitInsn(Opcodes.DUP);
      calls.isSignal(mv);
      super.visitJumpInsn(Opcodes.IFNE, rethrowSignal);
    }
  }

  /**
   * In a constructor the range starts after the call of the super (or this) constructor: the
   * verifier rejects a handler whose range holds an uninitialized {@code this}.
   */
  private void openBody() {
    if (!calls.bridged) {
      super.visitLabel(bodyStart);
    }
    bodyOpen = true;
  }

  private void closeBody() {
    if (calls.bridged) {
      if (rethrowSignal != null) {
        super.visitLabel(rethrowSignal);
        super.visitInsn(Opcodes.ATHROW);
      }
      return;
    }
    if (!bodyOpen) {
      openBody();
      super.visitInsn(Opcodes.NOP);
    }
    super.visitLabel(bodyEnd);
    super.visitLabel(signalHandler);
    super.visitInsn(Opcodes.ATHROW);
  }

  // ---- fields ----

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
    boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
    // Before the super constructor call, `this` cannot be passed to a barrier (the verifier forbids
    // it) and nothing else can see the object: plain. After it, the constructor's writes must go
    // through the log like those of the methods it calls, or commit would write stale values over
    // them; only final fields (never logged) stay plain.
    boolean onThis = thisFields.contains(current.get());
    boolean isFinal = fieldFacts.isFinal(owner, name);
    if (calls.bridged && isFinal && opcode == Opcodes.PUTFIELD) {
      calls.putFinal(mv, owner, name, descriptor); // a JDK constructor's body: only the bridge may store into a final field
      return;
    }
    if (onThis && (!bodyOpen || isFinal) || read && isFinal || read && alone) {
      super.visitFieldInsn(opcode, owner, name, descriptor);
      return;
    }
    Type type = Type.getType(descriptor);
    if (alone) {
      storeInPlace(owner, name, descriptor, type, isStatic);
      return;
    }
    switch (opcode) {
      case Opcodes.GETFIELD:
        super.visitInsn(Opcodes.DUP);
        super.visitFieldInsn(opcode, owner, name, descriptor);
        checkRead(owner, name, type, false);
        break;
      case Opcodes.GETSTATIC:
        super.visitFieldInsn(opcode, owner, name, descriptor);
        checkRead(owner, name, type, true);
        break;
      case Opcodes.PUTFIELD:
        narrow(type);
        storeInPlaceOrLog(owner, name, descriptor, type, false);
        break;
      default: // PUTSTATIC
        narrow(type);
        triggerInitialization(owner, name, descriptor, type);
        storeInPlaceOrLog(owner, name, descriptor, type, true);
        break;
    }
  }

  /**
   * A field store: in place when the block runs in place (alone or irrevocable), after handing the
   * field's old value to the runtime ({@code undoX}: kept for a roll-back); else logged
   * ({@code writeX}). With the value (and the object) on the stack:
   * <pre>
   *   aload txn; invokestatic writesInPlace; ifeq LOG
   *   [obj v] → [v obj obj old] → undoX(obj, old, FIELD, txn) → [obj v]; putfield; goto END
   *   LOG: writeX(obj, v, FIELD, txn)
   *   END:
   * </pre>
   */
  private void storeInPlaceOrLog(String owner, String name, String descriptor, Type type,
      boolean isStatic) {
    String kind = RuntimeNames.kind(type);
    String k = RuntimeNames.kindDescriptor(kind);
    Label log = new Label();
    Label end = new Label();
    loadTxn();
    barrier("writesInPlace", "(" + TXN_DESC + ")Z");
    super.visitJumpInsn(Opcodes.IFEQ, log);
    storeInPlace(owner, name, descriptor, type, isStatic);
    super.visitJumpInsn(Opcodes.GOTO, end);
    super.visitLabel(log);
    pushFieldId(owner, name, isStatic);
    loadTxn();
    if (isStatic) {
      barrier("writeStatic" + kind, "(" + k + "I" + TXN_DESC + ")V");
    } else {
      barrier("write" + kind, "(Ljava/lang/Object;" + k + "I" + TXN_DESC + ")V");
    }
    super.visitLabel(end);
  }

  /** The in-place store, with the value (and the object) on the stack: {@code undoX} of the old value, then the store. */
  private void storeInPlace(String owner, String name, String descriptor, Type type,
      boolean isStatic) {
    String kind = RuntimeNames.kind(type);
    String k = RuntimeNames.kindDescriptor(kind);
    boolean wide = type.getSize() == 2;
    if (isStatic) {
      super.visitFieldInsn(Opcodes.GETSTATIC, owner, name, descriptor); // [v old]
      pushFieldId(owner, name, isStatic);
      loadTxn();
      barrier("undoStatic" + kind, "(" + k + "I" + TXN_DESC + ")V");
      super.visitFieldInsn(Opcodes.PUTSTATIC, owner, name, descriptor);
    } else {
      if (wide) {
        super.visitInsn(Opcodes.DUP2_X1); // [v obj v]
        super.visitInsn(Opcodes.POP2);    // [v obj]
      } else {
        super.visitInsn(Opcodes.SWAP);    // [v obj]
      }
      super.visitInsn(Opcodes.DUP);
      super.visitInsn(Opcodes.DUP);       // [v obj obj obj]
      super.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor); // [v obj obj old]
      pushFieldId(owner, name, isStatic);
      loadTxn();
      barrier("undo" + kind, "(Ljava/lang/Object;" + k + "I" + TXN_DESC + ")V");
      if (wide) {
        super.visitInsn(Opcodes.DUP_X2);  // [obj v obj]
        super.visitInsn(Opcodes.POP);     // [obj v]
      } else {
        super.visitInsn(Opcodes.SWAP);    // [obj v]
      }
      super.visitFieldInsn(Opcodes.PUTFIELD, owner, name, descriptor);
    }
  }

  /**
   * After the site's own load of a field, with the holder (unless static) and the value on the
   * stack: the barrier that checks the value, logs the read, or returns this attempt's own write.
   * <pre>
   *   [obj; dup] getfield C.f; FIELD; ldc SITE; aload txn; invokestatic readX(obj, v, FIELD, SITE, txn)
   * </pre>
   * The load is the site's, not the barrier's: a barrier that the JIT does not inline still
   * checks a plain load (it once loaded through a VarHandle, which is no constant then, and
   * several times slower).
   */
  private void checkRead(String owner, String name, Type type, boolean isStatic) {
    String kind = RuntimeNames.kind(type);
    String k = RuntimeNames.kindDescriptor(kind);
    pushFieldId(owner, name, isStatic);
    pushSite(owner.replace('/', '.') + "." + name);
    loadTxn();
    barrier(isStatic ? "readStatic" + kind : "read" + kind,
        "(" + (isStatic ? "" : "Ljava/lang/Object;") + k + "II" + TXN_DESC + ")" + k);
    castTo(type);
  }

  /**
   * The field's id, from a call site linked on first execution, which the JIT folds to a constant.
   * Not a dynamic constant: a method with one that no executed path has resolved yet (a store on
   * a path never taken, a read that only the other mode makes) is given up by the JIT compilers,
   * and runs interpreted ("could not resolve a constant"); an unlinked call site only traps where
   * it is.
   */
  private void pushFieldId(String owner, String name, boolean isStatic) {
    calls.fieldIdCall(mv, owner, name, isStatic);
  }

  /** A static access initializes its class first, before the barrier reads any orec. */
  private void triggerInitialization(String owner, String name, String descriptor, Type type) {
    super.visitFieldInsn(Opcodes.GETSTATIC, owner, name, descriptor);
    super.visitInsn(type.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
  }

  /** The store instruction would narrow the int on the stack; the logged value must match. */
  private void narrow(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
        super.visitInsn(Opcodes.ICONST_1);
        super.visitInsn(Opcodes.IAND);
        break;
      case Type.BYTE:
        super.visitInsn(Opcodes.I2B);
        break;
      case Type.CHAR:
        super.visitInsn(Opcodes.I2C);
        break;
      case Type.SHORT:
        super.visitInsn(Opcodes.I2S);
        break;
      default:
        break;
    }
  }

  private void castTo(Type type) {
    if ((type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) && !type.getInternalName().equals("java/lang/Object")) {
      super.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
    }
  }

  private boolean isRebuilt() {
    return !rebuilt.isEmpty() && rebuilt.contains(current.get());
  }

  private void barrier(String name, String descriptor) {
    calls.barrier(mv, name, descriptor);
  }

  // ---- arrays and monitors ----

  @Override
  public void visitTypeInsn(int opcode, String type) {
    if (isRebuilt()) {
      return; // the NEW of an object that the runtime makes (see visitMethodInsn)
    }
    super.visitTypeInsn(opcode, type);
    if (opcode == Opcodes.ANEWARRAY) {
      captureArray(type.startsWith("[") ? "[" + type : "[L" + type + ";");
    }
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    super.visitIntInsn(opcode, operand);
    if (opcode == Opcodes.NEWARRAY) {
      captureArray("[" + PRIMITIVE_ARRAY_ELEMENTS.charAt(operand - Opcodes.T_BOOLEAN));
    }
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
    captureArray(descriptor); // its inner arrays stay logged: only the outer one is known here
  }

  /** The element descriptors of {@code newarray}'s operands, from {@code T_BOOLEAN} (4) on. */
  private static final String PRIMITIVE_ARRAY_ELEMENTS = "ZCFDBSIJ";

  /** A new array on the stack is this attempt's own: written in place (the runtime's CapturedObjects). */
  private void captureArray(String descriptor) {
    if (alone) {
      return;
    }
    loadTxn();
    barrier("capturedArray", "(Ljava/lang/Object;" + TXN_DESC + ")Ljava/lang/Object;");
    super.visitTypeInsn(Opcodes.CHECKCAST, descriptor);
  }

  @Override
  public void visitInsn(int opcode) {
    if (isRebuilt()) {
      return; // its DUP
    }
    if (alone && opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
      super.visitInsn(opcode); // the plain load
      return;
    }
    switch (opcode) {
      case Opcodes.IALOAD: readCall("readIA", "([III" + TXN_DESC + ")I", "int"); return;
      case Opcodes.LALOAD: readCall("readJA", "([JII" + TXN_DESC + ")J", "long"); return;
      case Opcodes.FALOAD: readCall("readFA", "([FII" + TXN_DESC + ")F", "float"); return;
      case Opcodes.DALOAD: readCall("readDA", "([DII" + TXN_DESC + ")D", "double"); return;
      case Opcodes.BALOAD: readCall("readBA", "(Ljava/lang/Object;II" + TXN_DESC + ")I", "byte"); return;
      case Opcodes.CALOAD: readCall("readCA", "([CII" + TXN_DESC + ")I", "char"); return;
      case Opcodes.SALOAD: readCall("readSA", "([SII" + TXN_DESC + ")I", "short"); return;
      case Opcodes.AALOAD: {
        String elementType = elementTypeOfArrayBelowTop();
        readCall("readAA", "([Ljava/lang/Object;II" + TXN_DESC + ")Ljava/lang/Object;",
            elementType == null ? "Object" : Type.getObjectType(elementType).getClassName());
        if (elementType != null && !elementType.equals("java/lang/Object")) {
          super.visitTypeInsn(Opcodes.CHECKCAST, elementType);
        }
        return;
      }
      case Opcodes.IASTORE: storeCall("writeIA", "([III" + TXN_DESC + ")V"); return;
      case Opcodes.LASTORE: storeCall("writeJA", "([JIJ" + TXN_DESC + ")V"); return;
      case Opcodes.FASTORE: storeCall("writeFA", "([FIF" + TXN_DESC + ")V"); return;
      case Opcodes.DASTORE: storeCall("writeDA", "([DID" + TXN_DESC + ")V"); return;
      case Opcodes.BASTORE: storeCall("writeBA", "(Ljava/lang/Object;II" + TXN_DESC + ")V"); return;
      case Opcodes.CASTORE: storeCall("writeCA", "([CII" + TXN_DESC + ")V"); return;
      case Opcodes.SASTORE: storeCall("writeSA", "([SII" + TXN_DESC + ")V"); return;
      case Opcodes.AASTORE: storeCall("writeAA", "([Ljava/lang/Object;ILjava/lang/Object;" + TXN_DESC + ")V"); return;
      case Opcodes.MONITORENTER:
      case Opcodes.MONITOREXIT:
        super.visitInsn(Opcodes.POP); // elided: the atomic block already excludes every other block
        return;
      default:
        super.visitInsn(opcode);
    }
  }

  private void arrayCall(String name, String descriptor) {
    loadTxn();
    barrier(name, descriptor);
  }

  /** An array store: an alone twin's stores only in place. */
  private void storeCall(String name, String descriptor) {
    arrayCall(alone ? name + "InPlace" : name, descriptor);
  }

  /** An array read also names its source line (and the element type it reads), for conflict reports. */
  private void readCall(String name, String descriptor, String elementType) {
    pushSite(elementType + "[] element");
    arrayCall(name, descriptor);
  }

  /** The number of this source position ({@code Class.method:line}), fixed when the class is rewritten. */
  private void pushSite() {
    super.visitLdcInsn(Sites.register(site()));
  }

  /** The number of this source position reading {@code location}. */
  private void pushSite(String location) {
    super.visitLdcInsn(Sites.register(site(), location));
  }

  /** The internal name of the element type of the array under the index on top of the stack. */
  private String elementTypeOfArrayBelowTop() {
    List<Object> stack = types == null ? null : types.stack;
    if (stack == null || stack.size() < 2) {
      return null;
    }
    Object array = stack.get(stack.size() - 2);
    if (!(array instanceof String) || !((String) array).startsWith("[")) {
      return null; // null constant: the load throws NullPointerException anyway
    }
    Type element = Type.getType((String) array).getElementType();
    Type componentType = Type.getType(((String) array).substring(1));
    return componentType.getSort() == Type.ARRAY ? componentType.getDescriptor() : element.getInternalName();
  }

  // ---- calls ----

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (name.equals("<init>")) {
      if (isRebuilt()) {
        loadTxn();
        calls.construct(mv, owner, descriptor, site());
        return;
      }
      constructorCall(owner, descriptor, isInterface);
      return;
    }
    if (opcode != Opcodes.INVOKESTATIC && monitorCall(name, descriptor)) {
      return;
    }
    if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("arraycopy")) {
      pushSite();
      loadTxn();
      barrier("arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;III" + TXN_DESC + ")V");
      return;
    }
    if (owner.startsWith("[") && name.equals("clone") && descriptor.equals("()Ljava/lang/Object;")) {
      pushSite();
      loadTxn();
      barrier("cloneArray", "(Ljava/lang/Object;I" + TXN_DESC + ")Ljava/lang/Object;");
      return;
    }
    if (!calls.bridged && CallerSensitive.is(owner, name)) {
      // Called through a method handle, such a method would see the wrong caller (JDK 17 injects
      // an invoker class): keep the direct call, after making the block irrevocable (JDK code).
      irrevocable(owner.replace('/', '.') + "." + name);
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      return;
    }
    if (owner.equals("dev/ame/Ame") || owner.equals("dev/ame/TxCounter") || owner.equals("dev/ame/TxQueue")) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface); // transaction-aware already
      return;
    }
    int kind;
    String callDescriptor;
    switch (opcode) {
      case Opcodes.INVOKESTATIC:
        kind = RuntimeNames.STATIC;
        callDescriptor = descriptor;
        break;
      case Opcodes.INVOKESPECIAL:
        kind = RuntimeNames.SPECIAL;
        callDescriptor = withReceiver(owner, descriptor);
        break;
      case Opcodes.INVOKEINTERFACE:
        kind = RuntimeNames.INTERFACE;
        callDescriptor = withReceiver(owner, descriptor);
        break;
      default:
        kind = RuntimeNames.VIRTUAL;
        callDescriptor = withReceiver(owner, descriptor);
        break;
    }
    loadTxn();
    calls.call(mv, name, descriptor, callDescriptor, kind, owner, site(), alone);
  }

  private static String withReceiver(String owner, String descriptor) {
    String receiver = owner.startsWith("[") ? owner : "L" + owner + ";";
    return "(" + receiver + descriptor.substring(1);
  }

  /** {@code wait}/{@code notify}/{@code notifyAll} of {@code Object}, whatever the static owner. */
  private boolean monitorCall(String name, String descriptor) {
    switch (name + descriptor) {
      case "wait()V":
        loadTxn();
        barrier("waitRetry", "(Ljava/lang/Object;" + TXN_DESC + ")V");
        return true;
      case "wait(J)V":
        loadTxn();
        barrier("waitRetry", "(Ljava/lang/Object;J" + TXN_DESC + ")V");
        return true;
      case "wait(JI)V":
        loadTxn();
        barrier("waitRetry", "(Ljava/lang/Object;JI" + TXN_DESC + ")V");
        return true;
      case "notify()V":
      case "notifyAll()V":
        loadTxn();
        barrier("notifyNoop", "(Ljava/lang/Object;" + TXN_DESC + ")V");
        return true;
      default:
        return false;
    }
  }

  /**
   * A constructor of a rewritten class has a twin (always generated, see {@link ClassRewriter});
   * a JDK constructor runs as it is when it is known to touch only the new object, else after the
   * block has become irrevocable.
   */
  private void constructorCall(String owner, String descriptor, boolean isInterface) {
    boolean initializesThis = !bodyOpen && methodName.equals("<init>") && receiverIsUninitializedThis(descriptor);
    if (initializesThis && calls.bridged) {
      constructorBodyCall(owner, descriptor);
    } else {
      emitConstructorCall(owner, descriptor, isInterface);
    }
    if (initializesThis) {
      openBody();
      captureThis();
    }
  }

  /**
   * Once its super (or this) constructor has returned, before its body writes, the new object is
   * the attempt's own: written in place (the runtime's CapturedObjects). Only at that call: a
   * block that begins inside a constructor (a synchronized section) did not allocate its object.
   */
  private void captureThis() {
    if (!alone) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      loadTxn();
      barrier("captured", "(Ljava/lang/Object;" + TXN_DESC + ")V");
    }
  }

  /**
   * Bridged: a JDK constructor's body runs on an object that is already allocated; the super
   * (or this) constructor it calls first runs its own body's twin (Object's has none: nothing to do).
   */
  private void constructorBodyCall(String owner, String descriptor) {
    if (owner.equals("java/lang/Object")) {
      super.visitInsn(Opcodes.POP);
      return;
    }
    loadTxn();
    calls.constructorBody(mv, owner, descriptor);
  }

  private boolean receiverIsUninitializedThis(String descriptor) {
    List<Object> stack = types == null ? null : types.stack;
    if (stack == null) {
      return false;
    }
    int receiver = stack.size() - 1 - (Type.getArgumentsAndReturnSizes(descriptor) >> 2) + 1;
    return receiver >= 0 && stack.get(receiver) == Opcodes.UNINITIALIZED_THIS;
  }

  private void emitConstructorCall(String owner, String descriptor, boolean isInterface) {
    if (scope.includes(owner)) {
      loadTxn();
      super.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", RuntimeNames.twinDescriptor(descriptor), isInterface);
      return;
    }
    if (!SafeCalls.isSafe(owner, "<init>", descriptor)) {
      irrevocable("new " + owner.replace('/', '.') + descriptor);
    }
    super.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", descriptor, isInterface);
  }

  private void irrevocable(String what) {
    loadTxn();
    super.visitLdcInsn(what + " at " + site());
    barrier("irrevocable", "(" + TXN_DESC + "Ljava/lang/String;)V");
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
    String factory = bootstrap.getOwner();
    boolean safe = factory.equals("java/lang/invoke/LambdaMetafactory")
        || factory.equals("java/lang/invoke/StringConcatFactory") && onlyValueArguments(descriptor);
    if (!safe) {
      irrevocable("invokedynamic " + name + " (" + factory.replace('/', '.') + ")");
    }
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  /** String concatenation calls no user code when every operand is a primitive, string or box. */
  private static boolean onlyValueArguments(String descriptor) {
    for (Type t : Type.getArgumentTypes(descriptor)) {
      if (t.getSort() == Type.ARRAY || t.getSort() == Type.OBJECT && !SafeCalls.isValueType(t.getInternalName())) {
        return false;
      }
    }
    return true;
  }
}
