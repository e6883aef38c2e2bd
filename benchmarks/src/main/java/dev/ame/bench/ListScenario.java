package dev.ame.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sorted-linked-list sets of keys 0..999 (about 500 present), 5% add, 5% remove, 90% contains.
 * Each thread owns one list (disjoint data, the low-conflict case); the global-lock variant guards
 * all lists with one lock. The peers' lists are the same algorithm over their own references.
 */
final class ListScenario {
  static final int KEYS = 1000;
  private static final Keys RANGE = new Keys(KEYS, false); // both threads draw all keys, each on its own list

  private ListScenario() {}

  static Scenario create() {
    return Scenario.named("list", "linked-list set")
        .add(Variant.UNINSTRUMENTED, () -> perThread(SortedListSet::new, SortedListSet::add,
            list -> (roll, key, bits) -> list.executePlain(roll, key), SortedListSet::check))
        .add(Variant.GLOBAL_LOCK, () -> perThread(SortedListSet::new, SortedListSet::add,
            list -> (roll, key, bits) -> list.executeLocked(roll, key), SortedListSet::check))
        .add(Variant.AME, () -> perThread(SortedListSet::new, SortedListSet::add,
            list -> (roll, key, bits) -> list.executeAtomic(roll, key), SortedListSet::check))
        .add(Variant.MULTIVERSE, () -> perThread(MultiverseListSet::new, MultiverseListSet::add,
            list -> (roll, key, bits) -> list.execute(roll, key), MultiverseListSet::check))
        .add(Variant.SCALA_STM, () -> perThread(ScalaStmListSet::new, ScalaStmListSet::add,
            list -> (roll, key, bits) -> list.execute(roll, key), ScalaStmListSet::check))
        .add(Variant.CLOJURE, () -> perThread(ClojureListSet::new, ClojureListSet::add,
            list -> (roll, key, bits) -> list.execute(roll, key), ClojureListSet::check))
        .build();
  }

  /**
   * A filled list per thread, thread {@code t}'s filled from seed {@code t + 1} (the driver asks
   * for the operations one thread after another, before the rounds); each variant passes its own
   * action lambda (one receiver per copy).
   */
  private static <S> Workload perThread(Supplier<S> fresh, ObjIntPredicate<S> add, Function<S, KeyedAction> action,
      Function<S, String> check) {
    List<S> lists = new ArrayList<>();
    return Workload.keyed(RANGE, t -> {
      while (lists.size() <= t) {
        lists.add(filled(fresh.get(), add, lists.size() + 1));
      }
      return action.apply(lists.get(t));
    }, () -> {
      for (S list : lists) {
        String problem = check.apply(list);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    });
  }

  private static <S> S filled(S list, ObjIntPredicate<S> add, long seed) {
    return Fill.half(list, key -> add.test(list, key), KEYS, seed);
  }
}
