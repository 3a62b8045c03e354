package org.rentrecovery.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line mode of the packaged service ({@code java -jar quarkus-run.jar NAME ...}). Commands
 * are CDI beans; {@link ServiceMain} runs the one named by the first argument.
 */
public interface Command {

    /** The first command-line argument that selects this command. */
    String name();

    /** A one-line usage, shown when no or an unknown command is given. */
    String usage();

    /**
     * @param args every argument, the command's name first
     * @param out  the command's result (nothing else is written there)
     * @param err  messages for the person running it
     * @return the process exit code
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
