package io.drillboard.web;

import java.util.List;

/** Bad input found by the web layer: its status, a sentence, and each problem by path. */
public class ProblemException extends RuntimeException {
  private final int status;
  private final List<String> errors;

  public ProblemException(int status, String detail, List<String> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, detail, List.of());
  }

  public int status() {
    return status;
  }

  public List<String> errors() {
    return errors;
  }
}
