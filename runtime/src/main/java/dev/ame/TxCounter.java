package dev.ame;

import dev.ame.runtime.TxnControl;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter whose increments commute: blocks that only {@link #add} to it never conflict with
 * each other (each block's deltas are merged into the value when it commits), so a shared
 * statistic stops being a hot spot. {@link #get} is exact: inside a block it reads a consistent
 * value (plus the block's own pending delta) and conflicts only with the blocks that add
 * concurrently. Outside blocks, {@code add} and {@code get} are atomic on their own.
 */
public final class TxCounter {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(TxCounter.class, "value", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // through VALUE
  private volatile long value;

  /** A counter starting at 0. */
  public TxCounter() {
  }

  /** Adds {@code delta}; in a block, when the block commits. */
  public void add(long delta) {
    TxnControl.counterAdd(this, delta);
  }

  /** Adds 1. */
  public void increment() {
    add(1);
  }

  /** The value (inside a block: as of the block's snapshot, with its own additions). */
  public long get() {
    return TxnControl.counterGet(this);
  }

  /** For the runtime: the committed value, read without tracking. */
  public long plainValue() {
    return (long) VALUE.getVolatile(this);
  }

  /** For the runtime: applies a committed delta. */
  public void addPlain(long delta) {
    VALUE.getAndAdd(this, delta);
  }

  @Override
  public String toString() {
    return Long.toString(plainValue());
  }
}
