package dev.ame.bench;

/** The work of one thread in a timed round: operations until stopped, on its own partition of the data. */
@FunctionalInterface
interface ThreadTask {
  /**
   * @param thread the partition this thread works on (0 to the thread count - 1)
   * @param seed seed of the operations' random generator
   * @param stop polled between batches
   * @return how many operations were done
   */
  long run(int thread, long seed, StopSignal stop);
}
