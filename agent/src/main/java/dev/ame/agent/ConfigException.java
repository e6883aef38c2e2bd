package dev.ame.agent;

/** Bad input from the user (agent options, config file): one line, and the JVM does not start. */
final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigException(String message) {
    super(message);
  }
}
