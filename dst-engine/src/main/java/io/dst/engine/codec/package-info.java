/** Binary encodings shared by log entries and snapshots, and their CRC32C framing. */
package io.dst.engine.codec;
