package dev.ame.agent;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;

/**
 * Plugs {@link ClassRewriter} into ByteBuddy. Frames are recomputed (the rewriter inserts code
 * and a parameter) by ByteBuddy's writer, which resolves common super classes through the type
 * pool, reading class files instead of loading classes in the wrong class loader. Frames are
 * read expanded, because the rewriter tracks stack types with ASM's {@code AnalyzerAdapter}.
 */
final class TwinVisitorWrapper implements AsmVisitorWrapper {
  private final AgentConfig config;
  private final Scope scope;
  private final AgentLog log;

  TwinVisitorWrapper(AgentConfig config, Scope scope, AgentLog log) {
    this.config = config;
    this.scope = scope;
    this.log = log;
  }

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_FRAMES;
  }

  @Override
  public int mergeReader(int flags) {
    return flags | ClassReader.EXPAND_FRAMES;
  }

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
      Implementation.Context implementationContext, TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags, int readerFlags) {
    return new ClassRewriter(classVisitor, new FieldFacts(typePool), config, scope, log);
  }
}
