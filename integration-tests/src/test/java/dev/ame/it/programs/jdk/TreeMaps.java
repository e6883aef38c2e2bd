package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Amounts kept in a {@code TreeMap} by key, moved between keys by blocks that use its navigation
 * methods ({@code ceilingKey}, {@code floorEntry}, {@code pollFirstEntry}, {@code lastKey}), its
 * sub-map views and their entry iterators ({@code iterator.remove}, {@code entry.setValue}); the
 * same blocks keep the keys in a {@code TreeSet} (with {@code subSet(...).clear()} and
 * {@code pollFirst}).
 *
 * <p>Invariants, audited inside blocks while entries move: every way of covering the whole key
 * range with views ({@code values()}, {@code headMap + tailMap}, {@code headMap + subMap +
 * tailMap}, a {@code subMap} over every int, the {@code descendingMap}) sums to the total; keys
 * iterate strictly increasing (decreasing in the descending views); the {@code TreeSet} equals the
 * map's key set and answers every navigation question as the map does.
 */
public final class TreeMaps {
  static final int KEYS = 1024;
  static final long TOTAL = 64 * 100;

  static final TreeMap<Integer, Long> map = new TreeMap<>();
  static final TreeSet<Integer> keys = new TreeSet<>();

  /** The ceiling entry of {@code near} (or the first) moves, whole, to the first free key from {@code to}. */
  @Atomic
  static void move(int near, int to) {
    Integer from = map.ceilingKey(near);
    if (from == null) {
      from = map.firstKey();
    }
    long amount = map.remove(from);
    keys.remove(from);
    int free = freeKeyFrom(to);
    map.put(free, amount);
    keys.add(free);
  }

  /** Half of the floor entry of {@code near} (or the last) goes to a free key. */
  @Atomic
  static void split(int near, int to) {
    if (map.size() >= 128) {
      return;
    }
    Map.Entry<Integer, Long> e = map.floorEntry(near);
    if (e == null) {
      e = map.lastEntry();
    }
    long half = e.getValue() / 2;
    if (half == 0) {
      return;
    }
    map.put(e.getKey(), e.getValue() - half);
    int free = freeKeyFrom(to);
    map.put(free, half);
    keys.add(free);
  }

  /** Every entry of {@code [lo, lo + 64)} joins the first one, through the sub-map's entry iterator. */
  @Atomic
  static void merge(int lo) {
    if (map.size() <= 16) {
      return;
    }
    Iterator<Map.Entry<Integer, Long>> it = map.subMap(lo, true, lo + 64, false).entrySet().iterator();
    if (!it.hasNext()) {
      return;
    }
    Map.Entry<Integer, Long> first = it.next();
    long joined = 0;
    while (it.hasNext()) {
      joined += it.next().getValue();
      it.remove();
    }
    first.setValue(first.getValue() + joined);
    keys.subSet(first.getKey(), false, lo + 64, false).clear();
  }

  /** The first entry moves past the last key. */
  @Atomic
  static void rotate() {
    Map.Entry<Integer, Long> first = map.pollFirstEntry();
    keys.pollFirst();
    int free = freeKeyFrom(map.isEmpty() ? first.getKey() : (map.lastKey() + 1) % KEYS);
    map.put(free, first.getValue());
    keys.add(free);
  }

  private static int freeKeyFrom(int start) {
    int key = start;
    while (map.containsKey(key)) {
      key = (key + 1) % KEYS;
    }
    return key;
  }

  /** Checks every view against the total and the TreeSet; returns what is wrong, or null. */
  @Atomic
  static String audit(int mid, int lo, int hi) {
    long[] sums = {
        sum(map.values()),
        sum(map.headMap(mid).values()) + sum(map.tailMap(mid).values()),
        sum(map.headMap(lo, false).values()) + sum(map.subMap(lo, true, hi, true).values()) + sum(map.tailMap(hi, false).values()),
        sum(map.subMap(Integer.MIN_VALUE, true, Integer.MAX_VALUE, true).values()),
        sum(map.descendingMap().values()),
        sum(map.descendingMap().headMap(mid, true).values()) + sum(map.descendingMap().tailMap(mid, false).values())};
    for (int i = 0; i < sums.length; i++) {
      if (sums[i] != TOTAL) {
        return "sum " + i + " over the views is " + sums[i] + " instead of " + TOTAL;
      }
    }
    int count = 0;
    int previous = Integer.MIN_VALUE;
    for (int key : map.navigableKeySet()) {
      if (key <= previous) {
        return "key " + key + " after " + previous;
      }
      previous = key;
      count++;
    }
    previous = Integer.MAX_VALUE;
    for (Iterator<Integer> down = map.descendingKeySet().iterator(); down.hasNext(); ) {
      int key = down.next();
      if (key >= previous) {
        return "descending key " + key + " after " + previous;
      }
      previous = key;
      count--;
    }
    if (count != 0 || keys.size() != map.size() || !keys.equals(map.keySet())) {
      return "the TreeSet (" + keys.size() + ") and the map's keys (" + map.size() + ") differ";
    }
    NavigableMap<Integer, Long> below = map.headMap(mid, false);
    if (!Objects.equals(map.lowerKey(mid), keys.lower(mid)) || !Objects.equals(map.higherKey(mid), keys.higher(mid))
        || !Objects.equals(map.floorKey(mid), keys.floor(mid)) || !Objects.equals(map.ceilingKey(mid), keys.ceiling(mid))
        || !map.firstKey().equals(keys.first()) || !map.lastEntry().getKey().equals(keys.last())
        || below.size() != keys.headSet(mid).size()
        || (!below.isEmpty() && !below.lastKey().equals(map.lowerKey(mid)))) {
      return "navigation around " + mid + " disagrees between the map, its views and the TreeSet";
    }
    return null;
  }

  private static long sum(Collection<Long> values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  static void rangeSumsHold(Corpus corpus) throws InterruptedException {
    for (int i = 0; i < 64; i++) {
      map.put(i * 16, 100L);
      keys.add(i * 16);
    }
    corpus.inThreads((thread, i, random) -> {
      int op = random.nextInt(100);
      if (op < 35) {
        move(random.nextInt(KEYS), random.nextInt(KEYS));
      } else if (op < 55) {
        split(random.nextInt(KEYS), random.nextInt(KEYS));
      } else if (op < 65) {
        merge(random.nextInt(KEYS));
      } else if (op < 75) {
        rotate();
      } else {
        int lo = random.nextInt(KEYS);
        expectClean(audit(random.nextInt(KEYS), lo, lo + random.nextInt(KEYS - lo)));
      }
    });
    expectClean(audit(KEYS / 2, KEYS / 4, KEYS * 3 / 4));
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(TreeMaps.class, args);
    corpus.add("treeMap_rangeSumsOverEveryView_equalTheTotalWhileEntriesMove", () -> rangeSumsHold(corpus));
    corpus.runAndExit();
  }
}
