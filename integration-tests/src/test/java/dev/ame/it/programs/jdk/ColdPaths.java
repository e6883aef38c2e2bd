package dev.ame.it.programs.jdk;

import dev.ame.Atomic;
import java.util.HashMap;

/**
 * A block that only ever looks keys up in a {@code HashMap} filled outside blocks, long enough for
 * the JIT to compile its twins. {@code HashMap.getNode}'s twins have paths this program never runs
 * (tree bins), with field accesses nothing else in the program makes: when a twin named a field
 * by a dynamic constant, that constant was never resolved, and C1 and C2 refused to compile the
 * whole twin ("COMPILE SKIPPED: could not resolve a constant"), which then ran interpreted.
 */
public final class ColdPaths {
  private static final HashMap<Integer, Integer> MAP = new HashMap<>();

  @Atomic
  static int lookup(Integer key) {
    Integer value = MAP.get(key);
    return value == null ? 0 : value;
  }

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    Integer[] keys = new Integer[2048];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i;
      if (i % 2 == 0) {
        MAP.put(i, i);
      }
    }
    long sum = 0;
    for (int r = 0; r < rounds; r++) {
      sum += lookup(keys[r & (keys.length - 1)]);
    }
    long expected = 0;
    for (int r = 0; r < rounds; r++) {
      int k = r & (keys.length - 1);
      expected += k % 2 == 0 ? k : 0;
    }
    System.out.println(sum == expected ? "OK sum " + sum : "FAIL sum " + sum + ", expected " + expected);
  }
}
