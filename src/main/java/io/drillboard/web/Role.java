package io.drillboard.web;

import java.util.Locale;
import java.util.Optional;

/** Who a token speaks for. A team token also names its team. */
public enum Role {
  DIRECTOR, TEAM, EVALUATOR, OBSERVER, INJECTOR;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromKey(String key) {
    for (Role role : values()) {
      if (role.key().equals(key)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
