package dev.ame.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/** The bits convention of FieldRef, for every primitive kind, references, statics and finals. */
class FieldRefTest {
  static final class Holder {
    boolean z;
    byte b;
    char c;
    short s;
    int i;
    long j;
    float f;
    double d;
    Object ref;
    static long shared;
    final int fixed = 7;
  }

  static final class Sub extends FieldRefTestBase {
  }

  static final class OtherSub extends FieldRefTestBase {
  }

  private static FieldRef ref(Class<?> owner, String name, boolean isStatic) throws ReflectiveOperationException {
    return Fields.get(Fields.id(MethodHandles.lookup(), owner, name, isStatic ? 1 : 0));
  }

  @Test
  void bits_roundTripForEveryKind() throws ReflectiveOperationException {
    Holder h = new Holder();
    ref(Holder.class, "z", false).setBits(h, 1);
    ref(Holder.class, "b", false).setBits(h, (byte) -5);
    ref(Holder.class, "c", false).setBits(h, '\uffff');
    ref(Holder.class, "s", false).setBits(h, (short) -300);
    ref(Holder.class, "i", false).setBits(h, -7);
    ref(Holder.class, "j", false).setBits(h, Long.MIN_VALUE);
    ref(Holder.class, "f", false).setBits(h, Float.floatToRawIntBits(-1.5f));
    ref(Holder.class, "d", false).setBits(h, Double.doubleToRawLongBits(Math.PI));
    assertEquals(true, h.z);
    assertEquals(-5, h.b);
    assertEquals('\uffff', h.c);
    assertEquals(-300, h.s);
    assertEquals(-7, h.i);
    assertEquals(Long.MIN_VALUE, h.j);
    assertEquals(-1.5f, h.f);
    assertEquals(Math.PI, h.d);
    // Reading back gives what the barriers compute from the values the JVM puts on the stack.
    assertEquals(1, ref(Holder.class, "z", false).getBits(h));
    assertEquals(-5, ref(Holder.class, "b", false).getBits(h));
    assertEquals(0xffff, ref(Holder.class, "c", false).getBits(h));
    assertEquals(-300, ref(Holder.class, "s", false).getBits(h));
    assertEquals(Float.floatToRawIntBits(-1.5f), ref(Holder.class, "f", false).getBits(h));
  }

  @Test
  void references_andStatics_areAccessed() throws ReflectiveOperationException {
    Holder h = new Holder();
    Object value = new Object();
    ref(Holder.class, "ref", false).setRef(h, value);
    assertSame(value, h.ref);
    ref(Holder.class, "shared", true).setBits(null, 42);
    assertEquals(42, Holder.shared);
  }

  @Test
  void finalField_isReadableButNotWritable() throws ReflectiveOperationException {
    Holder h = new Holder();
    FieldRef fixed = ref(Holder.class, "fixed", false);
    assertEquals(7, fixed.getBits(h));
    assertThrows(IllegalStateException.class, () -> fixed.setBits(h, 1));
  }

  @Test
  void inheritedField_hasTheIdOfItsDeclaringClass() throws ReflectiveOperationException {
    int viaSub = Fields.id(MethodHandles.lookup(), Sub.class, "inherited", 0);
    int viaBase = Fields.id(MethodHandles.lookup(), FieldRefTestBase.class, "inherited", 0);
    assertEquals(viaBase, viaSub);
  }

  @Test
  void inheritedField_firstNamedThroughASubclass_isAccessedInEverySubclass() throws ReflectiveOperationException {
    // The field's one accessor serves every class that inherits it, whichever named it first.
    FieldRef inherited = ref(OtherSub.class, "named", false);
    Sub sub = new Sub();
    inherited.setBits(sub, 5);
    assertEquals(5, sub.named);
    assertEquals(5, inherited.getBits(sub));
  }
}

class FieldRefTestBase {
  long inherited;
  /** Named first through {@code OtherSub}, only by one test. */
  long named;
}
