package io.dst.engine;

/**
 * The one exception type Dst raises for a request it cannot carry out: the {@link ErrorCode} says
 * which kind of failure, the message says what was wrong and where, in a sentence meant for users.
 */
public class DstException extends RuntimeException {
  private final ErrorCode code;

  public DstException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public DstException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
