package dev.ame.bench;

import java.lang.invoke.MethodHandle;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The data of one configuration and the operation each thread runs on it. Thread {@code t} gets
 * the operation for partition {@code t} (0 or 1); whether partitions are disjoint is the
 * workload's choice, said in its {@link Scenario}.
 */
interface Workload {
  /** The operation that thread {@code thread} runs. */
  Operation operation(int thread);

  /**
   * Null when the data is intact after the runs, else what is wrong.
   *
   * @param operations how many operations all rounds ran (warm-up included), for invariants that count them
   */
  String check(long operations);

  /** A workload from an operation per thread and an invariant check given the number of operations run. */
  static Workload counted(IntFunction<Operation> perThread, LongFunction<String> check) {
    return new Workload() {
      @Override
      public Operation operation(int thread) {
        return perThread.apply(thread);
      }

      @Override
      public String check(long operations) {
        return check.apply(operations);
      }
    };
  }

  /** Each thread runs {@code actions.apply(t)} on random keys of its range of {@code keys}. */
  static Workload keyed(Keys keys, IntFunction<KeyedAction> actions, Supplier<String> check) {
    return keyedCounted(keys, actions, operations -> check.get());
  }

  /** {@link #keyed} with a check that counts on the number of operations run. */
  static Workload keyedCounted(Keys keys, IntFunction<KeyedAction> actions, LongFunction<String> check) {
    MethodHandle constructor = Monomorphic.constructor(KeyOperation.class, KeyedAction.class, int.class, int.class);
    return counted(t -> Monomorphic.create(constructor, Operation.class, actions.apply(t), keys.first(t), keys.span()),
        check);
  }

  /** Each thread runs {@code transfer} between random accounts of its range of {@code accounts}. */
  static Workload transfers(Keys accounts, Transfer transfer, Supplier<String> check) {
    MethodHandle constructor = Monomorphic.constructor(TransferOperation.class, Transfer.class, int.class, int.class);
    return counted(t -> Monomorphic.create(constructor, Operation.class, transfer, accounts.first(t), accounts.span()),
        operations -> check.get());
  }
}
