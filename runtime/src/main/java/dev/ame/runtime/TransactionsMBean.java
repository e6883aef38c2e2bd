package dev.ame.runtime;

/** Live counters of the AME runtime, registered as {@code dev.ame:type=Transactions}. */
public interface TransactionsMBean {
  long getCommits();

  long getAborts();

  long getExclusiveRuns();

  long getIrrevocableRuns();

  long getRetries();

  /** The top conflicts, one line each (empty unless the agent runs with {@code report=}). */
  String[] getTopConflicts();
}
