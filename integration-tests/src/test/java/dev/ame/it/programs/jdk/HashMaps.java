package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expect;
import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Money kept in hash-based JDK maps and moved by blocks: a {@code HashMap} of accounts by name, an
 * {@code IdentityHashMap} of vaults (whose keys claim to be all equal: only identity tells them
 * apart) and an {@code EnumMap} of branches. Accounts are opened and closed as the program runs;
 * their names are kept, by the same blocks, in a {@code HashSet} and, in opening order, in a
 * {@code LinkedHashSet}.
 *
 * <p>Invariants, checked by audits inside blocks while the others run and again at the end: the
 * total over the three maps never changes, no balance is negative, the two sets hold exactly the
 * open accounts, and the {@code LinkedHashSet} lists them in the order they were opened.
 */
public final class HashMaps {
  enum Branch { NORTH, SOUTH, EAST, WEST }

  /** A vault key: every vault "equals" every other, so a map that used equals would keep one. */
  static final class Vault {
    final int id;

    Vault(int id) {
      this.id = id;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Vault;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  static final int INITIAL_ACCOUNTS = 48;
  static final Branch[] BRANCHES = Branch.values();
  static final Vault[] VAULTS = new Vault[8];
  static final long TOTAL = INITIAL_ACCOUNTS * 100 + VAULTS.length * 1000 + BRANCHES.length * 1000;

  static final HashMap<String, Long> accounts = new HashMap<>();
  static final IdentityHashMap<Vault, Long> vaults = new IdentityHashMap<>();
  static final EnumMap<Branch, Long> branches = new EnumMap<>(Branch.class);
  static final HashSet<String> names = new HashSet<>();
  static final LinkedHashSet<String> openingOrder = new LinkedHashSet<>();
  /** The open accounts are exactly "a" + firstSerial ... "a" + (nextSerial - 1). */
  static int firstSerial;
  static int nextSerial;

  /**
   * Moves {@code amount} between two holders (an account, a vault or a branch, chosen by the
   * holder number) when the first has enough.
   */
  @Atomic
  static boolean transfer(int from, int to, long amount) {
    long have = balance(from);
    if (have < amount) {
      return false;
    }
    Corpus.spin(have);
    add(from, -amount);
    add(to, amount);
    return true;
  }

  private static long balance(int holder) {
    switch (holder % 3) {
      case 0: return accounts.get(accountName(holder / 3));
      case 1: return vaults.get(VAULTS[holder / 3 % VAULTS.length]);
      default: return branches.get(BRANCHES[holder / 3 % BRANCHES.length]);
    }
  }

  private static void add(int holder, long delta) {
    switch (holder % 3) {
      case 0:
        accounts.merge(accountName(holder / 3), delta, Long::sum);
        break;
      case 1: {
        Vault v = VAULTS[holder / 3 % VAULTS.length];
        vaults.put(v, vaults.get(v) + delta);
        break;
      }
      default:
        branches.compute(BRANCHES[holder / 3 % BRANCHES.length], (branch, old) -> old + delta);
        break;
    }
  }

  private static String accountName(int which) {
    return "a" + (firstSerial + which % (nextSerial - firstSerial));
  }

  /** Opens a new account, or closes the oldest one (its money goes to a vault). */
  @Atomic
  static String openOrClose(boolean open, int vault) {
    if (open && nextSerial - firstSerial < 64) {
      String name = "a" + nextSerial++;
      accounts.put(name, 0L);
      names.add(name);
      openingOrder.add(name);
    } else if (!open && nextSerial - firstSerial > 32) {
      String name = "a" + firstSerial++;
      long left = accounts.remove(name);
      names.remove(name);
      Iterator<String> oldestFirst = openingOrder.iterator();
      String oldest = oldestFirst.next();
      oldestFirst.remove();
      vaults.merge(VAULTS[vault % VAULTS.length], left, Long::sum);
      if (!oldest.equals(name)) {
        return "closed " + name + " but the oldest in opening order was " + oldest;
      }
    }
    return null;
  }

  /** Checks every invariant; returns what is wrong, or null. */
  @Atomic
  static String audit(int probe) {
    long sum = 0;
    for (long balance : accounts.values()) {
      sum += balance;
      if (balance < 0) {
        return "a negative account balance " + balance;
      }
    }
    for (Map.Entry<Vault, Long> e : vaults.entrySet()) {
      sum += e.getValue();
    }
    for (Branch b : branches.keySet()) {
      sum += branches.get(b);
    }
    if (sum != TOTAL) {
      return "a total of " + sum + " instead of " + TOTAL;
    }
    int open = nextSerial - firstSerial;
    if (accounts.size() != open || names.size() != open || openingOrder.size() != open) {
      return open + " open accounts but sizes " + accounts.size() + ", " + names.size() + ", " + openingOrder.size();
    }
    if (!names.equals(accounts.keySet())) {
      return "the name set differs from the map's keys";
    }
    int expected = firstSerial;
    for (String name : openingOrder) {
      if (!name.equals("a" + expected)) {
        return name + " where a" + expected + " was opened";
      }
      expected++;
    }
    if (!accounts.containsKey("a" + (firstSerial + probe % open)) || accounts.containsKey("a" + (firstSerial - 1 - probe % 8))) {
      return "containsKey disagrees with the open range";
    }
    if (vaults.size() != VAULTS.length || branches.size() != BRANCHES.length || branches.keySet().iterator().next() != Branch.NORTH) {
      return vaults.size() + " vaults, " + branches.size() + " branches";
    }
    return null;
  }

  static void transfersKeepTheTotal(Corpus corpus) throws InterruptedException {
    for (int i = 0; i < INITIAL_ACCOUNTS; i++) {
      String name = "a" + nextSerial++;
      accounts.put(name, 100L);
      names.add(name);
      openingOrder.add(name);
    }
    for (int v = 0; v < VAULTS.length; v++) {
      VAULTS[v] = new Vault(v);
      vaults.put(VAULTS[v], 1000L);
    }
    for (Branch b : BRANCHES) {
      branches.put(b, 1000L);
    }
    corpus.inThreads((thread, i, random) -> {
      int op = random.nextInt(100);
      if (op < 70) {
        transfer(random.nextInt(1 << 12), random.nextInt(1 << 12), 1 + random.nextInt(20));
      } else if (op < 80) {
        expectClean(openOrClose(random.nextBoolean(), random.nextInt(VAULTS.length)));
      } else {
        expectClean(audit(random.nextInt(1 << 12)));
      }
    });
    expectClean(audit(7));
    expect(vaults.keySet().stream().mapToInt(v -> v.id).distinct().count() == VAULTS.length, "vaults merged by equals");
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(HashMaps.class, args);
    corpus.add("hashMaps_transfersBetweenAccountsVaultsAndBranches_keepTheTotal", () -> transfersKeepTheTotal(corpus));
    corpus.runAndExit();
  }
}
