package io.dst.node.meta;

import java.nio.charset.StandardCharsets;

/**
 * A live node as registered in its ephemeral znode: id, address, and <b>incarnation</b>, a number
 * that is new on every process start, so the controller can tell a restarted node (whose in-memory
 * state is gone) from one that stayed up.
 */
public record NodeInfo(int id, String host, int port, long incarnation) {
  public byte[] encode() {
    return (host + ":" + port + " " + incarnation).getBytes(StandardCharsets.UTF_8);
  }

  public static NodeInfo decode(int id, byte[] data) {
    String[] parts = new String(data, StandardCharsets.UTF_8).trim().split(" ");
    int colon = parts[0].lastIndexOf(':');
    return new NodeInfo(id, parts[0].substring(0, colon),
        Integer.parseInt(parts[0].substring(colon + 1)), Long.parseLong(parts[1]));
  }

  public String address() {
    return host + ":" + port;
  }
}
