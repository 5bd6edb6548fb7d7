package io.drillboard.web;

import io.drillboard.drill.ProblemCodes;
import java.util.List;

/**
 * Bad input found by the web layer: its status, a sentence, each problem by path, and a stable code
 * ({@link ProblemCodes}): invalid-fields where fields were listed, else the status's own unless a precise one is given.
 */
public class ProblemException extends RuntimeException {
  private final int status;
  private final List<String> errors;
  private final String code;

  public ProblemException(int status, String detail, List<String> errors) {
    this(status, detail, errors, errors.isEmpty() ? Problems.codeOf(status) : ProblemCodes.INVALID_FIELDS);
  }

  public ProblemException(int status, String detail, List<String> errors, String code) {
    super(detail, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.code = code;
  }

  /** An unknown drill, said the same way wherever it is looked up. */
  static ProblemException drillNotFound(String drillId) {
    return new ProblemException(404, "no drill has the id " + drillId, List.of(), ProblemCodes.DRILL_NOT_FOUND);
  }

  public String code() {
    return code;
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
