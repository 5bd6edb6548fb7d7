package io.drillboard.drill;

/**
 * A command the drill refuses, with the kind of refusal and a stable code ({@link ProblemCodes}). Nothing changed.
 * The model says why, not how: the web edge says each kind as its HTTP status.
 */
public class CommandRejected extends RuntimeException {
  /** Why a command is refused. */
  public enum Kind {
    /** The command does not make sense as given. */
    INVALID("bad-request"),
    /** The caller may not do this (a team moving another team's task). */
    FORBIDDEN("forbidden"),
    /** It names something the drill or its scenario does not have. */
    NOT_FOUND("not-found"),
    /** The drill is not in a state that allows it. */
    CONFLICT("conflict");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The code of a refusal of this kind that has none more precise. */
    public String code() {
      return code;
    }
  }

  private final Kind kind;
  private final String code;

  public CommandRejected(Kind kind, String detail, String code) {
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
  }

  public static CommandRejected conflict(String detail) {
    return new CommandRejected(Kind.CONFLICT, detail, Kind.CONFLICT.code());
  }

  public static CommandRejected notFound(String detail) {
    return new CommandRejected(Kind.NOT_FOUND, detail, Kind.NOT_FOUND.code());
  }

  public static CommandRejected invalid(String detail) {
    return new CommandRejected(Kind.INVALID, detail, Kind.INVALID.code());
  }

  public static CommandRejected forbidden(String detail) {
    return new CommandRejected(Kind.FORBIDDEN, detail, Kind.FORBIDDEN.code());
  }

  /** The same refusal with a code more precise than its kind's. */
  public CommandRejected coded(String precise) {
    return new CommandRejected(kind, getMessage(), precise);
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }
}
