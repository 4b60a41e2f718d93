package io.dst.it.process;

import java.util.concurrent.TimeUnit;

/**
 * A tiny child process for the harness tests: prints its arguments and a READY line, then a tick
 * every 20 ms forever; with the argument {@code fail} it exits with code 3 before becoming ready.
 */
public final class TickerMain {

    private TickerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        System.out.println("args " + String.join(",", args));
        if (args.length > 0 && args[0].equals("fail")) {
            System.out.println("giving up");
            System.exit(3);
        }
        System.out.println("READY pid=" + ProcessHandle.current().pid());
        for (long tick = 0; ; tick++) {
            System.out.println("tick " + tick);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
