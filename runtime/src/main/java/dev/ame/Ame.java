package dev.ame;

import dev.ame.runtime.Stats;
import dev.ame.runtime.TxnControl;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The programmatic face of AME, beside the {@link Atomic} annotation.
 *
 * <p>Blocks run with {@code Ame.atomic} follow the same rules as {@code @Atomic} methods: they
 * appear to run alone in one global order, nest by joining the outer block, and commit when an
 * exception escapes. The body runs transactionally when its class was rewritten by the agent (an
 * anonymous or named class of the application); a body the agent could not rewrite, such as a
 * lambda, runs correctly but irrevocably (alone).
 */
public final class Ame {
  private Ame() {}

  /** Runs {@code body} as one atomic block. */
  public static void atomic(Runnable body) {
    TxnControl.atomic(body);
  }

  /** Runs {@code body} as one atomic block and returns its result. */
  public static <T> T atomic(Supplier<T> body) {
    return TxnControl.atomic(body);
  }

  /**
   * Runs {@code body} for every item, each call one atomic block, on a pool sized to the cores.
   * The result is that of <em>some</em> serial order of the iterations. If iterations throw, the
   * loop finishes the others and rethrows the exception of the first iteration (in order) that
   * threw.
   */
  public static <T> void parallelFor(Iterable<T> items, java.util.function.Consumer<? super T> body) {
    dev.ame.runtime.Loops.parallelFor(items, body);
  }

  /** {@link #parallelFor(Iterable, java.util.function.Consumer)} over the indexes {@code [from, to)}. */
  public static void parallelFor(int from, int to, java.util.function.IntConsumer body) {
    dev.ame.runtime.Loops.parallelFor(from, to, body);
  }

  /**
   * Like {@link #parallelFor(Iterable, java.util.function.Consumer)}, but the blocks commit in
   * iteration order: the result is exactly that of the sequential loop, whatever the timing. When
   * an iteration throws, its effects are kept (as a block's are), the iterations after it have no
   * effect, and the exception is rethrown.
   */
  public static <T> void parallelForOrdered(Iterable<T> items, java.util.function.Consumer<? super T> body) {
    dev.ame.runtime.Loops.parallelForOrdered(items, body);
  }

  /** {@link #parallelForOrdered(Iterable, java.util.function.Consumer)} over {@code [from, to)}. */
  public static void parallelForOrdered(int from, int to, java.util.function.IntConsumer body) {
    dev.ame.runtime.Loops.parallelForOrdered(from, to, body);
  }

  /** Whether the calling thread is inside an atomic block. */
  public static boolean inTransaction() {
    return TxnControl.inTransaction();
  }

  /**
   * Runs {@code action} once after the current block commits, outside any transaction (the way to
   * keep I/O out of a block); outside a block, runs it now.
   */
  public static void onCommit(Runnable action) {
    TxnControl.onCommit(action);
  }

  /** Runs {@code action} once after each rollback of the current attempt; outside a block, never. */
  public static void onAbort(Runnable action) {
    TxnControl.onAbort(action);
  }

  /** The process-wide counters since start. */
  public static Statistics statistics() {
    long[] s = Stats.snapshot();
    return new Statistics(s[0], s[1], s[2], s[3], s[4], s[5]);
  }

  /** Why blocks became irrevocable (the call and where it was made), with counts. */
  public static Map<String, Long> irrevocableCauses() {
    return TxnControl.irrevocableCauses();
  }

  /**
   * Counters of the runtime.
   *
   * @param commits blocks committed (each block once, however many attempts it took)
   * @param aborts attempts rolled back because of a conflict
   * @param exclusiveRuns attempts that ran alone after repeated aborts
   * @param irrevocableRuns blocks that became irrevocable (calls into code that cannot roll back)
   * @param retries attempts rolled back by {@code wait()} to sleep until their inputs change
   * @param aloneRuns attempts that found no other block running and ran alone on the fast path
   *     (no read logged, nothing to validate); speculative attempts are the others
   */
  public record Statistics(long commits, long aborts, long exclusiveRuns, long irrevocableRuns, long retries,
      long aloneRuns) {
    /** The difference {@code this - earlier}, for measuring one phase of a program. */
    public Statistics minus(Statistics earlier) {
      return new Statistics(commits - earlier.commits, aborts - earlier.aborts, exclusiveRuns - earlier.exclusiveRuns,
          irrevocableRuns - earlier.irrevocableRuns, retries - earlier.retries, aloneRuns - earlier.aloneRuns);
    }
  }
}
