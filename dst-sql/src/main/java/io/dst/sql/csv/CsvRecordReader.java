package io.dst.sql.csv;

import io.dst.engine.DstException;
import io.dst.engine.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An RFC 4180 record reader over UTF-8 bytes: fields separated by commas, records by LF or CRLF,
 * fields optionally in double quotes (which may hold commas, line breaks and doubled quotes). It
 * works on one large byte buffer and hands out fields as slices of it (quoted fields unescaped in
 * place), so no field becomes a String unless its column needs one. Line numbers are 1-based and
 * count the line breaks inside quoted fields.
 */
final class CsvRecordReader {
  private static final int INITIAL_BUFFER = 1 << 20;

  private final InputStream in;
  private final String name;
  private byte[] buf = new byte[INITIAL_BUFFER];
  private int limit;
  private int pos;
  private boolean eof;
  private long bytesBefore;
  private long line = 1;
  private long recordLine;

  private int fields;
  private int[] start = new int[16];
  private int[] end = new int[16];
  private boolean[] quoted = new boolean[16];

  CsvRecordReader(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** Reads the next record; false at the end of the input. A blank line is a record of one empty field. */
  boolean next() throws IOException {
    if (pos >= limit && !fill()) {
      return false;
    }
    recordLine = line;
    // Phase 1: find the record's end, keeping the quote state across refills.
    int scan = pos;
    boolean inQuotes = false;
    int newlines = 0;
    int recordEnd;
    while (true) {
      if (scan >= limit) {
        int shift = pos;
        if (!fill()) {
          if (inQuotes) {
            throw new DstException(ErrorCode.INVALID_ARGUMENT, String.format(
                "%s, line %,d: a quoted field is not closed before the end of the file", name, recordLine));
          }
          recordEnd = limit;
          break;
        }
        scan -= shift - pos;
      }
      byte b = buf[scan];
      if (b == '"') {
        inQuotes = !inQuotes;
      } else if (b == '\n') {
        if (!inQuotes) {
          recordEnd = scan;
          break;
        }
        newlines++;
      }
      scan++;
    }
    int next = recordEnd < limit ? recordEnd + 1 : recordEnd;
    int stop = recordEnd > pos && buf[recordEnd - 1] == '\r' ? recordEnd - 1 : recordEnd;
    split(pos, stop);
    pos = next;
    line += 1 + newlines;
    return true;
  }

  /** Phase 2: cut [from, to) into fields, unescaping quoted ones in place. */
  private void split(int from, int to) {
    fields = 0;
    int p = from;
    while (true) {
      if (fields == start.length) {
        start = Arrays.copyOf(start, fields * 2);
        end = Arrays.copyOf(end, fields * 2);
        quoted = Arrays.copyOf(quoted, fields * 2);
      }
      if (p < to && buf[p] == '"') {
        int w = p + 1;
        int r = p + 1;
        while (true) {
          if (r >= to) {
            throw new DstException(ErrorCode.INVALID_ARGUMENT, String.format("%s, line %,d: the quote that "
                + "opens field %d is not closed (a quote inside a quoted field is written as \"\")", name,
                recordLine, fields + 1));
          }
          byte b = buf[r];
          if (b == '"') {
            if (r + 1 < to && buf[r + 1] == '"') {
              buf[w++] = '"';
              r += 2;
              continue;
            }
            r++;
            break;
          }
          buf[w++] = b;
          r++;
        }
        start[fields] = p + 1;
        end[fields] = w;
        quoted[fields] = true;
        fields++;
        if (r >= to) {
          return;
        }
        if (buf[r] != ',') {
          throw new DstException(ErrorCode.INVALID_ARGUMENT, String.format("%s, line %,d: field %d has "
              + "text after its closing quote (a quote inside a quoted field is written as \"\")", name,
              recordLine, fields));
        }
        p = r + 1;
      } else {
        int r = p;
        while (r < to && buf[r] != ',') {
          r++;
        }
        start[fields] = p;
        end[fields] = r;
        quoted[fields] = false;
        fields++;
        if (r >= to) {
          return;
        }
        p = r + 1;
      }
    }
  }

  /** Moves the unread bytes to the front and reads more; false when nothing more came. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int keep = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, keep);
      bytesBefore += pos;
    }
    pos = 0;
    limit = keep;
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);   // a record longer than the buffer
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n <= 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  int fieldCount() {
    return fields;
  }

  byte[] buffer() {
    return buf;
  }

  int start(int field) {
    return start[field];
  }

  int end(int field) {
    return end[field];
  }

  boolean quoted(int field) {
    return quoted[field];
  }

  /** The line on which the current record starts. */
  long line() {
    return recordLine;
  }

  /** Bytes consumed so far (for progress). */
  long bytesRead() {
    return bytesBefore + pos;
  }

  String text(int field) {
    return new String(buf, start[field], end[field] - start[field], java.nio.charset.StandardCharsets.UTF_8);
  }
}
