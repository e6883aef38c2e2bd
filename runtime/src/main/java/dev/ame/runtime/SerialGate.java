package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The gate that lets one block run alone, and the registry of every thread's context.
 *
 * <h2>States</h2>
 * The gate word is {@code null} (free: blocks run speculatively, passing it shared) or a
 * {@link Token} of one context: <em>running</em> (that context runs a block alone: fast path,
 * exclusive or irrevocable) or <em>kept</em> (it ran one and keeps the gate for its next, while
 * {@link Regime} says blocks run one at a time). A kept gate makes the next block of the same
 * thread one CAS on a line that thread already owns, and it lets a thread run many short blocks
 * before handing the gate over, instead of passing the line back and forth on every block.
 *
 * <h2>Exclusion</h2>
 * A speculative attempt publishes {@code active = true} and then reads the gate; a thread that
 * takes the gate from free writes it (CAS) and then reads every {@code active}. All are
 * sequentially consistent (the Dekker argument): either the speculative attempt sees the gate
 * taken and steps back, or the taker sees it active and waits for it to finish ({@link #drainOthers}).
 * While the gate is taken (running or kept) no speculative attempt starts, so a kept gate can pass
 * to another thread without draining.
 *
 * <h2>Handing over</h2>
 * A thread that wants a taken gate asks its holder to drop it ({@link Published#requestDrop});
 * the holder drops it at the end of a block once it has held it for {@link #SLICE_NANOS} (a
 * switch interval, like an interpreter's global lock), and hands it to the waiter, which sleeps
 * meanwhile and is woken. A kept gate whose holder runs no block for
 * {@link #IDLE_NANOS}, or whose thread has ended, is taken over without waiting for it.
 *
 * <p>The registry holds contexts weakly: a context lives as long as its thread's
 * {@link ThreadLocal} does, and a running transaction's thread is alive.
 */
final class SerialGate {
  /** How long a holder keeps the gate once another thread asked for it. */
  static final long SLICE_NANOS = 1_000_000;
  /** How long a waiter sleeps between two looks at the gate (it is woken when the gate is handed to it). */
  private static final long PARK_NANOS = 1_000_000;
  /** How long a kept gate's holder may run no block before another thread takes the gate over. */
  static final long IDLE_NANOS = 50_000;

  /** Who holds the gate, and whether it is inside a block ({@code running}) or between two. */
  static final class Token {
    final Txn txn;
    final boolean running;

    Token(Txn txn, boolean running) {
      this.txn = txn;
      this.running = running;
    }
  }

  private static final ConcurrentLinkedQueue<Registration> CONTEXTS = new ConcurrentLinkedQueue<>();
  /** The registrations as an array, rebuilt on register and retire: scans walk it without a queue's nodes. */
  private static volatile Registration[] snapshot = new Registration[0];
  /** Counts of contexts whose threads have ended. */
  private static final long[] RETIRED = new long[Stats.KINDS];

  /** A context, held weakly, and its counters, held strongly until folded into {@link #RETIRED}. */
  static final class Registration extends WeakReference<Txn> {
    final long[] counts;
    /** Held here so that scans read it without touching the context's own lines. */
    final Published published;
    final Thread thread;

    Registration(Txn t) {
      super(t);
      counts = t.counts;
      published = t.published;
      thread = t.thread;
    }
  }

  private static volatile Token gate;
  /** The thread that waits for the gate next: a holder that drops the gate hands it over directly. */
  private static volatile Txn successor;
  private static final VarHandle GATE;
  private static final VarHandle SUCCESSOR;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      GATE = l.findStaticVarHandle(SerialGate.class, "gate", Token.class);
      SUCCESSOR = l.findStaticVarHandle(SerialGate.class, "successor", Txn.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Threads sleeping in a retry (see {@link Txn}): while there are none, blocks alone need not stamp orecs. */
  private static final AtomicInteger SLEEPERS = new AtomicInteger();

  private SerialGate() {}

  // ---- the registry ----

  static void register(Txn t) {
    synchronized (SerialGate.class) {
      // Blocks that run alone never retire ended threads (only drains and fences do): drop them
      // here, so that scans stay as long as the live threads, not all threads ever.
      for (Registration r : CONTEXTS) {
        if (r.get() == null) {
          retire(r);
        }
      }
      CONTEXTS.add(new Registration(t));
      snapshot = CONTEXTS.toArray(new Registration[0]);
    }
  }

  static Registration[] registrations() {
    return snapshot;
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

  // ---- speculative attempts ----

  /** Enters as a speculative attempt, waiting while a block runs alone (or keeps the gate). */
  static void enter(Txn t) {
    long waitStart = 0;
    HolderWatch watch = null;
    for (int round = 0; ; round++) {
      t.published.active = true; // volatile: ordered before the read of the gate (Dekker)
      Token g = gate;
      if (g == null) {
        if (waitStart != 0) {
          ConflictProfiler.recordWait(System.nanoTime() - waitStart);
        }
        return;
      }
      t.published.active = false;
      if (waitStart == 0 && ConflictProfiler.enabled()) {
        waitStart = System.nanoTime();
      }
      if (watch == null) {
        watch = new HolderWatch();
      }
      if (!g.running && Regime.speculating() || watch.mayTakeOver(g)) {
        GATE.compareAndSet(g, null); // kept by a thread that no longer needs it alone: free it
      } else {
        g.txn.published.requestDrop();
        Regime.noteWaiting();
        Backoff.waitForGate(round);
      }
    }
  }

  /** Leaves a speculative attempt. Release: an owner that still sees a stale {@code true} merely waits a little longer. */
  static void leave(Txn t) {
    if (t.published.active) {
      t.published.leave();
    }
  }

  // ---- running alone ----

  /**
   * Takes the gate to run alone while {@link Regime} says blocks run one at a time: the gate this
   * thread kept (one CAS), a free one (then waits for speculative attempts to finish), or one kept
   * by an idle thread. Waits for a holder that runs a block, asking it to drop the gate. Returns
   * false, without the gate, as soon as the regime turns speculative.
   */
  static boolean acquireWhileSerial(Txn t) {
    return retakeKept(t) || acquire(t, true);
  }

  /** Takes back the gate this thread kept after its last block: one CAS on a line it owns. */
  static boolean retakeKept(Txn t) {
    return gate == t.kept && GATE.compareAndSet(t.kept, t.running);
  }

  /** Takes the gate whatever the regime (exclusive and irrevocable runs), waiting as long as it takes. */
  static void acquireExclusive(Txn t) {
    acquire(t, false);
  }

  private static boolean acquire(Txn t, boolean whileSerial) {
    if (FaultInjection.NO_EXCLUSION) {
      return true;
    }
    long waitStart = 0;
    HolderWatch watch = new HolderWatch();
    boolean registered = false;
    boolean claimed = false;
    boolean acquired = false;
    for (int round = 0; !acquired; round++) {
      Token g = gate;
      if (g == t.running) {
        acquired = true; // handed over by the last holder
      } else if (claimed) {
        Thread.onSpinWait(); // a holder claimed this thread as its successor: the gate is on its way
      } else if (whileSerial && !Regime.serial()) {
        if (registered && !SUCCESSOR.compareAndSet(t, (Txn) null)) {
          claimed = true;
        } else {
          return false;
        }
      } else if (g == null) {
        Txn next = successor;
        if ((next == null || next == t || !next.thread.isAlive()) && GATE.compareAndSet(null, t.running)) {
          drainOthers(t);
          acquired = true;
        }
      } else if (g.txn == t || watch.mayTakeOver(g)) {
        // kept by this thread, or by one that has ended or runs no block: no speculative attempt
        // can have started while the gate was taken, so there is nothing to drain
        acquired = GATE.compareAndSet(g, t.running);
      } else {
        if (waitStart == 0 && ConflictProfiler.enabled()) {
          waitStart = System.nanoTime();
        }
        if (!registered && successor == null) {
          registered = SUCCESSOR.compareAndSet((Txn) null, t);
        }
        g.txn.published.requestDrop();
        boolean holderIdle = watch.idleSoFar(g);
        if (holderIdle) {
          // kept by a thread between blocks that has run none while this one looked: most often a
          // thread that has stopped running blocks (a pool's task moved to another worker), taken
          // over after IDLE_NANOS. Not contention: the regime stays as it is.
        } else if (whileSerial) {
          Regime.noteContention();
        } else {
          Regime.noteWaiting();
        }
        // Wait on this thread's own line for the hand-over, looking at the gate only now and then:
        // a waiter that kept reading the gate would take its line from the holder at every block.
        // Past a short spin it sleeps (the holder wakes its successor when it hands the gate over):
        // a waiter that spins for a whole switch interval takes the holder's core from it when the
        // two are hardware threads of one core.
        for (int quiet = 0; quiet < 32 && !t.published.handedOver; quiet++) {
          if (round++ < 64) {
            Thread.onSpinWait();
          } else {
            // an idle holder's gate is taken over, not handed over: look again once it may be
            LockSupport.parkNanos(SerialGate.class, registered && !holderIdle ? PARK_NANOS : IDLE_NANOS);
            break;
          }
        }
      }
    }
    if (registered && !claimed) {
      SUCCESSOR.compareAndSet(t, (Txn) null); // acquired otherwise: no holder may hand it over again
    }
    t.published.clearHandedOver();
    t.heldSince = System.nanoTime();
    t.published.clearDropRequest();
    if (waitStart != 0) {
      ConflictProfiler.recordWait(System.nanoTime() - waitStart);
    }
    return true;
  }

  /**
   * A waiter's view of the holder: the holder's thread ended, or it has kept the gate without
   * running a block (its commit count unchanged) for longer than {@link #IDLE_NANOS}.
   */
  private static final class HolderWatch {
    private Txn holder;
    private long commits;
    private long since;

    boolean mayTakeOver(Token g) {
      if (!g.txn.thread.isAlive()) {
        return true;
      }
      if (g.running) {
        holder = null;
        return false;
      }
      long now = System.nanoTime();
      long c = g.txn.counts[Stats.COMMITS];
      if (holder != g.txn || commits != c) {
        holder = g.txn;
        commits = c;
        since = now;
        return false;
      }
      return now - since > IDLE_NANOS;
    }

    /** Whether the gate is kept by a holder that has committed no block since this watch first saw it. */
    boolean idleSoFar(Token g) {
      return !g.running && holder == g.txn && commits == g.txn.counts[Stats.COMMITS];
    }
  }

  /**
   * Takes the gate without waiting (a speculative attempt that must become irrevocable: it may
   * not wait while active, since the holder may be waiting for it to leave).
   */
  static boolean tryAcquire(Txn t) {
    if (FaultInjection.NO_EXCLUSION) {
      return true;
    }
    Token g = gate;
    boolean taken;
    if (g == null) {
      taken = GATE.compareAndSet(null, t.running);
    } else if (g.txn == t) {
      taken = g.running || GATE.compareAndSet(g, t.running);
    } else {
      taken = !g.running && Regime.speculating() && GATE.compareAndSet(g, t.running);
    }
    if (taken) {
      t.heldSince = System.nanoTime();
    }
    return taken;
  }

  /**
   * At the end of a block run alone: keeps the gate for this thread's next block while blocks run
   * one at a time and nobody asked for it (or its slice is not over), else frees it.
   */
  static void endAlone(Txn t) {
    Token g = gate;
    if (g == null || g.txn != t) {
      return;
    }
    boolean keep = Regime.serial() && (!t.published.dropRequested() || !sliceOver(t));
    if (keep) {
      GATE.setRelease(t.kept);
    } else {
      t.published.clearDropRequest();
      handOver(t);
    }
  }

  /**
   * Frees the gate, handing it straight to the thread waiting for it if there is one: a holder
   * that took the gate back as soon as it let go would starve a waiter that yields while it waits.
   * Release: whoever takes it next sees everything this holder's blocks wrote.
   */
  private static void handOver(Txn t) {
    Txn next = successor;
    if (next != null && next != t && next.thread.isAlive() && SUCCESSOR.compareAndSet(next, (Txn) null)) {
      GATE.setRelease(next.running); // claimed: the successor waits for exactly this
      next.published.signalHandedOver();
      LockSupport.unpark(next.thread);
    } else {
      GATE.setRelease((Token) null);
    }
  }

  /** Whether the holder's switch interval is over; the clock is read every 16 blocks only (a block can be 20 ns). */
  private static boolean sliceOver(Txn t) {
    return (++t.blocksSinceLook & 15) == 0 && System.nanoTime() - t.heldSince >= SLICE_NANOS;
  }

  /** Frees the gate if this thread holds it (roll-back, errors, retry). */
  static void release(Txn t) {
    Token g = gate;
    if (g != null && g.txn == t) {
      t.published.clearDropRequest();
      if (g.running) {
        handOver(t);
      } else {
        GATE.compareAndSet(g, null);
      }
    }
  }

  /** The gate's state, for diagnostics of a hang. */
  static String describe() {
    Token g = gate;
    Txn next = successor;
    return "gate " + (g == null ? "free" : g.txn.thread.getName() + (g.running ? " running" : " kept"))
        + ", successor " + (next == null ? "none" : next.thread.getName()) + ", regime " + (Regime.serial() ? "serial" : "speculative");
  }

  /** Whether this thread holds the gate (running or kept). */
  static boolean heldBy(Txn t) {
    Token g = gate;
    return g != null && g.txn == t;
  }

  /** Whether another context holds the gate. */
  static boolean ownedByOther(Txn t) {
    Token g = gate;
    return g != null && g.txn != t;
  }

  /** Waits until no other context is inside a speculative attempt. */
  static void drainOthers(Txn self) {
    if (FaultInjection.NO_EXCLUSION) {
      return;
    }
    for (Registration ref : snapshot) {
      if (ref.published == self.published) {
        continue;
      }
      for (int round = 0; ref.published.active; round++) {
        if (!ref.thread.isAlive()) {
          ref.published.leave(); // its thread ended inside an attempt (killed): nothing of it is left to wait for
          break;
        }
        Backoff.waitForGate(round);
      }
      if (ref.get() == null) {
        retire(ref);
      }
    }
  }

  // ---- retries that sleep, and the privatization fence ----

  static void startSleeping() {
    SLEEPERS.incrementAndGet();
  }

  static void stopSleeping() {
    SLEEPERS.decrementAndGet();
  }

  static boolean anyoneSleeping() {
    return SLEEPERS.get() != 0;
  }
}
