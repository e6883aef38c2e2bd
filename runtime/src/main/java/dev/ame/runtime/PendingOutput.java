package dev.ame.runtime;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The console output of one attempt, in order, until it commits (see {@link ConsoleOutput}): kept
 * in columns that the next attempt reuses, so a block that prints allocates nothing but its text
 * (a piece object and a list per block cost a block that prints a line 0.15–0.3x of the print).
 */
final class PendingOutput {
  private PrintStream[] streams = new PrintStream[4];
  private Object[] texts = new Object[4];
  private boolean[] newlines = new boolean[4];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** A string, or bytes for {@code write}; {@code newline}: a {@code println}. */
  void add(PrintStream out, Object text, boolean newline) {
    if (size == streams.length) {
      streams = Arrays.copyOf(streams, size * 2);
      texts = Arrays.copyOf(texts, size * 2);
      newlines = Arrays.copyOf(newlines, size * 2);
    }
    streams[size] = out;
    texts[size] = text;
    newlines[size] = newline;
    size++;
  }

  /** Writes every piece in order and empties the buffer, even when a write throws (nothing is written twice). */
  void writeAll() {
    int n = size;
    size = 0;
    try {
      for (int i = 0; i < n; i++) {
        ConsoleOutput.write(streams[i], texts[i], newlines[i]);
      }
    } finally {
      forget(n);
    }
  }

  /** Drops the output of an attempt that rolled back. */
  void discard() {
    int n = size;
    size = 0;
    forget(n);
  }

  private void forget(int n) {
    Arrays.fill(streams, 0, n, null);
    Arrays.fill(texts, 0, n, null);
  }
}
