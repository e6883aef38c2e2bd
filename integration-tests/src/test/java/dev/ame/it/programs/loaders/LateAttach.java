package dev.ame.it.programs.loaders;

import static dev.ame.it.programs.Checks.expect;

import com.sun.tools.attach.VirtualMachine;
import dev.ame.it.programs.Checks;
import dev.ame.it.programs.Statistics;

/**
 * The agent attached to a running JVM ({@code VirtualMachine.loadAgent}, the manifest's
 * Agent-Class) after some classes were loaded and used. Those classes stay as they were (their
 * atomic methods are plain methods, the agent says so once on stderr) and blocks of classes loaded
 * later call into them irrevocably, so those blocks are atomic; classes loaded later are rewritten.
 *
 * <p>Usage: {@code LateAttach path/to/ame.jar}, started with {@code -Djdk.attach.allowAttachSelf=true}
 * and without {@code -javaagent}.
 */
public final class LateAttach {
  private LateAttach() {}

  public static void main(String[] args) throws Exception {
    Tally early = new Tally();
    for (int i = 0; i < 100; i++) {
      early.hit(); // loaded, linked and run (maybe compiled) before the agent comes
    }
    Checks checks = new Checks();
    checks.check("attach_loadsTheAgentIntoThisJvm", () -> {
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
      try {
        vm.loadAgent(args[0]);
      } finally {
        vm.detach();
      }
      expect(Statistics.snapshot() != null, "the runtime is not visible after attaching");
    });
    checks.check("classLoadedBefore_isLeftUnchanged", () -> {
      long before = Statistics.counter(Statistics.snapshot(), "commits");
      for (int i = 0; i < 1000; i++) {
        early.hit();
      }
      long commits = Statistics.counter(Statistics.snapshot(), "commits") - before;
      expect(early.hits == 1100, "hits " + early.hits);
      expect(commits == 0, "the class loaded before the agent ran " + commits + " blocks: it was rewritten");
    });
    checks.check("classLoadedAfter_isAtomicAndCallsTheEarlyClassIrrevocably", () -> {
      LateTally late = new LateTally();
      long hitsBefore = early.hits;
      long irrevocableBefore = Statistics.counter(Statistics.snapshot(), "irrevocableRuns");
      Hammer.hammer(() -> late.hitBoth(early));
      long expected = (long) Hammer.THREADS * Hammer.TIMES;
      long irrevocable = Statistics.counter(Statistics.snapshot(), "irrevocableRuns") - irrevocableBefore;
      expect(late.hits == expected, "late hits " + late.hits + " of " + expected);
      expect(early.hits - hitsBefore == expected, "early hits " + (early.hits - hitsBefore) + " of " + expected);
      expect(irrevocable >= expected, irrevocable + " irrevocable runs for " + expected + " blocks calling the early class");
    });
    System.out.println("transactions: " + Statistics.describe());
    checks.exitIfFailed();
  }
}
