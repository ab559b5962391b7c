package org.divergence.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.divergence.cli.bench.BenchCommand;
import org.divergence.cli.common.ExitCodes;
import org.divergence.core.AppInfo;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.NetworkException;
import org.divergence.store.project.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The command line: the same jar as the GUI, run with arguments. It never starts the JavaFX toolkit.
 * Each subcommand is a thin shell over the core and I/O layers that the GUI uses too.
 */
@Command(name = AppInfo.ID,
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Compare collaboration on GitHub and Hugging Face, and code the interviews that explain it.%n"
                + "Without arguments the desktop app starts on its default project.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:internal error",
                "2:usage error",
                "3:invalid input (a file, a value or a project that is not right)",
                "4:network error"})
public final class Cli implements Runnable {

    /**
     * The subcommands, in the order the usage lists them. Only the one named on the command line is registered
     * (picocli builds its model of a command by reflection, loading the classes of every option: for all
     * subcommands that was a third of a compare's start-up); a usage or {@code help} gets them all.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(InfoCommand.class, ImportCommand.class,
            ExportCommand.class, CompareCommand.class, org.divergence.cli.collect.CollectCommand.class,
            TranscriptsCommand.class, GenerateSampleCommand.class, SampleCommand.class, DrawCommand.class,
            BenchCommand.class, ChartCommand.class, TagCommand.class, MetricCommand.class, ReportCommand.class,
            AgreementCommand.class, RefiCommands.QdpxImport.class, RefiCommands.QdpxExport.class,
            RefiCommands.QdcImport.class, RefiCommands.QdcExport.class, RefiCommands.Merge.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line in-process and returns its exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(Cli::exitCodeOf);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            int code = exitCodeOf(exception);
            cmd.getErr().println(AppInfo.ID + ": " + messageOf(exception, code));
            if (code == ExitCodes.INTERNAL_ERROR) {
                exception.printStackTrace(cmd.getErr());
            }
            return code;
        });
        return commandLine.execute(args);
    }

    /** The command line for these arguments: with the subcommand they name, or with all (see SUBCOMMANDS). */
    public static CommandLine commandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new Cli());
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    /**
     * The subcommand named by the first argument; none for --version; else all of them (for a usage, help, or a
     * name not known).
     */
    static java.util.List<Class<?>> subcommandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return java.util.List.of();
        }
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (subcommand != CommandLine.HelpCommand.class && (command.name().equals(args[0])
                        || java.util.Arrays.asList(command.aliases()).contains(args[0]))) {
                    return java.util.List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    static int exitCodeOf(Throwable exception) {
        if (exception instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (exception instanceof InvalidInputException || exception instanceof StoreException) {
            return ExitCodes.INVALID_INPUT;
        }
        if (exception instanceof NetworkException) {
            return ExitCodes.NETWORK;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String messageOf(Throwable exception, int code) {
        if (code == ExitCodes.INTERNAL_ERROR) {
            return "internal error: " + exception;
        }
        return exception.getMessage();
    }

    /** Prints "Divergence Workbench VERSION" for --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.NAME + " " + AppInfo.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
