package io.dst.node.transport;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Builds the protocol pipeline shared by server and client channels, and the event loops. */
public final class Pipelines {
  private Pipelines() {}

  /** Frame decoder, then one codec per message family; the caller adds its handler last. */
  public static void installCodecs(ChannelPipeline p) {
    // Many pipelined responses finish in one event-loop turn; flush them in one syscall.
    p.addLast("flush", new FlushConsolidationHandler(256, true));
    p.addLast("frames", new FrameDecoder());
    p.addLast("data", new DataCodec());
    p.addLast("replication", new ReplicationCodec());
    p.addLast("responses", new ResponseCodec());
  }

  public static EventLoopGroup eventLoops(String name, int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true),
        NioIoHandler.newFactory());
  }
}
