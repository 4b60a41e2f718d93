/**
 * Partition snapshots: a checksummed, canonical encoding of one partition's logical content, used
 * to seed replicas and to restart without replaying the whole log.
 */
package io.dst.engine.snapshot;
