package io.drillboard.runtime;

import io.drillboard.drill.CommandRejected;
import io.drillboard.store.StoreUnavailableException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * How a refusal crosses the event bus and comes back as the same exception: whether the drill refused or could not
 * answer as the failure code, and the kind, detail, code and retry hint as JSON.
 */
public final class Failures {
  private static final String OWNED_ELSEWHERE = "ownedElsewhere";
  /** The failure codes on the bus: the drill refused the command, or could not decide it now. */
  private static final int REJECTED = 1;
  private static final int UNAVAILABLE = 2;

  private Failures() {
  }

  static int failureCodeOf(Throwable cause) {
    return cause instanceof CommandRejected ? REJECTED : UNAVAILABLE;
  }

  static String encode(Throwable cause) {
    if (cause instanceof CommandRejected rejected) {
      return new JsonObject().put("kind", rejected.kind().name()).put("detail", rejected.getMessage())
          .put("code", rejected.code()).encode();
    }
    int retryAfter = cause instanceof StoreUnavailableException unavailable ? unavailable.retryAfterSeconds() : 2;
    return new JsonObject().put("title", "Service Unavailable").put("detail", cause.getMessage())
        .put("retryAfter", retryAfter).put(OWNED_ELSEWHERE, cause instanceof OwnedElsewhere).encode();
  }

  /** The failure as it crosses the event bus, for a sender on the drill's own node to {@link #decode} alike. */
  static ReplyException asReply(Throwable cause) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failureCodeOf(cause), encode(cause));
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
    if (reply.failureCode() == REJECTED) {
      CommandRejected.Kind kind = CommandRejected.Kind.valueOf(body.getString("kind"));
      return new CommandRejected(kind, body.getString("detail"), body.getString("code", kind.code()));
    }
    if (body.getBoolean(OWNED_ELSEWHERE, false)) {
      return new OwnedElsewhere(body.getString("detail"), reply);
    }
    return new StoreUnavailableException(body.getString("detail"), body.getInteger("retryAfter", 2), reply);
  }
}
