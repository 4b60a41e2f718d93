package io.dst.node.resp;

/**
 * What the server remembers about one connection: its id, the name the client gave it, whether it
 * has authenticated, the RESP version it speaks, and whether it asked to quit. A connection runs
 * one command batch at a time, so the fields need no locking.
 */
public final class ClientSession {
  private final long id;
  private final String remoteAddress;
  private String name;
  private boolean authenticated;
  private int protocol = 2;
  private boolean quitting;

  public ClientSession(long id, String remoteAddress, boolean authenticated) {
    this.id = id;
    this.remoteAddress = remoteAddress;
    this.authenticated = authenticated;
  }

  public long id() {
    return id;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  /** The CLIENT SETNAME name, or null. */
  public String name() {
    return name;
  }

  public void name(String name) {
    this.name = name;
  }

  public boolean authenticated() {
    return authenticated;
  }

  public void authenticate() {
    authenticated = true;
  }

  public int protocol() {
    return protocol;
  }

  public void protocol(int protocol) {
    this.protocol = protocol;
  }

  public boolean quitting() {
    return quitting;
  }

  /** Marks the connection to be closed once the replies written so far are flushed. */
  public void quit() {
    quitting = true;
  }
}
