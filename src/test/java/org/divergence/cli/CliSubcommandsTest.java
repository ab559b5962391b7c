package org.divergence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line builds only the subcommand it runs, and all of them where a listing needs them. */
class CliSubcommandsTest {

    @Test
    void onlyTheNamedSubcommandIsBuilt() {
        assertEquals(List.of(CompareCommand.class), Cli.subcommandsFor(new String[] {"compare", "--json"}));
        assertEquals(List.of(RefiCommands.QdpxImport.class), Cli.subcommandsFor(new String[] {"qdpx-import"}));
        assertEquals(List.of(), Cli.subcommandsFor(new String[] {"--version"}));
        assertEquals(Cli.SUBCOMMANDS, Cli.subcommandsFor(new String[0]));
        assertEquals(Cli.SUBCOMMANDS, Cli.subcommandsFor(new String[] {"help", "compare"}));
        assertEquals(Cli.SUBCOMMANDS, Cli.subcommandsFor(new String[] {"--help"}));
        assertEquals(Cli.SUBCOMMANDS, Cli.subcommandsFor(new String[] {"comapre"}));
    }

    @Test
    void theUsageStillListsEverySubcommandAndAMisspellingIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Cli.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(err)));
        for (String name : List.of("compare", "draw", "qdpx-export", "merge", "bench", "report")) {
            assertEquals(true, out.toString().contains("  " + name + " "), name + " in\n" + out);
        }
        assertEquals(2, Cli.run(new String[] {"comapre"}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertEquals(true, err.toString().contains("compare"), err.toString());
    }
}
