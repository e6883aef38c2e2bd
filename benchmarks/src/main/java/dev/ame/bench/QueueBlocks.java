package dev.ame.bench;

import dev.ame.Atomic;
import dev.ame.TxQueue;
import java.util.Queue;

/**
 * The queue scenario's operation: append an item and take the head, on a {@code java.util} queue
 * (bare, under the global lock, in an atomic block, where a JDK collection makes the block
 * irrevocable) and on a {@link TxQueue} in an atomic block (its appends are deferred to the commit
 * and never conflict; takers do conflict with each other). The queue never runs empty, so every
 * operation takes an item and the length stays what it was.
 */
final class QueueBlocks {
  private QueueBlocks() {}

  static boolean cycle(Queue<Integer> queue, Integer item) {
    queue.add(item);
    return queue.poll() != null;
  }

  static boolean cycleLocked(Queue<Integer> queue, Integer item) {
    synchronized (GlobalLock.LOCK) {
      return cycle(queue, item);
    }
  }

  @Atomic
  static boolean cycleAtomic(Queue<Integer> queue, Integer item) {
    return cycle(queue, item);
  }

  @Atomic
  static boolean cycleTxQueue(TxQueue<Integer> queue, Integer item) {
    queue.add(item);
    return queue.poll() != null;
  }

  /** Null when {@code length} is {@code expected}, else what is wrong. */
  static String checkLength(String queue, long length, long expected) {
    return length == expected ? null : queue + " holds " + length + " items, expected " + expected;
  }

  /** Takes every item of {@code queue} (outside blocks) and returns how many there were. */
  static long drain(TxQueue<Integer> queue) {
    long n = 0;
    while (queue.poll() != null) {
      n++;
    }
    return n;
  }
}
