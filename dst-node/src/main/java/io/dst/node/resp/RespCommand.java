package io.dst.node.resp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client request as the decoder delivers it: the arguments of a RESP array of bulk strings,
 * the first being the command name. Arguments stay raw bytes until a command asks for them, since
 * Dst's kv values are Java strings and only a command knows which arguments are text.
 */
public final class RespCommand {
  private final byte[][] args;

  public RespCommand(byte[][] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("a command needs at least its name");
    }
    this.args = args;
  }

  /** A command made of text arguments (UTF-8), for tests and internal callers. */
  public static RespCommand of(String... args) {
    byte[][] raw = new byte[args.length][];
    for (int i = 0; i < args.length; i++) {
      raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
    }
    return new RespCommand(raw);
  }

  /** Number of arguments including the command name, as Redis's arity counts them. */
  public int argc() {
    return args.length;
  }

  public byte[] raw(int i) {
    return args[i];
  }

  /** Argument {@code i} as UTF-8 text, the encoding Dst's str and dict values use. */
  public String string(int i) {
    return new String(args[i], StandardCharsets.UTF_8);
  }

  /** The command (or subcommand) name lower-cased, the form used for lookup and error messages. */
  public String lowerName(int i) {
    return new String(args[i], StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
  }

  /** Argument {@code i} as a Redis integer: a signed decimal long, nothing else. */
  public long longArg(int i) {
    Long v = parseLong(args[i]);
    if (v == null) {
      throw RespError.notAnInteger();
    }
    return v;
  }

  /** Whether argument {@code i} equals {@code word} ignoring ASCII case (option names like NX). */
  public boolean is(int i, String word) {
    byte[] a = args[i];
    if (a.length != word.length()) {
      return false;
    }
    for (int j = 0; j < a.length; j++) {
      if (Character.toUpperCase((char) (a[j] & 0xff)) != Character.toUpperCase(word.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  /** Parses Redis's strict integer form (no '+', no spaces, no leading zeros beyond "0"); null if not. */
  static Long parseLong(byte[] b) {
    if (b.length == 0 || b.length > 20) {
      return null;
    }
    int i = 0;
    boolean negative = b[0] == '-';
    if (negative) {
      i = 1;
      if (b.length == 1) {
        return null;
      }
    }
    if (b[i] == '0' && b.length > i + 1) {
      return null;
    }
    long v = 0;
    for (; i < b.length; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return null;
      }
      // Accumulate negatively so Long.MIN_VALUE parses without overflow.
      if (v < (Long.MIN_VALUE + d) / 10) {
        return null;
      }
      v = v * 10 - d;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        return null;
      }
      v = -v;
    }
    return v;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : " ").append(string(i));
    }
    return sb.toString();
  }
}
