package dev.ame.agent;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The entry point named by ame.jar's manifest. It does as little as possible: parse the options
 * (a bad one stops the JVM with one line), then hand over to {@link Installer}.
 *
 * <p>The runtime and the API ({@code dev.ame.*}) sit at the root of ame.jar, which the JVM puts on
 * the system class path for every agent: rewritten classes of the application's class loaders
 * link to them there. (Appending to the bootstrap class path instead would disable class data
 * sharing for application classes, and the JVM says so on stdout at every start.) The agent's own
 * libraries are relocated under {@code dev.ame.shaded}, out of the application's way.
 */
public final class AmeAgent {
  private AmeAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  private static void start(String args, Instrumentation inst, boolean lateAttach) {
    AgentOptions options;
    try {
      options = AgentOptions.parse(args);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    }
    try {
      // ByteBuddy must not touch sun.misc.Unsafe: JDK 23+ warns about it on stderr.
      System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
      Installer.install(options, inst, lateAttach);
    } catch (ConfigException e) {
      fail(e.getMessage());
    } catch (Throwable t) {
      // Never take the application down for the agent's own failure: run it unchanged.
      System.err.println("[ame] error: the agent could not start, the program runs without AME: " + t);
    }
  }

  private static void fail(String message) {
    System.err.println("[ame] error: " + message);
    System.err.flush();
    Runtime.getRuntime().halt(2);
  }
}
