package dev.ame.bench.jmh;

import dev.ame.Ame;
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
 * {@link LargeBlockBenchmarks}' blocks on the speculative path: the fork runs with
 * {@code -Dame.fastPath=false}, so that every block, alone or not, keeps its read and write logs
 * and validates and commits as it would beside other threads. The fork's JVM arguments come
 * first ({@code jvmArgsPrepend}): {@link AgentJmhMain} replaces {@code jvmArgsAppend} with the
 * agent, and a {@code -jvmArgs} on the command line would replace {@code jvmArgs}.
 * {@link #requireSpeculation} fails the trial if a block still ran alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "-Dame.fastPath=false")
public class LargeBlockSpeculativeBenchmarks {
  private final LargeBlocks blocks = new LargeBlocks();
  private long next;

  /** Fails the trial when the fork lacks the agent, or when its blocks run alone on the fast path. */
  @Setup
  public void requireSpeculation() {
    AgentProbe.requireAgent();
    Ame.Statistics before = Ame.statistics();
    blocks.writeFieldsAtomic(0);
    Ame.Statistics during = Ame.statistics().minus(before);
    if (during.commits() != 1 || during.aloneRuns() != 0) {
      throw new IllegalStateException("a block ran alone on the fast path (" + during + "): the fork needs "
          + "-Dame.fastPath=false (do not replace -jvmArgsPrepend)");
    }
  }

  /** A read barrier on a field of another object, in a speculative read-only block of 100. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.CELLS)
  public long readFieldsAtomic() {
    return blocks.readFieldsAtomic();
  }

  /** A read barrier on the next-node link, in a speculative read-only block of 1,000. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.NODES)
  public int walkListAtomic() {
    return blocks.walkListAtomic();
  }

  /** A write barrier on a field of another object and its share of a speculative commit, in a block of 100 writes. */
  @Benchmark
  @OperationsPerInvocation(LargeBlocks.CELLS)
  public void writeFieldsAtomic() {
    blocks.writeFieldsAtomic(++next);
  }
}
