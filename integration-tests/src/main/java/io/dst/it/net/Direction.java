package io.dst.it.net;

/** Which way bytes flow through a proxied link: from the client towards the target, or back. */
public enum Direction {
    TO_TARGET,
    TO_CLIENT
}
