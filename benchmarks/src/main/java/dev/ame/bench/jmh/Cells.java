package dev.ame.bench.jmh;

import dev.ame.Atomic;

/**
 * The memory the microbenchmarks touch, with each access pattern twice: as plain code and as an
 * {@code @Atomic} block with the same body. Under the agent the atomic variant adds the begin and
 * commit of a transaction and one barrier per field or array access; the plain one runs the
 * original bytecode.
 */
final class Cells {
  static final int MAX_WRITES = 100;

  private long value;
  private final long[] values = new long[MAX_WRITES];

  void emptyPlain() {}

  @Atomic
  void emptyAtomic() {}

  long readPlain() {
    return value;
  }

  @Atomic
  long readAtomic() {
    return value;
  }

  void writePlain(long newValue) {
    value = newValue;
  }

  @Atomic
  void writeAtomic(long newValue) {
    value = newValue;
  }

  long readAfterWritePlain(long newValue) {
    value = newValue;
    return value;
  }

  @Atomic
  long readAfterWriteAtomic(long newValue) {
    value = newValue;
    return value;
  }

  /** Writes the first {@code count} elements of an array: {@code count} write barriers, one orec each. */
  void writeManyPlain(int count, long newValue) {
    for (int i = 0; i < count; i++) {
      values[i] = newValue;
    }
  }

  @Atomic
  void writeManyAtomic(int count, long newValue) {
    for (int i = 0; i < count; i++) {
      values[i] = newValue;
    }
  }
}
