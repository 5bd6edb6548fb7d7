package io.drillboard.metrics;

/** What the live stream reports about itself: viewers per drill, frames sent and dropped. */
public interface LiveStats {
  void frameSent();

  void frameDropped();

  /** A viewer of the drill joined on this server (from any of its HTTP event loops). */
  void viewerJoined(String drillId);

  /** A viewer of the drill left this server. */
  void viewerLeft(String drillId);
}
