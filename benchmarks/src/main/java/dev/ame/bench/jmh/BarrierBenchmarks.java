package dev.ame.bench.jmh;

import dev.ame.bench.AgentProbe;
import java.util.concurrent.TimeUnit;
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
 * The cost of one atomic block and of single barriers, one thread, no contention: each
 * {@code *Atomic} benchmark beside its {@code *Plain} twin running the same body uninstrumented.
 * The difference is the transaction's fixed cost (begin + commit) plus the barriers.
 *
 * <p>The forks get {@code -javaagent:ame.jar} from {@link AgentJmhMain}; {@link #requireAgent}
 * stops a run that lacks it rather than report plain code as "atomic".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BarrierBenchmarks {
  private final Cells cells = new Cells();
  private long next;

  /** Fails the trial when the fork runs without the agent. */
  @Setup
  public void requireAgent() {
    AgentProbe.requireAgent();
  }

  /** A call of an empty method. */
  @Benchmark
  public void emptyPlain() {
    cells.emptyPlain();
  }

  /** An empty atomic block: begin and commit of a transaction that touches nothing. */
  @Benchmark
  public void emptyAtomic() {
    cells.emptyAtomic();
  }

  /** One field read. */
  @Benchmark
  public long readPlain() {
    return cells.readPlain();
  }

  /** One read barrier in a read-only block. */
  @Benchmark
  public long readAtomic() {
    return cells.readAtomic();
  }

  /** One field write. */
  @Benchmark
  public void writePlain() {
    cells.writePlain(++next);
  }

  /** One write barrier, and a commit that writes one field back. */
  @Benchmark
  public void writeAtomic() {
    cells.writeAtomic(++next);
  }

  /** A field write, then a read of it. */
  @Benchmark
  public long readAfterWritePlain() {
    return cells.readAfterWritePlain(++next);
  }

  /** A write barrier, then a read barrier that must find the value in the write log. */
  @Benchmark
  public long readAfterWriteAtomic() {
    return cells.readAfterWriteAtomic(++next);
  }
}
