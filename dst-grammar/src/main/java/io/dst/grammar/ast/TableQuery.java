package io.dst.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code t.query (*) when ... order by a desc limit 10}; every clause after the projection is optional (empty when, empty order list, empty limit). */
public record TableQuery(String table, Projection projection, Optional<Condition> when, List<OrderItem> orderBy, OptionalLong limit, SourcePosition position) implements RowCommand {
  public TableQuery {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(when, "when");
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(position, "position");
  }
}
