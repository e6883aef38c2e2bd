package dev.ame.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of transactional fields. Rewritten code names a field by a small int id that it
 * obtains once, lazily, through a dynamic constant ({@code ldc} of {@link #id}); the id is then a
 * true constant in the compiled barrier call. Ids are canonical per declaring class and name, so
 * {@code getfield Sub.x} and {@code getfield Base.x} are one location.
 */
public final class Fields {
  private static final ConcurrentHashMap<Field, Integer> IDS = new ConcurrentHashMap<>();
  private static volatile FieldRef[] refs = new FieldRef[256];
  private static int count;

  private Fields() {}

  /**
   * Bootstrap of the dynamic constant that rewritten code loads for each field it accesses.
   *
   * @param caller the rewritten class's lookup: it can access whatever the original code accessed
   * @param constantName unused ({@code "field"})
   * @param constantType {@code Integer.class}
   * @param owner the class named by the field instruction
   * @param fieldName the field's name
   * @param isStatic 1 for a static field
   * @return the field's id
   */
  public static Integer id(MethodHandles.Lookup caller, String constantName, Class<?> constantType,
      Class<?> owner, String fieldName, int isStatic) throws ReflectiveOperationException {
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
      return id(MethodHandles.privateLookupIn(owner, MethodHandles.lookup()), "field", Integer.class, owner, fieldName,
          isStatic ? 1 : 0);
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
