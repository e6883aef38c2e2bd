package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expectClean;

import dev.ame.Atomic;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.PriorityQueue;

/**
 * {@code ArrayDeque} and {@code PriorityQueue} inside blocks.
 *
 * <p>Tokens circulate between four deques, taken from either end and put at either end: an audit
 * inside a block finds every token exactly once, and each deque's two ends and both iterators
 * agree. A min-heap's smallest element is polled and put back larger, so the smallest polled can
 * never decrease from one block to the next; a max-heap with an application comparator does the
 * opposite; both keep their size, and a sum kept by the same blocks.
 */
public final class Queues {
  static final int TOKENS = 256;
  static final int HEAP_SIZE = 64;

  /** One deque of tokens (an application object holding a JDK one). */
  static final class Lane {
    final ArrayDeque<Integer> tokens = new ArrayDeque<>();
  }

  static final Lane[] lanes = {new Lane(), new Lane(), new Lane(), new Lane()};
  static long passes;

  static final PriorityQueue<Long> smallestFirst = new PriorityQueue<>();
  static long smallestSum;
  static long lastSmallest;
  static final PriorityQueue<Long> largestFirst = new PriorityQueue<>(Queues::descending);
  static long largestSum;
  static long lastLargest = Long.MAX_VALUE;

  private static int descending(Long a, Long b) {
    return Long.compare(b, a);
  }

  /** Moves one token between lanes, taking from the head or the tail, putting at the head or the tail. */
  @Atomic
  static void pass(int from, int to, boolean fromTail, boolean toHead) {
    ArrayDeque<Integer> source = lanes[from].tokens;
    Integer token = fromTail ? source.pollLast() : source.pollFirst();
    if (token == null) {
      return;
    }
    if (toHead) {
      lanes[to].tokens.push(token);
    } else {
      lanes[to].tokens.offerLast(token);
    }
    passes++;
  }

  @Atomic
  static String auditLanes() {
    boolean[] seen = new boolean[TOKENS];
    int found = 0;
    for (Lane lane : lanes) {
      ArrayDeque<Integer> deque = lane.tokens;
      int n = 0;
      Integer last = null;
      for (int token : deque) {
        if (seen[token]) {
          return "token " + token + " twice";
        }
        seen[token] = true;
        last = token;
        n++;
      }
      Iterator<Integer> down = deque.descendingIterator();
      if (n != deque.size() || (n > 0 && (!down.next().equals(last) || !deque.peekLast().equals(last)))) {
        return "a deque's size or ends disagree with its iterators";
      }
      found += n;
    }
    return found == TOKENS ? null : found + " tokens of " + TOKENS;
  }

  /** Polls the smallest element and puts it back larger by {@code delta}. */
  @Atomic
  static String advanceSmallest(int delta) {
    long smallest = smallestFirst.poll();
    if (smallest < lastSmallest) {
      return "polled " + smallest + " after " + lastSmallest;
    }
    Long next = smallestFirst.peek();
    if (next != null && next < smallest) {
      return "peek " + next + " below the polled " + smallest;
    }
    lastSmallest = smallest;
    smallestFirst.add(smallest + delta);
    smallestSum += delta;
    return null;
  }

  /** Takes some element (through the iterator) out, and puts it back larger: the minimum cannot drop. */
  @Atomic
  static void raiseAny(int skip, int delta) {
    Iterator<Long> it = smallestFirst.iterator();
    long v = it.next();
    for (int i = 0; i < skip && it.hasNext(); i++) {
      v = it.next();
    }
    smallestFirst.remove(v);
    smallestFirst.offer(v + delta);
    smallestSum += delta;
  }

  /** Polls the largest element (by the application comparator) and puts it back smaller. */
  @Atomic
  static String lowerLargest(int delta) {
    long largest = largestFirst.poll();
    if (largest > lastLargest) {
      return "polled " + largest + " after " + lastLargest;
    }
    lastLargest = largest;
    largestFirst.add(largest - delta);
    largestSum -= delta;
    return null;
  }

  @Atomic
  static String auditHeaps() {
    long sum = 0;
    for (long v : smallestFirst) {
      if (v < lastSmallest) {
        return v + " in the min-heap, below the last polled " + lastSmallest;
      }
      sum += v;
    }
    long largest = 0;
    for (Object v : largestFirst.toArray()) {
      largest += (Long) v;
    }
    if (sum != smallestSum || largest != largestSum || smallestFirst.size() != HEAP_SIZE || largestFirst.size() != HEAP_SIZE) {
      return "heaps of " + smallestFirst.size() + " and " + largestFirst.size() + " summing to " + sum + " and "
          + largest + ", counted " + smallestSum + " and " + largestSum;
    }
    return null;
  }

  static void tokensCirculate(Corpus corpus) throws InterruptedException {
    for (int t = 0; t < TOKENS; t++) {
      lanes[t % lanes.length].tokens.add(t);
    }
    corpus.inThreads((thread, i, random) -> {
      if (i % 8 == 7) {
        expectClean(auditLanes());
      } else {
        pass(random.nextInt(lanes.length), random.nextInt(lanes.length), random.nextBoolean(), random.nextBoolean());
      }
    });
    expectClean(auditLanes());
  }

  static void heapsKeepTheirOrder(Corpus corpus) throws InterruptedException {
    for (int i = 0; i < HEAP_SIZE; i++) {
      smallestFirst.add((long) i * 10);
      smallestSum += i * 10;
      largestFirst.add((long) i * 10);
      largestSum += i * 10;
    }
    corpus.inThreads((thread, i, random) -> {
      int op = random.nextInt(10);
      if (op < 4) {
        expectClean(advanceSmallest(1 + random.nextInt(100)));
      } else if (op < 6) {
        raiseAny(random.nextInt(HEAP_SIZE), 1 + random.nextInt(100));
      } else if (op < 8) {
        expectClean(lowerLargest(1 + random.nextInt(100)));
      } else {
        expectClean(auditHeaps());
      }
    });
    expectClean(auditHeaps());
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(Queues.class, args);
    corpus.add("arrayDeque_tokensPassedBetweenEnds_eachFoundOnce", () -> tokensCirculate(corpus));
    corpus.add("priorityQueue_pollAndPutBack_keepsOrderSizeAndSum", () -> heapsKeepTheirOrder(corpus));
    corpus.runAndExit();
  }
}
