package dev.ame.it.programs;

import dev.ame.Atomic;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Runs some blocks, then reads the runtime's MBean as a JMX client would. */
public final class MBeanProbe {
  private long counter;

  @Atomic
  void increment() {
    counter++;
  }

  public static void main(String[] args) throws Exception {
    MBeanProbe p = new MBeanProbe();
    for (int i = 0; i < 1000; i++) {
      p.increment();
    }
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("dev.ame:type=Transactions");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!server.isRegistered(name) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    System.out.println("Commits=" + server.getAttribute(name, "Commits"));
    System.out.println("Aborts=" + server.getAttribute(name, "Aborts"));
  }
}
