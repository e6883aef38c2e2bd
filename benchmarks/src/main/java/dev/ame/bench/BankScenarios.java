package dev.ame.bench;

import java.util.function.LongSupplier;

/**
 * Transfers of 1..64 between two random accounts of a 1024-account bank, in every variant. In the
 * disjoint scenario thread {@code t} only touches accounts of its own range (its half, on two
 * threads; see {@link Keys}), so threads never conflict while the global lock still serializes
 * them; in the random one both threads use all accounts (two concurrent transfers share an account
 * about once in 256).
 */
final class BankScenarios {
  static final int ACCOUNTS = 1024;
  static final long INITIAL_BALANCE = 1_000_000;

  private BankScenarios() {}

  /** Disjoint halves: the low-conflict workload of the 2-thread bar. */
  static Scenario disjoint() {
    Keys ranges = new Keys(ACCOUNTS, true);
    return withVariants(Scenario.named("bank", "bank transfer")
        .add(Variant.UNINSTRUMENTED, () -> {
          Bank bank = bank();
          return transfers(ranges, bank::transferPlain, bank::total);
        }), ranges);
  }

  /** Random accounts out of all 1024: rare conflicts; uninstrumented on one thread only. */
  static Scenario random() {
    Keys all = new Keys(ACCOUNTS, false);
    return withVariants(Scenario.named("bank-random", "bank, random")
        .oneThread(Variant.UNINSTRUMENTED, () -> {
          Bank bank = bank();
          return transfers(all, bank::transferPlain, bank::total);
        }), all);
  }

  private static Scenario withVariants(Scenario.Builder scenario, Keys accounts) {
    return scenario
        .add(Variant.GLOBAL_LOCK, () -> {
          Bank bank = bank();
          return transfers(accounts, bank::transferLocked, bank::total);
        })
        .add(Variant.concurrent("per-account locks"), () -> {
          Bank bank = bank();
          return transfers(accounts, bank::transferPerAccount, bank::total);
        })
        .add(Variant.AME, () -> {
          Bank bank = bank();
          return transfers(accounts, bank::transferAtomic, bank::total);
        })
        .add(Variant.MULTIVERSE, () -> {
          MultiverseBank bank = new MultiverseBank(ACCOUNTS, INITIAL_BALANCE);
          return transfers(accounts, bank::transfer, bank::total);
        })
        .add(Variant.SCALA_STM, () -> {
          ScalaStmBank bank = new ScalaStmBank(ACCOUNTS, INITIAL_BALANCE);
          return transfers(accounts, bank::transfer, bank::total);
        })
        .add(Variant.CLOJURE, () -> {
          ClojureBank bank = new ClojureBank(ACCOUNTS, INITIAL_BALANCE);
          return transfers(accounts, bank::transfer, bank::total);
        })
        .build();
  }

  private static Bank bank() {
    return new Bank(ACCOUNTS, INITIAL_BALANCE);
  }

  /** Each variant passes its own method reference: one receiver per copy of the operation. */
  private static Workload transfers(Keys accounts, Transfer transfer, LongSupplier total) {
    return Workload.transfers(accounts, transfer, () -> check(total.getAsLong()));
  }

  /** Null when no money was created or lost, else what went wrong. */
  static String check(long total) {
    long expected = ACCOUNTS * INITIAL_BALANCE;
    return total == expected ? null : "bank total " + total + ", expected " + expected;
  }
}
