package dev.ame.it.programs.lincheck;

import dev.ame.Atomic;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * An ordinary sequential bounded queue over an {@link ArrayDeque}: {@code offer} checks the size,
 * then adds (a check-then-act that a lock or a block must close). The sequential specification of
 * its three atomic forms below; the JDK's deque runs speculatively in blocks, through its twin.
 */
public class BoundedQueue {
  static final int CAPACITY = 2;
  private final ArrayDeque<Integer> items = new ArrayDeque<>();

  public boolean offer(int item) {
    if (items.size() >= CAPACITY) {
      return false;
    }
    items.addLast(item);
    return true;
  }

  public Integer poll() {
    return items.pollFirst();
  }

  public Integer peek() {
    return items.peekFirst();
  }

  public int size() {
    return items.size();
  }

  /** Made atomic with {@code @Atomic}. */
  public static class Annotated extends BoundedQueue {
    @Atomic @Operation @Override public boolean offer(int item) { return super.offer(item); }
    @Atomic @Operation @Override public Integer poll() { return super.poll(); }
    @Atomic @Operation @Override public Integer peek() { return super.peek(); }
    @Atomic @Operation @Override public int size() { return super.size(); }
  }

  /** Made atomic by the config file's {@code atomic} directive. */
  public static class Listed extends BoundedQueue {
    @Operation @Override public boolean offer(int item) { return super.offer(item); }
    @Operation @Override public Integer poll() { return super.poll(); }
    @Operation @Override public Integer peek() { return super.peek(); }
    @Operation @Override public int size() { return super.size(); }
  }

  /** Legacy {@code synchronized} methods, atomic under the {@code synchronized} directive. */
  public static class Legacy extends BoundedQueue {
    @Operation @Override public synchronized boolean offer(int item) { return super.offer(item); }
    @Operation @Override public synchronized Integer poll() { return super.poll(); }
    @Operation @Override public synchronized Integer peek() { return super.peek(); }
    @Operation @Override public synchronized int size() { return super.size(); }
  }
}
