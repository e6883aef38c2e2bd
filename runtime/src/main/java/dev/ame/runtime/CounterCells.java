package dev.ame.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The value of a {@link dev.ame.TxCounter}, striped over {@link #CELLS} cells, each on a cache
 * line (and a lock word) of its own, like {@code LongAdder}: a thread adds to its own cell, so the
 * commits of threads that add at the same time do not fight over one line; the value is the sum.
 * Inside a block an addition is a delta in the redo log ({@link Location#COUNTER}), added to the
 * cell at commit: additions commute, so blocks that only add never conflict.
 */
public final class CounterCells {
  /** How many cells the value is spread over (a power of two). */
  public static final int CELLS = 8;
  /** Longs between two cells: one cache line. */
  private static final int STRIDE = 8;
  private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

  private final long[] cells = new long[CELLS * STRIDE];

  /** The committed value, read without tracking. */
  long plainValue() {
    long sum = 0;
    for (int c = 0; c < CELLS; c++) {
      sum += cellValue(c);
    }
    return sum;
  }

  long cellValue(int cell) {
    return (long) CELL.getVolatile(cells, cell * STRIDE);
  }

  /** Applies a committed delta to one cell. */
  void addPlain(int cell, long delta) {
    CELL.getAndAdd(cells, cell * STRIDE, delta);
  }

  /** The orec location of a cell: far apart, so that the cells' lock words do not share a line. */
  static int location(int cell) {
    return Location.COUNTER * 16 * (cell + 1);
  }

  @Override
  public String toString() {
    return Long.toString(plainValue());
  }
}
