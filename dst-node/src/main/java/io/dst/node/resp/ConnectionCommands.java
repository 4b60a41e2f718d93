package io.dst.node.resp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Redis's connection commands: PING, ECHO, SELECT (database 0 only), AUTH, HELLO (RESP2 and
 * RESP3), CLIENT (SETNAME, GETNAME, ID, SETINFO) and QUIT.
 */
public final class ConnectionCommands {
  /** The Redis version whose commands and replies Dst's RESP port follows. */
  static final String REDIS_COMPATIBILITY = "7.0.0";

  private final byte[] password; // null: no AUTH required
  private final String version;

  public ConnectionCommands(String password, String version) {
    this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
    this.version = version;
  }

  public void registerInto(CommandTable t) {
    t.add("ping", -1, "fast", 0, 0, 0, "connection", "Returns the server's liveliness response.",
        (c, s, out) -> {
          if (c.argc() > 2) {
            throw RespError.arity("ping");
          }
          if (c.argc() == 2) {
            out.bulk(c.raw(1));
          } else {
            out.simple("PONG");
          }
        });
    t.add("echo", 2, "fast", 0, 0, 0, "connection", "Returns the given string.",
        (c, s, out) -> out.bulk(c.raw(1)));
    t.add("select", 2, "loading stale fast", 0, 0, 0, "connection",
        "Changes the selected database.", (c, s, out) -> {
          if (c.longArg(1) != 0) {
            throw RespError.err("DB index is out of range");
          }
          out.ok();
        });
    t.add("auth", -2, "no-auth fast", 0, 0, 0, "connection", "Authenticates the connection.",
        (c, s, out) -> {
          if (c.argc() > 3) {
            throw RespError.syntax();
          }
          authenticate(c, c.argc() == 3 ? 1 : -1, c.argc() - 1, s);
          out.ok();
        });
    t.add("hello", -1, "no-auth fast", 0, 0, 0, "connection", "Handshakes with the Redis server.",
        this::hello);
    t.add("client", -2, "", 0, 0, 0, "connection", "A container for client connection commands.",
        this::client);
    t.add("quit", -1, "no-auth fast", 0, 0, 0, "connection", "Closes the connection.",
        (c, s, out) -> {
          s.quit();
          out.ok();
        });
  }

  /** Checks AUTH's [user] password; only Redis's "default" user exists. */
  private void authenticate(RespCommand c, int userArg, int passwordArg, ClientSession s) {
    if (password == null) {
      throw RespError.err("AUTH <password> called without any password configured for the default "
          + "user. Are you sure your configuration is correct?");
    }
    boolean userOk = userArg < 0 || c.string(userArg).equals("default");
    // Constant-time comparison, so response timing does not leak the password's prefix.
    if (!MessageDigest.isEqual(password, c.raw(passwordArg)) || !userOk) {
      throw new RespError("WRONGPASS invalid username-password pair or user is disabled.");
    }
    s.authenticate();
  }

  private void hello(RespCommand c, ClientSession s, RespWriter out) {
    int protocol = s.protocol();
    int i = 1;
    if (c.argc() > 1) {
      Long v = RespCommand.parseLong(c.raw(1));
      if (v == null) {
        throw RespError.err("Protocol version is not an integer or out of range");
      }
      if (v != 2 && v != 3) {
        throw new RespError("NOPROTO unsupported protocol version");
      }
      protocol = v.intValue();
      i = 2;
    }
    String name = null;
    boolean authGiven = false;
    for (; i < c.argc(); i++) {
      if (c.is(i, "AUTH") && i + 2 < c.argc()) {
        authenticate(c, i + 1, i + 2, s);
        authGiven = true;
        i += 2;
      } else if (c.is(i, "SETNAME") && i + 1 < c.argc()) {
        name = checkedName(c.string(i + 1));
        i++;
      } else {
        throw RespError.err("Syntax error in HELLO option '" + c.string(i) + "'");
      }
    }
    if (!s.authenticated() && !authGiven) {
      throw new RespError("NOAUTH HELLO must be called with the client already authenticated, "
          + "otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the "
          + "client and select the RESP protocol version at the same time");
    }
    if (name != null) {
      s.name(name);
    }
    s.protocol(protocol);
    // The reply is written in the newly chosen protocol, as Redis does.
    RespWriter w = new RespWriter(out.buffer(), protocol);
    w.mapHeader(8);
    w.bulk("server").bulk("dst");
    // Clients (Lettuce among them) read "version" as the Redis level the server speaks.
    w.bulk("version").bulk(REDIS_COMPATIBILITY);
    w.bulk("dst_version").bulk(version);
    w.bulk("proto").integer(protocol);
    w.bulk("id").integer(s.id());
    w.bulk("mode").bulk("standalone");
    w.bulk("role").bulk("master");
    w.bulk("modules").arrayHeader(0);
  }

  private void client(RespCommand c, ClientSession s, RespWriter out) {
    String sub = c.lowerName(1);
    switch (sub) {
      case "setname" -> {
        requireArgc(c, 3, "client|setname");
        String name = checkedName(c.string(2));
        s.name(name.isEmpty() ? null : name);
        out.ok();
      }
      case "getname" -> {
        requireArgc(c, 2, "client|getname");
        out.bulk(s.name());
      }
      case "id" -> {
        requireArgc(c, 2, "client|id");
        out.integer(s.id());
      }
      case "setinfo" -> {
        // Client libraries announce their name and version; accepted and not kept.
        requireArgc(c, 4, "client|setinfo");
        out.ok();
      }
      default -> throw RespError.err("unknown subcommand '" + c.string(1) + "'. Try CLIENT HELP.");
    }
  }

  private static void requireArgc(RespCommand c, int argc, String fullName) {
    if (c.argc() != argc) {
      throw RespError.arity(fullName);
    }
  }

  private static String checkedName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch < '!' || ch > '~') {
        throw RespError.err("Client names cannot contain spaces, newlines or special characters.");
      }
    }
    return name;
  }
}
