package io.callport.cli;

public final class CallportCommand {
    private CallportCommand() {
    }

    public static int run(String[] args) {
        return 2;
    }
}
