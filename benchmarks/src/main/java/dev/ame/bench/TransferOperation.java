package dev.ame.bench;

/**
 * Draws two accounts of {@code [first, first + span)} and an amount of 1..64 and runs a
 * {@link Transfer}; used through {@link Monomorphic} copies, one per configuration.
 */
final class TransferOperation implements Operation {
  private final Transfer transfer;
  private final int first;
  private final int span;

  /** @param span a power of two */
  TransferOperation(Transfer transfer, int first, int span) {
    this.transfer = transfer;
    this.first = first;
    this.span = span;
  }

  @Override
  public boolean apply(long rng) {
    return transfer.transfer(first + Rng.below(rng, span), first + (int) (rng & (span - 1)), 1 + ((rng >>> 20) & 63));
  }
}
