package dev.ame.it.programs.corpus;

import dev.ame.Atomic;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.IntUnaryOperator;

/**
 * Group 2 of the language corpus: implementations that the agent never rewrote, called inside
 * atomic blocks. A lambda's class, a method reference's class, a hidden class and a JDK proxy have
 * no transactional twins; the runtime must still call exactly the implementation the JVM would
 * select, and the state such code changes must stay atomic.
 */
public final class UnrewrittenOverrides {
  static final int ITERATIONS = 2000;
  static final long CALLS = (long) Cases.THREADS * ITERATIONS;

  public static void main(String[] args) {
    new Cases("UnrewrittenOverrides")
        .add("lambda_appInterfaceCreatedOutsideCalledInside", UnrewrittenOverrides::lambdaCreatedOutside)
        .add("lambda_returnedByInterfaceDefaultMethod", UnrewrittenOverrides::lambdaFromDefaultMethod)
        .add("serializableLambda_keepsItsBodyAndStaysAtomic", UnrewrittenOverrides::serializableLambda)
        .add("defaultMethod_calledOnALambda_isPartOfTheBlock", UnrewrittenOverrides::defaultMethodOnLambda)
        .add("jdkComposedFunction_callsAppLambdas", UnrewrittenOverrides::jdkComposedFunction)
        .add("hiddenClass_overridesApplicationMethod", UnrewrittenOverrides::hiddenClassOverride)
        .add("proxy_implementsApplicationInterface", UnrewrittenOverrides::proxy)
        .add("methodReference_toOverriddenMethod_dispatchesVirtually", UnrewrittenOverrides::methodReferenceToOverride)
        .runAndExit(args);
  }

  interface Scorer {
    int score(int x);

    /** A lambda whose body lives in this interface and captures {@code this}. */
    default Scorer twice() {
      return x -> score(score(x));
    }

    /** A default method with a side effect, called on lambdas: its writes must be part of the block. */
    default int scoreAndRecord(int x, Tally record) {
      int result = score(x);
      record.add(result);
      return result;
    }

    /** Reads what the block has written just before (still in its log until commit). */
    default long sumSoFar(Tally record) {
      return record.sum();
    }
  }

  @Atomic
  static int score(Scorer scorer, int x, Tally tally) {
    int result = scorer.score(x);
    tally.add(result);
    return result;
  }

  /** Runs every scorer on x = 1..3 in 4 threads; results and the tally must match expected(x). */
  static void expectScores(Scorer[] scorers, IntUnaryOperator[] expected) throws Exception {
    Tally tally = new Tally();
    Cases.inThreads(ITERATIONS, (t, i) -> {
      int k = (i + t) % scorers.length;
      int x = 1 + i % 3;
      Cases.expectEquals(expected[k].applyAsInt(x), score(scorers[k], x, tally), "scorer " + k + " of " + x);
    });
    long sum = 0;
    for (int t = 0; t < Cases.THREADS; t++) {
      for (int i = 0; i < ITERATIONS; i++) {
        sum += expected[(i + t) % scorers.length].applyAsInt(1 + i % 3);
      }
    }
    tally.expect(CALLS, sum);
  }

  // ---- lambdas of the application ----

  static void lambdaCreatedOutside() throws Exception {
    int offset = 40;
    Tally sideEffects = new Tally();
    Scorer plain = x -> x * 3;
    Scorer capturing = x -> x + offset;
    Scorer writing = x -> {
      sideEffects.add(x); // a read-modify-write inside the lambda: must be part of the block
      return -x;
    };
    expectScores(new Scorer[] {plain, capturing, writing},
        new IntUnaryOperator[] {x -> x * 3, x -> x + 40, x -> -x});
    long writes = 0;
    long sum = 0;
    for (int t = 0; t < Cases.THREADS; t++) {
      for (int i = 0; i < ITERATIONS; i++) {
        if ((i + t) % 3 == 2) {
          writes++;
          sum += 1 + i % 3;
        }
      }
    }
    sideEffects.expect(writes, sum);
  }

  static void lambdaFromDefaultMethod() throws Exception {
    Scorer add5 = x -> x + 5;
    expectScores(new Scorer[] {add5.twice(), add5}, new IntUnaryOperator[] {x -> x + 10, x -> x + 5});
  }

  @Atomic
  static int scoreAndRecord(Scorer scorer, int x, Tally record) {
    return scorer.scoreAndRecord(x, record);
  }

  /** Adds {@code x} to an existing tally, then reads its sum back through a default method of the lambda. */
  @Atomic
  static long addThenReadThroughDefault(Scorer scorer, Tally tally, int x) {
    tally.add(x);
    return scorer.sumSoFar(tally);
  }

  static void defaultMethodOnLambda() throws Exception {
    Tally record = new Tally();
    Scorer triple = x -> 3 * x;
    Cases.expectEquals(5L, addThenReadThroughDefault(triple, new Tally(), 5), "sum read back by a default method inside the block");
    Cases.inThreads(ITERATIONS, (t, i) -> Cases.expectEquals(3 * (1 + i % 3), scoreAndRecord(triple, 1 + i % 3, record), "score"));
    long sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sum += Cases.THREADS * 3 * (1 + i % 3);
    }
    record.expect(CALLS, sum);
  }

  /** Serializable lambdas keep their body's name (part of their serialized form): the agent leaves them alone. */
  static void serializableLambda() throws Exception {
    Tally inner = new Tally();
    Scorer serializable = (Scorer & java.io.Serializable) x -> {
      inner.add(x);
      return x * 11;
    };
    expectScores(new Scorer[] {serializable}, new IntUnaryOperator[] {x -> 11 * x});
    long sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sum += Cases.THREADS * (1 + i % 3);
    }
    inner.expect(CALLS, sum);
  }

  /** A JDK lambda (from IntUnaryOperator.andThen) that calls two application lambdas. */
  static void jdkComposedFunction() throws Exception {
    Tally inner = new Tally();
    IntUnaryOperator increment = x -> {
      inner.add(1);
      return x + 1;
    };
    IntUnaryOperator composed = increment.andThen(x -> x * 2);
    expectScores(new Scorer[] {composed::applyAsInt}, new IntUnaryOperator[] {x -> (x + 1) * 2});
    inner.expect(CALLS, CALLS);
  }

  // ---- a hidden class extending an application class ----

  static class Greeter {
    int greet(int x) {
      return x;
    }

    /** Not overridden by the hidden class: its call must reach this method's twin. */
    int farewell(int x) {
      return -2 * x;
    }
  }

  @Atomic
  static int greetAndFarewell(Greeter greeter, int x, Tally tally) {
    int result = greeter.greet(x) + greeter.farewell(x);
    tally.add(result);
    return result;
  }

  static Greeter newHiddenGreeter() throws Throwable {
    byte[] bytes;
    try (InputStream in = UnrewrittenOverrides.class.getResourceAsStream("LoudGreeterTemplate.class")) {
      bytes = in.readAllBytes();
    }
    MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
    Cases.expect(hidden.lookupClass().isHidden(), "the template was defined as a hidden class");
    return (Greeter) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
  }

  static void hiddenClassOverride() throws Throwable {
    Greeter[] greeters = {new Greeter(), newHiddenGreeter()};
    Scorer[] asScorers = new Scorer[2];
    Tally tally = new Tally();
    for (int k = 0; k < 2; k++) {
      Greeter g = greeters[k];
      asScorers[k] = x -> greetAndFarewell(g, x, tally);
    }
    // the plain greeter: x - 2x; the hidden one: (1000x + 1) - 2x
    expectScores(asScorers, new IntUnaryOperator[] {x -> -x, x -> 998 * x + 1});
    long sum = 0;
    for (int t = 0; t < Cases.THREADS; t++) {
      for (int i = 0; i < ITERATIONS; i++) {
        int x = 1 + i % 3;
        sum += (i + t) % 2 == 0 ? -x : 998 * x + 1;
      }
    }
    tally.expect(CALLS, sum);
  }

  // ---- a JDK proxy implementing an application interface ----

  /** Counts its calls with a plain field: correct only if the proxy call is part of the block. */
  static final class CountingHandler implements InvocationHandler {
    long calls;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      long c = calls;
      Cases.spin(c);
      calls = c + 1;
      return (Integer) args[0] * 7;
    }
  }

  static void proxy() throws Exception {
    CountingHandler handler = new CountingHandler();
    Scorer proxy = (Scorer) Proxy.newProxyInstance(Scorer.class.getClassLoader(), new Class<?>[] {Scorer.class}, handler);
    expectScores(new Scorer[] {proxy}, new IntUnaryOperator[] {x -> 7 * x});
    Cases.expectEquals(CALLS, handler.calls, "calls through the proxy");
  }

  // ---- method references to a method that a subclass overrides ----

  interface CreatureScorer {
    int score(Creature creature, int x);
  }

  static class Creature {
    int strength(int x) {
      return x;
    }

    /** Bound reference: for a Giant it must call Giant.strength. */
    Scorer strengthScorer() {
      return this::strength;
    }

    /** Unbound reference: must dispatch on its first argument. */
    static CreatureScorer unboundStrength() {
      return Creature::strength;
    }
  }

  static final class Giant extends Creature {
    @Override
    int strength(int x) {
      return 100 * x;
    }
  }

  static void methodReferenceToOverride() throws Exception {
    Creature giant = new Giant();
    CreatureScorer unbound = Creature.unboundStrength();
    expectScores(new Scorer[] {giant.strengthScorer(), x -> unbound.score(giant, x), new Creature().strengthScorer()},
        new IntUnaryOperator[] {x -> 100 * x, x -> 100 * x, x -> x});
  }
}
