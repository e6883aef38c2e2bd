package dev.ame.runtime;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread's transaction context, reused by every atomic block the thread runs.
 *
 * <h2>Design</h2>
 * The STM is time-based in the TL2/LSA family with lazy versioning:
 * <ul>
 * <li>Reads go to memory, bracketed by two loads of the location's orec ({@link Orecs}); a read is
 *     accepted when the orec is unlocked, unchanged, and not newer than the read version
 *     {@code rv}. A newer orec first <em>extends</em> {@code rv} to the current clock by validating
 *     the read set, so long read-mostly transactions are not aborted just for being long.
 *     Every value a transaction uses therefore belongs to one consistent snapshot (opacity).</li>
 * <li>Writes go to the redo log ({@link WriteSet}); reads of a location already written return the
 *     logged value.</li>
 * <li>Commit locks the write set's orecs, takes a write version from the clock, validates the
 *     read set at that version (by version, then by value), writes back, and releases the orecs
 *     with the new version. Read-only transactions commit without any of it.</li>
 * <li>The fast path: a block that begins while no other block runs takes the {@link SerialGate}
 *     at once and runs <em>alone</em>: its reads go straight to memory (nothing to log, nothing
 *     can change under it), its array element writes go in place with their old values kept
 *     ({@link UndoLog}) and its field writes to the redo log, so that {@code wait()} or an error
 *     can still roll it back, and its commit writes back without locking or validating; it
 *     stamps new versions only while a retry sleeps ({@link SerialGate#anyoneSleeping}). A thread that finds the
 *     gate taken, or another block running, switches the fast path off for everyone until
 *     commits keep seeing no other block for a while; then blocks are speculative as above.</li>
 * <li>A transaction that keeps aborting backs off, then runs <em>exclusive</em>: it owns the
 *     {@link SerialGate}, so nothing else runs, and it cannot be aborted. A transaction that calls
 *     code that cannot be rolled back becomes <em>irrevocable</em>: exclusive, with its log
 *     written back, and from then on reads and writes memory in place.</li>
 * </ul>
 *
 * <h2>The protocol that rewritten atomic methods follow</h2>
 * <pre>
 *   Txn t = Txn.current();
 *   if (t.isActive()) return twin(args, t);          // nesting is flattened
 *   t.begin("Class#method");
 *   for (;;) {
 *     try { r = twin(args, t); }
 *     catch (Throwable e) { t.onThrow(e); continue; } // rethrows user exceptions after commit
 *     if (t.commit()) return r;
 *   }
 * </pre>
 */
public final class Txn {
  private static final ThreadLocal<Txn> CURRENT = ThreadLocal.withInitial(Txn::new);
  private static final AtomicLong IDS = new AtomicLong();
  private static final ConcurrentHashMap<String, LongAdder> IRREVOCABLE_CAUSES = new ConcurrentHashMap<>();
  /** The published committing version while a commit has locked its write set but not yet taken its version. */
  static final long COMMIT_PENDING = -1;
  /** Speculative commits between two looks at whether this thread is alone again (a power of 2). */
  private static final int LONE_SAMPLE_PERIOD = 256;
  /** Looks in a row that saw no other block before the fast path is switched back on. */
  private static final int LONE_SAMPLES_TO_RESUME = 4;

  final long lockWord;
  /** This thread's counters (see {@link Stats}); they outlive the context in the registry. */
  final long[] counts = new long[Stats.KINDS];
  final ReadSet reads = new ReadSet();
  final WriteSet writes = new WriteSet();
  /** Array elements written in place by a block running alone (see {@link UndoLog}). */
  final UndoLog undo = new UndoLog();
  private final ReadSet watch = new ReadSet();

  /** What this context publishes to other threads (the gate's flag, the fence's version). */
  final Published published = new Published();

  /** Inside an atomic block (any mode). */
  private boolean inBlock;
  /** Owns the serial gate (fast path, exclusive or irrevocable): reads need no log. */
  boolean alone;
  /** Irrevocable: barriers read and write memory in place. */
  boolean inPlace;
  /** Version that in-place writes stamp on orecs, so that sleeping retries see them. */
  long inPlaceVersion;
  long rv;
  int pendingOrec;
  long pendingVersion;
  int pendingSite;

  private String block;
  private int attempts;
  /** When profiling: when the block and the current attempt started, and its JFR commit event. */
  private long blockStart;
  private long attemptStart;
  private Object commitEvent;
  private ConflictProfiler.ThreadBlocks profiled;
  /** The location of the last conflict, noted where it was detected (see noteConflict). */
  private Object conflictHolder;
  private int conflictField;
  private int conflictIndex;
  private int conflictSite;
  private int conflictOrec = -1;
  private boolean wantAlone;
  /** The last block that retried on this thread: it runs speculatively, so its retry can watch what it read. */
  private String retriedBlock;
  private int speculativeCommits;
  /** The cell of every {@link dev.ame.TxCounter} that this thread adds to. */
  private final int counterCell;
  private int loneSamples;
  private long retryDeadline;
  private boolean retryTimedOut;
  /** In a loop that commits in order: whether this block's turn has come (else null). */
  java.util.function.BooleanSupplier turnReady;
  private ArrayList<Runnable> onCommit;
  private ArrayList<Runnable> onAbort;

  private Txn() {
    long id = IDS.incrementAndGet();
    lockWord = (id << 1) | 1;
    counterCell = (int) (id & (dev.ame.TxCounter.CELLS - 1));
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
   * Whether code called now should run its transactional twin: inside a block that still logs its
   * accesses (not an irrevocable one, which runs the original code in place).
   */
  public boolean runsTwins() {
    return inBlock && !inPlace;
  }

  /** Starts the outermost atomic block named {@code block}. */
  public void begin(String block) {
    begin(block, null);
  }

  /** Starts a block that may commit only once {@code turn} says so (ordered loops), or any time if null. */
  void begin(String block, java.util.function.BooleanSupplier turn) {
    this.block = block;
    turnReady = turn;
    attempts = 0;
    inBlock = true;
    if (ConflictProfiler.enabled()) {
      blockStart = ConflictProfiler.now();
      commitEvent = Events.commitStart();
    }
    start();
  }

  private void start() {
    if (wantAlone || attempts >= Backoff.EXCLUSIVE_AFTER) {
      wantAlone = false;
      SerialGate.acquire(this);
      alone = true;
      counts[Stats.EXCLUSIVE_RUNS]++;
    } else if (turnReady == null && block != retriedBlock && SerialGate.tryRunAlone(this)) {
      alone = true;
      counts[Stats.ALONE_RUNS]++;
    } else {
      SerialGate.enter(this);
    }
    rv = Orecs.now();
    conflictOrec = -1;
    conflictHolder = null; // a location noted by an earlier attempt must not keep its object alive
    if (ConflictProfiler.enabled()) {
      attemptStart = ConflictProfiler.now();
    }
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
      // An error inside the commit itself (out of memory, say): leave no lock held, no gate owned.
      inBlock = false; // first: even if what follows fails, the thread is not left inside the block
      writes.release(Orecs.versionWord(Orecs.tick()));
      SerialGate.publishCommitting(this, 0);
      rollback();
      inPlace = false;
      turnReady = null;
      throw unexpected;
    }
  }

  private boolean commitOrRestart() {
    if (inPlace) {
      finish();
      return true;
    }
    if (alone) {
      if (writes.size != 0 || undo.size != 0) {
        commitAlone();
      }
      finish();
      return true;
    }
    if (writes.size == 0) {
      finish();
      return true;
    }
    if (!commitWrites()) {
      restartAfterAbort();
      return false;
    }
    finish();
    return true;
  }

  private boolean commitWrites() {
    if (!writes.lock(lockWord)) {
      noteLockConflict();
      writes.unlock();
      return false;
    }
    // Published before the tick: a later committer's privatization fence, which comes after
    // its own tick, then sees this commit as pending or with its version (never as idle).
    SerialGate.publishCommitting(this, COMMIT_PENDING);
    long wv = Orecs.tick();
    if (wv != rv + 1 && !reads.validate(wv, this)) {
      noteReadConflict();
      writes.unlock();
      SerialGate.publishCommitting(this, 0);
      return false;
    }
    recordWriters();
    SerialGate.publishCommitting(this, wv);
    try {
      writes.writeBack();
    } finally {
      writes.release(Orecs.versionWord(wv));
      SerialGate.publishCommitting(this, 0);
    }
    SerialGate.awaitOlderWriteBacks(this, wv);
    return true;
  }

  /**
   * The commit of a block that ran alone: nobody else runs, so there is nothing to lock or
   * validate; the new version on each written orec is for retries sleeping on them.
   */
  private void commitAlone() {
    writes.writeBack();
    recordWriters();
    if (!SerialGate.anyoneSleeping()) {
      // No block ran beside this one and none starts before it ends: the old versions still mean
      // "unchanged since any later block began". Only a retry sleeping on an orec needs to see
      // that it changed.
      return;
    }
    long word = Orecs.versionWord(Orecs.tick());
    for (int e = 0; e < writes.size; e++) {
      Orecs.setRelease(writes.orecs[e], word);
    }
    undo.stamp(word);
  }

  private void recordWriters() {
    if (ConflictProfiler.recordsWriters()) {
      for (int e = 0; e < writes.size; e++) {
        ConflictProfiler.recordWriter(writes.orecs[e], block);
      }
      for (int e = 0; e < undo.size; e++) {
        ConflictProfiler.recordWriter(undo.orecOf(e), block);
      }
    }
  }

  private void finish() {
    turnReady = null;
    conflictHolder = null;
    if (ConflictProfiler.enabled()) {
      ConflictProfiler.recordCommit(profiled(), block, attempts + 1, ConflictProfiler.now() - blockStart);
      Events.commitEnd(commitEvent, block, attempts + 1);
      commitEvent = null;
    }
    reads.clear();
    writes.clear();
    undo.clear();
    inPlace = false;
    inBlock = false;
    if (alone) {
      alone = false;
      SerialGate.release(this);
    } else if ((++speculativeCommits & (LONE_SAMPLE_PERIOD - 1)) == 0) {
      lookWhetherAloneAgain();
    }
    SerialGate.leave(this);
    counts[Stats.COMMITS]++;
    onAbort = null;
    runHooks(onCommit);
    onCommit = null;
  }

  /** While the fast path is off: after enough looks that saw no other block, it is on again. */
  private void lookWhetherAloneAgain() {
    if (!SerialGate.noteCommitWhileContended(this)) {
      loneSamples = 0;
    } else if (++loneSamples >= LONE_SAMPLES_TO_RESUME) {
      loneSamples = 0;
      SerialGate.clearContention();
    }
  }

  /**
   * A block of an ordered loop may write in place only once every earlier block has committed:
   * wait for the turn; if another block must run alone meanwhile, step back (roll back, re-run).
   */
  private void awaitTurnBeforeIrrevocable() {
    for (int round = 0; !turnReady.getAsBoolean(); round++) {
      if (alone || SerialGate.ownedByOther(this)) {
        wantAlone = false;
        attempts = 0;
        conflictOrec = -1;
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
      if (alone || SerialGate.ownedByOther(this)) {
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
    turnReady = null;
  }

  /**
   * Handles a throwable that escaped the block's body: a conflict abort or a retry re-runs the
   * block (this method returns); any other exception commits the block and is rethrown, as when
   * it leaves a {@code synchronized} block.
   */
  public void onThrow(Throwable e) throws Throwable {
    try {
      handleThrow(e);
    } catch (Throwable escaping) {
      // Leaving by an exception with the block still open means handling failed (an error while
      // restarting, out of memory, an abort hook that threw): nothing of the block is kept, and
      // this thread's next block starts from a clean context. A user exception rethrown after
      // its commit leaves with the block already closed.
      if (inBlock) {
        rollback();
        inBlock = false;
        inPlace = false;
        turnReady = null;
      }
      throw escaping;
    }
  }

  private void handleThrow(Throwable e) throws Throwable {
    if (e == ControlSignal.ABORT) {
      restartAfterAbort();
    } else if (e == ControlSignal.RETRY) {
      restartAfterRetry();
    } else if (commit()) {
      throw e;
    }
  }

  /** Drops the attempt's effects; the caller throws or returns to re-run the block. */
  private void rollback() {
    reads.clear();
    writes.clear();
    undo.restore(); // before the gate opens: nobody may see what the block wrote in place
    undo.clear();
    if (alone) {
      alone = false;
      SerialGate.release(this);
    }
    SerialGate.leave(this);
    onCommit = null;
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
    int savedAttempts = attempts;
    java.util.function.BooleanSupplier savedTurn = turnReady;
    inBlock = false;
    turnReady = null;
    try {
      runHooks(hooks);
    } finally {
      block = savedBlock;
      attempts = savedAttempts;
      turnReady = savedTurn;
      inPlace = false;
      inBlock = true;
    }
  }

  private void restartAfterAbort() {
    reportAbort();
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
    reads.copyWatch(watch, rv);
    long clockAtWait = Orecs.now();
    // Counted while still inside the attempt: a block that starts alone after this one has left
    // then sees a sleeper, and stamps what it writes so that this wait notices it.
    SerialGate.startSleeping();
    try {
      rollback();
      counts[Stats.RETRIES]++;
      for (int round = 0; ; round++) {
        if (watch.size == 0 ? Orecs.now() != clockAtWait : watch.anyChanged()) {
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
    if (inPlace) {
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
    if (inPlace) {
      return;
    }
    if (turnReady != null) {
      awaitTurnBeforeIrrevocable();
    }
    IRREVOCABLE_CAUSES.computeIfAbsent("block " + block + ": " + cause, k -> new LongAdder()).increment();
    if (!alone) {
      if (!SerialGate.tryAcquire(this)) {
        wantAlone = true;
        conflictOrec = -1; // no location is at fault: another block runs alone
        throw ControlSignal.ABORT;
      }
      alone = true;
      SerialGate.drainOthers(this);
      if (!reads.validate(Orecs.now(), this)) {
        noteReadConflict();
        wantAlone = true;
        throw ControlSignal.ABORT;
      }
    }
    Events.irrevocable(block, cause);
    inPlaceVersion = Orecs.tick();
    long word = Orecs.versionWord(inPlaceVersion);
    writes.writeBack();
    for (int e = 0; e < writes.size; e++) {
      Orecs.setRelease(writes.orecs[e], word);
    }
    undo.stamp(word); // written in place already; from now on the block cannot roll back
    undo.clear();
    reads.clear();
    writes.clear();
    inPlace = true;
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

  // ---- the read and write paths, called by Barriers ----

  /**
   * Completes a read whose value the caller loaded between taking {@code before} (the orec word)
   * and this call: returns the transaction's own write if any, else the loaded value when the
   * orec is unchanged, unlocked and not newer than rv, else takes the slow path.
   */
  long checkReadBits(Object holder, int field, int index, int orec, long before, int site, long value) {
    if (writes.size != 0) {
      int own = writes.find(holder, field, index, orec);
      if (own >= 0) {
        return writes.bits[own];
      }
    }
    if (alone) {
      return value;
    }
    if (!fastReadValid(orec, before)) {
      return readBitsSlow(holder, field, index, orec, site);
    }
    reads.addBits(holder, field, index, orec, value, site);
    return value;
  }

  /** {@link #checkReadBits} for references. */
  Object checkReadRef(Object holder, int field, int index, int orec, long before, int site, Object value) {
    if (writes.size != 0) {
      int own = writes.find(holder, field, index, orec);
      if (own >= 0) {
        return writes.refs[own];
      }
    }
    if (alone) {
      return value;
    }
    if (!fastReadValid(orec, before)) {
      return readRefSlow(holder, field, index, orec, site);
    }
    reads.addRef(holder, field, index, orec, value, site);
    return value;
  }

  /**
   * Whether a read may go straight to memory, without its orec: the block runs alone and has no
   * write of its own to look for (irrevocable blocks never have one).
   */
  boolean readsMemoryDirectly() {
    return alone && writes.size == 0;
  }

  private boolean fastReadValid(int orec, long before) {
    java.lang.invoke.VarHandle.acquireFence();
    return Orecs.getVolatile(orec) == before && !Orecs.isLocked(before) && Orecs.version(before) <= rv;
  }

  private long readBitsSlow(Object holder, int field, int index, int orec, int site) {
    noteConflict(holder, field, index, site, orec); // what this read waits for, should it abort
    for (int round = 0; ; round++) {
      long version = stableVersion(orec);
      long v = Location.getBits(holder, field, index);
      java.lang.invoke.VarHandle.acquireFence();
      if (Orecs.getVolatile(orec) == version) {
        reads.addBits(holder, field, index, orec, v, site);
        return v;
      }
      if (round > Backoff.LOCK_SPINS) {
        throw conflict();
      }
    }
  }

  private Object readRefSlow(Object holder, int field, int index, int orec, int site) {
    noteConflict(holder, field, index, site, orec);
    for (int round = 0; ; round++) {
      long version = stableVersion(orec);
      Object v = Location.getRef(holder, field, index);
      java.lang.invoke.VarHandle.acquireFence();
      if (Orecs.getVolatile(orec) == version) {
        reads.addRef(holder, field, index, orec, v, site);
        return v;
      }
      if (round > Backoff.LOCK_SPINS) {
        throw conflict();
      }
    }
  }

  /** Waits for the orec to be unlocked and extends the snapshot if it is newer than rv. */
  private long stableVersion(int orec) {
    long w = Orecs.getAcquire(orec);
    for (int round = 0; Orecs.isLocked(w); round++) {
      if (round > Backoff.LOCK_WAIT_ROUNDS) {
        throw conflict();
      }
      Backoff.pause(round);
      w = Orecs.getAcquire(orec);
    }
    if (Orecs.version(w) > rv) {
      long now = Orecs.now();
      if (!reads.validate(now, this)) {
        noteReadConflict();
        throw conflict();
      }
      rv = now;
    }
    return w;
  }

  // ---- commutative counters ----

  /** {@code counter.add(delta)}: to this thread's cell; in a logging block at commit, else now. */
  void counterAdd(dev.ame.TxCounter counter, long delta) {
    int orec = Orecs.index(counter, Location.counterCell(counterCell));
    if (inBlock && !inPlace) {
      writes.addDelta(counter, counterCell, orec, delta);
    } else {
      counter.addPlain(counterCell, delta);
      Orecs.setRelease(orec, Orecs.versionWord(inPlace ? inPlaceVersion : Orecs.tick()));
    }
  }

  /** {@code counter.get()} in a block: tracked reads of every cell, plus this block's own delta. */
  long counterGet(dev.ame.TxCounter counter) {
    if (!inBlock || inPlace) {
      return counter.plainValue();
    }
    long own = writes.deltaOf(counter, counterCell, Orecs.index(counter, Location.counterCell(counterCell)));
    if (alone) {
      return counter.plainValue() + own;
    }
    long sum = own;
    for (int cell = 0; cell < dev.ame.TxCounter.CELLS; cell++) {
      sum += readCell(counter, cell);
    }
    return sum;
  }

  private long readCell(dev.ame.TxCounter counter, int cell) {
    int orec = Orecs.index(counter, Location.counterCell(cell));
    for (int round = 0; ; round++) {
      long version = stableVersion(orec);
      long v = counter.cellValue(cell);
      java.lang.invoke.VarHandle.acquireFence();
      if (Orecs.getVolatile(orec) == version) {
        reads.addBits(counter, Location.COUNTER, cell, orec, v, 0);
        return v;
      }
      if (round > Backoff.LOCK_SPINS) {
        noteConflict(counter, Location.COUNTER, cell, 0, orec);
        throw conflict();
      }
    }
  }

  // ---- queues ----

  /** {@code queue.add(item)} in a logging block: appended when the block commits. */
  @SuppressWarnings("unchecked")
  void queueAdd(dev.ame.TxQueue<?> queue, Object item) {
    int orec = Orecs.index(queue, Location.QUEUE_TAIL);
    int e = writes.find(queue, Location.QUEUE_TAIL, 0, orec);
    if (e < 0) {
      writes.put(queue, Location.QUEUE_TAIL, 0, orec, 0, new ArrayList<>(4));
      e = writes.find(queue, Location.QUEUE_TAIL, 0, orec);
    }
    ((ArrayList<Object>) writes.refs[e]).add(item);
  }

  /**
   * {@code queue.poll()} in a logging block: the first item, taken by moving the head (a
   * transactional write: pollers conflict with each other); it depends on the appended count, so a
   * poll that found the queue empty conflicts with a later append. Items this block added come last.
   */
  @SuppressWarnings("unchecked")
  Object queuePoll(dev.ame.TxQueue<?> queue) {
    int tail = Orecs.index(queue, Location.QUEUE_TAIL);
    for (int round = 0; ; round++) {
      long version = stableVersion(tail);
      long appended = queue.appendedCount();
      java.lang.invoke.VarHandle.acquireFence();
      if (Orecs.getVolatile(tail) == version) {
        reads.addBits(queue, Location.QUEUE_TAIL, 0, tail, appended, 0);
        break;
      }
      if (round > Backoff.LOCK_SPINS) {
        noteConflict(queue, Location.QUEUE_TAIL, 0, 0, tail);
        throw conflict();
      }
    }
    int headOrec = Orecs.index(queue, Location.QUEUE_HEAD);
    long before = Orecs.getAcquire(headOrec);
    Object head = checkReadRef(queue, Location.QUEUE_HEAD, 0, headOrec, before, 0, queue.headNode());
    Object next = dev.ame.TxQueue.nextOf(head);
    if (next != null) {
      writes.put(queue, Location.QUEUE_HEAD, 0, headOrec, 0, next);
      return dev.ame.TxQueue.itemOf(next);
    }
    int own = writes.find(queue, Location.QUEUE_TAIL, 0, tail);
    if (own >= 0 && !((ArrayList<Object>) writes.refs[own]).isEmpty()) {
      return ((ArrayList<Object>) writes.refs[own]).remove(0);
    }
    return null;
  }

  /** Whether array element stores go in place, undo-logged: the block runs alone and can still roll back. */
  boolean writesElementsInPlace() {
    return alone && !inPlace;
  }

  /** An array element store: in place (undo-logged) when the block runs alone, else as any write. */
  void writeElementBits(Object array, int index, long value) {
    if (alone && !inPlace) {
      undo.add(array, index);
      ArrayElements.setBits(array, index, value);
    } else {
      writeBits(array, Location.ARRAY, index, Orecs.index(array, index), value);
    }
  }

  /** {@link #writeElementBits} for references. */
  void writeElementRef(Object[] array, int index, Object value) {
    if (alone && !inPlace) {
      undo.add(array, index);
      ArrayElements.setRef(array, index, value);
    } else {
      writeRef(array, Location.ARRAY, index, Orecs.index(array, index), value);
    }
  }

  void writeBits(Object holder, int field, int index, int orec, long value) {
    if (inPlace) {
      Location.setBits(holder, field, index, value);
      Orecs.setRelease(orec, Orecs.versionWord(inPlaceVersion));
    } else if (alone && field == Location.ARRAY) {
      undo.add(holder, index);
      ArrayElements.setBits(holder, index, value);
    } else {
      writes.put(holder, field, index, orec, value, null);
    }
  }

  void writeRef(Object holder, int field, int index, int orec, Object value) {
    if (inPlace) {
      Location.setRef(holder, field, index, value);
      Orecs.setRelease(orec, Orecs.versionWord(inPlaceVersion));
    } else if (alone && field == Location.ARRAY) {
      undo.add(holder, index);
      ArrayElements.setRef(holder, index, value);
    } else {
      writes.put(holder, field, index, orec, 0, value);
    }
  }

  // ---- diagnostics: what the last conflict was about ----

  private void noteConflict(Object holder, int field, int index, int site, int orec) {
    conflictHolder = holder;
    conflictField = field;
    conflictIndex = index;
    conflictSite = site;
    conflictOrec = orec;
  }

  private void noteReadConflict() {
    int e = reads.lastConflictEntry();
    if (e >= 0) {
      noteConflict(reads.holders[e], reads.fields[e], reads.indexes[e], reads.sites[e], reads.orecs[e]);
    }
  }

  private void noteLockConflict() {
    int e = writes.lockedUpTo() - 1;
    if (e >= 0) {
      noteConflict(writes.holders[e], writes.fields[e], writes.indexes[e], Sites.BOTH_WRITE, writes.orecs[e]);
    }
  }

  private ConflictProfiler.ThreadBlocks profiled() {
    if (profiled == null) {
      profiled = new ConflictProfiler.ThreadBlocks();
    }
    return profiled;
  }

  /** To the profiler and JFR: the conflict noted last, and the time the attempt wasted. */
  private void reportAbort() {
    if (conflictOrec < 0) {
      return; // not a conflict (a block that asked to run alone)
    }
    try {
      reportConflict();
    } catch (Throwable diagnosticsFailed) {
      // Out of memory while describing it, say: the report loses one abort, the block goes on.
    }
    conflictHolder = null;
    conflictOrec = -1;
  }

  private void reportConflict() {
    boolean profiling = ConflictProfiler.enabled();
    String location = conflictField == Location.ARRAY && conflictHolder == null ? "?"
        : Location.describe(conflictHolder, conflictField, conflictIndex);
    String writer = ConflictProfiler.lastWriterOf(conflictOrec);
    long wasted = profiling ? ConflictProfiler.now() - attemptStart : 0;
    if (profiling) {
      ConflictProfiler.recordAbort(profiled(), block, location, conflictSite, writer, wasted);
    }
    Events.abort(block, location, Sites.describe(conflictSite), writer, wasted);
  }

  /** The abort to throw on a conflict (a transaction running alone cannot meet one). */
  ControlSignal conflict() {
    if (alone) {
      throw new IllegalStateException("AME internal error: a transaction running alone in block "
          + block + " saw a concurrent change of " + reads.lastConflict());
    }
    return ControlSignal.ABORT;
  }
}
