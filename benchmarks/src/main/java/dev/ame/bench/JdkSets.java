package dev.ame.bench;

import java.util.Collection;

/** The invariant check of the variants built on java.util collections of boxed keys. */
final class JdkSets {
  private JdkSets() {}

  /** Null when every element is a key of {@code [0, keys)} and iteration agrees with {@code size()}, else what is wrong. */
  static String check(Collection<Integer> set, int keys) {
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
