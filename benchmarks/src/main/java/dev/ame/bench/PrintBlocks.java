package dev.ame.bench;

import dev.ame.Atomic;

/**
 * The print scenario's operations: the bank's transfer with a short {@code System.out.println}
 * after it, plain, under the global lock and as an atomic block (where the JDK's
 * {@code PrintStream} makes the block irrevocable until issue 13 buffers console output per
 * attempt); the same block without the print; and the print alone, outside any block. Both atomic
 * blocks reach the transfer through the same call, so the print is their only difference.
 */
final class PrintBlocks {
  /** What each operation prints: a short constant line, so the price is the print's, not formatting's. */
  static final String LINE = "transfer done";

  private final Bank bank;

  PrintBlocks(Bank bank) {
    this.bank = bank;
  }

  Bank bank() {
    return bank;
  }

  boolean transferPrintingPlain(int from, int to, long amount) {
    boolean moved = bank.transferPlain(from, to, amount);
    System.out.println(LINE);
    return moved;
  }

  boolean transferPrintingLocked(int from, int to, long amount) {
    synchronized (GlobalLock.LOCK) {
      return transferPrintingPlain(from, to, amount);
    }
  }

  @Atomic
  boolean transferAtomic(int from, int to, long amount) {
    return bank.transferPlain(from, to, amount);
  }

  @Atomic
  boolean transferPrintingAtomic(int from, int to, long amount) {
    boolean moved = bank.transferPlain(from, to, amount);
    System.out.println(LINE);
    return moved;
  }

  /** The print of {@link #transferPrintingAtomic} without the transfer or the block; the arguments go unused. */
  static boolean printAlone(int from, int to, long amount) {
    System.out.println(LINE);
    return true;
  }
}
