package io.dst.it.dst;

import io.dst.engine.ErrorCode;
import io.dst.engine.PartitionId;
import io.dst.engine.Partitioner;
import io.dst.engine.expr.ScanSpec;
import io.dst.engine.log.LogEntryCodec;
import io.dst.engine.log.Mutation;
import io.dst.node.protocol.DataRequest;
import io.dst.node.protocol.Message;
import io.dst.node.protocol.Query;
import io.dst.node.protocol.ReplicationRequest;
import io.dst.node.protocol.Response;
import io.dst.node.transport.DataCodec;
import io.dst.node.transport.ReplicationCodec;
import io.dst.node.transport.ResponseCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Valid frames of every message family of the node's wire protocol, encoded by the node's own
 * codecs, as seeds for mutation: client writes and reads, replication handshakes, appends,
 * snapshots and log-end queries, and (unsolicited) responses.
 */
final class DstSeedFrames {

    private DstSeedFrames() {
    }

    /** Frames of every family: client requests, replication messages and responses. */
    static List<byte[]> all() {
        return encode(messages());
    }

    /**
     * Frames a client may send (DATA family) plus unsolicited responses, without replication messages:
     * what can be fuzzed while a forged replication message can still demote a primary.
     */
    static List<byte[]> withoutReplication() {
        return encode(messages().stream().filter(m -> !(m instanceof ReplicationRequest)).toList());
    }

    private static List<Message> messages() {
        String key = "fuzz-key";
        PartitionId kv = new PartitionId(PartitionId.KV_TABLE, Partitioner.partitionOf(key, Mutation.KV_PARTITIONS));
        Mutation put = new Mutation.StrPut(key, "v1");
        byte[] entry = LogEntryCodec.encode(put);
        return List.of(
                new DataRequest.Write(1, kv, -1, put, entry),
                new DataRequest.Read(2, kv, -1, new Query.KvGet(key)),
                new DataRequest.Read(3, kv, -1, new Query.KvKeys("*")),
                new DataRequest.Read(4, new PartitionId("t0", 0), -1, new Query.Scan("t0", ScanSpec.all())),
                new ReplicationRequest.LogEnd(5, kv),
                new ReplicationRequest.Handshake(6, kv, 1, 2),
                new ReplicationRequest.Append(7, kv, 1, 0, 0, List.of(new ReplicationRequest.EntryData(1, entry))),
                new ReplicationRequest.InstallSnapshot(8, kv, 1, 0, 1, new byte[] {0, 0, 0, 0}),
                new Response.Ok(9, new byte[] {1}),
                new Response.Error(10, ErrorCode.NOT_PRIMARY, "not me"));
    }

    /** {@code messages} encoded by the node's codecs, one frame each. */
    static List<byte[]> encode(List<? extends Message> messages) {
        EmbeddedChannel channel = new EmbeddedChannel(new DataCodec(), new ReplicationCodec(), new ResponseCodec());
        List<byte[]> frames = new ArrayList<>();
        try {
            for (Message m : messages) {
                channel.writeOutbound(m);
                ByteBuf buf = channel.readOutbound();
                frames.add(ByteBufUtil.getBytes(buf));
                buf.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        return frames;
    }
}
