package org.divergence.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.cli.common.ExitCodes;
import org.divergence.cli.common.Json;
import org.divergence.cli.common.ProjectOption;
import org.divergence.core.coding.CaseAttribute;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.CodingAnalysis;
import org.divergence.core.coding.TranscriptInfo;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.coding.CodingCsv;
import org.divergence.store.coding.CaseStore;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Interview transcripts on the command line: import, list, code, and export coded segments and the matrix. */
@Command(name = "transcripts", mixinStandardHelpOptions = true,
        description = "Import interview transcripts, list them, code them, and export the coding.",
        subcommands = {TranscriptsCommand.Import.class, TranscriptsCommand.ListTranscripts.class,
                TranscriptsCommand.StarterCodebook.class, TranscriptsCommand.CodeText.class,
                TranscriptsCommand.ExportSegments.class, TranscriptsCommand.ExportMatrix.class, TranscriptsSearch.class,
                TranscriptsAutocode.class})
final class TranscriptsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import transcripts (.txt, .md, .docx, .pdf, .odt, .vtt, .srt), all or nothing. Creates "
                    + "the project if it does not exist.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Transcript files.")
        List<Path> inputs;

        @Option(names = "--case", paramLabel = "NAME",
                description = "Put every transcript in this case (default: a case per file, named after it).")
        String caseName;

        @Option(names = "--attr", paramLabel = "KEY=VALUE", description = "Set a case attribute, e.g. role=fine-tuner.")
        List<String> attributes = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String attribute : attributes) {
                int equals = attribute.indexOf('=');
                if (equals <= 0 || attribute.substring(0, equals).isBlank()) {
                    throw new InvalidInputException("--attr " + attribute + ": expected KEY=VALUE");
                }
                parsed.put(attribute.substring(0, equals).strip(), attribute.substring(equals + 1).strip());
            }
            try (Project opened = Project.openOrCreate(project.path())) {
                var imported = ImportTranscripts.importFiles(opened, inputs,
                        new ImportTranscripts.Options(caseName, parsed), Progress.NONE);
                PrintWriter out = spec.commandLine().getOut();
                for (var transcript : imported) {
                    out.printf("Imported %s (%s, %,d characters) into case %s%n", transcript.name(),
                            transcript.format().label(), transcript.length(), transcript.caseName());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the transcripts of a project.")
    static final class ListTranscripts implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<TranscriptInfo> transcripts;
            try (Project opened = Project.openForReading(project.path())) {
                transcripts = new TranscriptStore(opened).list();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (TranscriptInfo t : transcripts) {
                    ObjectNode node = array.addObject();
                    node.put("guid", t.guid());
                    node.put("name", t.name());
                    node.put("case", t.caseName());
                    node.put("length", t.length());
                    node.put("format", t.sourceFormat());
                    node.put("source_file", t.sourceFile());
                    node.put("codings", t.codings());
                }
                out.println(Json.MAPPER.writeValueAsString(array));
            } else {
                for (TranscriptInfo t : transcripts) {
                    out.printf("%-40s case %-20s %,9d characters %,6d codings%n", t.name(),
                            t.caseName() == null ? "-" : t.caseName(), t.length(), t.codings());
                }
                out.printf("%d transcript(s)%n", transcripts.size());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "starter-codebook", mixinStandardHelpOptions = true,
            description = "Add the starter codebook \"Socio-technical factors\" (codes the project lacks).")
    static final class StarterCodebook implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Project opened = Project.openOrCreate(project.path())) {
                int added = new CodebookStore(opened).addStarterCodebook().run();
                spec.commandLine().getOut().printf("Added %d code(s)%n", added);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "code", mixinStandardHelpOptions = true,
            description = "Apply a code to code points [START, END) of a transcript.")
    static final class CodeText implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--transcript", required = true, paramLabel = "NAME") String transcript;
        @Option(names = "--code", required = true, paramLabel = "PATH", description = "e.g. \"Parent/Child\".")
        String codePath;
        @Option(names = "--coder", required = true, paramLabel = "NAME") String coder;
        @Option(names = "--start", required = true) int start;
        @Option(names = "--end", required = true) int end;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Project opened = Project.open(project.path())) {
                TranscriptInfo target = new TranscriptStore(opened).list().stream()
                        .filter(t -> t.name().equals(transcript)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("--transcript: no transcript named " + transcript));
                Codebook codebook = new CodebookStore(opened).load();
                Code code = codebook.byPath(codePath)
                        .orElseThrow(() -> new InvalidInputException("--code: no code " + codePath));
                CodingStore codings = new CodingStore(opened);
                Coder who = codings.ensureCoder(coder);
                codings.applyCode(target.id(), code.id(), who.id(), start, end, code.name()).run();
                spec.commandLine().getOut().printf("Coded %s [%d, %d) with %s%n", transcript, start, end, codePath);
            }
            return ExitCodes.OK;
        }
    }

    /** Options shared by the two exports. */
    static final class ExportOptions {
        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
        Path out;

        @Option(names = "--coder", paramLabel = "NAME", description = "Only this coder's codings.")
        String coder;
    }

    @Command(name = "export-segments", mixinStandardHelpOptions = true,
            description = "Export one CSV row per coded segment: source, case, attributes, code, coder, start, end, "
                    + "text.")
    static final class ExportSegments implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        ExportOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (Project opened = Project.openForReading(project.path())) {
                List<CodedSegment> segments = SegmentQuery.segments(opened,
                        new SegmentQuery.Filter(null, options.coder, null, null, null));
                List<String> attributes = new CaseStore(opened).attributes().stream().map(CaseAttribute::name)
                        .toList();
                try (Writer writer = Files.newBufferedWriter(options.out, StandardCharsets.UTF_8)) {
                    CodingCsv.writeSegments(writer, segments, attributes);
                }
                spec.commandLine().getOut().printf("Wrote %,d coded segment(s) to %s%n", segments.size(),
                        options.out);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export-matrix", mixinStandardHelpOptions = true,
            description = "Export the case × code matrix (coded segments per case and code) as CSV.")
    static final class ExportMatrix implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        ExportOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (Project opened = Project.openForReading(project.path())) {
                List<CodedSegment> segments = SegmentQuery.segments(opened,
                        new SegmentQuery.Filter(null, options.coder, null, null, null));
                Codebook codebook = new CodebookStore(opened).load();
                List<String> paths = codebook.inTreeOrder().stream().map(code -> codebook.path(code.id())).toList();
                CodingAnalysis.Table matrix = CodingAnalysis.caseByCode(segments, paths);
                try (Writer writer = Files.newBufferedWriter(options.out, StandardCharsets.UTF_8)) {
                    CodingCsv.writeMatrix(writer, matrix);
                }
                spec.commandLine().getOut().printf("Wrote %d case(s) × %d code(s) to %s%n", matrix.rows().size(),
                        paths.size(), options.out);
            }
            return ExitCodes.OK;
        }
    }
}
