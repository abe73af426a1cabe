package io.callport.app;

/** Entry point of callport-uploader.jar: the command line for now; the GUI arrives with the Uploader issue. */
public final class UploaderMain {
    private UploaderMain() {
    }

    public static void main(String[] args) {
        System.exit(io.callport.cli.CallportCommand.run(args));
    }
}
