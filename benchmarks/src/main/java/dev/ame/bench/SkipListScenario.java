package dev.ame.bench;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * One skip-list set of keys 0..16383 (about half present), 10% updates; thread {@code t} only uses
 * keys of its own range (its half on two threads). The structure is shared, so two threads conflict only when an update
 * relinks a tower that the other thread's block went through (rare: low conflict, not zero).
 * Uninstrumented code runs on one thread only (on two it would race).
 */
final class SkipListScenario {
  static final int KEYS = 16_384;
  private static final Keys RANGES = new Keys(KEYS, true);
  private static final UpdateMix MIX = new UpdateMix(SortedListSet.ADD_BELOW, SortedListSet.REMOVE_BELOW);

  private SkipListScenario() {}

  static Scenario create() {
    return Scenario.named("skip", "skip-list set")
        .oneThread(Variant.UNINSTRUMENTED, () -> shared(new SkipListSet(), SkipListSet::add,
            set -> (roll, key, bits) -> set.executePlain(roll, key, SkipListSet.height(bits)), SkipListSet::check))
        .add(Variant.GLOBAL_LOCK, () -> shared(new SkipListSet(), SkipListSet::add,
            set -> (roll, key, bits) -> set.executeLocked(roll, key, SkipListSet.height(bits)), SkipListSet::check))
        .add(Variant.concurrent("ConcurrentSkipListSet"), () -> shared(new ConcurrentSkipListSet<Integer>(),
            (set, key, height) -> set.add(Boxed.of(key)), set -> (roll, key, bits) -> JdkSets.execute(set, MIX, roll, key),
            set -> JdkSets.check(set, KEYS)))
        .add(Variant.AME, () -> shared(new SkipListSet(), SkipListSet::add,
            set -> (roll, key, bits) -> set.executeAtomic(roll, key, SkipListSet.height(bits)), SkipListSet::check))
        .add(Variant.MULTIVERSE, () -> shared(new MultiverseSkipListSet(), MultiverseSkipListSet::add,
            set -> (roll, key, bits) -> set.execute(roll, key, SkipListSet.height(bits)), MultiverseSkipListSet::check))
        .add(Variant.SCALA_STM, () -> shared(new ScalaStmSkipListSet(), ScalaStmSkipListSet::add,
            set -> (roll, key, bits) -> set.execute(roll, key, SkipListSet.height(bits)), ScalaStmSkipListSet::check))
        .add(Variant.CLOJURE, () -> shared(new ClojureSkipListSet(), ClojureSkipListSet::add,
            set -> (roll, key, bits) -> set.execute(roll, key, SkipListSet.height(bits)), ClojureSkipListSet::check))
        .build();
  }

  /** One set, filled alike for every variant; each variant passes its own action lambda. */
  private static <S> Workload shared(S set, Adder<S> add, Function<S, KeyedAction> action, Function<S, String> check) {
    long rng = 3;
    for (int added = 0; added < KEYS / 2; ) {
      rng = Rng.next(rng);
      if (add.add(set, Rng.below(rng, KEYS), SkipListSet.height(rng))) {
        added++;
      }
    }
    KeyedAction shared = action.apply(set);
    return Workload.keyed(RANGES, t -> shared, () -> check.apply(set));
  }

  /** {@code set.add(key, height)}. */
  @FunctionalInterface
  interface Adder<S> {
    boolean add(S set, int key, int height);
  }
}
