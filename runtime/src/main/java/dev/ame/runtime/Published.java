package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one transaction context publishes to the other threads: whether it is inside a speculative
 * attempt ({@link SerialGate}'s Dekker flag) and the version it is writing back (the
 * privatization fence's). Other threads read these on every drain, fast-path entry and writing
 * commit, so they live in their own object, padded to cache lines of their own: a remote read
 * must not take away from the owning thread the line of its context's hot fields (the read
 * version, the pending read barrier state), which its every barrier writes.
 */
final class Published extends PublishedFields {
  @SuppressWarnings("unused")
  private long q1, q2, q3, q4, q5, q6, q7, q8;

  private static final VarHandle ACTIVE;
  private static final VarHandle COMMITTING;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      ACTIVE = l.findVarHandle(PublishedFields.class, "active", boolean.class);
      COMMITTING = l.findVarHandle(PublishedFields.class, "committing", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Release: see {@link SerialGate#leave}. */
  void leave() {
    ACTIVE.setRelease(this, false);
  }

  /** Release: ordered before the clock tick that follows it (see {@link Txn}'s commit). */
  void publishCommitting(long version) {
    COMMITTING.setRelease(this, version);
  }
}

/** Padding before the published fields (the JVM lays out superclass fields first). */
abstract class PublishedPadding {
  @SuppressWarnings("unused")
  private long p1, p2, p3, p4, p5, p6, p7, p8;
}

/** The published fields themselves, between two paddings. */
abstract class PublishedFields extends PublishedPadding {
  /** Inside a speculative attempt (the serial gate waits for it to become false). */
  volatile boolean active;
  /** The write version being written back, {@link Txn#COMMIT_PENDING} before it is known, or 0. */
  volatile long committing;
}
