package dev.ame.bench;

import dev.ame.Atomic;
import dev.ame.collections.TxMap;
import java.util.Map;

/**
 * The map scenario's operation, 5% put, 5% remove, 90% get, on a {@code java.util} map (bare,
 * under the global lock, in an atomic block, where a JDK collection makes the block irrevocable)
 * and on a {@link TxMap} in an atomic block (blocks on different keys do not conflict).
 */
final class MapBlocks {
  private MapBlocks() {}

  static boolean execute(Map<Integer, Integer> map, int roll, Integer key) {
    if (roll < SortedListSet.ADD_BELOW) {
      return map.put(key, key) == null;
    }
    if (roll < SortedListSet.REMOVE_BELOW) {
      return map.remove(key) != null;
    }
    return map.get(key) != null;
  }

  static boolean executeLocked(Map<Integer, Integer> map, int roll, Integer key) {
    synchronized (GlobalLock.LOCK) {
      return execute(map, roll, key);
    }
  }

  @Atomic
  static boolean executeAtomic(Map<Integer, Integer> map, int roll, Integer key) {
    return execute(map, roll, key);
  }

  @Atomic
  static boolean executeTxMap(TxMap<Integer, Integer> map, int roll, Integer key) {
    if (roll < SortedListSet.ADD_BELOW) {
      return map.put(key, key) == null;
    }
    if (roll < SortedListSet.REMOVE_BELOW) {
      return map.remove(key) != null;
    }
    return map.get(key) != null;
  }

  /** Null when every key maps to itself and is in range, else what is wrong. */
  static String check(Map<Integer, Integer> map, int keys) {
    for (Map.Entry<Integer, Integer> entry : map.entrySet()) {
      if (!entry.getKey().equals(entry.getValue()) || entry.getKey() < 0 || entry.getKey() >= keys) {
        return map.getClass().getSimpleName() + " maps " + entry.getKey() + " to " + entry.getValue();
      }
    }
    return null;
  }

  /** {@link #check} for a TxMap, whose size is also counted separately. */
  static String check(TxMap<Integer, Integer> map, int keys) {
    long[] seen = {0};
    String[] problem = {null};
    map.forEach((key, value) -> {
      seen[0]++;
      if (!key.equals(value) || key < 0 || key >= keys) {
        problem[0] = "TxMap maps " + key + " to " + value;
      }
    });
    if (problem[0] == null && seen[0] != map.size()) {
      problem[0] = "TxMap holds " + seen[0] + " entries, size() " + map.size();
    }
    return problem[0];
  }
}
