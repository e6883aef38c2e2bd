package dev.ame.bench;

/** One operation on a keyed structure (a set, a map, a counter, a queue), as a variant runs it. */
@FunctionalInterface
interface KeyedAction {
  /**
   * @param roll in [0, 100): which operation (the structure's update mix decides)
   * @param key the key, in the thread's partition
   * @param bits further random bits (a skip-list node's height)
   */
  boolean execute(int roll, int key, long bits);
}
