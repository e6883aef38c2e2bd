package dev.ame.agent;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The agent's door into {@code java.base}, opened the first time a JDK class is twinned.
 *
 * <ol>
 * <li>{@code java.util} is opened to the agent ({@code Instrumentation.redefineModule}), which
 *     lets the agent define one class there: {@code java.util.AmeTwinBridge}, below.</li>
 * <li>The bridge's own {@code MethodHandles.lookup()} has full privilege in {@code java.base};
 *     from it, a lookup with full privilege on any JDK class, which can define a hidden nestmate
 *     of that class: its twin class. (A lookup from outside the module cannot.)</li>
 * <li>Twins cannot name the runtime (the boot loader does not see it): their
 *     {@code invokedynamic}s and dynamic constants name the bridge's two public bootstrap methods,
 *     which forward to the runtime's {@code JdkLinks} through method handles that the agent stores
 *     in the bridge's private fields.</li>
 * </ol>
 * <pre>
 *   public final class java.util.AmeTwinBridge {
 *     private static volatile MethodHandle links;
 *     public static CallSite link(Lookup l, String name, MethodType type, Object... args) { return links.invokeExact(...); }
 *     private static Lookup lookup() { return MethodHandles.lookup(); }
 *   }
 * </pre>
 * The bootstraps are public (twins in other packages call them) but harmless: the runtime links
 * only call sites of registered twin classes. The full-privilege lookup is private.
 */
final class JdkBridge {
  static final String NAME = "java/util/AmeTwinBridge";
  private static final String LOOKUP = "Ljava/lang/invoke/MethodHandles$Lookup;";
  private static final String LINK_DESC = "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
  static final Handle LINK = new Handle(Opcodes.H_INVOKESTATIC, NAME, "link", LINK_DESC, false);

  private final MethodHandles.Lookup javaBase;

  private JdkBridge(MethodHandles.Lookup javaBase) {
    this.javaBase = javaBase;
  }

  /** Opens {@code java.util} to the agent, defines the bridge (unless it exists) and connects it to the runtime. */
  static JdkBridge open(Instrumentation inst) throws Throwable {
    Module base = Object.class.getModule();
    inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.util", Set.of(JdkBridge.class.getModule())), Set.of(), Map.of());
    Class<?> bridge;
    try {
      bridge = Class.forName(NAME.replace('/', '.'), false, null);
    } catch (ClassNotFoundException notYet) {
      bridge = MethodHandles.privateLookupIn(java.util.ArrayList.class, MethodHandles.lookup()).defineClass(bytes());
    }
    MethodHandles.Lookup own = MethodHandles.privateLookupIn(bridge, MethodHandles.lookup());
    MethodHandles.Lookup runtime = MethodHandles.publicLookup();
    MethodHandle links = runtime.findStatic(dev.ame.runtime.JdkLinks.class, "link", MethodType.fromMethodDescriptorString(LINK_DESC, null));
    own.findStaticSetter(bridge, "links", MethodHandle.class).invoke(links);
    return new JdkBridge((MethodHandles.Lookup) own.findStatic(bridge, "lookup", MethodType.methodType(MethodHandles.Lookup.class)).invoke());
  }

  /** Full privilege in java.base. */
  MethodHandles.Lookup javaBase() {
    return javaBase;
  }

  /** Full privilege on {@code c}: it can define hidden nestmates of it. */
  MethodHandles.Lookup lookupIn(Class<?> c) throws IllegalAccessException {
    return MethodHandles.privateLookupIn(c, javaBase);
  }

  private static byte[] bytes() {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    w.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, NAME, null,
        "java/lang/Object", null);
    FieldVisitor f = w.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "links",
        "Ljava/lang/invoke/MethodHandle;", null, null);
    f.visitEnd();
    forward(w, "link", LINK_DESC, "links");
    MethodVisitor m = w.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "lookup", "()" + LOOKUP, null, null);
    m.visitCode();
    m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()" + LOOKUP, false);
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  /** A varargs bootstrap that hands its arguments to the method handle in {@code hook}. */
  private static void forward(ClassWriter w, String name, String descriptor, String hook) {
    MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_VARARGS, name, descriptor, null,
        new String[] {"java/lang/Throwable"});
    m.visitCode();
    m.visitFieldInsn(Opcodes.GETSTATIC, NAME, hook, "Ljava/lang/invoke/MethodHandle;");
    for (int i = 0; i < 4; i++) {
      m.visitVarInsn(Opcodes.ALOAD, i);
    }
    m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", descriptor, false);
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }
}
