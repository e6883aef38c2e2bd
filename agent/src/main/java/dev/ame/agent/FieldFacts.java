package dev.ame.agent;

import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * What the rewriter needs to know of a field named by an instruction: whether it is final
 * (immutable after construction, so reads need no tracking). Answered from class files through the
 * type pool, without loading classes; unknown fields are treated as mutable (always correct).
 */
final class FieldFacts {
  private final TypePool pool;

  FieldFacts(TypePool pool) {
    this.pool = pool;
  }

  TypePool pool() {
    return pool;
  }

  boolean isFinal(String owner, String name) {
    try {
      TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
      if (!resolution.isResolved()) {
        return false;
      }
      return isFinalIn(resolution.resolve(), name);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean isFinalIn(TypeDefinition type, String name) {
    for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
      for (FieldDescription f : t.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          return f.isFinal();
        }
      }
      for (TypeDescription.Generic i : t.getInterfaces()) {
        if (isFinalIn(i.asErasure(), name)) {
          return true; // interface fields are always static final
        }
      }
    }
    return false;
  }
}
