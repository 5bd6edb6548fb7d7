package io.drillboard.drill;

/**
 * One stored fact of a drill: its place in the drill's log (seq, from 1, no gaps), the client's id for idempotency
 * (null for the engine's own events), when it happened on the sim clock and on the wall, and what it says.
 */
public record Event(long seq, String clientId, long simTime, long wallTime, EventBody body) {
  public String type() {
    return body.type();
  }
}
