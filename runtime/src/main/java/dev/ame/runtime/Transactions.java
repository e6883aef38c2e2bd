package dev.ame.runtime;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/** The JMX view of the runtime ({@code dev.ame:type=Transactions}). */
public final class Transactions implements TransactionsMBean {
  /** The object name under which the agent registers the MBean. */
  public static final String NAME = "dev.ame:type=Transactions";

  private Transactions() {}

  /** Registers the MBean with the platform MBean server (once). */
  public static synchronized void register() throws JMException {
    ObjectName name = new ObjectName(NAME);
    if (!ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
      ManagementFactory.getPlatformMBeanServer().registerMBean(new Transactions(), name);
    }
  }

  @Override
  public long getCommits() {
    return Stats.snapshot()[Stats.COMMITS];
  }

  @Override
  public long getAborts() {
    return Stats.snapshot()[Stats.ABORTS];
  }

  @Override
  public long getExclusiveRuns() {
    return Stats.snapshot()[Stats.EXCLUSIVE_RUNS];
  }

  @Override
  public long getIrrevocableRuns() {
    return Stats.snapshot()[Stats.IRREVOCABLE_RUNS];
  }

  @Override
  public long getRetries() {
    return Stats.snapshot()[Stats.RETRIES];
  }

  @Override
  public String[] getTopConflicts() {
    return ConflictProfiler.topConflicts(10);
  }
}
