package io.callport.app;

import javafx.application.Application;

/**
 * Entry point of callport-uploader.jar: the window without arguments, the command line with a subcommand. It does
 * not extend {@link Application}, because the JavaFX launcher refuses such a main class on the class path of a
 * single jar.
 */
public final class UploaderMain {
    private UploaderMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            try {
                Application.launch(UploaderApp.class, args);
            } catch (UnsupportedOperationException noDisplay) {
                System.err.println("callport: cannot open a window here (" + noDisplay.getMessage()
                        + "). The command line works without one: see --help.");
                System.exit(io.callport.cli.CallportCommand.USAGE);
            }
        } else {
            System.exit(io.callport.cli.CallportCommand.run(args));
        }
    }
}
