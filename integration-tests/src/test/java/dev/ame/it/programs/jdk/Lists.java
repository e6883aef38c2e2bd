package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;

/**
 * A {@code LinkedList} kept sorted and an {@code ArrayList} of numbers, changed by blocks through
 * list iterators, index operations, sub-list views and {@code removeIf} (an application lambda
 * called back by the JDK), each with a count and a sum kept beside it in the same blocks.
 *
 * <p>Invariants, audited inside blocks while the others insert and remove: the linked list
 * iterates sorted, forwards and backwards, with as many elements as the count and their sum; the
 * array list's size, sum and copy ({@code toArray}) agree with its counters.
 */
public final class Lists {
  static final LinkedList<Integer> sorted = new LinkedList<>();
  static int sortedCount;
  static long sortedSum;

  static final ArrayList<Integer> numbers = new ArrayList<>();
  static int numberCount;
  static long numberSum;

  /** Inserts {@code value} in order, through a list iterator (while the list is short). */
  @Atomic
  static void insertSorted(int value) {
    if (sortedCount >= 200) {
      return;
    }
    ListIterator<Integer> it = sorted.listIterator();
    while (it.hasNext()) {
      if (it.next() > value) {
        it.previous();
        break;
      }
    }
    it.add(value);
    sortedCount++;
    sortedSum += value;
  }

  /** Removes one element, in one of four ways chosen by {@code how}. */
  @Atomic
  static void removeSorted(int how, int value) {
    if (sorted.isEmpty()) {
      return;
    }
    int removed;
    switch (how % 4) {
      case 0: removed = sorted.removeFirst(); break;
      case 1: removed = sorted.pollLast(); break;
      case 2: removed = sorted.remove(value % sorted.size()); break;
      default: {
        Integer v = value % 1000;
        if (!sorted.contains(v)) {
          return;
        }
        sorted.removeFirstOccurrence(v);
        removed = v;
        break;
      }
    }
    sortedCount--;
    sortedSum -= removed;
  }

  @Atomic
  static String auditSorted() {
    int n = 0;
    long sum = 0;
    int previous = Integer.MIN_VALUE;
    for (int v : sorted) {
      if (v < previous) {
        return v + " after " + previous + " in the sorted list";
      }
      previous = v;
      n++;
      sum += v;
    }
    for (Iterator<Integer> down = sorted.descendingIterator(); down.hasNext(); ) {
      int v = down.next();
      if (v > previous) {
        return v + " after " + previous + " iterating the sorted list backwards";
      }
      previous = v;
    }
    if (n != sortedCount || sorted.size() != sortedCount || sum != sortedSum) {
      return n + " elements (size " + sorted.size() + ") summing to " + sum + ", counted " + sortedCount + " summing to " + sortedSum;
    }
    if (n > 0 && (sorted.getFirst() != previous || sorted.peekLast() < sorted.peekFirst())) {
      return "the ends of the sorted list disagree with its iterators";
    }
    return null;
  }

  /** One change to the array list, chosen by {@code op}. */
  @Atomic
  static void changeNumbers(int op, int a, int b) {
    int size = numbers.size();
    if (op == 0 || size < 8) {
      numbers.add(a);
      numberCount++;
      numberSum += a;
    } else if (op == 1 && size < 256) {
      numbers.add(b % (size + 1), a);
      numberCount++;
      numberSum += a;
    } else if (op == 2) {
      numberSum += a - numbers.set(b % size, a);
    } else if (op == 3) {
      int from = b % size;
      List<Integer> range = numbers.subList(from, Math.min(size, from + 1 + a % 8));
      for (int v : range) {
        numberSum -= v;
      }
      numberCount -= range.size();
      range.clear();
    } else if (op == 4) {
      long[] removed = new long[2];
      numbers.removeIf(v -> {
        if (v % 16 == a % 16) {
          removed[0]++;
          removed[1] += v;
          return true;
        }
        return false;
      });
      numberCount -= (int) removed[0];
      numberSum -= removed[1];
    } else {
      numbers.sort(null);
      if (numbers.indexOf(numbers.get(0)) != 0) {
        throw new IllegalStateException("indexOf of the first element after sorting");
      }
    }
  }

  @Atomic
  static String auditNumbers() {
    long sum = 0;
    for (int i = 0; i < numbers.size(); i++) {
      sum += numbers.get(i);
    }
    Object[] copy = numbers.toArray();
    long copySum = 0;
    for (Object v : copy) {
      copySum += (Integer) v;
    }
    if (numbers.size() != numberCount || copy.length != numberCount || sum != numberSum || copySum != numberSum) {
      return numbers.size() + " numbers summing to " + sum + " (copy: " + copy.length + ", " + copySum + "), counted "
          + numberCount + " summing to " + numberSum;
    }
    return null;
  }

  static void linkedListStaysSorted(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> {
      int op = random.nextInt(10);
      if (op < 4) {
        insertSorted(random.nextInt(1000));
      } else if (op < 7) {
        removeSorted(random.nextInt(4), random.nextInt(1 << 16));
      } else {
        expectClean(auditSorted());
      }
    });
    expectClean(auditSorted());
  }

  static void arrayListMatchesItsCounters(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> {
      int op = random.nextInt(10);
      if (op < 7) {
        changeNumbers(op, random.nextInt(1000), random.nextInt(1 << 16));
      } else {
        expectClean(auditNumbers());
      }
    });
    expectClean(auditNumbers());
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(Lists.class, args);
    corpus.add("linkedList_iteratedWhileOthersInsertAndRemove_staysSortedAndCounted", () -> linkedListStaysSorted(corpus));
    corpus.add("arrayList_indexViewAndLambdaChanges_matchItsCounters", () -> arrayListMatchesItsCounters(corpus));
    corpus.runAndExit();
  }
}
