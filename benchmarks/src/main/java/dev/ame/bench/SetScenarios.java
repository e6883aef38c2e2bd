package dev.ame.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A red-black tree set and a hash set of keys 0..16383 (about half present) at a given update
 * percentage; thread {@code t} only uses keys of its own range (a half on two threads, see {@link
 * Keys}) of one shared structure. The tree's rebalancing reaches up towards the root, so its
 * updates conflict now and then; the hash set's only where two keys share a bucket. Uninstrumented
 * code runs on one thread only.
 */
final class SetScenarios {
  static final int KEYS = 16_384;
  private static final Keys RANGES = new Keys(KEYS, true);

  private SetScenarios() {}

  static Scenario redBlack(int updatePercent) {
    UpdateMix mix = UpdateMix.ofPercent(updatePercent);
    return Scenario.named("rbtree-" + updatePercent, "rb tree, " + updatePercent + "% upd")
        .oneThread(Variant.UNINSTRUMENTED, () -> shared(new RedBlackSet(mix), RedBlackSet::add,
            set -> (roll, key, bits) -> set.executePlain(roll, key), RedBlackSet::check))
        .add(Variant.GLOBAL_LOCK, () -> shared(new RedBlackSet(mix), RedBlackSet::add,
            set -> (roll, key, bits) -> set.executeLocked(roll, key), RedBlackSet::check))
        .add(Variant.concurrent("ConcurrentSkipListSet"), () -> shared(new ConcurrentSkipListSet<Integer>(),
            (set, key) -> set.add(Boxed.of(key)), set -> (roll, key, bits) -> JdkSets.execute(set, mix, roll, key),
            set -> JdkSets.check(set, KEYS)))
        .add(Variant.AME, () -> shared(new RedBlackSet(mix), RedBlackSet::add,
            set -> (roll, key, bits) -> set.executeAtomic(roll, key), RedBlackSet::check))
        .build();
  }

  static Scenario hash(int updatePercent) {
    UpdateMix mix = UpdateMix.ofPercent(updatePercent);
    return Scenario.named("hash-" + updatePercent, "hash set, " + updatePercent + "% upd")
        .oneThread(Variant.UNINSTRUMENTED, () -> shared(new HashIntSet(mix, KEYS / 2), HashIntSet::add,
            set -> (roll, key, bits) -> set.executePlain(roll, key), HashIntSet::check))
        .add(Variant.GLOBAL_LOCK, () -> shared(new HashIntSet(mix, KEYS / 2), HashIntSet::add,
            set -> (roll, key, bits) -> set.executeLocked(roll, key), HashIntSet::check))
        .add(Variant.concurrent("ConcurrentHashMap set"), () -> shared(ConcurrentHashMap.<Integer>newKeySet(),
            (set, key) -> set.add(Boxed.of(key)), set -> (roll, key, bits) -> JdkSets.execute(set, mix, roll, key),
            set -> JdkSets.check(set, KEYS)))
        .add(Variant.AME, () -> shared(new HashIntSet(mix, KEYS / 2), HashIntSet::add,
            set -> (roll, key, bits) -> set.executeAtomic(roll, key), HashIntSet::check))
        .build();
  }

  /** One set, filled alike for every variant; each variant passes its own action lambda. */
  private static <S> Workload shared(S set, ObjIntPredicate<S> add, Function<S, KeyedAction> action,
      Function<S, String> check) {
    IntPredicate adder = key -> add.test(set, key);
    Fill.half(set, adder, KEYS, 5);
    KeyedAction shared = action.apply(set);
    return Workload.keyed(RANGES, t -> shared, () -> check.apply(set));
  }
}
