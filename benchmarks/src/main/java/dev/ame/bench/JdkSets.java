package dev.ame.bench;

import java.util.Set;

/** The java.util.concurrent variants of the set workloads: the same mix on boxed keys, and their check. */
final class JdkSets {
  private JdkSets() {}

  /** Runs the operation that {@code roll} means in {@code mix} on {@code set}. */
  static boolean execute(Set<Integer> set, UpdateMix mix, int roll, int key) {
    Integer boxed = Boxed.of(key);
    if (roll < mix.addBelow()) {
      return set.add(boxed);
    }
    if (roll < mix.removeBelow()) {
      return set.remove(boxed);
    }
    return set.contains(boxed);
  }

  /** Null when every element is a key of {@code [0, keys)} and iteration agrees with {@code size()}, else what is wrong. */
  static String check(Set<Integer> set, int keys) {
    int seen = 0;
    for (Integer key : set) {
      if (key < 0 || key >= keys) {
        return "key " + key + " out of range in " + set.getClass().getSimpleName();
      }
      seen++;
    }
    return seen == set.size() ? null : set.getClass().getSimpleName() + " iterates " + seen + " keys, size() " + set.size();
  }
}
