package io.drillboard.web;

/** The name a token carries (a person, or a wall screen): what every event the token causes, and the report, show. */
public final class PersonNames {
  static final int MAX = 40;

  private PersonNames() {
  }

  /** The name trimmed; refused when empty, over 40 characters or holding control characters. */
  public static String validated(String name) {
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX
        || trimmed.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name: must be 1 to " + MAX + " characters, without control characters");
    }
    return trimmed;
  }
}
