package dev.ame.bench;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Console output inside a block (issue 13): the bank transfer of the {@code bank} workload (disjoint
 * account ranges) followed by {@code System.out.println} of a short line, beside the same block
 * without the print and the print alone, outside any block; the bar is that the printing block
 * costs no more than the two others together. While a configuration runs, {@code System.out} is a
 * {@code PrintStream} over {@link OutputStream#nullOutputStream()} (the console's cost without
 * its device); the real one is restored after it. Uninstrumented code runs on one thread only.
 */
final class PrintScenario {
  /** The print alone: what a print costs outside any block. */
  static final Variant PRINT_ALONE = Variant.part("println alone");
  /** The block without its print. */
  static final Variant BLOCK = Variant.ame("AME, no print");
  /** The block that prints: the row issue 13's print bar is for. */
  static final Variant PRINTING = Variant.ame("AME + println");

  private static final Keys RANGES = new Keys(BankScenarios.ACCOUNTS, true);

  private PrintScenario() {}

  static Scenario create() {
    return Scenario.named("print", "println in a block")
        .oneThread(Variant.UNINSTRUMENTED, () -> {
          PrintBlocks blocks = blocks();
          return quiet(blocks, blocks::transferPrintingPlain);
        })
        .add(Variant.GLOBAL_LOCK, () -> {
          PrintBlocks blocks = blocks();
          return quiet(blocks, blocks::transferPrintingLocked);
        })
        .add(PRINT_ALONE, () -> quiet(blocks(), PrintBlocks::printAlone))
        .add(BLOCK, () -> {
          PrintBlocks blocks = blocks();
          return quiet(blocks, blocks::transferAtomic);
        })
        .add(PRINTING, () -> {
          PrintBlocks blocks = blocks();
          return quiet(blocks, blocks::transferPrintingAtomic);
        })
        .build();
  }

  private static PrintBlocks blocks() {
    return new PrintBlocks(new Bank(BankScenarios.ACCOUNTS, BankScenarios.INITIAL_BALANCE));
  }

  /** Transfers with {@code System.out} sent nowhere until the meter releases the workload. */
  private static Workload quiet(PrintBlocks blocks, Transfer transfer) {
    Bank bank = blocks.bank();
    Workload transfers = Workload.transfers(RANGES, transfer, () -> BankScenarios.check(bank.total()));
    PrintStream console = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true)); // autoflush, as the console's
    return new Workload() {
      @Override
      public Operation operation(int thread, int threads) {
        return transfers.operation(thread, threads);
      }

      @Override
      public String check(long operations) {
        return transfers.check(operations);
      }

      @Override
      public void release() {
        System.setOut(console);
      }
    };
  }
}
