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
 *
 * <p>The value is striped over {@link #CELLS} cells, each on a cache line (and a lock word) of
 * its own, like {@code LongAdder}: a thread adds to its own cell, so the commits of threads
 * that add at the same time do not fight over one line; {@code get} sums the cells.
 */
public final class TxCounter {
  /** How many cells the value is spread over (a power of two). */
  public static final int CELLS = 8;
  /** Longs between two cells: one cache line. */
  private static final int STRIDE = 8;
  private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

  private final long[] cells = new long[CELLS * STRIDE];

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
    long sum = 0;
    for (int c = 0; c < CELLS; c++) {
      sum += cellValue(c);
    }
    return sum;
  }

  /** For the runtime: the committed value of one cell. */
  public long cellValue(int cell) {
    return (long) CELL.getVolatile(cells, cell * STRIDE);
  }

  /** For the runtime: applies a committed delta to one cell. */
  public void addPlain(int cell, long delta) {
    CELL.getAndAdd(cells, cell * STRIDE, delta);
  }

  @Override
  public String toString() {
    return Long.toString(plainValue());
  }
}
