package dev.ame.it.programs.corpus;

/**
 * Never loaded under its own name: {@link UnrewrittenOverrides} reads this class file and defines
 * it as a hidden class with {@code Lookup.defineHiddenClass}. The agent sees no hidden class, so
 * its override of {@code greet} has no transactional twin, and the runtime must still call it.
 */
final class LoudGreeterTemplate extends UnrewrittenOverrides.Greeter {
  @Override
  int greet(int x) {
    return x * 1000 + 1;
  }
}
