package dev.ame.it.programs.loaders;

/** The work between a read and the write that depends on it: without atomicity, hits get lost. */
public final class Race {
  private Race() {}

  /** Returns {@code value}, after pure arithmetic that the JIT cannot remove. */
  public static long held(long value) {
    long x = value;
    for (int i = 0; i < 256; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x == 42 ? value + 1 : value;
  }
}
