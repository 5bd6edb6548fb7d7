package io.drillboard.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many live streams one token may hold open at once, across the HTTP event loops: a flood of sockets from one
 * token is refused past its limit instead of starving every other viewer.
 */
final class LiveQuota {
  private final int perToken;
  private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

  /** {@code perToken} of 0 or less means no limit. */
  LiveQuota(int perToken) {
    this.perToken = perToken;
  }

  int perToken() {
    return perToken;
  }

  /** Takes one stream for the token; false when it already holds its limit. */
  boolean acquire(String token) {
    if (perToken <= 0) {
      return true;
    }
    boolean[] taken = {false};
    open.compute(token, (key, count) -> {
      int current = count == null ? 0 : count;
      taken[0] = current < perToken;
      return taken[0] ? current + 1 : current;
    });
    return taken[0];
  }

  void release(String token) {
    if (perToken > 0) {
      open.computeIfPresent(token, (key, count) -> count <= 1 ? null : count - 1);
    }
  }
}
