package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expect;
import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The small JDK classes that blocks use in passing: the {@code Collections} wrappers
 * ({@code synchronized*}, whose monitors a block elides; {@code unmodifiable*} views;
 * {@code empty*} and {@code singleton*}), {@code Arrays.asList}, {@code List.of}/{@code Map.of}/
 * {@code Set.of}, {@code Optional}, {@code Objects} and a shared {@code StringBuilder}.
 *
 * <p>Money sits in 22 holders of different kinds: the entries of a synchronized map, the cells of
 * an array seen through {@code Arrays.asList} (in a synchronized list), a pair held as a {@code List.of} that blocks
 * replace (with its hash recorded beside it), a {@code Map.of} of two sides, a hand holding an
 * empty or singleton collection and a tip held as an empty or singleton map. Blocks move money
 * between holders; audits inside blocks sum every holder through read-only views and must find
 * the total. A journal {@code StringBuilder} gets entries appended at its end and removed from its
 * front by blocks that count them: parsed inside an audit it must hold what the counters say.
 */
public final class Utilities {
  static final List<String> NAMES = List.of("ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal");
  static final Set<String> FROZEN = Set.of("eve");
  static final List<String> SIDES = List.of("left", "right");
  static final int HOLDERS = 22;
  static final long TOTAL = 8 * 100 + 8 * 100 + 2 * 500 + 2 * 500;

  static final Map<String, Long> ledger = Collections.synchronizedMap(new HashMap<>());
  static final Long[] cells = new Long[8];
  static final List<Long> cellList = Collections.synchronizedList(Arrays.asList(cells));
  static List<Long> pair = List.of(500L, 500L);
  static int pairHash = pair.hashCode();
  static Map<String, Long> sides = Map.of("left", 500L, "right", 500L);
  static Collection<Long> hand = Collections.emptyList();
  static Map<String, Long> tip = Collections.emptyMap();

  static final StringBuilder journal = new StringBuilder();
  static long journalEntries;
  static long journalSum;

  private static long read(int holder) {
    int i = holder % 8;
    if (holder < 8) {
      return Optional.ofNullable(ledger.get(NAMES.get(i))).orElse(0L);
    } else if (holder < 16) {
      return cellList.get(i);
    } else if (holder < 18) {
      return pair.get(holder - 16);
    } else if (holder < 20) {
      return sides.get(SIDES.get(holder - 18));
    } else if (holder == 20) {
      return hand.isEmpty() ? 0 : hand.iterator().next();
    } else {
      return Objects.requireNonNullElse(tip.get("tip"), 0L);
    }
  }

  private static void write(int holder, long value) {
    int i = holder % 8;
    if (holder < 8) {
      ledger.put(NAMES.get(i), value);
    } else if (holder < 16) {
      cellList.set(i, value);
    } else if (holder < 18) {
      pair = holder == 16 ? List.of(value, pair.get(1)) : List.of(pair.get(0), value);
      pairHash = Objects.hash(pair.get(0), pair.get(1));
    } else if (holder < 20) {
      String side = SIDES.get(holder - 18);
      String other = SIDES.get(19 - holder);
      sides = Map.of(side, value, other, sides.get(other));
    } else if (holder == 20) {
      if (value == 0) {
        hand = hand instanceof List ? Collections.emptySet() : Collections.emptyList();
      } else {
        hand = value % 2 == 0 ? Collections.singletonList(value) : Collections.singleton(value);
      }
    } else {
      tip = value == 0 ? Collections.emptyMap() : Collections.singletonMap("tip", value);
    }
  }

  /** Moves {@code amount} between two holders unless the first has too little or is frozen. */
  @Atomic
  static void transfer(int from, int to, long amount) {
    if (from == to || (from < 8 && FROZEN.contains(NAMES.get(from)))) {
      return;
    }
    long have = read(from);
    if (have < amount) {
      return;
    }
    write(from, have - amount);
    Corpus.spin(have);
    write(to, read(to) + amount);
  }

  @Atomic
  static String auditHolders() {
    long sum = 0;
    for (long v : Collections.unmodifiableMap(ledger).values()) {
      sum += v;
    }
    for (long v : Collections.unmodifiableList(cellList)) {
      sum += v;
    }
    for (long v : pair) {
      sum += v;
    }
    for (long v : sides.values()) {
      sum += v;
    }
    for (long v : Collections.unmodifiableCollection(hand)) {
      sum += v;
    }
    sum += Optional.ofNullable(tip.get("tip")).filter(v -> v > 0).orElse(0L);
    if (sum != TOTAL) {
      return "a total of " + sum + " instead of " + TOTAL;
    }
    if (pair.hashCode() != pairHash || ledger.size() != NAMES.size()
        || !Collections.unmodifiableSet(ledger.keySet()).containsAll(NAMES)) {
      return "the pair's hash or the ledger's names disagree";
    }
    return null;
  }

  /** Appends an entry at the end of the journal; when it is long, removes the first. */
  @Atomic
  static void journal(int value) {
    journal.append(value).append(';');
    journalEntries++;
    journalSum += value;
    if (journalEntries > 32) {
      int end = journal.indexOf(";");
      int first = Integer.parseInt(journal.substring(0, end));
      journal.delete(0, end + 1);
      journalEntries--;
      journalSum -= first;
    }
  }

  @Atomic
  static String auditJournal() {
    long entries = 0;
    long sum = 0;
    int start = 0;
    for (int i = 0; i < journal.length(); i++) {
      if (journal.charAt(i) == ';') {
        sum += Integer.parseInt(journal.substring(start, i));
        entries++;
        start = i + 1;
      }
    }
    if (entries != journalEntries || sum != journalSum || start != journal.length()) {
      return "the journal holds " + entries + " entries summing to " + sum + ", counted " + journalEntries
          + " summing to " + journalSum;
    }
    return null;
  }

  static void holdersKeepTheTotal(Corpus corpus) throws InterruptedException {
    for (String name : NAMES) {
      ledger.put(name, 100L);
    }
    Arrays.fill(cells, 100L);
    corpus.inThreads((thread, i, random) -> {
      if (i % 8 == 7) {
        expectClean(auditHolders());
      } else {
        transfer(random.nextInt(HOLDERS), random.nextInt(HOLDERS), 1 + random.nextInt(50));
      }
    });
    expectClean(auditHolders());
    expect(ledger.get("eve") >= 100, "money left a frozen account");
  }

  static void journalMatchesItsCounters(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> {
      if (i % 8 == 7) {
        expectClean(auditJournal());
      } else {
        journal(random.nextInt(1000));
      }
    });
    expectClean(auditJournal());
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(Utilities.class, args);
    corpus.add("wrappersImmutablesOptionalObjects_moneyMovedBetweenHolders_keepsTheTotal", () -> holdersKeepTheTotal(corpus));
    corpus.add("stringBuilder_sharedJournal_holdsWhatItsCountersSay", () -> journalMatchesItsCounters(corpus));
    corpus.runAndExit();
  }
}
