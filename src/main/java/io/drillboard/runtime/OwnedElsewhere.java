package io.drillboard.runtime;

import io.drillboard.store.StoreUnavailableException;

/**
 * Another node runs the drill, but this one cannot reach it yet: its owner is starting it, or died and the drill has
 * not been taken over. Worth a retry in a moment.
 */
public final class OwnedElsewhere extends StoreUnavailableException {
  OwnedElsewhere(String drillId) {
    this("drill " + drillId + " runs on another node, which cannot be reached yet", null);
  }

  OwnedElsewhere(String message, Throwable cause) {
    super(message, 1, cause);
  }
}
