package io.drillboard.store;

/** The event store cannot take or give events right now (database down, queue full): answer 503, retry later. */
public class StoreUnavailableException extends RuntimeException {
  private final int retryAfterSeconds;

  public StoreUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
    super(message, cause);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
