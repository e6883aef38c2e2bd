package dev.ame.agent;

import static dev.ame.agent.RuntimeNames.TXN;
import static dev.ame.agent.RuntimeNames.TXN_DESC;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns the outermost {@code synchronized (lock) { body }} blocks of an original method into
 * atomic blocks, for classes named by a {@code synchronized} directive. Before the
 * {@code monitorenter} it inserts a transactional copy of the body, taken when no transaction is
 * active:
 * <pre>
 *   t = Txn.current(); if (t.isActive()) goto PLAIN;      // inside a block: the original code
 *   pop lock; save the live locals;
 *   BEGIN: t.begin("C.m:line");
 *   RETRY: restore the locals
 *     body' (barriers, twin calls, nested monitors elided; each exit's monitorexit becomes
 *            "if (!t.commit()) goto RETRY")
 *   HANDLER (any throwable from BEGIN on; protected by LATE):
 *     x = t.afterThrow(e); if (x == null) goto RETRY;   // else the block is closed
 *   THROW: throw x;                                      // user exceptions, after their commit
 *   LATE (any throwable in HANDLER): x = t.afterThrow(e); goto THROW
 *   PLAIN: monitorenter ... (the original block)
 * </pre>
 * As in {@link AtomicWrapper}, every call of the protocol is protected, so that an asynchronous
 * exception ({@code Thread.stop}) anywhere in them reaches the runtime.
 * Restoring the locals makes a re-run start from the same state, whatever the body did to them.
 * Only javac's shape ({@code dup; astore L; monitorenter} with a catch-all handler that ends the
 * block) is converted; anything else keeps its lock.
 */
final class SynchronizedBlocks {
  private SynchronizedBlocks() {}

  /** One block: its monitorenter, lock slot, the body (between monitorenter and handler). */
  private static final class Block {
    final AbstractInsnNode enter;
    final int lockSlot;
    final LabelNode handler;
    final Set<AbstractInsnNode> body = new HashSet<>();
    final Map<Label, Label> labels = new HashMap<>();
    final MethodNode copy = new MethodNode(Opcodes.ASM9);
    final LabelNode retry = labelNode();
    List<Object> localsAtEnter;
    int line;

    Block(AbstractInsnNode enter, int lockSlot, LabelNode handler) {
      this.enter = enter;
      this.lockSlot = lockSlot;
      this.handler = handler;
    }
  }

  /** A label node that the copy's writer resolves to itself (ASM links them through {@code info}). */
  private static LabelNode labelNode() {
    Label label = new Label();
    LabelNode node = new LabelNode(label);
    label.info = node;
    return node;
  }

  static int convert(String owner, MethodNode m, FieldFacts facts, Scope scope, AgentLog log) {
    List<Block> blocks = find(m);
    if (blocks.isEmpty()) {
      return 0;
    }
    // Jumps out of a body land on the original labels: make the copies' writer resolve each
    // label to its original node (ASM links a Label to its LabelNode through info).
    for (AbstractInsnNode n : m.instructions) {
      if (n instanceof LabelNode) {
        ((LabelNode) n).getLabel().info = n;
      }
    }
    AbstractInsnNode[] current = new AbstractInsnNode[1];
    int nextSlot = m.maxLocals;
    Map<Block, Integer> txnSlots = new HashMap<>();
    RegionTap tap = new RegionTap(blocks);
    AnalyzerAdapter types = new AnalyzerAdapter(owner, m.access, m.name, m.desc, tap);
    tap.types = types;
    for (Block b : blocks) {
      int txn = nextSlot++;
      txnSlots.put(b, txn);
      TwinMethodWriter writer = new TwinMethodWriter(b.copy, owner, m.name, txn, true, Collections.emptySet(),
          () -> current[0], facts, scope);
      writer.typesFrom(types);
      tap.writers.put(b, writer);
    }
    int line = 0;
    for (AbstractInsnNode n : m.instructions) {
      current[0] = n;
      if (n instanceof LineNumberNode) {
        line = ((LineNumberNode) n).line;
      }
      for (Block b : blocks) {
        if (n == b.enter) {
          b.localsAtEnter = types.locals == null ? null : new ArrayList<>(types.locals);
          b.line = line;
        }
      }
      tap.current = n;
      n.accept(types);
    }
    int converted = 0;
    for (Block b : blocks) {
      if (b.localsAtEnter == null || hasUninitialized(b.localsAtEnter)) {
        log.debug("kept the lock of a synchronized block in " + owner + "." + m.name + " (unusual locals)");
        continue;
      }
      nextSlot = splice(owner, m, b, txnSlots.get(b), nextSlot);
      converted++;
    }
    m.maxLocals = nextSlot;
    return converted;
  }

  /** The outermost blocks of javac's shape, in order. */
  private static List<Block> find(MethodNode m) {
    List<Block> blocks = new ArrayList<>();
    Block open = null;
    for (AbstractInsnNode n : m.instructions) {
      if (open != null) {
        if (n == open.handler) {
          open = null;
        } else {
          open.body.add(n);
          continue;
        }
      }
      if (n.getOpcode() != Opcodes.MONITORENTER) {
        continue;
      }
      AbstractInsnNode store = n.getPrevious();
      if (store == null || store.getOpcode() != Opcodes.ASTORE || store.getPrevious() == null
          || store.getPrevious().getOpcode() != Opcodes.DUP) {
        continue;
      }
      LabelNode handler = catchAllStartingAfter(m, n);
      if (handler == null || m.instructions.indexOf(handler) < m.instructions.indexOf(n)) {
        continue;
      }
      open = new Block(n, ((VarInsnNode) store).var, handler);
      blocks.add(open);
    }
    for (Block b : blocks) {
      for (AbstractInsnNode n : b.body) {
        if (n instanceof LabelNode) {
          b.labels.put(((LabelNode) n).getLabel(), new Label());
        }
      }
    }
    return blocks;
  }

  private static LabelNode catchAllStartingAfter(MethodNode m, AbstractInsnNode enter) {
    AbstractInsnNode next = enter.getNext();
    while (next != null && !(next instanceof LabelNode)) {
      next = next.getNext();
    }
    for (TryCatchBlockNode t : m.tryCatchBlocks) {
      if (t.type == null && t.start == next) {
        return t.handler;
      }
    }
    return null;
  }

  private static boolean hasUninitialized(List<Object> locals) {
    for (Object l : locals) {
      if (l == Opcodes.UNINITIALIZED_THIS || l instanceof Label) {
        return true;
      }
    }
    return false;
  }

  private static int splice(String owner, MethodNode m, Block b, int txn, int nextSlot) {
    InsnList pre = new InsnList();
    LabelNode plain = new LabelNode();
    LabelNode begin = new LabelNode();
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    LabelNode handler = new LabelNode();
    LabelNode rerun = new LabelNode();
    LabelNode handlerEnd = new LabelNode();
    LabelNode late = new LabelNode();
    LabelNode throwIt = new LabelNode();
    pre.add(new MethodInsnNode(Opcodes.INVOKESTATIC, TXN, "current", "()" + TXN_DESC, false));
    pre.add(new VarInsnNode(Opcodes.ASTORE, txn));
    pre.add(new VarInsnNode(Opcodes.ALOAD, txn));
    pre.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, TXN, "isActive", "()Z", false));
    pre.add(new JumpInsnNode(Opcodes.IFNE, plain));
    pre.add(new InsnNode(Opcodes.POP));
    List<int[]> saved = new ArrayList<>(); // {slot, shadow, load opcode, store opcode}
    for (int slot = 0; slot < b.localsAtEnter.size(); slot++) {
      Object type = b.localsAtEnter.get(slot);
      int[] ops = opcodes(type);
      if (ops == null) {
        continue;
      }
      int shadow = nextSlot;
      nextSlot += (type == Opcodes.LONG || type == Opcodes.DOUBLE) ? 2 : 1;
      saved.add(new int[] {slot, shadow, ops[0], ops[1]});
      pre.add(new VarInsnNode(ops[0], slot));
      pre.add(new VarInsnNode(ops[1], shadow));
    }
    pre.add(begin);
    MethodNode beginCalls = new MethodNode(Opcodes.ASM9);
    BlockCalls.begin(beginCalls, txn, owner.replace('/', '.') + "." + m.name + (b.line > 0 ? ":" + b.line : ""));
    pre.add(beginCalls.instructions);
    pre.add(b.retry);
    for (int[] s : saved) {
      pre.add(new VarInsnNode(s[2], s[1]));
      pre.add(new VarInsnNode(s[3], s[0]));
    }
    pre.add(start);
    pre.add(b.copy.instructions);
    pre.add(end);
    pre.add(handler);
    pre.add(new VarInsnNode(Opcodes.ALOAD, txn));
    pre.add(new InsnNode(Opcodes.SWAP));
    pre.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, TXN, "afterThrow", "(Ljava/lang/Throwable;)Ljava/lang/Throwable;", false));
    pre.add(new InsnNode(Opcodes.DUP));
    pre.add(new JumpInsnNode(Opcodes.IFNULL, rerun));
    pre.add(new JumpInsnNode(Opcodes.GOTO, throwIt));
    pre.add(rerun);
    pre.add(new InsnNode(Opcodes.POP));
    pre.add(new JumpInsnNode(Opcodes.GOTO, b.retry));
    pre.add(handlerEnd);
    pre.add(late);
    pre.add(new VarInsnNode(Opcodes.ALOAD, txn));
    pre.add(new InsnNode(Opcodes.SWAP));
    pre.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, TXN, "afterThrow", "(Ljava/lang/Throwable;)Ljava/lang/Throwable;", false));
    pre.add(throwIt);
    pre.add(new InsnNode(Opcodes.ATHROW));
    pre.add(plain);
    m.instructions.insertBefore(b.enter, pre);

    // First in the table: the runtime's signals, then the body's own handlers, then everything else.
    List<TryCatchBlockNode> first = new ArrayList<>();
    first.add(new TryCatchBlockNode(start, end, handler, RuntimeNames.CONTROL_SIGNAL));
    for (TryCatchBlockNode t : m.tryCatchBlocks) {
      if (b.body.contains(t.start) && b.body.contains(t.end) && b.body.contains(t.handler)) {
        first.add(new TryCatchBlockNode(mapped(b, t.start), mapped(b, t.end), mapped(b, t.handler), t.type));
      }
    }
    first.add(new TryCatchBlockNode(begin, handler, handler, "java/lang/Throwable"));
    first.add(new TryCatchBlockNode(handler, handlerEnd, late, "java/lang/Throwable"));
    m.tryCatchBlocks.addAll(0, first);
    return nextSlot;
  }

  private static LabelNode mapped(Block b, LabelNode original) {
    return (LabelNode) b.labels.get(original.getLabel()).info;
  }

  /** Load and store opcodes for a local of a frame type, or null when it holds nothing to save. */
  private static int[] opcodes(Object type) {
    if (type == Opcodes.INTEGER) return new int[] {Opcodes.ILOAD, Opcodes.ISTORE};
    if (type == Opcodes.FLOAT) return new int[] {Opcodes.FLOAD, Opcodes.FSTORE};
    if (type == Opcodes.LONG) return new int[] {Opcodes.LLOAD, Opcodes.LSTORE};
    if (type == Opcodes.DOUBLE) return new int[] {Opcodes.DLOAD, Opcodes.DSTORE};
    if (type instanceof String || type == Opcodes.NULL) return new int[] {Opcodes.ALOAD, Opcodes.ASTORE};
    return null; // TOP, or the second half of a long/double
  }

  /**
   * Routes the instructions of each block's body to that block's writer, with the body's labels
   * renamed (the copy must not share labels with the original) and each exit of the block
   * ({@code aload lock; monitorexit}) turned into a commit that re-runs the block when it fails.
   */
  private static final class RegionTap extends MethodVisitor {
    final List<Block> blocks;
    final Map<Block, TwinMethodWriter> writers = new HashMap<>();
    AnalyzerAdapter types;
    AbstractInsnNode current;
    private boolean heldLockLoad;

    RegionTap(List<Block> blocks) {
      super(Opcodes.ASM9);
      this.blocks = blocks;
    }

    private Block block() {
      for (Block b : blocks) {
        if (b.body.contains(current)) {
          return b;
        }
      }
      return null;
    }

    private MethodVisitor out(Block b) {
      if (heldLockLoad) {
        heldLockLoad = false;
        writers.get(b).visitVarInsn(Opcodes.ALOAD, b.lockSlot);
      }
      return writers.get(b);
    }

    private static Label map(Block b, Label l) {
      Label m = b.labels.get(l);
      return m == null ? l : m;
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
      Block b = block();
      if (b == null) {
        return;
      }
      if (opcode == Opcodes.ALOAD && var == b.lockSlot) {
        out(b);
        heldLockLoad = true; // decided by the next instruction: an exit, or a real use
        return;
      }
      out(b).visitVarInsn(opcode, var);
    }

    @Override
    public void visitInsn(int opcode) {
      Block b = block();
      if (b == null) {
        return;
      }
      if (opcode == Opcodes.MONITOREXIT && heldLockLoad) {
        heldLockLoad = false;
        commitAtExit(b);
        return;
      }
      out(b).visitInsn(opcode);
    }

    /**
     * The block ends here: commit, or re-run from RETRY. A value that the exit carries on the
     * stack (javac leaves {@code return expr}'s value there) is dropped on the way back to RETRY.
     */
    private void commitAtExit(Block b) {
      MethodVisitor sink = b.copy; // the runtime's own calls: not user code to rewrite
      BlockCalls.commit(sink, writers.get(b).transactionSlot());
      List<Object> stack = types == null ? null : types.stack;
      int carried = stack == null ? 0 : stack.size() - 1; // below the lock that monitorexit takes
      if (carried == 0) {
        sink.visitJumpInsn(Opcodes.IFEQ, b.retry.getLabel());
        return;
      }
      Label committed = new Label();
      sink.visitJumpInsn(Opcodes.IFNE, committed);
      for (int i = carried - 1; i >= 0; i--) {
        Object type = stack.get(i);
        if (type == Opcodes.TOP && i > 0 && (stack.get(i - 1) == Opcodes.LONG || stack.get(i - 1) == Opcodes.DOUBLE)) {
          sink.visitInsn(Opcodes.POP2);
          i--;
        } else {
          sink.visitInsn(Opcodes.POP);
        }
      }
      sink.visitJumpInsn(Opcodes.GOTO, b.retry.getLabel());
      sink.visitLabel(committed);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      Block b = block();
      if (b != null) out(b).visitIntInsn(opcode, operand);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      Block b = block();
      if (b != null) out(b).visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      Block b = block();
      if (b != null) out(b).visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      Block b = block();
      if (b != null) out(b).visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrap, Object... arguments) {
      Block b = block();
      if (b != null) out(b).visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      Block b = block();
      if (b != null) out(b).visitJumpInsn(opcode, map(b, label));
    }

    @Override
    public void visitLabel(Label label) {
      Block b = block();
      if (b != null) out(b).visitLabel(map(b, label));
    }

    @Override
    public void visitLdcInsn(Object value) {
      Block b = block();
      if (b != null) out(b).visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
      Block b = block();
      if (b != null) out(b).visitIincInsn(var, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      Block b = block();
      if (b == null) return;
      Label[] mapped = new Label[labels.length];
      for (int i = 0; i < labels.length; i++) {
        mapped[i] = map(b, labels[i]);
      }
      out(b).visitTableSwitchInsn(min, max, map(b, dflt), mapped);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      Block b = block();
      if (b == null) return;
      Label[] mapped = new Label[labels.length];
      for (int i = 0; i < labels.length; i++) {
        mapped[i] = map(b, labels[i]);
      }
      out(b).visitLookupSwitchInsn(map(b, dflt), keys, mapped);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      Block b = block();
      if (b != null) out(b).visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
      Block b = block();
      if (b != null) out(b).visitLineNumber(line, map(b, start));
    }
  }
}
