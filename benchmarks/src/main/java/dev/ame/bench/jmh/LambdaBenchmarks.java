package dev.ame.bench.jmh;

import dev.ame.bench.AgentProbe;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What calling a lambda costs outside atomic blocks in a class the agent rewrote: the agent gives
 * each lambda and method reference a dispatcher that looks up the thread's transaction first (to
 * run the body's twin inside blocks), while an anonymous class's method runs its original body
 * directly. Same body, same interface, one thread; the difference is the dispatcher.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LambdaBenchmarks {
  private final LongUnaryOperator lambda = x -> x * 31 + 7;
  private final LongUnaryOperator methodReference = LambdaBenchmarks::step;
  private final LongUnaryOperator anonymousClass = new LongUnaryOperator() {
    @Override
    public long applyAsLong(long x) {
      return x * 31 + 7;
    }
  };
  private long value = 1;

  /** Fails the trial when the fork runs without the agent. */
  @Setup
  public void requireAgent() {
    AgentProbe.requireAgent();
  }

  private static long step(long x) {
    return x * 31 + 7;
  }

  /** A lambda of a rewritten class, called outside blocks: through its dispatcher. */
  @Benchmark
  public long lambdaCall() {
    return value = lambda.applyAsLong(value);
  }

  /** A method reference of a rewritten class, called outside blocks: through its dispatcher. */
  @Benchmark
  public long methodReferenceCall() {
    return value = methodReference.applyAsLong(value);
  }

  /** The same body in an anonymous class: the original method, no dispatcher. */
  @Benchmark
  public long anonymousClassCall() {
    return value = anonymousClass.applyAsLong(value);
  }
}
