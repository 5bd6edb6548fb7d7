package io.drillboard.drill;

import java.util.OptionalLong;

/**
 * What the engine answers a command it accepted: the seq the drill stands at once the command's events are stored,
 * and for injected events what became of them. A caller that must show the drill reads its view at that seq.
 */
public sealed interface Reply {
  long lastSeq();

  /** A command decided. */
  record Decided(long lastSeq) implements Reply {
  }

  /** Injected events taken: how many were new, how many repeated an earlier client id, and a lone event's seq. */
  record Appended(int accepted, int duplicates, long lastSeq, OptionalLong seq) implements Reply {
  }
}
