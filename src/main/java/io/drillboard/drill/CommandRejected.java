package io.drillboard.drill;

/**
 * A command the drill refuses, with the HTTP status that says why (400, 403, 404, 409, 503) and a stable code
 * ({@link ProblemCodes}). Nothing changed.
 */
public class CommandRejected extends RuntimeException {
  private final int status;
  private final String title;
  private final String code;

  public CommandRejected(int status, String title, String detail) {
    this(status, title, detail, ProblemCodes.ofStatus(status));
  }

  public CommandRejected(int status, String title, String detail, String code) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.code = code;
  }

  public static CommandRejected conflict(String detail) {
    return new CommandRejected(409, "Conflict", detail);
  }

  public static CommandRejected notFound(String detail) {
    return new CommandRejected(404, "Not Found", detail);
  }

  public static CommandRejected badRequest(String detail) {
    return new CommandRejected(400, "Bad Request", detail);
  }

  /** The same refusal with a code more precise than its status's. */
  public CommandRejected coded(String precise) {
    return new CommandRejected(status, title, getMessage(), precise);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String code() {
    return code;
  }
}
