package dev.ame.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The class files of the running JDK's {@code java.base}, read from the {@code jrt:} file system
 * (the JDK's own bytecode: twins must match the JDK they run on), and a type pool over them for
 * field facts and frames, which never loads a class.
 */
final class JdkClassFiles implements ClassFileLocator {
  private final Path root;
  private final TypePool pool;

  JdkClassFiles() {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    this.root = jrt.getPath("/modules/java.base");
    this.pool = new TypePool.Default(new TypePool.CacheProvider.Simple(), this, TypePool.Default.ReaderMode.FAST);
  }

  TypePool pool() {
    return pool;
  }

  /** The class file of a java.base class, by internal name; null when there is none. */
  byte[] read(String internalName) throws IOException {
    try {
      return Files.readAllBytes(root.resolve(internalName + ".class"));
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public Resolution locate(String name) throws IOException {
    byte[] bytes = read(name.replace('.', '/'));
    return bytes == null ? new Resolution.Illegal(name) : new Resolution.Explicit(bytes);
  }

  @Override
  public void close() {
    // the jrt: file system is the JVM's, shared
  }
}
