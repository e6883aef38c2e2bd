package dev.ame.bench;

import dev.ame.Atomic;
import java.util.ArrayList;

/**
 * 64 {@code java.util.ArrayList}s of {@code Integer}s, 32 each at first. An operation works on the
 * list of its key and, for the two-list operations, on its neighbour (key {@code k ^ 1}: in the
 * thread's own range of lists whenever the ranges have an even size, as at 1, 2, 4, ... threads):
 * 70% read four random elements; 10% swap two elements of one list ({@code set}); 10% move an
 * element from one list to a random place in the other ({@code remove(i)} and {@code add(j, e)},
 * shifting the elements behind); 10% move an amount from an element of one list to an element of
 * the other. None of them changes how many elements there are in all, or their sum. The three entry
 * points run the very same {@link #execute} code: plain, under the global lock, and as an atomic
 * block (the JDK's code makes the block irrevocable until issue 13 lets it run speculatively).
 */
final class ArrayLists {
  static final int LISTS = 64;
  private static final int LENGTH = 32;
  private static final int READ_BELOW = 70;
  private static final int SWAP_BELOW = 80;
  private static final int MOVE_BELOW = 90;

  private final ArrayList<Integer>[] lists;

  @SuppressWarnings("unchecked") // an array of a generic type: each element is an ArrayList<Integer>
  ArrayLists() {
    lists = new ArrayList[LISTS];
    for (int l = 0; l < LISTS; l++) {
      lists[l] = new ArrayList<>();
      for (int i = 0; i < LENGTH; i++) {
        lists[l].add(Boxed.of(i));
      }
    }
  }

  boolean executePlain(int roll, int key, long bits) {
    return execute(roll, key, bits);
  }

  boolean executeLocked(int roll, int key, long bits) {
    synchronized (GlobalLock.LOCK) {
      return execute(roll, key, bits);
    }
  }

  @Atomic
  boolean executeAtomic(int roll, int key, long bits) {
    return execute(roll, key, bits);
  }

  /** The operation {@code roll} means, on list {@code key} (and its neighbour); positions come from {@code bits}. */
  private boolean execute(int roll, int key, long bits) {
    ArrayList<Integer> list = lists[key];
    int i = (int) (bits & 0xFFFF);
    int j = (int) ((bits >>> 16) & 0xFFFF);
    if (roll < READ_BELOW) {
      return read(list, bits);
    }
    if (roll < SWAP_BELOW) {
      return !list.isEmpty() && swap(list, i % list.size(), j % list.size());
    }
    ArrayList<Integer> other = lists[key ^ 1];
    if (roll < MOVE_BELOW) {
      return !list.isEmpty() && move(list, i % list.size(), other, j);
    }
    return !list.isEmpty() && !other.isEmpty() && shift(list, i % list.size(), other, j % other.size(),
        1 + (int) ((bits >>> 32) & 7));
  }

  private static boolean read(ArrayList<Integer> list, long bits) {
    int size = list.size();
    if (size == 0) {
      return false;
    }
    long sum = 0;
    for (int k = 0; k < 4; k++, bits >>>= 12) {
      sum += list.get((int) (bits & 0xFFF) % size);
    }
    return sum > 0;
  }

  private static boolean swap(ArrayList<Integer> list, int i, int j) {
    list.set(i, list.set(j, list.get(i)));
    return true;
  }

  /** Takes element {@code i} of {@code from} and inserts it in {@code to} at a place that {@code j} picks. */
  private static boolean move(ArrayList<Integer> from, int i, ArrayList<Integer> to, int j) {
    to.add(j % (to.size() + 1), from.remove(i));
    return true;
  }

  private static boolean shift(ArrayList<Integer> from, int i, ArrayList<Integer> to, int j, int amount) {
    from.set(i, from.get(i) - amount);
    to.set(j, to.get(j) + amount);
    return true;
  }

  /** Null when the lists hold as many elements as at first, none null, with the same sum; else what is wrong. */
  String check() {
    long count = 0;
    long sum = 0;
    for (ArrayList<Integer> list : lists) {
      for (Integer element : list) {
        if (element == null) {
          return "an ArrayList holds null";
        }
        count++;
        sum += element;
      }
    }
    long expectedSum = (long) LISTS * LENGTH * (LENGTH - 1) / 2;
    return count == (long) LISTS * LENGTH && sum == expectedSum ? null
        : "ArrayLists hold " + count + " elements summing to " + sum + ", expected " + LISTS * LENGTH + " summing to "
            + expectedSum;
  }
}
