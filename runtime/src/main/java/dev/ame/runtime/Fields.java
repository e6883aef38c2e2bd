package dev.ame.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of transactional fields. Rewritten code names a field by a small int id that it
 * obtains once per site, lazily, through a call site linked on first execution ({@link #idCall});
 * the id is then a true constant in the compiled barrier call. Ids are canonical per declaring class and name, so
 * {@code getfield Sub.x} and {@code getfield Base.x} are one location.
 */
public final class Fields {
  private static final ConcurrentHashMap<Field, Integer> IDS = new ConcurrentHashMap<>();
  private static volatile FieldRef[] refs = new FieldRef[256];
  private static int count;

  private Fields() {}

  /**
   * Bootstrap of the {@code invokedynamic ()I} through which rewritten code obtains the id of a
   * field it accesses. Not a dynamic constant: one that no executed path has resolved yet makes
   * the JIT compilers give up on the whole method ("could not resolve a constant"), so a twin with
   * an access on a path never taken ran interpreted; an unlinked call site only traps where it is.
   * Once linked, the call folds to the constant.
   */
  public static CallSite idCall(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
      String fieldName, int isStatic) throws ReflectiveOperationException {
    return new ConstantCallSite(MethodHandles.constant(int.class, id(caller, owner, fieldName, isStatic)));
  }

  /**
   * The field's id, registered on first use.
   *
   * @param caller the rewritten class's lookup: it can access whatever the original code accessed
   * @param owner the class named by the field instruction
   * @param fieldName the field's name
   * @param isStatic 1 for a static field
   * @return the field's id
   */
  static Integer id(MethodHandles.Lookup caller, Class<?> owner, String fieldName, int isStatic)
      throws ReflectiveOperationException {
    Field declared = declaredField(owner, fieldName);
    Integer known = IDS.get(declared);
    if (known != null) {
      return known;
    }
    synchronized (Fields.class) {
      known = IDS.get(declared);
      if (known != null) {
        return known;
      }
      boolean st = isStatic != 0;
      Class<?> type = declared.getType();
      // The accessors serve every class that inherits the field: typed by the class that declares
      // it (when the caller may look into it), not by the subclass the first instruction named.
      Class<?> holder = owner;
      MethodHandles.Lookup access = caller;
      try {
        access = MethodHandles.privateLookupIn(declared.getDeclaringClass(), caller);
        holder = declared.getDeclaringClass();
      } catch (IllegalAccessException | SecurityException e) {
        // another module's class, not open: as the caller sees it
      }
      MethodHandle getter = st ? access.findStaticGetter(holder, fieldName, type) : access.findGetter(holder, fieldName, type);
      MethodHandle setter;
      if (Modifier.isFinal(declared.getModifiers())) {
        // A final field is only written by constructors, whose own-field stores stay plain.
        setter = MethodHandles.dropArguments(MethodHandles.throwException(void.class, IllegalStateException.class)
            .bindTo(new IllegalStateException("final field " + declared + " written in a transaction")),
            0, st ? new Class<?>[] {type} : new Class<?>[] {holder, type});
      } else {
        setter = st ? access.findStaticSetter(holder, fieldName, type) : access.findSetter(holder, fieldName, type);
      }
      int id = count++;
      String name = declared.getDeclaringClass().getName() + "." + fieldName;
      FieldRef ref = new FieldRef(id, name, st, type, getter, setter);
      FieldRef[] current = refs;
      if (id >= current.length) {
        current = Arrays.copyOf(current, current.length * 2);
      }
      current[id] = ref;
      refs = current; // volatile publication of the new entry
      IDS.put(declared, id);
      return id;
    }
  }

  /** For tests: the id of a field of a class that the runtime's module can look into. */
  static int idOf(Class<?> owner, String fieldName) {
    try {
      boolean isStatic = java.lang.reflect.Modifier.isStatic(owner.getDeclaredField(fieldName).getModifiers());
      return id(MethodHandles.privateLookupIn(owner, MethodHandles.lookup()), owner, fieldName, isStatic ? 1 : 0);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(owner.getName() + "." + fieldName, e);
    }
  }

  static FieldRef get(int id) {
    return refs[id];
  }

  private static Field declaredField(Class<?> owner, String name) throws NoSuchFieldException {
    for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
      Field f = findIn(c, name);
      if (f != null) {
        return f;
      }
      for (Class<?> i : c.getInterfaces()) {
        Field g = findIn(i, name);
        if (g != null) {
          return g;
        }
      }
    }
    throw new NoSuchFieldException(owner.getName() + "." + name);
  }

  private static Field findIn(Class<?> c, String name) {
    for (Field f : c.getDeclaredFields()) {
      if (f.getName().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
