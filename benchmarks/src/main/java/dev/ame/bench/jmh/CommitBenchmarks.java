package dev.ame.bench.jmh;

import dev.ame.bench.AgentProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a commit scales with its write set: a block writing 1, 10 or 100 array elements (each its
 * own lock word to acquire, write back and release), beside the same loop uninstrumented.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommitBenchmarks {
  /** Elements written per block. */
  @Param({"1", "10", "100"})
  public int writes;

  private final Cells cells = new Cells();
  private long next;

  /** Fails the trial when the fork runs without the agent. */
  @Setup
  public void requireAgent() {
    AgentProbe.requireAgent();
  }

  /** The writes as plain array stores. */
  @Benchmark
  public void writesPlain() {
    cells.writeManyPlain(writes, ++next);
  }

  /** The writes as one atomic block: write barriers, then a commit of that many elements. */
  @Benchmark
  public void writesAtomic() {
    cells.writeManyAtomic(writes, ++next);
  }
}
