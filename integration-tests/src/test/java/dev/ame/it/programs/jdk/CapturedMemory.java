package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expect;
import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocks that allocate JDK objects, fill them from shared state, and publish or return them: a
 * {@code new ArrayList}, a {@code new HashMap} and a {@code new StringBuilder} (objects that no
 * other thread can see before the block commits).
 *
 * <p>Other blocks move amounts between the elements of a shared array. Every list, map and string
 * built from it inside a block is a snapshot of one moment, so its amounts add up to the total:
 * checked on what a block returns, and on what a block published, by audits in later blocks. One
 * block keeps editing its list after publishing it (still inside the block): readers must see the
 * edited list whole.
 */
public final class CapturedMemory {
  static final long[] balances = new long[64];
  static final long TOTAL = 64 * 100;

  static List<Long> publishedList;
  static Map<Integer, Long> publishedMap;

  @Atomic
  static void transfer(int from, int to, long amount) {
    long have = balances[from];
    if (have >= amount) {
      balances[from] = have - amount;
      Corpus.spin(have);
      balances[to] += amount;
    }
  }

  /** A new list of every balance, published and returned. */
  @Atomic
  static List<Long> snapshotList() {
    ArrayList<Long> list = new ArrayList<>();
    for (long b : balances) {
      list.add(b);
    }
    publishedList = list;
    return list;
  }

  /** A new list, published first and then changed: its last amount moves to its first element. */
  @Atomic
  static void publishThenEdit() {
    ArrayList<Long> list = new ArrayList<>(balances.length);
    publishedList = list;
    for (long b : balances) {
      list.add(b);
    }
    long last = list.remove(list.size() - 1);
    list.set(0, list.get(0) + last);
  }

  /** A new map of the balances summed by group of eight, published. */
  @Atomic
  static void publishMap() {
    HashMap<Integer, Long> sums = new HashMap<>();
    for (int i = 0; i < balances.length; i++) {
      sums.merge(i % 8, balances[i], Long::sum);
    }
    publishedMap = sums;
  }

  /** The balances as text, built in a new StringBuilder. */
  @Atomic
  static String describe() {
    StringBuilder text = new StringBuilder();
    for (long b : balances) {
      text.append(b).append(',');
    }
    text.setLength(text.length() - 1);
    return text.toString();
  }

  /** What earlier blocks published must add up to the total. */
  @Atomic
  static String auditPublished() {
    List<Long> list = publishedList;
    if (list != null) {
      long sum = 0;
      for (long v : list) {
        sum += v;
      }
      if (sum != TOTAL) {
        return "a published list summing to " + sum + " (" + list.size() + " elements)";
      }
    }
    Map<Integer, Long> map = publishedMap;
    if (map != null) {
      long sum = 0;
      for (long v : map.values()) {
        sum += v;
      }
      if (sum != TOTAL || map.size() != 8) {
        return "a published map summing to " + sum + " (" + map.size() + " groups)";
      }
    }
    return null;
  }

  static void snapshotsAddUp(Corpus corpus) throws InterruptedException {
    Arrays.fill(balances, 100);
    corpus.inThreads((thread, i, random) -> {
      switch (random.nextInt(12)) {
        case 0: {
          List<Long> list = snapshotList();
          long sum = 0;
          for (long v : list) {
            sum += v;
          }
          expect(sum == TOTAL && list.size() == balances.length, "a returned list summing to " + sum);
          break;
        }
        case 1:
          publishThenEdit();
          break;
        case 2:
          publishMap();
          break;
        case 3: {
          long sum = 0;
          for (String part : describe().split(",")) {
            sum += Long.parseLong(part);
          }
          expect(sum == TOTAL, "a returned description summing to " + sum);
          break;
        }
        case 4:
          expectClean(auditPublished());
          break;
        default:
          transfer(random.nextInt(balances.length), random.nextInt(balances.length), 1 + random.nextInt(20));
          break;
      }
    });
    expectClean(auditPublished());
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(CapturedMemory.class, args);
    corpus.add("capturedCollections_builtInsideBlocks_areConsistentSnapshots", () -> snapshotsAddUp(corpus));
    corpus.runAndExit();
  }
}
