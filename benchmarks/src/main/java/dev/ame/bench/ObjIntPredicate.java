package dev.ame.bench;

/** {@code add(set, key)}: how a scenario fills a fresh set of its variant's type. */
@FunctionalInterface
interface ObjIntPredicate<S> {
  boolean test(S set, int key);
}
