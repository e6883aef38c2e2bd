package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one transaction context publishes to the other threads, in its own object, padded so that
 * a remote read never takes away from the owning thread a line its barriers write: the flags
 * written at every block — inside a speculative attempt ({@code active}, {@link SerialGate}'s
 * Dekker flag, read by drains), inside a block at all ({@code inBlock}, read now and then by
 * {@link Regime}), and whether another thread waits for the gate it holds ({@code dropRequested}).
 * A commit reads none of it (see {@link Orecs}: the clock is the commit lock).
 */
final class Published extends PublishedFlags {
  @SuppressWarnings("unused")
  private long q1, q2, q3, q4, q5, q6, q7, q8;

  private static final VarHandle ACTIVE;
  private static final VarHandle IN_BLOCK;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      ACTIVE = l.findVarHandle(PublishedFlags.class, "active", boolean.class);
      IN_BLOCK = l.findVarHandle(PublishedFlags.class, "inBlock", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Release: see {@link SerialGate#leave}. */
  void leave() {
    ACTIVE.setRelease(this, false);
  }

  /** Opaque: read only now and then by {@link Regime}, which needs no ordering with it. */
  void setInBlock(boolean value) {
    IN_BLOCK.setOpaque(this, value);
  }

  /** Another thread waits for the gate this context holds (written only when it changes: a waiter polls). */
  void requestDrop() {
    if (!dropRequested) {
      dropRequested = true;
    }
  }

  void signalHandedOver() {
    handedOver = true;
  }

  void clearHandedOver() {
    if (handedOver) {
      handedOver = false;
    }
  }

  boolean dropRequested() {
    return dropRequested;
  }

  void clearDropRequest() {
    if (dropRequested) {
      dropRequested = false;
    }
  }
}

/** Padding before the first published line (the JVM lays out superclass fields first). */
abstract class PublishedPadding {
  @SuppressWarnings("unused")
  private long p1, p2, p3, p4, p5, p6, p7, p8;
}

/** The line of the flags written at every block. */
abstract class PublishedFlags extends PublishedPadding {
  /** Inside a speculative attempt (the serial gate waits for it to become false). */
  volatile boolean active;
  /** Another thread asked the holder of the gate to drop it (see {@link SerialGate}). */
  volatile boolean dropRequested;
  /** Inside a block, or waiting to start one (see {@link Regime}'s test of being alone). */
  volatile boolean inBlock;
  /** The last holder of the gate handed it to this context (its wait watches this, not the gate). */
  volatile boolean handedOver;
}
