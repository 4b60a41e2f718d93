package io.dst.jdbc.shell;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when Enter finishes an entry: when the text so far holds only complete statements
 * (SQL closed by {@code ;}, or commands, which end with their line); otherwise JLine keeps reading
 * on a continuation line. Word splitting for completion is JLine's default.
 */
final class DstLineParser extends DefaultParser {
  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !StatementSplitter.split(line).complete()) {
      throw new EOFError(-1, -1, "statement continues", "end SQL with ;");
    }
    return super.parse(line, cursor, context);
  }
}
