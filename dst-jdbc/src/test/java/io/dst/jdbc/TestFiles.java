package io.dst.jdbc;

/** Files the tests share. */
public final class TestFiles {
  /**
   * DESIGN.md's {@code mytables.sc}, named relative to the module directory (the tests' working
   * directory) on purpose: {@code table.create ... from} resolves against the process's directory.
   */
  public static final String SCHEMA_FILE = "src/test/resources/mytables.sc";

  private TestFiles() {}
}
