package dev.ame;

import dev.ame.runtime.QueueState;
import dev.ame.runtime.TxnControl;

/**
 * A FIFO queue for atomic blocks whose appends never conflict: {@link #add} inside a block is
 * deferred to the block's commit, when the block's items are linked at the tail together, so
 * producers on different blocks proceed in parallel. {@link #poll} takes the head as part of the
 * block (pollers do conflict with each other, as they must). Outside blocks each call is a block of
 * its own. Null items are not allowed.
 */
public final class TxQueue<T> {
  private final QueueState state = new QueueState();

  /** Appends {@code item} (inside a block: when the block commits). */
  public void add(T item) {
    if (item == null) {
      throw new NullPointerException("TxQueue allows no null items");
    }
    TxnControl.queueAdd(state, item);
  }

  /** Removes and returns the first item, or null when the queue is empty. */
  @SuppressWarnings("unchecked")
  public T poll() {
    return (T) TxnControl.queuePoll(state);
  }
}
