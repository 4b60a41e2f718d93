package io.dst.node.resp;

import io.dst.engine.api.KvStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Redis's server introspection as far as clients and tools need it: INFO (server, clients, stats,
 * keyspace), COMMAND (list, COUNT, INFO, DOCS) so redis-cli can load its hints, and CONFIG GET,
 * which redis-benchmark asks before it starts.
 */
public final class ServerCommands {
  private final KvStore kv;
  private final CommandTable table;
  private final ServerStatus status;
  private final String version;

  public ServerCommands(KvStore kv, CommandTable table, ServerStatus status, String version) {
    this.kv = kv;
    this.table = table;
    this.status = status;
    this.version = version;
  }

  public void registerInto(CommandTable t) {
    t.add("info", -1, "loading stale", 0, 0, 0, "server",
        "Returns information and statistics about the server.", this::info);
    t.add("command", -1, "loading stale", 0, 0, 0, "server",
        "Returns detailed information about all commands.", this::command);
    t.add("config", -2, "admin noscript loading stale", 0, 0, 0, "server",
        "A container for server configuration commands.", this::config);
  }

  private void info(RespCommand c, ClientSession s, RespWriter out) {
    List<String> wanted = new ArrayList<>();
    for (int i = 1; i < c.argc(); i++) {
      wanted.add(c.lowerName(i));
    }
    boolean all = wanted.isEmpty() || wanted.contains("all") || wanted.contains("everything")
        || wanted.contains("default");
    StringBuilder sb = new StringBuilder();
    if (all || wanted.contains("server")) {
      // redis_version is what tools gate features on; Dst answers the RESP2/3 dialect of Redis 7.0.
      sb.append("# Server\r\n")
          .append("redis_version:").append(ConnectionCommands.REDIS_COMPATIBILITY).append("\r\n")
          .append("dst_version:").append(version).append("\r\n")
          .append("redis_mode:standalone\r\n")
          .append("os:").append(System.getProperty("os.name")).append(' ')
          .append(System.getProperty("os.arch")).append("\r\n")
          .append("process_id:").append(ProcessHandle.current().pid()).append("\r\n")
          .append("tcp_port:").append(status.port()).append("\r\n")
          .append("uptime_in_seconds:").append(status.uptimeSeconds()).append("\r\n\r\n");
    }
    if (all || wanted.contains("clients")) {
      sb.append("# Clients\r\nconnected_clients:").append(status.connectedClients()).append("\r\n\r\n");
    }
    if (all || wanted.contains("stats")) {
      sb.append("# Stats\r\ntotal_connections_received:").append(status.totalConnections())
          .append("\r\ntotal_commands_processed:").append(status.commandsProcessed())
          .append("\r\n\r\n");
    }
    if (all || wanted.contains("keyspace")) {
      sb.append("# Keyspace\r\n");
      long keys = kv.size();
      if (keys > 0) {
        sb.append("db0:keys=").append(keys).append(",expires=0,avg_ttl=0\r\n");
      }
    }
    out.bulk(sb.toString());
  }

  private void command(RespCommand c, ClientSession s, RespWriter out) {
    if (c.argc() == 1) {
      List<CommandSpec> specs = sorted();
      out.arrayHeader(specs.size());
      specs.forEach(spec -> writeInfo(spec, out));
      return;
    }
    switch (c.lowerName(1)) {
      case "count" -> {
        if (c.argc() != 2) {
          throw RespError.arity("command|count");
        }
        out.integer(table.size());
      }
      case "info" -> {
        out.arrayHeader(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
          table.find(c.lowerName(i)).ifPresentOrElse(spec -> writeInfo(spec, out), out::nil);
        }
      }
      case "docs" -> {
        List<CommandSpec> specs = new ArrayList<>();
        if (c.argc() == 2) {
          specs = sorted();
        } else {
          for (int i = 2; i < c.argc(); i++) {
            table.find(c.lowerName(i)).ifPresent(specs::add);
          }
        }
        out.mapHeader(specs.size());
        for (CommandSpec spec : specs) {
          out.bulk(spec.name());
          out.mapHeader(3);
          out.bulk("summary").bulk(spec.summary());
          out.bulk("since").bulk("1.0.0");
          out.bulk("group").bulk(spec.group());
        }
      }
      default -> throw RespError.err("unknown subcommand '" + c.string(1) + "'. Try COMMAND HELP.");
    }
  }

  private List<CommandSpec> sorted() {
    List<CommandSpec> specs = new ArrayList<>(table.all());
    specs.sort(Comparator.comparing(CommandSpec::name));
    return specs;
  }

  /** Redis 7's ten-element command info; clients older than 7 read the first six. */
  private static void writeInfo(CommandSpec spec, RespWriter out) {
    out.arrayHeader(10);
    out.bulk(spec.name());
    out.integer(spec.arity());
    out.arrayHeader(spec.flags().size());
    spec.flags().forEach(f -> out.simple(f));
    out.integer(spec.firstKey());
    out.integer(spec.lastKey());
    out.integer(spec.step());
    out.arrayHeader(0); // ACL categories
    out.arrayHeader(0); // tips
    out.arrayHeader(0); // key specs
    out.arrayHeader(0); // subcommands
  }

  private void config(RespCommand c, ClientSession s, RespWriter out) {
    if (!c.is(1, "GET")) {
      throw RespError.err("CONFIG " + c.string(1).toUpperCase(Locale.ROOT)
          + " is not supported by Dst");
    }
    if (c.argc() < 3) {
      throw RespError.arity("config|get");
    }
    // Only the settings tools ask about before they start; Dst keeps no Redis-style persistence.
    List<String[]> found = new ArrayList<>();
    for (int i = 2; i < c.argc(); i++) {
      String p = c.lowerName(i);
      for (String[] kvPair : new String[][] {{"save", ""}, {"appendonly", "no"}, {"databases", "1"}}) {
        if (io.dst.engine.kv.Glob.compile(p).matcher(kvPair[0]).matches()) {
          found.add(kvPair);
        }
      }
    }
    out.mapHeader(found.size());
    for (String[] pair : found) {
      out.bulk(pair[0]).bulk(pair[1]);
    }
  }
}
