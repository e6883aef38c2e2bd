package dev.ame.it.programs.jdk;

import static dev.ame.it.programs.jdk.Corpus.expect;

import dev.ame.Atomic;

/**
 * Console output inside blocks under contention. Each block takes the next number from one shared
 * counter and prints it as one line on {@code System.out}, with {@code println},
 * {@code print} and then {@code println()} (two pieces that must not be split by another block's
 * line), {@code printf} or {@code write}; every tenth block also prints {@code err N} on
 * {@code System.err}. It prints before it writes the counter, so an attempt that conflicts and rolls
 * back has already printed.
 *
 * <p>The contract: output from a block appears when it commits, in commit order, and an attempt
 * that rolls back prints nothing. So stdout's number lines must be exactly 1, 2, ..., N, once each
 * and in order, and stderr's {@code err} lines exactly the multiples of ten — the test that starts
 * this program checks that; the program itself checks the counter.
 */
public final class ConsoleOutput {
  static long printed;

  @Atomic
  static void printNext(int style) {
    long n = printed + 1;
    switch (style) {
      case 0:
        System.out.println(n);
        break;
      case 1:
        System.out.print(n);
        System.out.println();
        break;
      case 2:
        System.out.printf("%d%n", n);
        break;
      default: {
        String text = n + "\n";
        byte[] line = new byte[text.length()];
        for (int i = 0; i < line.length; i++) {
          line[i] = (byte) text.charAt(i); // ASCII digits: no charset (a JDK call of its own) needed
        }
        System.out.write(line, 0, line.length);
        break;
      }
    }
    if (n % 10 == 0) {
      System.err.println("err " + n);
    }
    Corpus.spin(n);
    printed = n;
  }

  static void everyBlockPrintsOneLine(Corpus corpus) throws InterruptedException {
    corpus.inThreads((thread, i, random) -> printNext(random.nextInt(4)));
    long blocks = (long) corpus.threads * corpus.iterations;
    expect(printed == blocks, "the counter lost updates: " + printed + " for " + blocks + " blocks");
  }

  /**
   * A one-item mailbox whose taker prints what it takes before it knows there is anything: an
   * attempt that finds the box empty waits (rolls back, sleeps until the box changes), so a line
   * {@code took 0} on stdout is the output of a rolled-back attempt. On one taker and one putter
   * most attempts run alone (the fast path), where output is written by the fast commit.
   */
  static final class Mailbox {
    private long item;

    @Atomic
    void put(long value) throws InterruptedException {
      while (item != 0) {
        wait();
      }
      item = value;
    }

    @Atomic
    long take() throws InterruptedException {
      System.out.println("took " + item);
      while (item == 0) {
        wait();
      }
      long taken = item;
      item = 0;
      return taken;
    }
  }

  static void takerPrintsOnlyWhatItTakes(Corpus corpus) throws InterruptedException {
    Mailbox box = new Mailbox();
    long[] sum = new long[1];
    corpus.inThreads(2, corpus.iterations, (thread, i, random) -> {
      if (thread == 0) {
        box.put(i + 1);
      } else {
        sum[0] += box.take();
      }
    });
    long n = corpus.iterations;
    expect(sum[0] == n * (n + 1) / 2, "the taker took " + sum[0] + ", expected " + n * (n + 1) / 2);
  }

  public static void main(String[] args) {
    Corpus corpus = new Corpus(ConsoleOutput.class, args);
    corpus.add("console_blocksPrintTheirNumber_counterExact", () -> everyBlockPrintsOneLine(corpus));
    corpus.add("console_waitingTakerPrintsOnlyWhatItTakes", () -> takerPrintsOnlyWhatItTakes(corpus));
    corpus.runAndExit();
  }
}
