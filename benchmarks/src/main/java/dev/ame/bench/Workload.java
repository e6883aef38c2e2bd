package dev.ame.bench;

import java.lang.invoke.MethodHandle;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The data of one configuration and the operation each thread runs on it. Thread {@code t} gets
 * the operation for partition {@code t} (0 or 1); whether partitions are disjoint is the
 * workload's choice, said in its {@link Scenario}.
 */
interface Workload {
  /** The operation that thread {@code thread} runs. */
  Operation operation(int thread);

  /** Null when the data is intact after the runs, else what is wrong. */
  String check();

  /** A workload from an operation per thread and an invariant check. */
  static Workload of(IntFunction<Operation> perThread, Supplier<String> check) {
    return new Workload() {
      @Override
      public Operation operation(int thread) {
        return perThread.apply(thread);
      }

      @Override
      public String check() {
        return check.get();
      }
    };
  }

  /** Each thread runs {@code actions.apply(t)} on random keys of its range of {@code keys}. */
  static Workload keyed(Keys keys, IntFunction<KeyedAction> actions, Supplier<String> check) {
    MethodHandle constructor = Monomorphic.constructor(KeyOperation.class, KeyedAction.class, int.class, int.class);
    return of(t -> Monomorphic.create(constructor, Operation.class, actions.apply(t), keys.first(t), keys.span()),
        check);
  }

  /** Each thread runs {@code transfer} between random accounts of its range of {@code accounts}. */
  static Workload transfers(Keys accounts, Transfer transfer, Supplier<String> check) {
    MethodHandle constructor = Monomorphic.constructor(TransferOperation.class, Transfer.class, int.class, int.class);
    return of(t -> Monomorphic.create(constructor, Operation.class, transfer, accounts.first(t), accounts.span()),
        check);
  }
}
