package com.custmaster.cli;

import com.custmaster.quality.ClusterQuality;
import com.custmaster.quality.ClusteringEvaluator;
import com.custmaster.quality.Evaluation;
import com.custmaster.quality.EvaluationException;
import com.custmaster.quality.EvaluationRequest;
import com.custmaster.quality.Scores;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custmaster evaluate}: the quality of a deduplication against a known truth (docs/quality.md). */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a deduplication against the truth: joins the clusters a matcher wrote (clusters.csv: "
                + "record_id,cluster_id) to the input file by record id, and prints pairwise precision, recall and F1, "
                + "B-cubed precision, recall and F1, and the counts behind them (docs/quality.md).",
                "",
                "Header names and values are trimmed, so Febrl files (\"rec-1-org, john, smith\") read as they are. "
                + "Every record of the input needs a cluster and a truth.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {"  jobs/evaluate --input people.csv --id record_id --truth person_id \\",
                "                --clusters out/clusters.csv",
                "  jobs/evaluate --input febrl4.csv --id rec_id --truth-from-id 'rec-(\\d+)-' \\",
                "                --clusters out/clusters.csv --json out/quality.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:figures printed", "1:a file could not be read or written (input/output error)",
                "2:usage or data error: a file or column missing, a record without cluster or truth "
                        + "(the message names file, line and column)"})
final class EvaluateCommand implements Callable<Integer> {

    /** The truth: a column, or a pattern over the id. */
    static final class Truth {

        @Option(names = "--truth", paramLabel = "COLUMN", required = true,
                description = "Column of the input holding each record's true entity id.")
        String column;

        @Option(names = "--truth-from-id", paramLabel = "REGEX", required = true,
                description = "Take the true entity from the record id: the first capture group of REGEX found in the id "
                        + "(Febrl: 'rec-(\\d+)-' makes rec-223-org and rec-223-dup-0 entity 223).")
        String pattern;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "The CSV file that was deduplicated; its first line is the header.")
    Path input;

    @Option(names = "--id", paramLabel = "COLUMN", required = true, description = "Column of the input holding the record id.")
    String id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Truth truth;

    @Option(names = "--clusters", paramLabel = "FILE", required = true,
            description = "The matcher's clusters.csv (record_id,cluster_id; UTF-8, comma-separated).")
    Path clusters;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "Delimiter of the input: one character, or 'tab' (default: ${DEFAULT-VALUE}).")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character encoding of the input, e.g. UTF-8, GB18030, ISO-8859-1 (default: ${DEFAULT-VALUE}).")
    Charset encoding;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to FILE as JSON.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EvaluationRequest request;
        try {
            request = new EvaluationRequest(input, id, truth.column, truth.pattern == null ? null : Pattern.compile(truth.pattern),
                    clusters, delimiter(), encoding);
        } catch (PatternSyntaxException e) {
            return usageError(err, "--truth-from-id is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of '" + e.getPattern() + "'");
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        try {
            Evaluation evaluation = ClusteringEvaluator.evaluate(request);
            out.print(render(evaluation));
            if (json != null) {
                writeJson(evaluation);
                out.println("written to " + json);
            }
            out.flush();
            return 0;
        } catch (EvaluationException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (IOException e) {
            err.println("error: " + e);
            err.flush();
            return 1;
        }
    }

    private char delimiter() {
        if (delimiter.equals("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character or 'tab', got '" + delimiter + "'");
        }
        return delimiter.charAt(0);
    }

    private int usageError(PrintWriter err, String message) {
        err.println("error: " + message);
        err.println("try 'custmaster evaluate --help'");
        err.flush();
        return Main.EXIT_USAGE;
    }

    String render(Evaluation evaluation) {
        ClusterQuality q = evaluation.quality();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "evaluated %,d records of %s against %s%n", q.records(), input, clusters));
        text.append(String.format(Locale.ROOT, "  predicted clusters %,d, true entities %,d%n", q.predictedClusters(),
                q.trueEntities()));
        text.append(line("pairwise", q.pairwise()));
        text.append(String.format(Locale.ROOT, "    true-positive pairs %,d, predicted pairs %,d, true pairs %,d%n",
                q.pairs().truePositivePairs(), q.pairs().predictedPairs(), q.pairs().truePairs()));
        text.append(line("B-cubed", q.bCubed()));
        if (evaluation.clusterRowsNotInInput() > 0) {
            text.append(String.format(Locale.ROOT, "  note: %,d rows of %s are for records not in the input (ignored)%n",
                    evaluation.clusterRowsNotInInput(), clusters));
        }
        return text.toString();
    }

    private static String line(String name, Scores scores) {
        return String.format(Locale.ROOT, "  %-9s precision %.4f  recall %.4f  F1 %.4f%n", name, scores.precision(),
                scores.recall(), scores.f1());
    }

    private void writeJson(Evaluation evaluation) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ClusterQuality q = evaluation.quality();
        ObjectNode root = mapper.createObjectNode();
        root.put("input", input.toString());
        root.put("clusters", clusters.toString());
        root.put("records", q.records());
        root.put("predicted_clusters", q.predictedClusters());
        root.put("true_entities", q.trueEntities());
        ObjectNode pairwise = scores(root.putObject("pairwise"), q.pairwise());
        pairwise.put("true_positive_pairs", q.pairs().truePositivePairs());
        pairwise.put("predicted_pairs", q.pairs().predictedPairs());
        pairwise.put("true_pairs", q.pairs().truePairs());
        scores(root.putObject("b_cubed"), q.bCubed());
        root.put("cluster_rows_not_in_input", evaluation.clusterRowsNotInInput());
        if (json.toAbsolutePath().getParent() != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
        }
        mapper.writeValue(json.toFile(), root);
    }

    private static ObjectNode scores(ObjectNode node, Scores scores) {
        node.put("precision", scores.precision());
        node.put("recall", scores.recall());
        node.put("f1", scores.f1());
        return node;
    }
}
