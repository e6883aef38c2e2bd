package dev.ame.it.programs.litmus;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;

/**
 * A small in-process harness for litmus tests written with jcstress's annotations (issue 14):
 * {@code @State} classes whose {@code @Actor} methods race, an optional {@code @Arbiter} that
 * looks after both, and {@code @Outcome}s that say which results are acceptable, interesting or
 * forbidden. The same classes run unchanged under jcstress itself (see docs/GUARANTEES.md); this
 * harness exists because jcstress's own runner, on this 2-core machine, forks a JVM per
 * configuration and sometimes counts one CPU (and then refuses to run two actors).
 *
 * <p>Like jcstress, each round gives every actor thread the same array of fresh states; the
 * threads walk the array in step (every 8 states, an actor waits until every other actor has got
 * as far), so that the actors of one state run at about the same time even when one is much slower
 * than the other (a block against a plain read). After the round the arbiter runs and each state's
 * result (its {@code toString}, {@code "r1, r2"}) is counted. A case fails when a forbidden
 * outcome is seen once, or an outcome no {@code @Outcome} names.
 *
 * <p>Usage: {@code Litmus [case...]} (default: every case); {@code -Dlitmus.millis} time per case
 * (default 1000). Prints {@code OK name: N runs} or {@code FAIL name: ...}, then every outcome with
 * its count and expectation; exits 1 when a case failed.
 */
public final class Litmus {
  static final List<Class<?>> CASES = List.of(
      Publication.class, Privatization.class, TornLongDouble.class, TornLongDoubleInBlock.class,
      OutOfThinAir.class, WriteSkew.class, VolatileFlag.class);

  /** States per round: enough that the actors' walks overlap, few enough to stay in cache. */
  private static final int STRIDE = 2048;
  /** Ints between two actors' progress counters: a cache line each. */
  private static final int PAD = 16;
  /** States between two points where the actors wait for each other: they drift apart by at most this many. */
  private static final int STEP = 8;

  private Litmus() {}

  /** The names of every case, as printed. */
  public static List<String> names() {
    return CASES.stream().map(Class::getSimpleName).toList();
  }

  public static void main(String[] args) throws Throwable {
    long millis = Long.getLong("litmus.millis", 1000);
    List<String> selected = List.of(args);
    int failed = 0;
    for (Class<?> c : CASES) {
      if (selected.isEmpty() || selected.contains(c.getSimpleName())) {
        failed += run(c, millis) ? 0 : 1;
      }
    }
    System.out.flush();
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs one case for about {@code millis}; prints its outcomes; returns whether it passed. */
  static boolean run(Class<?> test, long millis) throws Throwable {
    Method[] actors = Arrays.stream(test.getMethods()).filter(m -> m.isAnnotationPresent(Actor.class))
        .sorted(Comparator.comparing(Method::getName)).toArray(Method[]::new);
    Method arbiter = Arrays.stream(test.getMethods()).filter(m -> m.isAnnotationPresent(Arbiter.class)).findFirst().orElse(null);
    Class<?> resultType = resultType(actors, arbiter);
    MethodHandle newState = constructor(test);
    MethodHandle newResult = constructor(resultType);
    MethodHandle arbiterCall = arbiter == null ? null : call(arbiter);
    Object[] states = new Object[STRIDE];
    Object[] results = new Object[STRIDE];
    AtomicIntegerArray progress = new AtomicIntegerArray(actors.length * PAD);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    CyclicBarrier start = new CyclicBarrier(actors.length + 1);
    CyclicBarrier end = new CyclicBarrier(actors.length + 1);
    for (int a = 0; a < actors.length; a++) {
      MethodHandle actor = call(actors[a]);
      int self = a;
      Thread t = new Thread(() -> {
        try {
          for (start.await(); !done.get(); start.await()) {
            for (int i = 0; i < STRIDE; i++) {
              if ((i & (STEP - 1)) == 0) {
                keepStep(progress, self, actors.length, i);
              }
              actor.invokeExact(states[i], results[i]);
            }
            progress.set(self * PAD, Integer.MAX_VALUE); // finished: nobody waits for it
            end.await();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          progress.set(self * PAD, Integer.MAX_VALUE);
          start.reset();
          end.reset();
        }
      }, test.getSimpleName() + "-" + actors[a].getName());
      t.setDaemon(true);
      t.start();
    }
    Map<String, Long> counts = new TreeMap<>();
    long runs = 0;
    long deadline = System.nanoTime() + millis * 1_000_000L;
    try {
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < STRIDE; i++) {
          states[i] = newState.invokeExact();
          results[i] = newResult.invokeExact();
        }
        for (int a = 0; a < actors.length; a++) {
          progress.set(a * PAD, -1);
        }
        start.await(); // the barrier also publishes the new states to the actors
        end.await();
        for (int i = 0; i < STRIDE; i++) {
          if (arbiterCall != null) {
            arbiterCall.invokeExact(states[i], results[i]);
          }
          counts.merge(results[i].toString(), 1L, Long::sum);
        }
        runs += STRIDE;
      }
      done.set(true);
      start.await();
    } catch (BrokenBarrierException e) {
      // an actor failed: reported below
    }
    if (failure.get() != null) {
      System.out.println("FAIL " + test.getSimpleName() + ": an actor threw " + failure.get());
      failure.get().printStackTrace(System.out);
      return false;
    }
    return report(test, counts, runs);
  }

  /**
   * Keeps the actors in step: at every {@link #STEP}th state an actor waits until every other one
   * has got as far, spinning (the wait is short when both run), then yielding (when one was
   * descheduled: two cores are shared with everything else).
   */
  private static void keepStep(AtomicIntegerArray progress, int self, int actors, int i) {
    progress.set(self * PAD, i);
    for (int other = 0; other < actors; other++) {
      for (int spins = 0; progress.get(other * PAD) < i; spins++) {
        if (spins < 10_000) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }

  /** A method of the state as {@code (Object state, Object result)void}; one without a result ignores it. */
  private static MethodHandle call(Method m) throws IllegalAccessException {
    MethodHandle h = MethodHandles.publicLookup().unreflect(m);
    if (m.getParameterCount() == 0) {
      h = MethodHandles.dropArguments(h, 1, Object.class);
    }
    return h.asType(MethodType.methodType(void.class, Object.class, Object.class));
  }

  private static MethodHandle constructor(Class<?> c) throws ReflectiveOperationException {
    return MethodHandles.publicLookup().findConstructor(c, MethodType.methodType(void.class))
        .asType(MethodType.methodType(Object.class));
  }

  private static Class<?> resultType(Method[] actors, Method arbiter) {
    List<Method> all = new ArrayList<>(List.of(actors));
    if (arbiter != null) {
      all.add(arbiter);
    }
    return all.stream().filter(m -> m.getParameterCount() == 1).map(m -> m.getParameterTypes()[0]).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no actor or arbiter takes a result object"));
  }

  /** Prints the outcomes; a case passes when nothing forbidden or unnamed was seen. */
  private static boolean report(Class<?> test, Map<String, Long> counts, long runs) {
    Outcome[] outcomes = test.getAnnotationsByType(Outcome.class);
    StringBuilder table = new StringBuilder();
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      Outcome o = outcomeOf(outcomes, e.getKey());
      Expect expect = o == null ? Expect.UNKNOWN : o.expect();
      if (expect == Expect.FORBIDDEN || expect == Expect.UNKNOWN) {
        bad.add(e.getKey() + " (" + e.getValue() + " times)");
      }
      table.append(String.format("  %-28s %,14d  %-22s %s%n", e.getKey(), e.getValue(), expect, o == null ? "" : o.desc()));
    }
    for (Outcome o : outcomes) { // the expected outcomes never seen, for the record
      if (o.expect() != Expect.FORBIDDEN && !isDefault(o) && counts.keySet().stream().noneMatch(k -> matches(o, k))) {
        table.append(String.format("  %-28s %14d  %-22s %s%n", String.join(" | ", o.id()), 0, o.expect(), o.desc()));
      }
    }
    String name = test.getSimpleName();
    System.out.print((bad.isEmpty() ? "OK " + name + ": " : "FAIL " + name + ": forbidden outcomes " + bad + " in ")
        + String.format("%,d runs%n", runs) + table);
    return bad.isEmpty();
  }

  /** The first {@code @Outcome} whose ids (regular expressions) match, else the one without ids, else null. */
  private static Outcome outcomeOf(Outcome[] outcomes, String result) {
    Outcome fallback = null;
    for (Outcome o : outcomes) {
      if (isDefault(o)) {
        fallback = fallback == null ? o : fallback;
      } else if (matches(o, result)) {
        return o;
      }
    }
    return fallback;
  }

  /** An {@code @Outcome} without ids (jcstress's default is one empty id): it covers every result no other names. */
  private static boolean isDefault(Outcome o) {
    return o.id().length == 0 || (o.id().length == 1 && o.id()[0].isEmpty());
  }

  private static boolean matches(Outcome o, String result) {
    for (String id : o.id()) {
      if (Pattern.matches(id, result)) {
        return true;
      }
    }
    return false;
  }
}
