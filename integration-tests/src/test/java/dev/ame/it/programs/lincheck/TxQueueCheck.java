package dev.ame.it.programs.lincheck;

import dev.ame.Atomic;
import dev.ame.TxQueue;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * {@link TxQueue} against an {@link ArrayDeque}: {@code add} and {@code poll} are blocks of their
 * own (appends are linked at commit, polls move the head); {@code addTwo} appends two items in one
 * block (they must arrive together, in order), {@code pollThenAdd} takes the head and appends an
 * item in one block.
 */
public class TxQueueCheck {
  private final TxQueue<Integer> queue = new TxQueue<>();

  @Operation
  public void add(int item) {
    queue.add(item);
  }

  @Operation
  public Integer poll() {
    return queue.poll();
  }

  @Atomic
  @Operation
  public void addTwo(int first, int second) {
    queue.add(first);
    queue.add(second);
  }

  @Atomic
  @Operation
  public Integer pollThenAdd(int item) {
    Integer head = queue.poll();
    queue.add(item);
    return head;
  }

  /** The sequential specification. */
  public static final class Spec {
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();

    public void add(int item) {
      queue.addLast(item);
    }

    public Integer poll() {
      return queue.pollFirst();
    }

    public void addTwo(int first, int second) {
      queue.addLast(first);
      queue.addLast(second);
    }

    public Integer pollThenAdd(int item) {
      Integer head = queue.pollFirst();
      queue.addLast(item);
      return head;
    }
  }
}
