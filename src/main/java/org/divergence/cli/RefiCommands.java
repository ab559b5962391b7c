package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.divergence.app.refi.ExportProject;
import org.divergence.app.refi.MergeProject;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.refi.MergeReport;
import org.divergence.core.refi.RefiProject;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** REFI-QDA exchange on the command line: .qdpx projects and .qdc codebooks in and out, and merging projects. */
final class RefiCommands {

    private RefiCommands() {
    }

    @Command(name = "qdpx-export", mixinStandardHelpOptions = true,
            description = "Export the coders, codebook, cases, transcripts, codings and memos as a REFI-QDA project "
                    + "(.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder and others. GUIDs stay the same across exports.")
    static final class QdpxExport implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--out", required = true, paramLabel = "OUT.qdpx", description = "The file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RefiProject exported;
            try (Project opened = Project.openForReading(project.path())) {
                exported = ExportProject.exportQdpx(opened, out);
            }
            spec.commandLine().getOut().printf("Wrote %s: %d coder(s), %d code(s), %d case(s), %d transcript(s), "
                            + "%d coding(s), %d memo(s)%n", out, exported.users().size(), exported.allCodes().size(),
                    exported.cases().size(), exported.sources().size(), exported.codingCount(),
                    exported.notes().size());
            return ExitCodes.OK;
        }
    }

    @Command(name = "qdc-export", mixinStandardHelpOptions = true,
            description = "Export the codebook alone as a REFI-QDA codebook (.qdc).")
    static final class QdcExport implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--out", required = true, paramLabel = "OUT.qdc", description = "The file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RefiProject exported;
            try (Project opened = Project.openForReading(project.path())) {
                exported = ExportProject.exportQdc(opened, out);
            }
            spec.commandLine().getOut().printf("Wrote %s: %d code(s)%n", out, exported.allCodes().size());
            return ExitCodes.OK;
        }
    }

    /** What the three imports share: the project (created if missing), the file, and the report's form. */
    abstract static class ImportBase implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--json", description = "Print the import report as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        abstract Path input();

        boolean createsProject() {
            return true;
        }

        @Override
        public Integer call() throws Exception {
            MergeReport report;
            if (createsProject()) {
                // Read before the project is created or opened: a refused file leaves nothing written.
                RefiProject incoming = MergeProject.read(input(), null);
                try (Project opened = Project.openOrCreate(project.path())) {
                    report = MergeProject.merge(opened, incoming, input()).run();
                }
            } else {
                try (Project opened = Project.open(project.path())) {
                    report = MergeProject.importFile(opened, input());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(toJson(report)));
            } else {
                out.print(report.text());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "qdpx-import", mixinStandardHelpOptions = true,
            description = {"Import a REFI-QDA project (.qdpx) from NVivo, ATLAS.ti, MAXQDA, QualCoder and others into "
                    + "the project (created if it does not exist), all or nothing.",
                "Items match the project's by GUID, then coders by name, codes by path, transcripts by identical text; "
                    + "each coding keeps its coder. The report lists what matched, what was added, what was adjusted "
                    + "and what the workbench cannot carry (pictures, PDF regions, audio and video codings, sets…)."})
    static final class QdpxImport extends ImportBase {
        @Parameters(paramLabel = "IN.qdpx", description = "The REFI-QDA project to import.")
        Path in;

        @Override
        Path input() {
            return in;
        }
    }

    @Command(name = "qdc-import", mixinStandardHelpOptions = true,
            description = "Import a REFI-QDA codebook (.qdc): codes matched by GUID, then by path, others added.")
    static final class QdcImport extends ImportBase {
        @Parameters(paramLabel = "IN.qdc", description = "The REFI-QDA codebook to import.")
        Path in;

        @Override
        Path input() {
            return in;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge another coder's work into the project: another project (.divergence) or a "
                    + "REFI-QDA project (.qdpx). Transcripts and codes match by GUID, then by text and by path; each "
                    + "coding keeps its coder, so agreement can be computed afterwards.")
    static final class Merge extends ImportBase {
        @Parameters(paramLabel = "OTHER", description = "The other project (.divergence) or a .qdpx.")
        Path other;

        @Override
        Path input() {
            return other;
        }

        @Override
        boolean createsProject() {
            return false;
        }
    }

    static ObjectNode toJson(MergeReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("source", report.source());
        root.put("origin", report.origin());
        ObjectNode items = root.putObject("items");
        for (MergeReport.Item item : MergeReport.Item.values()) {
            MergeReport.Count count = report.count(item);
            ObjectNode node = items.putObject(item.name().toLowerCase(java.util.Locale.ROOT));
            node.put("added", count.added());
            node.put("matched_by_guid", count.matchedByGuid());
            node.put("matched_otherwise", count.matchedOtherwise());
        }
        report.notCarried().forEach(root.putArray("not_carried")::add);
        report.adjusted().forEach(root.putArray("adjusted")::add);
        report.details().forEach(root.putArray("details")::add);
        return root;
    }
}
