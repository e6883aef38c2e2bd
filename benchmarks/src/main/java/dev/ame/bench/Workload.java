package dev.ame.bench;

import java.lang.invoke.MethodHandle;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The data of one configuration and the operation each thread runs on it. Thread {@code t} gets
 * the operation for partition {@code t}; whether partitions are disjoint is the workload's
 * choice, said in its {@link Scenario}.
 */
interface Workload {
  /** The operation that thread {@code thread} (of {@code threads}, counting from 0) runs. */
  Operation operation(int thread, int threads);

  /**
   * Null when the data is intact after the runs, else what is wrong.
   *
   * @param operations how many operations all rounds ran (warm-up included), for invariants that count them
   */
  String check(long operations);

  /**
   * Undoes what preparing the data changed outside it (a redirected {@code System.out}); the
   * meter calls it once the configuration is over, even when measuring it failed.
   */
  default void release() {}

  /** A workload from an operation per thread and an invariant check given the number of operations run. */
  static Workload counted(PerThread perThread, LongFunction<String> check) {
    return new Workload() {
      @Override
      public Operation operation(int thread, int threads) {
        return perThread.operation(thread, threads);
      }

      @Override
      public String check(long operations) {
        return check.apply(operations);
      }
    };
  }

  /**
   * One fresh structure shared by every thread, each running {@code action} of it on random keys of
   * its range of {@code keys}; each variant passes its own method reference (one receiver per copy).
   */
  static <D> Workload shared(Supplier<D> fresh, Keys keys, Function<D, KeyedAction> action, Function<D, String> check) {
    D data = fresh.get();
    KeyedAction shared = action.apply(data);
    return keyed(keys, t -> shared, () -> check.apply(data));
  }

  /** Each thread runs {@code actions.apply(t)} on random keys of its range of {@code keys}. */
  static Workload keyed(Keys keys, IntFunction<KeyedAction> actions, Supplier<String> check) {
    return keyedCounted(keys, actions, operations -> check.get());
  }

  /** {@link #keyed} with a check that counts on the number of operations run. */
  static Workload keyedCounted(Keys keys, IntFunction<KeyedAction> actions, LongFunction<String> check) {
    MethodHandle constructor = Monomorphic.constructor(KeyOperation.class, KeyedAction.class, int.class, int.class);
    return counted((t, threads) -> Monomorphic.create(constructor, Operation.class, actions.apply(t),
        keys.first(t, threads), keys.span(threads)), check);
  }

  /** Each thread runs {@code transfer} between random accounts of its range of {@code accounts}. */
  static Workload transfers(Keys accounts, Transfer transfer, Supplier<String> check) {
    MethodHandle constructor = Monomorphic.constructor(TransferOperation.class, Transfer.class, int.class, int.class);
    // A power of two: TransferOperation draws the second account with a mask.
    return counted((t, threads) -> Monomorphic.create(constructor, Operation.class, transfer,
        accounts.first(t, threads), Integer.highestOneBit(accounts.span(threads))), operations -> check.get());
  }

  /** The operation of thread {@code thread} of {@code threads}. */
  @FunctionalInterface
  interface PerThread {
    Operation operation(int thread, int threads);
  }
}
