package io.dst.it.dst;

import io.dst.node.StoreNodeMain;

/**
 * Runs {@link StoreNodeMain} with the same arguments, but halts the node when the JVM that started it
 * exits, so a store node never outlives a test run that was itself killed.
 */
public final class DstNodeMain {

    private DstNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        StoreNodeMain.main(args);
    }
}
