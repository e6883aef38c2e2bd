package dev.ame.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ame.it.programs.loaders.ClassLoaders;
import dev.ame.it.programs.loaders.LateAttach;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classes that do not come from the class path, in real JVMs on every JDK found, and what the
 * agent does with each (programs under {@code programs/loaders}):
 * <ul>
 *   <li>two sibling webapps (child-first loaders, a directory and a jar), each with its own copy
 *       of a class: rewritten, each copy's blocks atomic (4 threads x 20,000 hits; without the agent, hits are lost);
 *   <li>a loader that does not delegate to the system class loader: reported on stderr, its
 *       classes left unchanged, and calls into them from blocks run irrevocably (atomic);
 *   <li>a class defined at run time with {@code Lookup.defineClass}: rewritten, atomic;
 *   <li>a hidden class ({@code defineHiddenClass}): the JVM never shows it to agents, so it is
 *       left unchanged without a word; calls into it from blocks run irrevocably (atomic);
 *   <li>the agent attached late ({@code VirtualMachine.loadAgent}): classes loaded before are left
 *       unchanged (said once on stderr) and called irrevocably from blocks; later ones are rewritten.
 * </ul>
 */
class ClassLoadersTest {
  private static final List<String> CASES = List.of(
      "childFirstWebapps_siblingCopiesOfAClass_areEachAtomic",
      "isolatedLoader_withoutTheRuntime_isReportedAndLeftUnchanged",
      "lookupDefineClass_atRunTime_isRewrittenAndAtomic",
      "hiddenClass_isLeftUnchanged_andRunsIrrevocablyInsideBlocks");

  static List<Jvm.Jdk> jdks() {
    return Jvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void loaders_eachCaseAtomicOrReportedAndLeftUnchanged(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.withAgent(jdk, null, ClassLoaders.class, CASES.toArray(String[]::new));
    for (String name : CASES) {
      assertTrue(r.stdout().lines().anyMatch(("OK " + name)::equals), name + "\n" + r.describe());
    }
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("[ame] warning: class loader java.net.URLClassLoader")
        && r.stderr().contains("does not delegate to the system class loader"), r.describe());
    assertEquals(1, r.stderr().lines().filter(l -> l.startsWith("[ame]")).count(), "one report only:\n" + r.describe());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void loaders_withoutAgent_hitsAreLost(Jvm.Jdk jdk) {
    List<String> concurrency = List.of("childFirstWebapps_siblingCopiesOfAClass_areEachAtomic",
        "lookupDefineClass_atRunTime_isRewrittenAndAtomic");
    for (String name : concurrency) { // one fresh JVM each: no case warms the JIT for the next
      Jvm.Result r = Jvm.withoutAgent(jdk, ClassLoaders.class, name);
      assertNotEquals(0, r.exitCode(), r.describe());
      assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("FAIL " + name + ": ") && l.contains(" hits counted of ")),
          name + " lost no hit without the agent: it proves nothing\n" + r.describe());
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void lateAttach_earlierClassesUnchangedAndCalledIrrevocably_laterClassesRewritten(Jvm.Jdk jdk) {
    Jvm.Result r = Jvm.run(jdk, List.of("-Djdk.attach.allowAttachSelf=true"), null, false,
        Jvm.programs().toString(), LateAttach.class.getName(), Jvm.agentJar().toString());
    assertEquals(0, r.exitCode(), r.describe());
    for (String name : List.of("attach_loadsTheAgentIntoThisJvm", "classLoadedBefore_isLeftUnchanged",
        "classLoadedAfter_isAtomicAndCallsTheEarlyClassIrrevocably")) {
      assertTrue(r.stdout().lines().anyMatch(("OK " + name)::equals), name + "\n" + r.describe());
    }
    assertTrue(r.stderr().contains("[ame] warning: attached to a running JVM: only classes loaded from now on are rewritten"),
        r.describe());
  }
}
