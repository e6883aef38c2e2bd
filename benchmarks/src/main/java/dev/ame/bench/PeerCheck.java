package dev.ame.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the agent left alone the classes that benchmarks/harness.conf excludes: the peer
 * STMs, which must run their original code for the comparison to be fair, and our classes that
 * build the operations' lambdas. A rewritten class has transactional twins (methods named
 * {@code ...$ame}) beside its own.
 */
final class PeerCheck {
  /** The classes each peer's hot path runs through, and ours that harness.conf excludes. */
  private static final List<String> CLASSES = List.of(
      "dev.ame.bench.BankScenarios", "dev.ame.bench.ListScenario", "dev.ame.bench.MultiverseBank",
      "dev.ame.bench.ScalaStmListSet", "dev.ame.bench.ClojureTxn",
      "org.multiverse.api.StmUtils", "org.multiverse.stms.gamma.GammaStm",
      "org.multiverse.stms.gamma.transactionalobjects.GammaTxnLong",
      "org.multiverse.stms.gamma.transactionalobjects.GammaTxnRef",
      "scala.concurrent.stm.japi.STM", "scala.concurrent.stm.ccstm.InTxnImpl",
      "clojure.lang.Ref", "clojure.lang.LockingTransaction");
  private static final String TWIN_SUFFIX = "$ame";

  private PeerCheck() {}

  /** The names of the peer classes that the agent rewrote (empty when none was), after loading them. */
  static List<String> rewrittenClasses() {
    List<String> rewritten = new ArrayList<>();
    for (String name : CLASSES) {
      try {
        for (java.lang.reflect.Method method : Class.forName(name).getDeclaredMethods()) {
          if (method.getName().endsWith(TWIN_SUFFIX)) {
            rewritten.add(name);
            break;
          }
        }
      } catch (ClassNotFoundException e) {
        rewritten.add(name + " (not found: is the peer on the class path?)");
      }
    }
    return rewritten;
  }

  /** How many classes {@link #rewrittenClasses} looks at. */
  static int checkedClasses() {
    return CLASSES.size();
  }
}
