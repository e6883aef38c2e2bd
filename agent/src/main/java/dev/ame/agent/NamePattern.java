package dev.ame.agent;

import java.util.regex.Pattern;

/**
 * A class or method name pattern of the config file: {@code *} matches within one name segment
 * (no {@code .}), {@code **} matches any number of segments. A nested class's {@code $} is part of
 * its segment, so {@code com.example.Outer*} also matches {@code com.example.Outer$Inner}.
 */
final class NamePattern {
  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9_$.*]+");

  private final String text;
  private final Pattern regex;

  private NamePattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * @throws IllegalArgumentException with what is wrong, when the text is not a valid pattern
   */
  static NamePattern of(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an empty pattern");
    }
    if (!LEGAL.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' has characters other than letters, digits, _, $, '.' and '*'");
    }
    if (text.contains("***")) {
      throw new IllegalArgumentException("'" + text + "' has '***' (use '*' within a segment or '**' across segments)");
    }
    if (text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      throw new IllegalArgumentException("'" + text + "' has an empty name segment");
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '*') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
          // "a.**" also matches "a" itself's members at any depth; "**.b" any prefix.
          if (i + 2 < text.length() && text.charAt(i + 2) == '.') {
            re.append("(?:[^.]*\\.)*");
            i += 2;
          } else {
            re.append(".*");
            i++;
          }
        } else {
          re.append("[^.]*");
        }
      } else if (ch == '.' && text.startsWith("**", i + 1) && i + 3 == text.length()) {
        re.append("(?:\\..*)?"); // "com.example.**" matches everything under com.example
        i += 3;
      } else {
        re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return new NamePattern(text, Pattern.compile(re.toString()));
  }

  boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
