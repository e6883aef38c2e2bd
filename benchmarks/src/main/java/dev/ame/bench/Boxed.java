package dev.ame.bench;

/** Integers boxed once, so that variants on {@code java.util} collections allocate no key per operation. */
final class Boxed {
  static final int MAX = 1 << 16;
  private static final Integer[] INTEGERS = new Integer[MAX];

  static {
    for (int i = 0; i < MAX; i++) {
      INTEGERS[i] = i;
    }
  }

  private Boxed() {}

  /** The boxed {@code value}, in {@code [0, MAX)}. */
  static Integer of(int value) {
    return INTEGERS[value];
  }
}
