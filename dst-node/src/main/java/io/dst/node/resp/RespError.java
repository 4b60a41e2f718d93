package io.dst.node.resp;

/**
 * A Redis error reply raised by a command: {@link #line()} is the whole error line after the
 * {@code -}, its first word the error kind (ERR, WRONGTYPE, NOAUTH, ...) that clients switch on.
 * Raised on every bad request, so it carries no stack trace.
 */
public final class RespError extends RuntimeException {
  private final String line;

  public RespError(String line) {
    super(line, null, false, false);
    this.line = line;
  }

  public String line() {
    return line;
  }

  /** An {@code ERR}-kind error with the given message. */
  public static RespError err(String message) {
    return new RespError("ERR " + message);
  }

  public static RespError wrongType() {
    return new RespError("WRONGTYPE Operation against a key holding the wrong kind of value");
  }

  public static RespError notAnInteger() {
    return err("value is not an integer or out of range");
  }

  public static RespError syntax() {
    return err("syntax error");
  }

  public static RespError arity(String fullName) {
    return err("wrong number of arguments for '" + fullName + "' command");
  }
}
