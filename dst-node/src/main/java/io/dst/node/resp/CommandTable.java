package io.dst.node.resp;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher: maps command names to {@link CommandSpec}s and runs a request through Redis's
 * checks in Redis's order (unknown command, arity, authentication), translating Dst's exceptions
 * into Redis error replies so a failed command never breaks the connection.
 */
public final class CommandTable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandTable.class);
  private static final int MAX_ECHOED_ARGS = 128;

  private final Map<String, CommandSpec> byName = new HashMap<>();
  private CommandSpec[] fastSlots = new CommandSpec[1];
  private byte[][] fastNames = new byte[1][];
  private CommandObserver observer = CommandObserver.NONE;

  /** The installed observer ({@link CommandObserver#NONE} when none). */
  CommandObserver observer() {
    return observer;
  }

  /** Installs the observer told about every dispatched command (metrics); set before serving. */
  void observer(CommandObserver observer) {
    this.observer = observer == null ? CommandObserver.NONE : observer;
  }

  public CommandTable add(String name, int arity, String flags, int firstKey, int lastKey, int step,
      String group, String summary, CommandHandler handler) {
    List<String> flagList = flags.isEmpty() ? List.of() : List.of(flags.split(" "));
    CommandSpec spec = new CommandSpec(name, arity, flagList, firstKey, lastKey, step, group, summary,
        handler);
    if (byName.putIfAbsent(name, spec) != null) {
      throw new IllegalStateException("command " + name + " registered twice");
    }
    rebuildFastSlots();
    return this;
  }

  /**
   * Finds a command by its raw name in any case. Every request comes through here, so the common
   * case (a name already in lower or upper case, as clients send) allocates nothing.
   */
  CommandSpec lookup(byte[] name) {
    CommandSpec[] slots = fastSlots;
    int i = slotOf(name, slots.length);
    if (slots[i] != null && sameLetters(fastNames[i], name)) {
      return slots[i];
    }
    return byName.get(new String(name, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether {@code raw} spells the lower-case {@code lower} in any case (names are letters only). */
  private static boolean sameLetters(byte[] lower, byte[] raw) {
    if (lower.length != raw.length) {
      return false;
    }
    for (int i = 0; i < raw.length; i++) {
      if ((raw[i] | 0x20) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  /** A case-insensitive hash of an ASCII name. */
  private static int slotOf(byte[] name, int slots) {
    int h = name.length;
    for (byte b : name) {
      h = 31 * h + (b | 0x20);
    }
    return (h ^ (h >>> 16)) & (slots - 1);
  }

  private void rebuildFastSlots() {
    int size = 256;
    while (true) {
      CommandSpec[] slots = new CommandSpec[size];
      byte[][] names = new byte[size][];
      boolean clash = false;
      for (CommandSpec spec : byName.values()) {
        byte[] name = spec.name().getBytes(StandardCharsets.US_ASCII);
        int i = slotOf(name, size);
        clash |= slots[i] != null;
        slots[i] = spec;
        names[i] = name;
      }
      if (!clash || size >= 1 << 14) {
        fastSlots = slots; // on a clash the later name falls back to the map lookup
        fastNames = names;
        return;
      }
      size <<= 1;
    }
  }

  public Optional<CommandSpec> find(String lowerName) {
    return Optional.ofNullable(byName.get(lowerName));
  }

  public Collection<CommandSpec> all() {
    return byName.values();
  }

  public int size() {
    return byName.size();
  }

  /** Runs one request and writes its one reply. */
  public void dispatch(RespCommand command, ClientSession session, RespWriter out) {
    CommandSpec spec = lookup(command.raw(0));
    CommandObserver obs = observer;
    long start = obs == CommandObserver.NONE ? 0 : System.nanoTime();
    boolean failed = true;
    try {
      if (spec == null) {
        throw unknownCommand(command);
      }
      if (!spec.acceptsArgc(command.argc())) {
        throw RespError.arity(spec.name());
      }
      if (!session.authenticated() && !spec.allowedBeforeAuth()) {
        throw new RespError("NOAUTH Authentication required.");
      }
      spec.handler().execute(command, session, out);
      failed = false;
    } catch (RespError e) {
      out.error(e.line());
    } catch (DstException e) {
      out.error(translate(e).line());
    } catch (RuntimeException e) {
      LOG.warn("command {} from {} failed", command.lowerName(0), session.remoteAddress(), e);
      out.error("ERR internal error: " + e);
    } finally {
      if (obs != CommandObserver.NONE) {
        obs.completed(spec == null ? "unknown" : spec.name(), System.nanoTime() - start, failed);
      }
    }
  }

  /** Redis's wording for Dst's failures; WRONG_TYPE is the one clients recognise by kind. */
  static RespError translate(DstException e) {
    if (e.code() == ErrorCode.WRONG_TYPE) {
      return RespError.wrongType();
    }
    return RespError.err(e.getMessage() == null ? e.code().name() : e.getMessage());
  }

  /** Redis 7's message: the name, then the first arguments quoted, up to 128 characters. */
  private static RespError unknownCommand(RespCommand command) {
    StringBuilder args = new StringBuilder();
    for (int i = 1; i < command.argc() && args.length() < MAX_ECHOED_ARGS; i++) {
      String a = command.string(i);
      int room = MAX_ECHOED_ARGS - args.length();
      args.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
    }
    String name = new String(command.raw(0), StandardCharsets.UTF_8);
    return RespError.err("unknown command '" + (name.length() > 128 ? name.substring(0, 128) : name)
        + "', with args beginning with: " + args);
  }
}
