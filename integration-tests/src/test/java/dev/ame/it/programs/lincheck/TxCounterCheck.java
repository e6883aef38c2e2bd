package dev.ame.it.programs.lincheck;

import dev.ame.Atomic;
import dev.ame.TxCounter;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * {@link TxCounter} against a plain {@code long}: {@code add} and {@code get} outside blocks (each
 * atomic on its own), {@code addAndGet} inside one block (its own delta is pending until commit,
 * the value it reads must still include it and nothing half-committed). Deltas differ, so that a
 * read that mixed two commits gives a value no serial order has.
 */
@Param(name = "delta", gen = IntGen.class, conf = "1:9")
public class TxCounterCheck {
  private final TxCounter counter = new TxCounter();

  @Operation
  public void add(@Param(name = "delta") int delta) {
    counter.add(delta);
  }

  @Operation
  public long get() {
    return counter.get();
  }

  @Atomic
  @Operation
  public long addAndGet(@Param(name = "delta") int delta) {
    counter.add(delta);
    return counter.get();
  }

  @Atomic
  @Operation
  public long getTwiceSum() {
    return counter.get() + counter.get(); // one snapshot: twice the same value
  }

  /** The sequential specification. */
  public static final class Spec {
    private long value;

    public void add(int delta) {
      value += delta;
    }

    public long get() {
      return value;
    }

    public long addAndGet(int delta) {
      value += delta;
      return value;
    }

    public long getTwiceSum() {
      return 2 * value;
    }
  }
}
