package dev.ame.runtime;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Source positions of rewritten accesses ({@code com.example.Bank.transfer:42}), numbered when
 * the agent rewrites a class so that barriers carry a plain int and reports can name the line.
 * Site 0 is "unknown".
 */
public final class Sites {
  private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
  private static volatile String[] names = new String[1024];
  private static int count = 1;

  /** Not a read: both blocks wrote the location, and met at commit. */
  static final int BOTH_WRITE;

  static {
    names[0] = "?";
    BOTH_WRITE = register("(both blocks write it)");
  }

  private Sites() {}

  /** The number of a source position, the same for the same text. */
  public static int register(String where) {
    Integer known = IDS.get(where);
    if (known != null) {
      return known;
    }
    synchronized (Sites.class) {
      known = IDS.get(where);
      if (known != null) {
        return known;
      }
      int id = count++;
      String[] current = names;
      if (id >= current.length) {
        current = Arrays.copyOf(current, current.length * 2);
      }
      current[id] = where;
      names = current;
      IDS.put(where, id);
      return id;
    }
  }

  static String describe(int id) {
    String[] current = names;
    return id > 0 && id < current.length && current[id] != null ? current[id] : "?";
  }
}
