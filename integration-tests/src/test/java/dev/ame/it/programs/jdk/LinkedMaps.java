package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code LinkedHashMap} in both orders, each bounded by an application override of
 * {@code removeEldestEntry} (application code that the JDK calls back from inside a block).
 *
 * <p>An access-ordered cache: each use stamps its key with a shared clock in the same block, so
 * the cache's iteration order must list strictly increasing stamps (least recently used first)
 * and end with the latest; the uses counted in the values plus those carried away by evictions
 * equal the uses made. An insertion-ordered journal: entries keyed by a sequence number, the
 * eldest evicted and sometimes rewritten in place, must always list consecutive numbers ending at
 * the last one appended.
 */
public final class LinkedMaps {
  static final int CAPACITY = 32;
  static final int KEYS = 96;

  static long clock;
  static long uses;
  static long evictedUses;
  static int inserted;
  static int evictions;
  static final long[] lastUse = new long[KEYS];

  /** Least recently used keys leave first; the uses they counted move to {@code evictedUses}. */
  static final LinkedHashMap<Integer, Long> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Long> eldest) {
      if (size() <= CAPACITY) {
        return false;
      }
      evictedUses += eldest.getValue();
      evictions++;
      return true;
    }
  };

  static long appended;

  /** Insertion order: re-putting a key keeps its place. */
  static final LinkedHashMap<Long, Integer> journal = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
      return size() > CAPACITY;
    }
  };

  /** Uses {@code key}: counts the use in the cache (moving the key last) and stamps it. */
  @Atomic
  static void use(int key) {
    long now = ++clock;
    if (key % 2 == 0) {
      Long count = cache.get(key);
      if (count == null) {
        inserted++;
        cache.put(key, 1L);
      } else {
        cache.put(key, count + 1);
      }
    } else {
      if (!cache.containsKey(key)) {
        inserted++;
      }
      cache.merge(key, 1L, Long::sum);
    }
    lastUse[key] = now;
    uses++;
  }

  @Atomic
  static String auditCache() {
    if (cache.size() > CAPACITY || cache.size() != inserted - evictions) {
      return "cache size " + cache.size() + " after " + inserted + " insertions and " + evictions + " evictions";
    }
    long counted = evictedUses;
    long previous = 0;
    for (Map.Entry<Integer, Long> e : cache.entrySet()) {
      long stamp = lastUse[e.getKey()];
      if (stamp <= previous) {
        return "key " + e.getKey() + " used at " + stamp + " listed after a key used at " + previous;
      }
      previous = stamp;
      counted += e.getValue();
    }
    if (counted != uses) {
      return counted + " uses counted, " + uses + " made";
    }
    if (uses > 0 && previous != clock) {
      return "the last key listed was used at " + previous + ", the latest use was at " + clock;
    }
    return null;
  }

  /** Appends the next sequence number; every third time also rewrites the eldest entry in place. */
  @Atomic
  static void append(int thread) {
    journal.put(appended++, thread);
    if (appended % 3 == 0) {
      Long eldest = journal.keySet().iterator().next();
      journal.put(eldest, -thread);
    }
  }

  @Atomic
  static String auditJournal() {
    long expected = appended - journal.size();
    if (journal.size() != Math.min(appended, CAPACITY)) {
      return "journal size " + journal.size() + " after " + appended + " appends";
    }
    for (Map.Entry<Long, Integer> e : journal.entrySet()) {
      if (e.getKey() != expected) {
        return "journal lists " + e.getKey() + " where " + expected + " was expected";
      }
      expected++;
    }
    return null;
  }

  static void accessOrder(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> {
      if (i % 8 == 7) {
        expectClean(auditCache());
      } else {
        use(random.nextInt(KEYS));
      }
    });
    expectClean(auditCache());
  }

  static void insertionOrder(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> {
      if (i % 8 == 7) {
        expectClean(auditJournal());
      } else {
        append(thread);
      }
    });
    expectClean(auditJournal());
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(LinkedMaps.class, args);
    corpus.add("linkedHashMap_accessOrder_listsKeysByLastUse", () -> accessOrder(corpus));
    corpus.add("linkedHashMap_insertionOrder_keepsConsecutiveSequenceNumbers", () -> insertionOrder(corpus));
    corpus.runAndExit();
  }
}
