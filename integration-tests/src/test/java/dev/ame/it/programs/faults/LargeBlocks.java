package dev.ame.it.programs.faults;

import static dev.ame.it.programs.Checks.expect;

import dev.ame.Atomic;
import dev.ame.it.programs.Statistics;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocks with no size or duration limit (DESIGN.md section 3, progress): one that runs for
 * seconds, reading every account of a bank again and again while other threads commit transfers
 * on it, and one that writes a million array elements and a hundred thousand objects in one go
 * while readers sample them. Both must commit, consistently, and the others must not be blocked
 * for good.
 */
final class LargeBlocks {
  private LargeBlocks() {}

  /** Reads the whole bank in {@code passes} passes with local work between them; every pass must see the total. */
  @Atomic
  static long audit(Bank bank, int passes, long grindSteps) {
    long wrong = 0;
    for (int p = 0; p < passes; p++) {
      long sum = 0;
      for (long b : bank.balances) {
        sum += b;
      }
      if (sum != bank.expectedTotal()) {
        wrong++;
      }
      Work.grind(grindSteps);
    }
    bank.balances[0] = bank.balances[0]; // a writer: it must validate against every commit since it began
    return wrong;
  }

  static void longBlock() throws Throwable {
    Bank bank = new Bank(20_000);
    Traffic traffic = new Traffic(bank, 2).start();
    long exclusiveBefore = Statistics.counter(Statistics.snapshot(), "exclusiveRuns");
    long begin = System.nanoTime();
    long wrong = audit(bank, 20, 25_000_000);
    double seconds = (System.nanoTime() - begin) / 1e9;
    long exclusive = Statistics.counter(Statistics.snapshot(), "exclusiveRuns") - exclusiveBefore;
    System.out.printf("  the audit block committed after %.1f s (%d exclusive runs meanwhile)%n", seconds, exclusive);
    expect(wrong == 0, wrong + " passes of the long block saw a wrong total");
    traffic.expectProgress();
    Faults.expectRecovered(bank, traffic, bank.expectedTotal());
  }

  static final class Cell {
    long stamp;
  }

  static final class Board {
    final long[] elements;
    final Cell[] cells = new Cell[100_000];

    Board(int elementCount) {
      elements = new long[elementCount];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = new Cell();
      }
    }

    @Atomic
    void stampAll(long stamp) {
      for (int i = 0; i < elements.length; i++) {
        elements[i] = stamp;
      }
      for (Cell c : cells) {
        c.stamp = stamp;
      }
    }

    /** Samples elements and cells at random places: all must carry one stamp. */
    @Atomic
    boolean sampleIsUniform(int[] places) {
      long first = elements[places[0]];
      for (int p : places) {
        if (elements[p] != first || cells[p % cells.length].stamp != first) {
          return false;
        }
      }
      return true;
    }
  }

  /** 900,000 elements and 100,000 objects: a million writes per block. */
  static void millionWrites() throws Throwable {
    stampedBoard(900_000);
  }

  /** 1,900,000 elements and 100,000 objects: more written locations than the runtime has lock words (2^20). */
  static void twoMillionWrites() throws Throwable {
    stampedBoard(1_900_000);
  }

  /**
   * Stamps the board again and again while another thread samples it: at least three blocks, and
   * on until the sampler has taken enough samples to catch a torn board if blocks were not atomic
   * (without the agent a block takes a millisecond, so three alone can slip between samples).
   */
  private static void stampedBoard(int elementCount) throws Throwable {
    Board board = new Board(elementCount);
    AtomicLong torn = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      int[] places = new int[64];
      while (!done.get()) {
        for (int i = 0; i < places.length; i++) {
          places[i] = Work.pick(board.elements.length);
        }
        if (!board.sampleIsUniform(places)) {
          torn.incrementAndGet();
        }
        samples.incrementAndGet();
      }
    }, "sampler");
    reader.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    long stamp = 0;
    while (stamp < 3 || (samples.get() < 20_000 && System.nanoTime() < deadline)) {
      stamp++;
      board.stampAll(stamp);
      for (int i = 0; i < board.elements.length; i++) {
        if (board.elements[i] != stamp || board.cells[i % board.cells.length].stamp != stamp) {
          throw new AssertionError("after the block of stamp " + stamp + ", element or cell " + i + " is not stamped");
        }
      }
    }
    done.set(true);
    reader.join(60_000);
    expect(!reader.isAlive(), "the sampler hangs\n" + Stacks.of(reader));
    System.out.println("  " + stamp + " blocks of " + (elementCount + board.cells.length) + " writes each; "
        + samples.get() + " samples by another thread, " + torn.get() + " torn");
    expect(torn.get() == 0, torn.get() + " samples saw part of a block's writes");
  }
}
