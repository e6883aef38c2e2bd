package dev.ame.runtime;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Source positions of rewritten accesses ({@code com.example.Bank.transfer:42}), each with the
 * location it reads ({@code com.example.Bank.balances}, {@code long[] element}), numbered when the
 * agent rewrites a class so that barriers carry a plain int and reports can name the line and,
 * for an entry of a read log (which keeps no object), the location. Site 0 is "unknown".
 */
public final class Sites {
  private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
  private static volatile String[] names = new String[1024];
  private static volatile String[] locations = new String[1024];
  private static int count = 1;

  static {
    names[0] = "?";
    locations[0] = "?";
  }

  private Sites() {}

  /** The number of a source position, the same for the same text. */
  public static int register(String where) {
    return register(where, "?");
  }

  /** The number of a source position that reads {@code what}, the same for the same texts. */
  public static int register(String where, String what) {
    String key = where + '\u0000' + what;
    Integer known = IDS.get(key);
    if (known != null) {
      return known;
    }
    synchronized (Sites.class) {
      known = IDS.get(key);
      if (known != null) {
        return known;
      }
      int id = count++;
      String[] current = names;
      String[] read = locations;
      if (id >= current.length) {
        current = Arrays.copyOf(current, current.length * 2);
        read = Arrays.copyOf(read, read.length * 2);
      }
      current[id] = where;
      read[id] = what;
      locations = read;
      names = current;
      IDS.put(key, id);
      return id;
    }
  }

  /** The location that a site reads, as far as the rewriter could tell. */
  static String location(int id) {
    String[] current = locations;
    return id > 0 && id < current.length && current[id] != null ? current[id] : "?";
  }

  static String describe(int id) {
    String[] current = names;
    return id > 0 && id < current.length && current[id] != null ? current[id] : "?";
  }
}
