package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The ownership records (orecs) and the global version clock.
 *
 * <p>Every transactional location (a field of an object, a static field, an array element) maps
 * by hashing to one lock word of a striped table. A lock word is either a version, or a lock:
 * <pre>
 *   bit 0 = 0 : unlocked; bits 1..63 = the commit version that last wrote a location of the stripe
 *   bit 0 = 1 : locked by a committing transaction; bits 1..63 = that transaction's id
 * </pre>
 * Hashing (object identity, field or index) rather than a word per object keeps rewritten classes
 * unchanged in shape (serialization, reflection and classes loaded before the agent are unaffected).
 * The fields of one object and neighbouring elements of one array have neighbouring stripes, so
 * they never share one; two unrelated locations share a stripe by hashing about once in 2^20,
 * and then conflict as if they were one (see {@link ReadLog}).
 *
 * <p>The clock only moves forward; a committer takes its write version with one atomic increment
 * after it has locked its write set (TL2), which is what makes "unlocked with version &le; bound"
 * imply "this value was current at time bound".
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

  static boolean casLock(int index, long expectedVersion, long lockWord) {
    return WORD.compareAndSet(TABLE, index, expectedVersion, lockWord);
  }

  /** Release: every write-back store before it is visible before the new version is. */
  static void setRelease(int index, long word) {
    WORD.setRelease(TABLE, index, word);
  }

  static boolean isLocked(long word) {
    return (word & 1) != 0;
  }

  static long versionWord(long version) {
    return version << 1;
  }

  static long version(long word) {
    return word >>> 1;
  }

  static long now() {
    return (long) CLOCK.getVolatile();
  }

  /** The clock, read after the caller's loads (it issues the acquire fence that orders them). */
  static long nowAfterLoads() {
    VarHandle.acquireFence();
    return (long) CLOCK.getOpaque();
  }

  static long tick() {
    return (long) CLOCK.getAndAdd(1L) + 1;
  }
}
