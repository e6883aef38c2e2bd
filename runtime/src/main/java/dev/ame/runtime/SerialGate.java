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
  /** Counts of contexts whose threads have ended. */
  private static final long[] RETIRED = new long[Stats.KINDS];

  /** A context, held weakly, and its counters, held strongly until folded into {@link #RETIRED}. */
  private static final class Registration extends WeakReference<Txn> {
    final long[] counts;

    Registration(Txn t) {
      super(t);
      counts = t.counts;
    }
  }
  private static volatile Txn owner;
  private static final VarHandle OWNER;

  static {
    try {
      OWNER = MethodHandles.lookup().findStaticVarHandle(SerialGate.class, "owner", Txn.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private SerialGate() {}

  static void register(Txn t) {
    CONTEXTS.add(new Registration(t));
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
      }
    }
  }

  /** Enters as a speculative transaction, waiting while another one runs alone. */
  static void enter(Txn t) {
    for (int round = 0; ; round++) {
      t.active = true;
      if (owner == null) {
        return;
      }
      t.active = false;
      long waitStart = ConflictProfiler.enabled() ? System.nanoTime() : 0;
      while (owner != null) {
        Backoff.pause(round++);
      }
      if (waitStart != 0) {
        ConflictProfiler.recordWait(System.nanoTime() - waitStart);
      }
    }
  }

  static void leave(Txn t) {
    t.active = false;
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
    for (Registration ref : CONTEXTS) {
      Txn other = ref.get();
      if (other == null) {
        retire(ref);
        continue;
      }
      if (other == self) {
        continue;
      }
      for (int round = 0; other.active; round++) {
        Backoff.pause(round);
      }
    }
  }

  static void release(Txn t) {
    if (owner == t) {
      owner = null;
    }
  }

  /**
   * Waits until no other transaction is still writing back a commit older than {@code version}.
   * After this, data that the caller's commit made private can be used outside transactions
   * without an older commit's delayed write landing on it (the privatization problem).
   */
  static void awaitOlderWriteBacks(Txn self, long version) {
    for (Registration ref : CONTEXTS) {
      Txn other = ref.get();
      if (other == null) {
        retire(ref);
        continue;
      }
      if (other == self) {
        continue;
      }
      for (int round = 0; ; round++) {
        long v = other.committing;
        if (v == 0 || v >= version) {
          break;
        }
        Backoff.pause(round);
      }
    }
  }
}
