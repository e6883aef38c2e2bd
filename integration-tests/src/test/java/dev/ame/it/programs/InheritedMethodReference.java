package dev.ame.it.programs;

import java.util.stream.Stream;

/**
 * A bound method reference whose receiver's static type ({@code Stream}) inherits the method
 * from a superinterface ({@code BaseStream.iterator}), outside any block. Without the agent it
 * prints "OK"; with it the invokedynamic failed to link (a LambdaConversionException: the
 * captured receiver typed as the declaring interface instead of the call site's type).
 *
 * <p>Usage: {@code InheritedMethodReference}.
 */
public final class InheritedMethodReference {
  private InheritedMethodReference() {}

  public static void main(String[] args) {
    Stream<String> words = Stream.of("a", "b");
    Iterable<String> iterable = words::iterator;
    StringBuilder seen = new StringBuilder();
    for (String w : iterable) {
      seen.append(w);
    }
    System.out.println(seen.toString().equals("ab") ? "OK the method reference linked and ran" : "FAIL saw " + seen);
  }
}
