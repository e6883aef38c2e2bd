package dev.ame.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread's transaction context, reused by every atomic block the thread runs: which mode the
 * current attempt runs in, and the protocol that drives a block through attempts to its commit.
 * The design on one page is {@code docs/ENGINE.md}.
 *
 * <h2>Modes of an attempt</h2>
 * <ul>
 * <li><b>Alone</b> ({@code inPlace && undoing}): the attempt holds the {@link SerialGate}, so no
 *     other block runs. Reads go straight to memory, writes go in place with the old value kept in
 *     the {@link UndoLog} (for {@code wait()} and errors, which roll back), and the commit only
 *     drops the undo log. {@link Regime} decides when blocks run alone: a single thread always
 *     does (the fast path), several do when speculation was measured to lose. An attempt that
 *     keeps aborting also runs alone, <em>exclusive</em>, so every block commits in the end.</li>
 * <li><b>Speculative</b> ({@code !inPlace}): beside other blocks, see {@link Speculation}.</li>
 * <li><b>Irrevocable</b> ({@code inPlace && !undoing}): a block that calls code that cannot be
 *     rolled back takes the gate (validating and writing back a speculative attempt first) and
 *     finishes in place; it can no longer roll back.</li>
 * </ul>
 *
 * <h2>The protocol that rewritten atomic methods follow</h2>
 * <pre>
 *   Txn t = Txn.current();
 *   if (t.isActive()) return twin(args, t);          // nesting is flattened
 *   try {
 *     t.begin("Class#method");
 *     loop: r = twin(args, t);
 *   } catch (Throwable e) { t.onThrow(e); goto loop; } // rethrows user exceptions after commit
 *   if (!t.commit()) goto loop;
 *   return r;
 * </pre>
 * An asynchronous error ({@code ThreadDeath} from {@code Thread.stop}) anywhere in a block rolls
 * the block back, leaves the context clean and is rethrown: it never makes a block re-run.
 */
public final class Txn {
  private static final ThreadLocal<Txn> CURRENT = ThreadLocal.withInitial(Txn::new);
  private static final AtomicLong IDS = new AtomicLong();
  private static final ConcurrentHashMap<String, LongAdder> IRREVOCABLE_CAUSES = new ConcurrentHashMap<>();

  final Thread thread = Thread.currentThread();
  /** This thread's counters (see {@link Stats}); they outlive the context in the registry. */
  final long[] counts = new long[Stats.KINDS];
  /** What this context publishes to other threads (the gate's flags, the fence's version). */
  final Published published = new Published();
  /** The gate's tokens for this context: holding it inside a block, and keeping it between two. */
  final SerialGate.Token running = new SerialGate.Token(this, true);
  final SerialGate.Token kept = new SerialGate.Token(this, false);

  final Speculation spec;
  final UndoLog undo = new UndoLog();
  private final ReadLog watch = new ReadLog();
  private final ConflictNote conflict = new ConflictNote();

  /** Inside an atomic block (any mode). */
  private boolean inBlock;
  /** The attempt holds the gate and reads and writes memory in place (alone or irrevocable). */
  boolean inPlace;
  /** In place and still able to roll back: writes keep their old values in {@link #undo}. */
  boolean undoing;
  /** The version that irrevocable in-place writes stamp on their orecs, for sleeping retries. */
  long inPlaceWord;

  /** When this context took the gate (for the switch interval), and its blocks since it last read the clock. */
  long heldSince;
  int blocksSinceLook;
  /** {@link Regime}'s look at the other threads' commits. */
  long othersCommits;
  long othersChanged;
  long ownCommitsAtChange;
  private int commitsUntilLook = Regime.LOOK_PERIOD;

  private String block;
  private BlockHint hint;
  private final HashMap<String, BlockHint> hints = new HashMap<>();
  private int attempts;
  private boolean wantAlone;
  /** The next attempt must log its reads (a read-only attempt met a newer orec, or wrote late). */
  private boolean mustLog;
  /** When profiling: when the block and the current attempt started, and its JFR commit event. */
  private long blockStart;
  private long attemptStart;
  private Object commitEvent;
  private ConflictProfiler.ThreadBlocks profiled;
  /** The last block that retried on this thread: it runs speculatively, so its retry can watch what it read. */
  private String retriedBlock;
  /** The cell of every {@link CounterCells} that this thread adds to. */
  final int counterCell;
  private long retryDeadline;
  private boolean retryTimedOut;
  /** In a loop that commits in order: whether this block's turn has come (else null). */
  java.util.function.BooleanSupplier turnReady;
  private ArrayList<Runnable> onCommit;
  private ArrayList<Runnable> onAbort;
  /** Console output of the current attempt, written when it commits (see {@link ConsoleOutput}). */
  private final PendingOutput output = new PendingOutput();

  private Txn() {
    long id = IDS.incrementAndGet();
    spec = new Speculation(this, id);
    counterCell = (int) (id & (CounterCells.CELLS - 1));
    SerialGate.register(this);
  }

  /** The calling thread's context (never null; idle when no block runs). */
  public static Txn current() {
    return CURRENT.get();
  }

  /** Whether this context is inside an atomic block. */
  public boolean isActive() {
    return inBlock;
  }

  /**
   * Whether code called now should run its transactional twin: inside a block that may still
   * roll back or runs beside others (not an irrevocable one, which runs the original code in place).
   */
  public boolean runsTwins() {
    return inBlock && (undoing || !inPlace);
  }

  /** Starts the outermost atomic block named {@code block}. */
  public void begin(String block) {
    begin(block, null);
  }

  /**
   * The fast start of an outermost block, which the rewritten code tries before {@link #begin}:
   * in the serial regime, when this thread ran the same block last and keeps the gate, it takes
   * the gate back (one CAS) and the block runs alone, in place. False means nothing was started
   * and {@code begin} must run. Small on purpose, as is {@link #commitAlone}: the JIT compiles both
   * into every atomic method, while {@code begin} and {@code commit} (all the other cases) may
   * stay calls; a block's fast path that depended on inlining those would lose it whenever they
   * had been compiled on their own first.
   */
  public boolean beginAlone(String block) {
    BlockHint h = hint;
    if (h == null || h.name != block || wantAlone || block == retriedBlock || Regime.speculating()
        || ConflictProfiler.enabled()) {
      return false; // a new block name, or one that must speculate, run exclusively or be profiled
    }
    inBlock = true; // first, as in begin: an asynchronous error below finds a block to close
    published.setInBlock(true);
    try {
      if (!SerialGate.retakeKept(this)) {
        return false; // begin starts over: it waits for the gate or speculates
      }
      conflict.clear(); // an earlier attempt's note must not keep its object alive (FaultsTest's full heap: 1 run in 3 without)
      attempts = 0;
      mustLog = false;
      runAlone(Stats.ALONE_RUNS);
      return true;
    } catch (Throwable e) {
      closeAfterFailure(); // as in begin: no gate left taken by a block that never started
      throw e;
    }
  }

  /** Starts a block that may commit only once {@code turn} says so (ordered loops), or any time if null. */
  void begin(String block, java.util.function.BooleanSupplier turn) {
    inBlock = true; // first: whatever fails below, onThrow and commit see a block to clean up
    published.setInBlock(true);
    try {
      this.block = block;
      hint = hintOf(block);
      turnReady = turn;
      attempts = 0;
      mustLog = false;
      if (ConflictProfiler.enabled()) {
        blockStart = ConflictProfiler.now();
        commitEvent = Events.commitStart();
      }
      start();
    } catch (Throwable e) {
      closeAfterFailure();
      throw e;
    }
  }

  private BlockHint hintOf(String name) {
    BlockHint h = hint;
    if (h != null && h.name == name) {
      return h; // block names are class-file constants: the same string each time
    }
    h = hints.get(name);
    if (h == null) {
      h = new BlockHint(name);
      hints.put(name, h);
    }
    return h;
  }

  /** Starts an attempt in the mode the regime, the block's history and its aborts call for. */
  private void start() {
    conflict.clear();
    if (wantAlone || attempts >= Backoff.EXCLUSIVE_AFTER) {
      wantAlone = false;
      SerialGate.acquireExclusive(this);
      runAlone(Stats.EXCLUSIVE_RUNS);
    } else if (turnReady == null && block != retriedBlock && Regime.serial() && SerialGate.acquireWhileSerial(this)) {
      runAlone(Stats.ALONE_RUNS);
    } else {
      SerialGate.enter(this);
      boolean logReads = mustLog || turnReady != null || block == retriedBlock || !hint.expectsReadOnly();
      spec.start(logReads);
    }
    if (ConflictProfiler.enabled()) {
      attemptStart = ConflictProfiler.now();
    }
  }

  private void runAlone(int kind) {
    inPlace = true;
    undoing = true;
    counts[kind]++;
  }

  /**
   * Ends the attempt. Returns true when the block committed; false when it was rolled back, in
   * which case the context is ready for the next attempt.
   */
  public boolean commit() {
    try {
      return commitOrRestart();
    } catch (ControlSignal signal) {
      throw signal;
    } catch (Throwable unexpected) {
      // An error inside the commit itself (out of memory, an asynchronous ThreadDeath): leave no
      // lock held, no gate owned, nothing of the block applied that can still be undone.
      closeAfterFailure();
      throw unexpected;
    }
  }

  /**
   * The fast end of a block that ran alone ({@link #beginAlone}): its writes are in memory
   * already, and there is nothing else to apply or run but its console output (no pending writes
   * of the runtime's structures, no hooks, no profiling, no retry asleep to wake). False means
   * nothing was done and {@link #commit} must run.
   */
  public boolean commitAlone() {
    if (!undoing || !inPlace || spec.writes.size != 0 || onCommit != null || turnReady != null
        || ConflictProfiler.enabled()) {
      return false;
    }
    boolean wrote = undo.size != 0;
    if (wrote && SerialGate.anyoneSleeping()) {
      return false; // the orecs written need a new version for the sleepers: commit stamps them
    }
    try {
      hint.committed(wrote, true);
      undo.clear();
      writeOutput(); // alone, before the gate goes: in commit order
      closeCommitted();
      onAbort = null;
    } catch (Throwable unexpected) {
      closeAfterFailure(); // as in commit: an asynchronous error leaves no gate owned
      throw unexpected;
    }
    return true;
  }

  private boolean commitOrRestart() {
    if (inPlace) {
      boolean wrote = undo.size != 0 || spec.writes.size != 0 || !undoing;
      if (undoing && wrote) {
        commitInPlace();
      }
      writeOutput(); // still alone: before the gate goes
      finish(wrote);
      return true;
    }
    boolean wrote = spec.writes.size != 0;
    if (output.isEmpty() ? wrote && !spec.commitWrites() : !commitWithOutput(wrote)) {
      restartAfterAbort();
      return false;
    }
    finish(wrote);
    return true;
  }

  /** A speculative commit that has output to write: in the order of {@link ConsoleOutput#ORDER}. */
  private boolean commitWithOutput(boolean wrote) {
    ConsoleOutput.ORDER.lock();
    try {
      return wrote ? spec.commitWrites() : spec.commitOutputOnly();
    } finally {
      ConsoleOutput.ORDER.unlock();
    }
  }

  void deferOutput(PrintStream out, Object text, boolean newline) {
    output.add(out, text, newline);
  }

  /** Writes the attempt's output (at its commit, or as it becomes irrevocable). */
  void writeOutput() {
    if (!output.isEmpty()) {
      output.writeAll();
    }
  }

  /**
   * The commit of a block that ran alone: its writes are in memory already, but for the pending
   * additions and appends of the runtime's structures, applied now. Orecs get a new version only
   * for retries sleeping on them (no block ran beside this one, and none starts before it ends, so
   * the old versions still mean "unchanged since any later block began").
   */
  private void commitInPlace() {
    RedoLog pending = spec.writes;
    if (pending.size != 0) {
      pending.writeBack();
      recordWriters(pending);
    }
    recordWriters(undo);
    if (SerialGate.anyoneSleeping()) {
      long word = Orecs.versionWord(Orecs.tick());
      undo.stamp(word);
      pending.stamp(word);
    }
  }

  private void finish(boolean wrote) {
    turnReady = null;
    conflict.clear();
    if (ConflictProfiler.enabled()) {
      ConflictProfiler.recordCommit(profiled(), block, attempts + 1, ConflictProfiler.now() - blockStart);
      Events.commitEnd(commitEvent, block, attempts + 1);
      commitEvent = null;
    }
    hint.committed(wrote, inPlace || spec.logging);
    spec.clear();
    undo.clear();
    closeCommitted();
    onAbort = null;
    runHooks(onCommit);
    onCommit = null;
  }

  /** The end of every commit: out of the block, the gate kept or handed over, the commit counted. */
  private void closeCommitted() {
    if (inPlace) {
      SerialGate.endAlone(this);
    }
    SerialGate.leave(this); // also after an attempt that began speculative and became irrevocable
    // Out of the block only now: a Thread.stop that lands above still finds the block open, and
    // its handler gives up the gate (closed first, the gate stayed with a thread that caught it).
    inPlace = false;
    undoing = false;
    inBlock = false;
    published.setInBlock(false);
    counts[Stats.COMMITS]++;
    if (--commitsUntilLook == 0) {
      commitsUntilLook = Regime.LOOK_PERIOD;
      Regime.look(this);
    }
  }

  /**
   * A block of an ordered loop may write in place only once every earlier block has committed:
   * wait for the turn; if another block must run alone meanwhile, step back (roll back, re-run).
   */
  private void awaitTurnBeforeIrrevocable() {
    for (int round = 0; !turnReady.getAsBoolean(); round++) {
      if (inPlace || SerialGate.ownedByOther(this)) {
        wantAlone = false;
        attempts = 0;
        conflict.clear();
        throw ControlSignal.ABORT;
      }
      Backoff.pause(round);
    }
  }

  /**
   * For loops whose blocks commit in iteration order: waits until {@code ready} says it is this
   * block's turn. Returns false when the block had to roll back instead (a block running alone
   * needs everyone else to leave; a block cannot wait holding the gate for its predecessor); the
   * block is then ready to re-run, and the roll-back does not count as a conflict.
   */
  public boolean awaitTurn(java.util.function.BooleanSupplier ready) {
    for (int round = 0; !ready.getAsBoolean(); round++) {
      if (inPlace || SerialGate.ownedByOther(this)) {
        rollback();
        attempts = 0;
        wantAlone = false;
        start();
        return false;
      }
      Backoff.pause(round);
    }
    return true;
  }

  /** Ends the block without committing anything (a later iteration of a loop that stopped). */
  public void abandon() {
    rollback();
    inBlock = false;
    published.setInBlock(false);
    turnReady = null;
  }

  /**
   * Handles a throwable that escaped the block's body: a conflict abort or a retry re-runs the
   * block (this method returns); an asynchronous error rolls the block back and is rethrown; any
   * other exception commits the block and is rethrown, as when it leaves a {@code synchronized} block.
   */
  public void onThrow(Throwable e) throws Throwable {
    if (!inBlock) {
      throw e; // the block is closed already (it failed to begin, or was rolled back by an earlier error)
    }
    try {
      handleThrow(e);
    } catch (Throwable escaping) {
      // Leaving by an exception with the block still open means handling failed (an error while
      // restarting, out of memory, an abort hook that threw) or the error was asynchronous:
      // nothing of the block is kept, and this thread's next block starts from a clean context.
      // A user exception rethrown after its commit leaves with the block already closed.
      if (inBlock) {
        closeAfterFailure();
      }
      throw escaping;
    }
  }

  /**
   * {@link #onThrow}, returning instead of throwing: null when the block is to re-run (ready for
   * it), else the throwable to throw, the block then closed. It never throws, so that a second
   * handler can cover the first one's call: a {@code Thread.stop} that lands as this returns is
   * handled by calling it again, which then finds the block closed (the throwable passes) or the
   * new attempt open (rolled back, and the stop passes).
   */
  public Throwable afterThrow(Throwable e) {
    try {
      onThrow(e);
      return null;
    } catch (Throwable thrown) {
      return thrown;
    }
  }

  private void handleThrow(Throwable e) throws Throwable {
    if (e == ControlSignal.ABORT) {
      restartAfterAbort();
    } else if (e == ControlSignal.RETRY) {
      restartAfterRetry();
    } else if (isAsynchronous(e)) {
      throw e; // rolled back by onThrow: Thread.stop must stop the thread, never re-run its block
    } else if (commit()) {
      throw e;
    }
  }

  /**
   * An error that did not come from the block's code: {@code ThreadDeath} (by name: the class is
   * deprecated for removal), anything it wraps, and the JVM's {@code InternalError}s.
   */
  static boolean isAsynchronous(Throwable e) {
    if (e instanceof InternalError) {
      return true;
    }
    for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals("java.lang.ThreadDeath")) {
        return true;
      }
    }
    return false;
  }

  /** For code that may drop a failure of its own (diagnostics): never an asynchronous one. */
  static void rethrowIfAsynchronous(Throwable e) {
    if (isAsynchronous(e)) {
      throw Barriers.sneaky(e);
    }
  }

  /** Rolls back whatever is open and closes the block, as robustly as it can. */
  private void closeAfterFailure() {
    inBlock = false; // first: even if what follows fails, the thread is not left inside the block
    published.setInBlock(false);
    turnReady = null;
    try {
      spec.releaseCommitLock();
    } finally {
      rollback();
      inPlace = false;
      undoing = false;
    }
  }

  /** Drops the attempt's effects; the caller throws or returns to re-run the block. */
  private void rollback() {
    try {
      spec.clear();
      undo.restore(); // before the gate opens: nobody may see what the block wrote in place
      undo.clear();
    } finally {
      inPlace = false;
      undoing = false;
      SerialGate.release(this); // not kept: a block that rolls back may wait for another's change
      SerialGate.leave(this);
    }
    onCommit = null;
    output.discard(); // an attempt that rolls back prints nothing
    ArrayList<Runnable> hooks = onAbort;
    onAbort = null;
    if (hooks != null) {
      runAbortHooks(hooks);
    }
  }

  /**
   * Abort hooks run outside any transaction (they may do I/O, or run blocks of their own), so the
   * block being rolled back steps aside while they run and resumes after.
   */
  private void runAbortHooks(ArrayList<Runnable> hooks) {
    String savedBlock = block;
    BlockHint savedHint = hint;
    int savedAttempts = attempts;
    java.util.function.BooleanSupplier savedTurn = turnReady;
    inBlock = false;
    turnReady = null;
    try {
      runHooks(hooks);
    } finally {
      block = savedBlock;
      hint = savedHint;
      attempts = savedAttempts;
      turnReady = savedTurn;
      inPlace = false;
      inBlock = true;
      published.setInBlock(true);
    }
  }

  private void restartAfterAbort() {
    conflict.report(profiled(), block, attemptStart);
    rollback();
    counts[Stats.ABORTS]++;
    attempts++;
    if (turnReady == null || !turnReady.getAsBoolean()) {
      Backoff.afterAbort(attempts);
    } // else an ordered loop's block whose turn has come: every later iteration waits for it, re-run now
    start();
  }

  private void restartAfterRetry() {
    retriedBlock = block; // its re-runs log their reads: this wait has only the clock to watch if it ran alone
    spec.reads.copyInto(watch);
    long watchedAt = spec.rv;
    long clockAtWait = Orecs.now();
    // Counted while still inside the attempt: a block that starts alone after this one has left
    // then sees a sleeper, and stamps what it writes so that this wait notices it.
    SerialGate.startSleeping();
    try {
      rollback();
      counts[Stats.RETRIES]++;
      for (int round = 0; ; round++) {
        if (watch.size == 0 ? Orecs.now() != clockAtWait : watch.anyChangedSince(watchedAt)) {
          break;
        }
        if (Thread.currentThread().isInterrupted()) {
          break; // the re-run throws InterruptedException at its wait()
        }
        if (retryDeadline != 0 && System.nanoTime() - retryDeadline >= 0) {
          retryTimedOut = true;
          break;
        }
        Backoff.pause(round);
      }
    } finally {
      SerialGate.stopSleeping();
    }
    watch.clear();
    attempts = 0;
    start();
  }

  /**
   * {@code wait()} (timeoutMillis 0) or {@code wait(timeoutMillis)} inside a block: roll back and
   * sleep until a location the block read changes, then re-run.
   */
  void waitForChange(long timeoutMillis) throws InterruptedException {
    if (Thread.interrupted()) {
      retryDeadline = 0;
      throw new InterruptedException();
    }
    if (retryTimedOut) {
      retryTimedOut = false;
      retryDeadline = 0;
      return; // the timed wait has elapsed: continue as wait(timeout) would
    }
    if (inPlace && !undoing) {
      throw new IllegalMonitorStateException("wait() in the atomic block " + block
          + " after it became irrevocable: it cannot be rolled back to wait; move the I/O out of the block");
    }
    retryDeadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
    throw ControlSignal.RETRY;
  }

  /**
   * Makes the transaction irrevocable before code that cannot be rolled back runs. Either it
   * becomes so at once (validated, log written back, alone), or it aborts and re-runs alone.
   */
  void becomeIrrevocable(String cause) {
    if (inPlace && !undoing) {
      return;
    }
    if (turnReady != null) {
      awaitTurnBeforeIrrevocable();
    }
    IRREVOCABLE_CAUSES.computeIfAbsent("block " + block + ": " + cause, k -> new LongAdder()).increment();
    if (!inPlace) {
      if (!SerialGate.tryAcquire(this)) {
        wantAlone = true;
        conflict.clear(); // no location is at fault: another block runs alone
        throw ControlSignal.ABORT;
      }
      SerialGate.drainOthers(this);
      if (!spec.stillValid()) {
        noteReadConflict(spec.reads);
        wantAlone = true;
        throw ControlSignal.ABORT;
      }
    }
    Events.irrevocable(block, cause);
    inPlaceWord = Orecs.versionWord(Orecs.tick());
    spec.writeBackInPlace(inPlaceWord);
    writeOutput(); // what it printed so far, before what it prints from now on
    undo.stamp(inPlaceWord); // written in place already; from now on the block cannot roll back
    undo.clear();
    spec.clear();
    inPlace = true;
    undoing = false;
    counts[Stats.IRREVOCABLE_RUNS]++;
  }

  void addOnCommit(Runnable r) {
    if (onCommit == null) {
      onCommit = new ArrayList<>(2);
    }
    onCommit.add(r);
  }

  void addOnAbort(Runnable r) {
    if (onAbort == null) {
      onAbort = new ArrayList<>(2);
    }
    onAbort.add(r);
  }

  /** Why blocks became irrevocable, with counts: per block, the call (and where) that forced it. */
  public static java.util.Map<String, Long> irrevocableCauses() {
    java.util.TreeMap<String, Long> m = new java.util.TreeMap<>();
    IRREVOCABLE_CAUSES.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  private static void runHooks(ArrayList<Runnable> hooks) {
    if (hooks != null) {
      for (Runnable r : hooks) {
        r.run();
      }
    }
  }

  // ---- in-place writes (alone and irrevocable), called by Barriers ----

  /** An in-place store of a field or element is about to replace {@code old}: keep it, or stamp the orec. */
  void beforeInPlaceBits(Object holder, int field, int index, long old) {
    if (undoing) {
      if (field == Location.ARRAY) {
        undo.addBits(holder, index, old);
      } else {
        undo.addFieldBits(holder, field, old);
      }
    } else {
      Orecs.setRelease(Location.orecOf(holder, field, index), inPlaceWord);
    }
  }

  /** {@link #beforeInPlaceBits} for references. */
  void beforeInPlaceRef(Object holder, int field, int index, Object old) {
    if (undoing) {
      if (field == Location.ARRAY) {
        undo.addRef((Object[]) holder, index, old);
      } else {
        undo.addFieldRef(holder, field, old);
      }
    } else {
      Orecs.setRelease(Location.orecOf(holder, field, index), inPlaceWord);
    }
  }

  /** An in-place arraycopy is about to overwrite {@code length} elements of {@code array} from {@code from} on. */
  void beforeInPlaceRange(Object array, int from, int length) {
    if (undoing) {
      undo.addRange(array, from, length);
    } else {
      for (int i = from; i < from + length; i++) {
        Orecs.setRelease(Orecs.index(array, i), inPlaceWord);
      }
    }
  }

  // ---- diagnostics: what the last conflict was about ----

  /** The abort for a read that met a conflict at this location (a block running alone cannot meet one). */
  ControlSignal conflictAt(Object holder, int field, int index, int site, int orec) {
    conflict.note(holder, field, index, site, orec);
    return signalConflict();
  }

  /** The abort for a read-only attempt that met a newer orec: the next attempt logs its reads. */
  ControlSignal needsReadLog(Object holder, int field, int index, int site, int orec) {
    noteNeedsReadLog();
    conflict.note(holder, field, index, site, orec);
    return signalConflict();
  }

  void noteNeedsReadLog() {
    mustLog = true;
    hint.neededReadLog();
  }

  ControlSignal readConflict(ReadLog reads) {
    noteReadConflict(reads);
    return signalConflict();
  }

  void noteReadConflict(ReadLog reads) {
    conflict.noteRead(reads);
  }

  /** When profiling: a wait for another block's commit to finish writing back a location read. */
  void noteLockWait(Object holder, int field, int index, int site, int orec, long nanos) {
    try {
      String location = field == Location.ARRAY && holder == null ? "?" : Location.describe(holder, field, index);
      ConflictProfiler.recordLockWait(block, location, site, ConflictProfiler.lastWriterOf(orec), nanos);
    } catch (Throwable diagnosticsFailed) {
      rethrowIfAsynchronous(diagnosticsFailed); // else out of memory while describing it: the report loses one wait
    }
  }

  private ControlSignal signalConflict() {
    if (inPlace) {
      throw new IllegalStateException("AME internal error: a transaction running alone in block "
          + block + " saw a concurrent change of " + conflict.describe());
    }
    return ControlSignal.ABORT;
  }

  /** For the conflict profiler: the block that last wrote each location of a log. */
  void recordWriters(AccessLog writes) {
    if (ConflictProfiler.recordsWriters()) {
      for (int e = 0; e < writes.size; e++) {
        ConflictProfiler.recordWriter(writes.orecs[e], block);
      }
    }
  }

  private void recordWriters(UndoLog written) {
    if (ConflictProfiler.recordsWriters()) {
      written.forEachOrec(orec -> ConflictProfiler.recordWriter(orec, block));
    }
  }

  private ConflictProfiler.ThreadBlocks profiled() {
    if (profiled == null) {
      profiled = new ConflictProfiler.ThreadBlocks();
    }
    return profiled;
  }

  /** The current block's name (for the runtime's own structures and messages). */
  String blockName() {
    return block;
  }
}
