package io.drillboard.drill;

import io.drillboard.store.StoreUnavailableException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * How a refusal crosses the event bus and comes back as the same exception: the HTTP status as the failure code, and
 * the title, detail, code and retry hint as JSON.
 */
public final class Failures {
  private static final String OWNED_ELSEWHERE = "ownedElsewhere";
  private Failures() {
  }

  static int statusOf(Throwable cause) {
    if (cause instanceof CommandRejected rejected) {
      return rejected.status();
    }
    return 503;
  }

  static String encode(Throwable cause) {
    if (cause instanceof CommandRejected rejected) {
      return new JsonObject().put("title", rejected.title()).put("detail", rejected.getMessage())
          .put("code", rejected.code()).encode();
    }
    int retryAfter = cause instanceof StoreUnavailableException unavailable ? unavailable.retryAfterSeconds() : 2;
    return new JsonObject().put("title", "Service Unavailable").put("detail", cause.getMessage())
        .put("retryAfter", retryAfter).put(OWNED_ELSEWHERE, cause instanceof OwnedElsewhere).encode();
  }

  /** Turns a failed event-bus reply back into the exception the drill raised. */
  public static RuntimeException decode(Throwable failure) {
    if (!(failure instanceof ReplyException reply)) {
      return failure instanceof RuntimeException runtime ? runtime : new RuntimeException(failure);
    }
    if (reply.failureType() == ReplyFailure.TIMEOUT) {
      return new StoreUnavailableException("the drill did not answer in time", 2, reply);
    }
    if (reply.failureType() != ReplyFailure.RECIPIENT_FAILURE) {
      return new StoreUnavailableException("the drill is not reachable: " + reply.getMessage(), 2, reply);
    }
    JsonObject body;
    try {
      body = new JsonObject(reply.getMessage());
    } catch (RuntimeException notJson) {
      return new StoreUnavailableException(reply.getMessage(), 2, reply);
    }
    if (reply.failureCode() == 503 && body.getBoolean(OWNED_ELSEWHERE, false)) {
      return new OwnedElsewhere(body.getString("detail"), reply);
    }
    if (reply.failureCode() == 503) {
      return new StoreUnavailableException(body.getString("detail"), body.getInteger("retryAfter", 2), reply);
    }
    return new CommandRejected(reply.failureCode(), body.getString("title"), body.getString("detail"),
        body.getString("code", ProblemCodes.ofStatus(reply.failureCode())));
  }
}
