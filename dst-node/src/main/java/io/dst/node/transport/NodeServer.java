package io.dst.node.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/** The listening side of a store node: accepts connections and serves them with one handler. */
public final class NodeServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final RequestHandler handler;
  private Channel channel;

  public NodeServer(EventLoopGroup group, RequestHandler handler) {
    this.group = group;
    this.handler = handler;
  }

  /** Binds (port 0 picks a free port) and returns the bound address. */
  public InetSocketAddress bind(String host, int port) throws InterruptedException {
    channel = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Pipelines.installCodecs(ch.pipeline());
            ch.pipeline().addLast("server", new ServerHandler(handler));
          }
        })
        .bind(host, port).sync().channel();
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().awaitUninterruptibly();
    }
  }
}
