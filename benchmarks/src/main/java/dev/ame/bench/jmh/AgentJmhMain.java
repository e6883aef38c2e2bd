package dev.ame.bench.jmh;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The main class of {@code benchmarks.jar}: JMH's own command line, with
 * {@code -javaagent:ame.jar} appended to the JVM arguments of every fork.
 *
 * <p>Why not {@code @Fork(jvmArgsAppend = "-javaagent:...")}: an annotation holds only a
 * compile-time constant, and the agent's path is known at run time. This class adds exactly what
 * that annotation would (JMH's {@code jvmArgsAppend}), after any {@code -jvmArgsAppend} given on
 * the command line. The agent is, in this order: the system property {@code ame.agent}, else
 * {@code agent/target/ame.jar} of the checkout that holds this jar ({@code benchmarks/target/}).
 * The host JVM runs without the agent; only the forks, where the measuring happens, get it.
 *
 * <pre>java [-Dame.agent=path/to/ame.jar] -jar benchmarks/target/benchmarks.jar [JMH options] [regexp]</pre>
 */
public final class AgentJmhMain {
  /** System property naming the agent jar, to override the path derived from this jar's location. */
  public static final String AGENT_PROPERTY = "ame.agent";

  private AgentJmhMain() {}

  /**
   * Runs JMH like {@code org.openjdk.jmh.Main} does, with the agent added to the forks.
   *
   * @param args JMH's command-line options
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions command;
    try {
      command = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("Error parsing command line:");
      System.err.println(" " + e.getMessage());
      System.exit(1);
      return;
    }
    if (command.shouldHelp()) {
      command.showHelp();
      return;
    }
    if (command.shouldListProfilers()) {
      command.listProfilers();
      return;
    }
    if (command.shouldListResultFormats()) {
      command.listResultFormats();
      return;
    }
    Runner listing = new Runner(command);
    if (command.shouldList()) {
      listing.list();
      return;
    }
    if (command.shouldListWithParams()) {
      listing.listWithParams(command);
      return;
    }

    Path agent = locateAgent();
    List<String> appended = new ArrayList<>();
    appended.addAll(command.getJvmArgsAppend().orElse(List.of())); // JMH's Optional: no ifPresent
    String agentOptions = System.getProperty("ame.agentOptions"); // e.g. report=/tmp/r.txt: profiling on
    appended.add("-javaagent:" + agent + (agentOptions == null || agentOptions.isEmpty() ? "" : "=" + agentOptions));
    Options options = new OptionsBuilder().parent(command).jvmArgsAppend(appended.toArray(String[]::new)).build();
    try {
      new Runner(options).run();
    } catch (NoBenchmarksException e) {
      System.err.println("No benchmark matches " + command.getIncludes() + ": list them with -l.");
      System.exit(1);
    } catch (RunnerException e) {
      System.err.print("ERROR: ");
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  private static Path locateAgent() throws URISyntaxException {
    String property = System.getProperty(AGENT_PROPERTY);
    Path agent;
    if (property != null) {
      agent = Path.of(property).toAbsolutePath();
    } else {
      // benchmarks/target/benchmarks.jar -> <checkout>/agent/target/ame.jar
      Path jar = Path.of(AgentJmhMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      agent = jar.getParent().getParent().getParent().resolve("agent/target/ame.jar");
    }
    if (!Files.isRegularFile(agent)) {
      System.err.println("The AME agent is not at " + agent + ": build it (mvn -B -q install -DskipTests) "
          + "or name it with -D" + AGENT_PROPERTY + "=path/to/ame.jar");
      System.exit(2);
    }
    return agent.normalize();
  }
}
