package dev.ame.bench.jmh;

import dev.ame.Atomic;

/**
 * The memory of the large-block microbenchmarks, each access pattern twice: as plain code and as
 * an {@code @Atomic} block with the same body. A chain of 100 cells, linked through
 * {@code final} fields (which need no barrier), so that a walk over it costs one barrier per
 * {@code value} read or written: 100 objects, 100 fields; and a linked list of 1,000 nodes whose
 * {@code next} fields are mutable: 1,000 read barriers per walk.
 */
final class LargeBlocks {
  static final int CELLS = 100;
  static final int NODES = 1_000;

  private static final class Cell {
    final Cell following;
    long value;

    Cell(Cell following, long value) {
      this.following = following;
      this.value = value;
    }
  }

  private static final class Node {
    Node next;

    Node(Node next) {
      this.next = next;
    }
  }

  private final Cell cells;
  private final Node list;

  LargeBlocks() {
    Cell chain = null;
    for (int i = 0; i < CELLS; i++) {
      chain = new Cell(chain, i);
    }
    cells = chain;
    Node nodes = null;
    for (int i = 0; i < NODES; i++) {
      nodes = new Node(nodes);
    }
    list = nodes;
  }

  long readFieldsPlain() {
    long sum = 0;
    for (Cell c = cells; c != null; c = c.following) {
      sum += c.value;
    }
    return sum;
  }

  /** 100 read barriers, each on a field of another object, and a read-only commit. */
  @Atomic
  long readFieldsAtomic() {
    return readFieldsPlain();
  }

  int walkListPlain() {
    int count = 0;
    for (Node n = list; n != null; n = n.next) {
      count++;
    }
    return count;
  }

  /** 1,000 read barriers, each the link to the next node, and a read-only commit. */
  @Atomic
  int walkListAtomic() {
    return walkListPlain();
  }

  void writeFieldsPlain(long value) {
    for (Cell c = cells; c != null; c = c.following) {
      c.value = value;
    }
  }

  /** 100 write barriers, each on a field of another object, and a commit that writes 100 fields back. */
  @Atomic
  void writeFieldsAtomic(long value) {
    writeFieldsPlain(value);
  }
}
