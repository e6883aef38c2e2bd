package dev.ame.agent;

import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import org.objectweb.asm.ClassWriter;

/**
 * A class writer that computes frames by reading class files through a type pool, never by
 * loading classes (which could load them in the wrong class loader, or too early).
 */
final class PoolClassWriter extends ClassWriter {
  private final TypePool pool;

  PoolClassWriter(TypePool pool) {
    super(ClassWriter.COMPUTE_FRAMES);
    this.pool = pool;
  }

  @Override
  protected String getCommonSuperClass(String type1, String type2) {
    TypeDescription a = describe(type1);
    TypeDescription b = describe(type2);
    if (a == null || b == null) {
      return "java/lang/Object";
    }
    if (a.isAssignableFrom(b)) {
      return type1;
    }
    if (b.isAssignableFrom(a)) {
      return type2;
    }
    if (a.isInterface() || b.isInterface()) {
      return "java/lang/Object";
    }
    for (TypeDefinition t = a.getSuperClass(); t != null; t = t.getSuperClass()) {
      if (t.asErasure().isAssignableFrom(b)) {
        return t.asErasure().getInternalName();
      }
    }
    return "java/lang/Object";
  }

  private TypeDescription describe(String internalName) {
    try {
      TypePool.Resolution r = pool.describe(internalName.replace('/', '.'));
      return r.isResolved() ? r.resolve() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
