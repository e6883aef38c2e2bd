package dev.ame.runtime;

import java.lang.invoke.VarHandle;

/**
 * A thread's speculative mode: how a block runs beside other blocks, each of its reads checked and
 * logged, its writes kept in a redo log until commit (TL2/LSA family, see {@code docs/ENGINE.md}).
 *
 * <h2>Reads</h2>
 * The rewritten code loads the value itself, then calls the check ({@link #checkBits}/{@link
 * #checkRef}): the read is good when the location's orec, looked at after the load, is not newer
 * than the read version {@code rv}. Every value accepted so belongs to the snapshot at {@code rv}
 * (opacity). The fast path is a handful of instructions and
 * one {@code long} store into the {@link ReadLog}, small enough to be inlined at every call site;
 * everything else (the block's own writes, newer orecs, growing the log) is out of line.
 * A newer orec <em>extends</em> {@code rv} to the clock after validating the read set, so long
 * read-mostly blocks survive concurrent commits to data they have not read.
 *
 * <h2>Read-only attempts keep no read log</h2>
 * When a block has recently committed without writing ({@link BlockHint}), its attempts start
 * with {@link #logging} off: reads are checked against {@code rv} as above but not logged. Such an
 * attempt cannot extend (nothing to validate): a newer orec aborts it, and the next attempt logs.
 * If it writes after all, it may still commit when no other commit happened since it began
 * (the clock still shows {@code rv}: nothing it read can have changed); otherwise it re-runs logging.
 *
 * <h2>Commit</h2>
 * Validate the read set at a settled clock {@code c} (skipped when {@code c == rv}), take the
 * commit lock by moving the clock from {@code c} (re-validating if another commit came first), give
 * the write set's orecs the version {@code c + 2}, write back, release the clock with that version
 * (see {@link Orecs}). Commits write back one at a time, so once the lock is released no older
 * commit is still writing: that is the privatization fence. A read-only attempt commits with none
 * of it.
 */
final class Speculation {
  final Txn txn;
  final ReadLog reads = new ReadLog();
  final RedoLog writes = new RedoLog();
  /** What this attempt allocated: written in place (see {@link CapturedObjects}). */
  final CapturedObjects captured = new CapturedObjects();
  long rv;
  /** {@code rv} as an orec word: an unlocked orec is good when its word is at most this. */
  long rvWord;
  /**
   * The newest settled value of the clock this thread has seen (its last commit's version, its
   * last extension). Any such value is a sound read version: every commit whose version is at most
   * it had finished writing back before this thread saw the value.
   */
  private long clockSeen;
  /** Whether reads are logged (off for attempts expected to be read-only). */
  boolean logging = true;
  /**
   * Reads need no orec at all while the clock still shows {@code rv}: no commit has begun since the
   * attempt began (a commit takes the clock before it writes a value), and none was writing back
   * then (the clock was settled). For attempts without a log that have written nothing: a value
   * loaded before the clock is seen unchanged belongs to the snapshot, at the cost of one load of a
   * line that only commits write. Otherwise (or once the clock has moved) a read checks its orec.
   */
  boolean clockReads;
  /** This context's token in the commit lock (see {@link Orecs#tryLock}). */
  private final long lockToken;
  /** The clock value the last attempt to take the commit lock started from (to release it after a stop). */
  private long lockedAt;

  Speculation(Txn txn, long contextId) {
    this.txn = txn;
    this.lockToken = Orecs.lockToken(contextId);
  }

  /**
   * Starts an attempt. One that logs its reads starts from the newest clock value this thread has
   * seen, without reading the clock (a line every other committer writes): a read of something
   * newer extends the snapshot then, which costs the same read. One that keeps no log cannot
   * extend, so it starts from the clock itself.
   */
  void start(boolean logReads) {
    long v = logReads ? clockSeen : Orecs.settled();
    clockSeen = v;
    rv = v;
    rvWord = Orecs.versionWord(v);
    logging = logReads;
    clockReads = !logReads;
  }

  /** The fast path of {@link #clockReads}: whether a value the caller has loaded is of the snapshot. */
  private boolean unchangedSinceStart() {
    if (Orecs.nowAfterLoads() == rv) {
      return true;
    }
    clockReads = false; // it moved: from now on each read checks its orec
    return false;
  }

  // ---- reads: the inlined fast paths ----

  /**
   * The value the caller has just loaded from a location (a field: {@code index} 0; a static
   * field: {@code holder} null; an element: {@code field} {@link Location#ARRAY}), as this
   * attempt sees it. One look at the orec, after the load, is enough: a commit gives its orecs
   * their new version before it writes back (release), so a value of a commit newer than
   * {@code rv} comes with an orec newer than {@code rv}; and every commit of a version up to
   * {@code rv} had finished writing back before this attempt saw {@code rv}. Inlined, the
   * location's kind is a constant and {@link Location#orecOf} folds to one hash.
   */
  long checkBits(Object holder, int field, int index, int site, long value) {
    if (clockReads && unchangedSinceStart()) {
      return value;
    }
    int orec = Location.orecOf(holder, field, index);
    return accepts(orec, site) ? value : readBitsSlow(holder, field, index, orec, site);
  }

  /** {@link #checkBits} for references. */
  Object checkRef(Object holder, int field, int index, int site, Object value) {
    if (clockReads && unchangedSinceStart()) {
      return value;
    }
    int orec = Location.orecOf(holder, field, index);
    return accepts(orec, site) ? value : readRefSlow(holder, field, index, orec, site);
  }

  /** Whether a value loaded before this call is of the snapshot and not this attempt's own write; logs it. */
  private boolean accepts(int orec, int site) {
    VarHandle.acquireFence(); // the caller's load stays before the look at the orec
    if (Orecs.getOpaque(orec) > rvWord || writes.mayHold(orec)) {
      return false;
    }
    if (logging) {
      reads.add(orec, site);
    }
    return true;
  }

  // ---- reads: the slow paths ----

  /** A read of any location: its own write if any, else a stable value of the snapshot (extending it if needed). */
  long readBitsSlow(Object holder, int field, int index, int orec, int site) {
    if (writes.size != 0) {
      int own = writes.find(holder, field, index, orec);
      if (own >= 0) {
        return writes.bits[own];
      }
    }
    return readStable(holder, field, index, orec, site);
  }

  /** A value of the snapshot, read between two looks at its orec, and logged. */
  long readStable(Object holder, int field, int index, int orec, int site) {
    for (int round = 0; ; round++) {
      long version = stableVersion(holder, field, index, orec, site);
      long v = Location.getBits(holder, field, index);
      VarHandle.acquireFence();
      if (Orecs.getVolatile(orec) == version) {
        if (logging) {
          reads.add(orec, site);
        }
        return v;
      }
      if (round > Backoff.LOCK_SPINS) {
        throw txn.conflictAt(holder, field, index, site, orec);
      }
    }
  }

  /** {@link #readBitsSlow} for references. */
  Object readRefSlow(Object holder, int field, int index, int orec, int site) {
    if (writes.size != 0) {
      int own = writes.find(holder, field, index, orec);
      if (own >= 0) {
        return writes.refs[own];
      }
    }
    for (int round = 0; ; round++) {
      long version = stableVersion(holder, field, index, orec, site);
      Object v = Location.getRef(holder, field, index);
      VarHandle.acquireFence();
      if (Orecs.getVolatile(orec) == version) {
        if (logging) {
          reads.add(orec, site);
        }
        return v;
      }
      if (round > Backoff.LOCK_SPINS) {
        throw txn.conflictAt(holder, field, index, site, orec);
      }
    }
  }

  /** The orec's version, once the snapshot has been extended to it if it is newer than {@code rv}. */
  private long stableVersion(Object holder, int field, int index, int orec, int site) {
    long w = Orecs.getAcquire(orec);
    if (w > rvWord) {
      if (!logging) {
        throw txn.needsReadLog(holder, field, index, site, orec); // nothing to validate an extension with
      }
      extend(holder, field, index, site, orec);
    }
    return w;
  }

  /** Moves {@code rv} to the clock's current value once every read so far is still valid there. */
  private void extend(Object holder, int field, int index, int site, int orec) {
    long now = Orecs.now();
    if (Orecs.isWritingBack(now)) {
      long waitStart = ConflictProfiler.enabled() ? System.nanoTime() : 0;
      now = Orecs.settled();
      if (waitStart != 0) {
        txn.noteLockWait(holder, field, index, site, orec, System.nanoTime() - waitStart);
      }
    }
    if (!reads.validate(rv)) {
      throw txn.readConflict(reads);
    }
    rv = now;
    rvWord = Orecs.versionWord(now);
    clockSeen = now;
  }

  // ---- writes ----

  void writeBits(Object holder, int field, int index, int orec, long value) {
    if (captured.contains(holder)) {
      Location.setBits(holder, field, index, value);
      return;
    }
    clockReads = false; // later reads must look for this write
    writes.put(holder, field, index, orec, value, null);
  }

  void writeRef(Object holder, int field, int index, int orec, Object value) {
    if (captured.contains(holder)) {
      Location.setRef(holder, field, index, value);
      return;
    }
    clockReads = false;
    writes.put(holder, field, index, orec, 0, value);
  }

  // ---- commit ----

  /**
   * Commits the attempt's writes: returns false (nothing written, the conflict noted) when
   * validation failed.
   */
  boolean commitWrites() {
    long settled = lockClockIfValid();
    if (settled < 0) {
      return false;
    }
    long wv = Orecs.versionAfter(settled);
    clockSeen = wv;
    txn.recordWriters(writes);
    try {
      writes.stamp(Orecs.versionWord(wv));
      VarHandle.releaseFence(); // a reader that sees a new value sees the new version too
      if (FaultInjection.NO_FENCE) {
        Orecs.unlock(settled); // broken on purpose: later commits may finish before this write-back
      }
      writes.writeBack();
    } catch (Throwable asynchronous) {
      writes.writeBack(); // a ThreadDeath mid-way: finish it, never leave half a block applied
      throw asynchronous;
    } finally {
      if (!FaultInjection.NO_FENCE) {
        Orecs.unlock(settled);
      }
    }
    // After the commit lock, before the output lock the caller holds: a block that reads these
    // writes and prints takes that lock after this one, and other commits need not wait for I/O.
    txn.writeOutput();
    return true;
  }

  /**
   * Validates the reads at a settled clock and takes the commit lock there: the clock value it
   * was taken at, or -1 (the conflict noted) when a read no longer holds.
   */
  private long lockClockIfValid() {
    for (;;) {
      long settled = Orecs.settled();
      if (settled != rv && !FaultInjection.NO_VALIDATE && (!logging || !reads.validate(rv))) {
        if (logging) {
          txn.noteReadConflict(reads);
        } else {
          txn.noteNeedsReadLog();
        }
        return -1;
      }
      lockedAt = settled; // before the lock is taken: a stop right after it still finds what to release
      if (FaultInjection.NO_LOCK || Orecs.tryLock(settled, lockToken)) {
        return settled;
      }
      // Another commit came first: validate again at once (settling waits for it), never back off,
      // or a committer that keeps losing the race to short commits would starve.
    }
  }

  /**
   * The commit of a read-only attempt that has output to write: its reads must still hold when it
   * writes it (the caller holds the lock that orders output), else it re-runs.
   */
  boolean commitOutputOnly() {
    if (!stillValid()) {
      txn.noteReadConflict(reads);
      return false;
    }
    txn.writeOutput();
    return true;
  }

  /**
   * Validates the reads at the current time, for a block that is about to run alone in place
   * (irrevocable): false when one of them has changed.
   */
  boolean stillValid() {
    if (!logging) {
      return Orecs.now() == rv; // no read log: valid only if nothing committed since it began
    }
    return reads.validate(rv);
  }

  /** Writes the redo log back in place (the block owns the gate, alone) and stamps it with {@code word}. */
  void writeBackInPlace(long word) {
    writes.writeBack();
    writes.stamp(word);
  }

  /** After an asynchronous error: releases the commit lock if this context was stopped holding it. */
  void releaseCommitLock() {
    Orecs.unlockIfHeld(lockToken, lockedAt);
  }

  void clear() {
    reads.clear();
    writes.clear();
    captured.clear();
    logging = true;
    clockReads = false;
  }
}
