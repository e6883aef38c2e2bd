package dev.ame.bench;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sorted-linked-list sets of keys 0..999 (about 500 present), 5% add, 5% remove, 90% contains.
 * Each thread owns one list (disjoint data, the low-conflict case); the global-lock variant guards
 * both lists with one lock. The peers' lists are the same algorithm over their own references.
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

  /** Two filled lists, one per thread; each variant passes its own action lambda (one receiver per copy). */
  private static <S> Workload perThread(Supplier<S> fresh, ObjIntPredicate<S> add, Function<S, KeyedAction> action,
      Function<S, String> check) {
    List<S> lists = List.of(filled(fresh.get(), add, 1), filled(fresh.get(), add, 2));
    return Workload.keyed(RANGE, t -> action.apply(lists.get(t)), () -> {
      String first = check.apply(lists.get(0));
      return first != null ? first : check.apply(lists.get(1));
    });
  }

  private static <S> S filled(S list, ObjIntPredicate<S> add, long seed) {
    return Fill.half(list, key -> add.test(list, key), KEYS, seed);
  }
}
