package dev.ame.agent;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.objectweb.asm.Type;

/**
 * The config file: which classes are rewritten, which methods are atomic, where legacy
 * {@code synchronized} code becomes atomic. Immutable after parsing, except for the record of
 * which directives matched something (for the end-of-run warning about likely typos).
 *
 * <pre>
 *   instrument   com.example.**                  # classes whose code may run inside transactions
 *   exclude      com.example.generated.**        # never rewritten
 *   atomic       com.example.bank.Bank#transfer  # methods that become atomic blocks
 *   atomic       com.example.Bank#move(int,int,long)
 *   synchronized com.example.legacy.**           # synchronized methods and blocks become atomic
 * </pre>
 */
final class AgentConfig {
  /** One line of the file, with where it came from and whether it matched anything yet. */
  static final class Directive {
    final String keyword;
    final NamePattern classes;
    final NamePattern method;
    final List<String> parameters;
    final String where;
    final String text;
    final AtomicBoolean matched = new AtomicBoolean();

    Directive(String keyword, NamePattern classes, NamePattern method, List<String> parameters, String where, String text) {
      this.keyword = keyword;
      this.classes = classes;
      this.method = method;
      this.parameters = parameters;
      this.where = where;
      this.text = text;
    }

    boolean matchesMethod(String name, String descriptor) {
      if (!method.matches(name)) {
        return false;
      }
      if (parameters == null) {
        return true;
      }
      Type[] actual = Type.getArgumentTypes(descriptor);
      if (actual.length != parameters.size()) {
        return false;
      }
      for (int i = 0; i < actual.length; i++) {
        String full = actual[i].getClassName().replace('$', '.');
        String wanted = parameters.get(i).replace('$', '.');
        if (!full.equals(wanted) && !full.endsWith("." + wanted)) {
          return false;
        }
      }
      return true;
    }
  }

  static final AgentConfig EMPTY = new AgentConfig(List.of());

  private final List<Directive> directives;

  private AgentConfig(List<Directive> directives) {
    this.directives = List.copyOf(directives);
  }

  List<Directive> directives() {
    return directives;
  }

  /** Reads and checks the file; any problem is a {@link ConfigException} naming file and line. */
  static AgentConfig read(String file) {
    Path path = Path.of(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": config file not found (working directory " + Path.of("").toAbsolutePath() + ")");
    } catch (CharacterCodingException e) {
      throw new ConfigException(file + ": config file is not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the config file: " + e.getMessage());
    }
    List<Directive> directives = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String where = file + ":" + (n + 1);
      String line = lines.get(n);
      String content = stripComment(line).trim();
      if (content.isEmpty()) {
        continue;
      }
      String[] words = content.split("\\s+");
      String keyword = words[0];
      if (words.length != 2) {
        throw new ConfigException(where + ": expected '<directive> <pattern>' but found " + words.length
            + " words in '" + content + "'");
      }
      try {
        directives.add(parse(keyword, words[1], where, content));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where + ": " + e.getMessage());
      }
    }
    return new AgentConfig(directives);
  }

  /** A '#' preceded by whitespace or at the start of the line starts a comment. */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static Directive parse(String keyword, String pattern, String where, String text) {
    switch (keyword) {
      case "instrument":
      case "exclude":
      case "synchronized":
        if (pattern.contains("#")) {
          throw new IllegalArgumentException("'" + keyword + "' takes a class pattern such as com.example.** but found '" + pattern + "'");
        }
        return new Directive(keyword, NamePattern.of(pattern), null, null, where, text);
      case "atomic":
        return parseAtomic(pattern, where, text);
      default:
        throw new IllegalArgumentException("unknown directive '" + keyword
            + "' (expected instrument, exclude, atomic or synchronized)");
    }
  }

  private static Directive parseAtomic(String pattern, String where, String text) {
    int hash = pattern.indexOf('#');
    if (hash <= 0 || hash == pattern.length() - 1) {
      throw new IllegalArgumentException("'atomic' takes Class#method (optionally Class#method(type,...)) but found '" + pattern + "'");
    }
    String classes = pattern.substring(0, hash);
    String method = pattern.substring(hash + 1);
    List<String> parameters = null;
    int open = method.indexOf('(');
    if (open >= 0) {
      if (!method.endsWith(")") || open == 0) {
        throw new IllegalArgumentException("'" + pattern + "': a parameter list must be method(type,...) with a closing ')'");
      }
      String list = method.substring(open + 1, method.length() - 1).trim();
      method = method.substring(0, open);
      parameters = new ArrayList<>();
      if (!list.isEmpty()) {
        for (String p : list.split(",")) {
          String type = p.trim();
          if (!type.matches("[A-Za-z_$][A-Za-z0-9_$.]*(\\[\\])*")) {
            throw new IllegalArgumentException("'" + pattern + "': '" + type + "' is not a Java type name");
          }
          parameters.add(type);
        }
      }
    }
    if (method.contains(".")) {
      throw new IllegalArgumentException("'" + pattern + "': the method part '" + method + "' must be a name, not a dotted path");
    }
    return new Directive("atomic", NamePattern.of(classes), NamePattern.of(method), parameters, where, text);
  }

  /** Whether a method is named by an {@code atomic} directive (and records the match). */
  boolean isAtomic(String className, String methodName, String descriptor) {
    boolean any = false;
    for (Directive d : directives) {
      if (d.keyword.equals("atomic") && d.classes.matches(className) && d.matchesMethod(methodName, descriptor)) {
        d.matched.set(true);
        any = true;
      }
    }
    return any;
  }

  /** Whether the class's synchronized methods and blocks become atomic (records the match). */
  boolean convertsSynchronized(String className) {
    boolean any = false;
    for (Directive d : directives) {
      if (d.keyword.equals("synchronized") && d.classes.matches(className)) {
        d.matched.set(true);
        any = true;
      }
    }
    return any;
  }

  /** Lines of directives that matched nothing: likely typos, reported at exit. */
  List<String> unmatched() {
    List<String> out = new ArrayList<>();
    for (Directive d : directives) {
      if (!d.matched.get()) {
        out.add(d.where + ": '" + d.text + "' matched no " + (d.keyword.equals("atomic") ? "method" : "class") + " (a typo?)");
      }
    }
    return out;
  }
}
