package dev.ame.bench.jmh;

import dev.ame.bench.AgentProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The marginal cost of one read and one write inside a large block, per access (JMH divides by
 * {@link OperationsPerInvocation}): a block reading 100 fields of 100 objects, one walking 1,000
 * list nodes, one writing 100 fields of 100 objects, each beside the same loop uninstrumented. One
 * thread, so every block runs alone on the fast path (the default); {@link
 * LargeBlockSpeculativeBenchmarks} runs the same blocks with the fast path off. The begin and commit
 * of a block are spread over its accesses: compare with {@code BarrierBenchmarks.emptyAtomic} to
 * see how little of the figure they are.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LargeBlockBenchmarks {
  private final LargeBlocks blocks = new LargeBlocks();
  private long next;

  /** Fails the trial when the fork runs without the agent. */
  @Setup
  public void requireAgent() {
    AgentProbe.requireAgent();
  }

  /** A read of a field of another object, plain. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.CELLS)
  public long readFieldsPlain() {
    return blocks.readFieldsPlain();
  }

  /** A read barrier on a field of another object, in a read-only block of 100. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.CELLS)
  public long readFieldsAtomic() {
    return blocks.readFieldsAtomic();
  }

  /** A step to the next list node, plain. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.NODES)
  public int walkListPlain() {
    return blocks.walkListPlain();
  }

  /** A read barrier on the next-node link, in a read-only block of 1,000. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.NODES)
  public int walkListAtomic() {
    return blocks.walkListAtomic();
  }

  /** A write of a field of another object, plain. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.CELLS)
  public void writeFieldsPlain() {
    blocks.writeFieldsPlain(++next);
  }

  /** A write barrier on a field of another object and its share of the commit, in a block of 100 writes. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.CELLS)
  public void writeFieldsAtomic() {
    blocks.writeFieldsAtomic(++next);
  }
}
