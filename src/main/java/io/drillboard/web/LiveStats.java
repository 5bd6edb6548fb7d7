package io.drillboard.web;

import java.util.function.IntSupplier;

/** What the live stream reports about itself: viewers per drill, frames sent and dropped. */
public interface LiveStats {
  void frameSent();

  void frameDropped();

  /** A drill now has viewers on this server; {@code count} tells how many at any moment. */
  void watching(String drillId, IntSupplier count);

  /** A drill has no viewers left on this server. */
  void unwatched(String drillId);
}
