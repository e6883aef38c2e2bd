package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The ownership records (orecs) and the global version clock.
 *
 * <p>Every transactional location (a field of an object, a static field, an array element) maps
 * by hashing to one word of a striped table: the version of the commit that last wrote a location
 * of the stripe ({@link #versionWord}). Orecs are never locked: the clock below is the one lock.
 * Hashing (object identity, field or index) rather than a word per object keeps rewritten classes
 * unchanged in shape (serialization, reflection and classes loaded before the agent are unaffected).
 * The fields of one object and neighbouring elements of one array have neighbouring stripes, so
 * they never share one; two unrelated locations share a stripe by hashing about once in 2^20,
 * and then conflict as if they were one (see {@link ReadLog}).
 *
 * <p>The clock is also the <em>commit lock</em> (a sequence lock, as in NOrec): even, no commit is
 * writing back; odd, one is (the odd value names the holder). A speculative commit validates its
 * reads at an even value {@code c}, takes the lock by moving the clock from {@code c} to its token
 * (which fails if any other commit began since), gives its orecs the version {@code c + 2}, writes
 * back, and releases with
 * {@code c + 2}. So "version &le; bound" implies "this value was current at time bound", commits
 * touch one shared line (no orec is ever locked, no other thread's state is read), and a commit
 * that has released the clock knows every older commit has finished writing back (the
 * privatization fence comes free).
 */
final class Orecs {
  /** The table's size, 2^BITS words; {@code -Dame.orecBits} (10..24) tunes it for measurements. */
  static final int BITS = Math.max(10, Math.min(24, Integer.getInteger("ame.orecBits", 20)));
  static final int MASK = (1 << BITS) - 1;
  private static final long[] TABLE = new long[1 << BITS];
  private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

  /** Padding keeps the hot clock off the cache lines of neighbouring statics. */
  @SuppressWarnings("unused")
  private static long p1, p2, p3, p4, p5, p6, p7;
  private static volatile long clock;
  @SuppressWarnings("unused")
  private static long q1, q2, q3, q4, q5, q6, q7;
  private static final VarHandle CLOCK;

  static {
    try {
      CLOCK = MethodHandles.lookup().findStaticVarHandle(Orecs.class, "clock", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Orecs() {}

  /**
   * The stripe of a field (by registered id) or array element (by index) of an object: the
   * object's hash, mixed, plus the location, so that neighbouring elements of an array (and the
   * fields of one object) have neighbouring orecs: a scan of an array walks the table in order,
   * a cache line at a time, instead of missing the cache once per element.
   */
  static int index(Object holder, int location) {
    int h = System.identityHashCode(holder) * 0x9E3779B1;
    return ((h ^ (h >>> 16)) + location) & MASK;
  }

  /** The stripe of a static field. */
  static int staticIndex(int field) {
    int h = (field + 0x3C6EF372) * 0x9E3779B1;
    return (h ^ (h >>> 15)) & MASK;
  }

  /** Acquire: the plain load of the location that follows cannot float above it. */
  static long getAcquire(int index) {
    return (long) WORD.getAcquire(TABLE, index);
  }

  /** The second look at an orec after a read: ordered after the read by the caller's acquire fence. */
  static long getOpaque(int index) {
    return (long) WORD.getOpaque(TABLE, index);
  }

  static long getVolatile(int index) {
    return (long) WORD.getVolatile(TABLE, index);
  }

  /** Release: every write-back store before it is visible before the new version is. */
  static void setRelease(int index, long word) {
    WORD.setRelease(TABLE, index, word);
  }

  static long versionWord(long version) {
    return version << 1;
  }

  static long version(long word) {
    return word >>> 1;
  }

  /** The clock as it is: odd while a commit writes back. */
  static long now() {
    return (long) CLOCK.getVolatile();
  }

  /** A holder's token for {@link #tryLock}: odd, one per context. */
  static long lockToken(long contextId) {
    return (contextId << 1) | 1;
  }

  static boolean isWritingBack(long clock) {
    return (clock & 1) != 0;
  }

  /** The clock once no commit is writing back: a sound read version. */
  static long settled() {
    long c = now();
    for (int round = 0; isWritingBack(c); round++) {
      Backoff.politePause(round);
      c = now();
    }
    return c;
  }

  /** The clock, read after the caller's loads (it issues the acquire fence that orders them). */
  static long nowAfterLoads() {
    VarHandle.acquireFence();
    return (long) CLOCK.getOpaque();
  }

  /**
   * Takes the commit lock if the clock still shows {@code settled} (no commit began since): the
   * clock then holds {@code token}, an odd number that names the holder, so that a holder stopped
   * by an asynchronous error can tell that the lock is still its own ({@link #unlockIfHeld}).
   */
  static boolean tryLock(long settled, long token) {
    return CLOCK.compareAndSet(settled, token);
  }

  /** Releases the commit lock taken at {@code settled}: the commit's version becomes the clock. */
  static void unlock(long settled) {
    CLOCK.setRelease(settled + 2);
  }

  /** Releases the commit lock if {@code token} still holds it. */
  static void unlockIfHeld(long token, long settled) {
    if (now() == token) {
      unlock(settled);
    }
  }

  /** The version of a commit made under the lock taken at {@code settled}. */
  static long versionAfter(long settled) {
    return settled + 2;
  }

  /**
   * A new version for writes made in place (a block running alone, an addition outside blocks):
   * takes and releases the commit lock at once, so no speculative commit is writing back meanwhile.
   */
  static long tick() {
    for (;;) {
      long c = settled(); // a lost race: settle again at once, as a commit does
      if (CLOCK.compareAndSet(c, c + 2)) {
        return c + 2;
      }
    }
  }
}
