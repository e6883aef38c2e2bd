package dev.ame.it.programs.loaders;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A web container's class loader: the classes of the webapp's packages come from its own URLs
 * first (each webapp has its own copy), everything else (the JDK, the container, the AME runtime)
 * from the parent.
 */
final class ChildFirstLoader extends URLClassLoader {
  private final String ownPackage;

  ChildFirstLoader(String name, URL source, String ownPackage, ClassLoader parent) {
    super(name, new URL[] {source}, parent);
    this.ownPackage = ownPackage;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(ownPackage)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = findClass(name);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }
}
