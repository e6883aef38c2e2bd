package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The gate that lets one transaction run alone: speculative transactions pass it shared; an
 * exclusive or irrevocable one owns it and waits until every other transaction has left.
 *
 * <p>Entering publishes {@code txn.active = true} and then reads {@code owner}; acquiring sets
 * {@code owner} and then reads every {@code active}. All four are volatile, hence sequentially
 * consistent (the Dekker argument): either the entering transaction sees the owner and steps back,
 * or the owner sees it active and waits for it to finish.
 *
 * <p>The registry of contexts holds them weakly: a context lives as long as its thread's
 * {@link ThreadLocal} does, and a running transaction's thread is alive.
 */
final class SerialGate {
  private static final ConcurrentLinkedQueue<Registration> CONTEXTS = new ConcurrentLinkedQueue<>();
  /** The registrations as an array, rebuilt on register and retire: scans walk it without a queue's nodes. */
  private static volatile Registration[] snapshot = new Registration[0];
  /** Counts of contexts whose threads have ended. */
  private static final long[] RETIRED = new long[Stats.KINDS];
  /**
   * Whether blocks may take the uncontended fast path (run alone without logging reads). Off
   * for tests of the speculative protocol that hold a block open while another thread commits.
   */
  private static volatile boolean fastPath = !"false".equals(System.getProperty("ame.fastPath"));
  /**
   * Set by a transaction that found the gate owned or another one active: the fast path is off
   * until some thread has seen no other block for a while ({@link #noteCommitWhileContended}).
   * Written only when it changes, so that while it stays set it is a read-shared line.
   */
  private static volatile boolean contended;

  /** A context, held weakly, and its counters, held strongly until folded into {@link #RETIRED}. */
  private static final class Registration extends WeakReference<Txn> {
    final long[] counts;
    /** Held here so that scans read it without touching the context's own lines. */
    final Published published;

    Registration(Txn t) {
      super(t);
      counts = t.counts;
      published = t.published;
    }
  }
  private static volatile Txn owner;
  private static final VarHandle OWNER;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      OWNER = l.findStaticVarHandle(SerialGate.class, "owner", Txn.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private SerialGate() {}

  static void register(Txn t) {
    synchronized (SerialGate.class) {
      // Blocks that run alone never retire ended threads (only drains and fences do): drop them
      // here, so that the fast path's scan stays as long as the live threads, not all threads ever.
      for (Registration r : CONTEXTS) {
        if (r.get() == null) {
          retire(r);
        }
      }
      CONTEXTS.add(new Registration(t));
      snapshot = CONTEXTS.toArray(new Registration[0]);
    }
  }

  /** The sum of every context's counters, ended threads included. */
  static synchronized long[] sumCounts() {
    long[] sum = new long[Stats.KINDS];
    for (Registration r : CONTEXTS) {
      for (int k = 0; k < Stats.KINDS; k++) {
        sum[k] += r.counts[k];
      }
    }
    for (int k = 0; k < Stats.KINDS; k++) {
      sum[k] += RETIRED[k];
    }
    return sum;
  }

  /**
   * Drops the registration of a context whose thread has ended, folding its counts into the
   * totals (under the lock that snapshots take, so no snapshot counts it twice or not at all).
   * Without this, every commit would keep walking the registrations of long-dead threads.
   */
  private static void retire(Registration r) {
    synchronized (SerialGate.class) {
      if (CONTEXTS.remove(r)) {
        for (int k = 0; k < Stats.KINDS; k++) {
          RETIRED[k] += r.counts[k];
        }
        snapshot = CONTEXTS.toArray(new Registration[0]);
      }
    }
  }

  /** Enters as a speculative transaction, waiting while another one runs alone. */
  static void enter(Txn t) {
    for (int round = 0; ; round++) {
      t.published.active = true;
      if (owner == null) {
        return;
      }
      t.published.active = false;
      if (!contended) {
        contended = true; // someone runs alone while others want in: no more fast paths for now
      }
      long waitStart = ConflictProfiler.enabled() ? System.nanoTime() : 0;
      while (owner != null) {
        Backoff.pause(round++);
      }
      if (waitStart != 0) {
        ConflictProfiler.recordWait(System.nanoTime() - waitStart);
      }
    }
  }

  /**
   * Release suffices: the gate's Dekker argument needs the fence on entering only; an owner that
   * still sees a stale {@code true} merely waits a little longer.
   */
  static void leave(Txn t) {
    t.published.leave();
  }

  /**
   * The uncontended fast path: takes the gate without waiting when nobody owns it and no other
   * transaction is inside an attempt; returns false (leaving the gate as it was) otherwise. The
   * CAS on {@code owner} and then the reads of every {@code active} are the owner's half of the
   * Dekker argument of {@link #enter}.
   */
  static boolean tryRunAlone(Txn t) {
    if (!fastPath || contended || owner != null || !OWNER.compareAndSet((Txn) null, t)) {
      return false;
    }
    for (Registration ref : snapshot) {
      if (ref.published != t.published && ref.published.active) {
        OWNER.setRelease((Txn) null);
        contended = true;
        return false;
      }
    }
    return true;
  }

  /**
   * Called now and then by a speculative commit while the fast path is off: once this thread has
   * seen no other transaction active several samples in a row, the fast path is on again.
   */
  static boolean noteCommitWhileContended(Txn self) {
    if (!contended) {
      return true;
    }
    for (Registration ref : snapshot) {
      if (ref.published != self.published && ref.published.active) {
        return false;
      }
    }
    return true;
  }

  /** Turns the fast path on again (after {@link #noteCommitWhileContended} kept saying alone). */
  static void clearContention() {
    if (contended) {
      contended = false;
    }
  }

  /** Threads sleeping in a retry (see {@link Txn}): while there are none, blocks alone need not stamp orecs. */
  private static final java.util.concurrent.atomic.AtomicInteger SLEEPERS = new java.util.concurrent.atomic.AtomicInteger();

  static void startSleeping() {
    SLEEPERS.incrementAndGet();
  }

  static void stopSleeping() {
    SLEEPERS.decrementAndGet();
  }

  static boolean anyoneSleeping() {
    return SLEEPERS.get() != 0;
  }

  /** For tests of the speculative protocol. */
  static void setFastPath(boolean on) {
    fastPath = on;
  }

  /** Publishes the write version about to be written back (before the clock tick that makes it). */
  static void publishCommitting(Txn t, long version) {
    t.published.publishCommitting(version);
  }

  /** Whether another transaction owns the gate (or waits for everyone to leave). */
  static boolean ownedByOther(Txn t) {
    Txn o = owner;
    return o != null && o != t;
  }

  static boolean tryAcquire(Txn t) {
    return owner == t || OWNER.compareAndSet((Txn) null, t);
  }

  /** Takes the gate, waiting for any other owner, then waits for every other transaction to leave. */
  static void acquire(Txn t) {
    for (int round = 0; !tryAcquire(t); round++) {
      Backoff.pause(round);
    }
    drainOthers(t);
  }

  static void drainOthers(Txn self) {
    for (Registration ref : snapshot) {
      Txn other = ref.get();
      if (other == null) {
        retire(ref);
        continue;
      }
      if (other == self) {
        continue;
      }
      for (int round = 0; ref.published.active; round++) {
        Backoff.pause(round);
      }
    }
  }

  /** Release: whoever sees the gate free next also sees everything the owner wrote. */
  static void release(Txn t) {
    if (owner == t) {
      OWNER.setRelease((Txn) null);
    }
  }

  /**
   * Waits until no other transaction is still writing back a commit older than {@code version}.
   * After this, data that the caller's commit made private can be used outside transactions
   * without an older commit's delayed write landing on it (the privatization problem).
   */
  static void awaitOlderWriteBacks(Txn self, long version) {
    for (Registration ref : snapshot) {
      Txn other = ref.get();
      if (other == null) {
        retire(ref);
        continue;
      }
      if (other == self) {
        continue;
      }
      for (int round = 0; ; round++) {
        long v = ref.published.committing;
        if (v == 0 || v >= version) { // COMMIT_PENDING (-1): its version may be older: wait
          break;
        }
        Backoff.pause(round);
      }
    }
  }
}
