package dev.ame.bench;

/**
 * Draws a roll and a key of {@code [first, first + span)} and runs a {@link KeyedAction}; used
 * through {@link Monomorphic} copies, one per configuration.
 */
final class KeyOperation implements Operation {
  private final KeyedAction action;
  private final int first;
  private final int span;

  KeyOperation(KeyedAction action, int first, int span) {
    this.action = action;
    this.first = first;
    this.span = span;
  }

  @Override
  public boolean apply(long rng) {
    return action.execute((int) ((rng & 0xFFFF) % 100), first + Rng.below(rng, span), rng >>> 16);
  }
}
