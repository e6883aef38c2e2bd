package dev.ame.runtime;

import java.util.ArrayList;

/**
 * The transactional operations of the runtime's own structures ({@link CounterCells} behind
 * {@code TxCounter}, {@link QueueState} behind {@code TxQueue}), in each mode of the calling
 * context. Pending additions and appends of a block live in its redo log, whatever its mode, and
 * are applied when it commits; so additions commute and appends never conflict.
 */
final class SharedStructures {
  private SharedStructures() {}

  /** {@code counter.add(delta)}: to this thread's cell; in a block at commit, else now. */
  static void counterAdd(Txn t, CounterCells cells, long delta) {
    int orec = Orecs.index(cells, CounterCells.location(t.counterCell));
    if (t.runsTwins()) {
      t.spec.writes.addDelta(cells, t.counterCell, orec, delta);
    } else {
      cells.addPlain(t.counterCell, delta);
      Orecs.setRelease(orec, t.isActive() ? t.inPlaceWord : Orecs.versionWord(Orecs.tick()));
    }
  }

  /** {@code counter.get()}: in a speculative block, tracked reads of every cell, plus this block's own delta. */
  static long counterGet(Txn t, CounterCells cells) {
    if (!t.runsTwins()) {
      return cells.plainValue();
    }
    long own = t.spec.writes.deltaOf(cells, t.counterCell, Orecs.index(cells, CounterCells.location(t.counterCell)));
    if (t.inPlace) {
      return cells.plainValue() + own;
    }
    long sum = own;
    for (int cell = 0; cell < CounterCells.CELLS; cell++) {
      sum += t.spec.readStable(cells, Location.COUNTER, cell, Orecs.index(cells, CounterCells.location(cell)), 0);
    }
    return sum;
  }

  /** {@code queue.add(item)} in a block that can roll back: appended when the block commits. */
  @SuppressWarnings("unchecked")
  static void queueAdd(Txn t, QueueState queue, Object item) {
    if (!t.runsTwins()) {
      queue.appendAll(java.util.List.of(item)); // irrevocable: alone, in place
      Orecs.setRelease(Orecs.index(queue, Location.QUEUE_TAIL), t.inPlaceWord);
      return;
    }
    RedoLog writes = t.spec.writes;
    int orec = Orecs.index(queue, Location.QUEUE_TAIL);
    int e = writes.find(queue, Location.QUEUE_TAIL, 0, orec);
    if (e < 0) {
      writes.put(queue, Location.QUEUE_TAIL, 0, orec, 0, new ArrayList<>(4));
      e = writes.find(queue, Location.QUEUE_TAIL, 0, orec);
    }
    ((ArrayList<Object>) writes.refs[e]).add(item);
  }

  /**
   * {@code queue.poll()} in a block: the first item, taken by moving the head (a transactional
   * write: pollers conflict with each other); a speculative poll depends on the appended count, so
   * one that found the queue empty conflicts with a later append. Items this block added come last.
   */
  @SuppressWarnings("unchecked")
  static Object queuePoll(Txn t, QueueState queue) {
    int headOrec = Orecs.index(queue, Location.QUEUE_HEAD);
    QueueState.Node next;
    if (t.inPlace) {
      QueueState.Node head = queue.headNode();
      next = head.next;
      if (next != null) {
        t.beforeInPlaceRef(queue, Location.QUEUE_HEAD, 0, head);
        queue.setHeadNode(next);
        return next.item;
      }
    } else {
      Speculation spec = t.spec;
      int tail = Orecs.index(queue, Location.QUEUE_TAIL);
      spec.readStable(queue, Location.QUEUE_TAIL, 0, tail, 0); // the appended count: read and logged
      QueueState.Node head = (QueueState.Node) spec.readRefSlow(queue, Location.QUEUE_HEAD, 0, headOrec, 0);
      next = head.next;
      if (next != null) {
        spec.writeRef(queue, Location.QUEUE_HEAD, 0, headOrec, next);
        return next.item;
      }
    }
    if (!t.runsTwins()) {
      return null;
    }
    RedoLog writes = t.spec.writes;
    int own = writes.find(queue, Location.QUEUE_TAIL, 0, Orecs.index(queue, Location.QUEUE_TAIL));
    if (own >= 0 && !((ArrayList<Object>) writes.refs[own]).isEmpty()) {
      return ((ArrayList<Object>) writes.refs[own]).remove(0);
    }
    return null;
  }
}
