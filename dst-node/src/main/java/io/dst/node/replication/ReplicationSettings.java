package io.dst.node.replication;

import io.dst.node.log.FsyncPolicy;
import java.time.Duration;

/**
 * Tuning of a node's replication. <b>replicaLag</b>: how long an in-sync replica may stay behind the
 * primary's log end before it is removed from the in-sync set; <b>heartbeat</b>: how often an idle
 * primary pings its replicas (carrying the commit offset); <b>maxBatch</b>: entries per APPEND;
 * <b>snapshotEvery</b>: applied entries between snapshots (the log before a snapshot is deleted).
 */
public record ReplicationSettings(int nodeId, long incarnation, Duration replicaLag,
    Duration heartbeat, Duration retryBackoff, int maxBatch, long snapshotEvery,
    long segmentBytes, FsyncPolicy fsync) {}
