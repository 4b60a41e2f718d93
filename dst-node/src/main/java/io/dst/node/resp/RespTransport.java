package io.dst.node.resp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The socket transport for a RESP server's own event loops: native epoll where Netty's native
 * library loads (fewer system calls per small request, which is most of a RESP server's work),
 * otherwise NIO.
 */
record RespTransport(String name, IoHandlerFactory ioHandler,
    Class<? extends ServerChannel> serverChannel) {

  static RespTransport nio() {
    return new RespTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
  }

  static RespTransport best() {
    try {
      if (Epoll.isAvailable()) {
        return new RespTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
      }
    } catch (LinkageError e) {
      // the native transport is not on the class path
    }
    return nio();
  }
}
