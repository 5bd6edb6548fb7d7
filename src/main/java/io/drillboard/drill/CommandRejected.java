package io.drillboard.drill;

/** A command the drill refuses, with the HTTP status that says why (400, 403, 404, 409, 503). Nothing changed. */
public class CommandRejected extends RuntimeException {
  private final int status;
  private final String title;

  public CommandRejected(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
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

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
