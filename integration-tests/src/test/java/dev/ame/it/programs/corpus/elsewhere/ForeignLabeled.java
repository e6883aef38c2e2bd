package dev.ame.it.programs.corpus.elsewhere;

import dev.ame.it.programs.corpus.VirtualDispatch;

/**
 * Declares {@code label()} with the same name and descriptor as the package-private
 * {@link VirtualDispatch.Labeled#label()}, but in another package: by the JVM's rules it does NOT
 * override it, so a call of {@code label()} on an instance of this class from the corpus package
 * must still run {@code Labeled.label()}.
 */
public final class ForeignLabeled extends VirtualDispatch.Labeled {
  String label() {
    return "elsewhere";
  }
}
