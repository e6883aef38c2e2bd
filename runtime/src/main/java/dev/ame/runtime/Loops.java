package dev.ame.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Parallel loops whose iterations are atomic blocks, run by the calling thread and the helpers of
 * {@link Workers}. Iterations are handed out in index order. In an ordered loop each block waits
 * for its predecessor's commit before it commits (and is validated against it), so the result is
 * exactly the sequential loop's; when an iteration throws, the iterations after it are abandoned
 * and the exception is rethrown, as the sequential loop would.
 */
public final class Loops {
  private Loops() {}

  /** Every iteration an atomic block; the result is that of some serial order. */
  public static <T> void parallelFor(Iterable<T> items, Consumer<? super T> body) {
    List<T> list = toList(items);
    run(list.size(), i -> TxnControl.accept(body, list.get(i)));
  }

  /** {@link #parallelFor(Iterable, Consumer)} over {@code [from, to)}. */
  public static void parallelFor(int from, int to, IntConsumer body) {
    run(Math.max(0, to - from), i -> TxnControl.accept(body, from + i));
  }

  /** Blocks commit in iteration order: exactly the sequential loop's result. */
  public static <T> void parallelForOrdered(Iterable<T> items, Consumer<? super T> body) {
    List<T> list = toList(items);
    runOrdered(list.size(), (i, turn, stopped) -> TxnControl.blockInTurn("Ame.parallelForOrdered", t -> {
      Dispatch.accept(body, list.get(i), t);
      return null;
    }, turn, stopped));
  }

  /** {@link #parallelForOrdered(Iterable, Consumer)} over {@code [from, to)}. */
  public static void parallelForOrdered(int from, int to, IntConsumer body) {
    runOrdered(Math.max(0, to - from), (i, turn, stopped) -> TxnControl.blockInTurn("Ame.parallelForOrdered", t -> {
      Dispatch.accept(body, from + i, t);
      return null;
    }, turn, stopped));
  }

  private static <T> List<T> toList(Iterable<T> items) {
    List<T> list = new ArrayList<>();
    items.forEach(list::add);
    return list;
  }

  /** One iteration's turn in an ordered loop: it may commit when {@code next} reaches it. */
  static final class Turn {
    private final AtomicInteger next;
    private final int index;

    Turn(AtomicInteger next, int index) {
      this.next = next;
      this.index = index;
    }

    boolean isMine() {
      return next.get() == index;
    }

    void pass() {
      next.set(index + 1);
    }
  }

  private interface Body {
    void run(int index);
  }

  private interface OrderedBody {
    void run(int index, Turn turn, java.util.function.BooleanSupplier stopped);
  }

  private static void run(int n, Body body) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Failure> first = new AtomicReference<>();
    Workers.runOnAll(() -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        try {
          body.run(i);
        } catch (Throwable e) {
          Failure.keepFirst(first, i, e);
        }
      }
    });
    Failure.rethrow(first);
  }

  private static void runOrdered(int n, OrderedBody body) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger turn = new AtomicInteger();
    AtomicReference<Failure> first = new AtomicReference<>();
    java.util.function.BooleanSupplier stopped = () -> first.get() != null;
    Workers.runOnAll(() -> {
      for (int i = next.getAndIncrement(); i < n && first.get() == null; i = next.getAndIncrement()) {
        try {
          body.run(i, new Turn(turn, i), stopped);
        } catch (Throwable e) {
          Failure.keepFirst(first, i, e); // the blocks waiting behind it see "stopped" and give up
        }
      }
    });
    Failure.rethrow(first);
  }

  /** The exception of the lowest iteration that threw. */
  private static final class Failure {
    final int index;
    final Throwable error;

    Failure(int index, Throwable error) {
      this.index = index;
      this.error = error;
    }

    static void keepFirst(AtomicReference<Failure> first, int index, Throwable error) {
      first.accumulateAndGet(new Failure(index, error), (a, b) -> a == null || b.index < a.index ? b : a);
    }

    static void rethrow(AtomicReference<Failure> first) {
      Failure f = first.get();
      if (f != null) {
        throw Barriers.sneaky(f.error);
      }
    }
  }
}
