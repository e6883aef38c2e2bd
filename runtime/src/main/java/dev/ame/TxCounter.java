package dev.ame;

import dev.ame.runtime.CounterCells;
import dev.ame.runtime.TxnControl;

/**
 * A counter whose increments commute: blocks that only {@link #add} to it never conflict with
 * each other (each block's deltas are merged into the value when it commits), so a shared
 * statistic stops being a hot spot. {@link #get} is exact: inside a block it reads a consistent
 * value (plus the block's own pending delta) and conflicts only with the blocks that add
 * concurrently. Outside blocks, {@code add} and {@code get} are atomic on their own.
 *
 * <p>The value is striped over cells, each on a cache line (and a lock word) of its own, like
 * {@code LongAdder}: a thread adds to its own cell, so the commits of threads that add at the same
 * time do not fight over one line; {@code get} sums the cells (see {@link CounterCells}).
 */
public final class TxCounter {
  private final CounterCells cells = new CounterCells();

  /** A counter starting at 0. */
  public TxCounter() {
  }

  /** Adds {@code delta}; in a block, when the block commits. */
  public void add(long delta) {
    TxnControl.counterAdd(cells, delta);
  }

  /** Adds 1. */
  public void increment() {
    add(1);
  }

  /** The value (inside a block: as of the block's snapshot, with its own additions). */
  public long get() {
    return TxnControl.counterGet(cells);
  }

  /**
   * The committed value, read without taking part in the caller's block (no conflict with blocks
   * that add): for heuristics such as a table's growth check, never for decisions that must be exact.
   */
  public long committedValue() {
    return TxnControl.counterCommitted(cells);
  }

  @Override
  public String toString() {
    return cells.toString();
  }
}
