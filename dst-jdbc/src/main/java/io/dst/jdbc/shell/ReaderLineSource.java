package io.dst.jdbc.shell;

import java.io.BufferedReader;
import java.io.IOException;

/** Lines from a script file or piped stdin, with no prompts. */
public final class ReaderLineSource implements LineSource {
  private final BufferedReader reader;

  public ReaderLineSource(BufferedReader reader) {
    this.reader = reader;
  }

  @Override
  public String readLine(boolean continuation) throws IOException {
    return reader.readLine();
  }

  @Override
  public boolean interactive() {
    return false;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
