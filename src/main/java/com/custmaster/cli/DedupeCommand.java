package com.custmaster.cli;

import com.custmaster.config.ConfigException;
import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import com.custmaster.dedupe.CsvDedupe;
import com.custmaster.domain.CanonicalField;
import com.custmaster.match.MatchModel;
import com.custmaster.match.MatchModelReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code custmaster dedupe}: deduplicate any CSV file with the matching engine, trained on the file itself. */
@Command(name = "dedupe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deduplicate a CSV file with a header row. Columns are mapped onto canonical contact fields, "
                + "normalised like the nightly ingest and matched with conf/matching.yml; the model is trained on the "
                + "file itself (no labels). Writes DIR/clusters.csv (record_id,cluster_id; one row per input record), "
                + "DIR/pairs.csv (record_id_l,record_id_r,match_probability,decision for merged and review pairs) and "
                + "DIR/model.json (the trained model).",
                "", "Fields: given_name, family_name, full_name, email, phone, birth_date, address_line, city, postcode, "
                + "region, country, company, id_number. Several columns for one field are joined "
                + "(--map birth_date=year,month,day; --map address_line=number,street).",
                "", "To see why two records were matched or not, run the same command again with --explain ID1,ID2: "
                + "it reads DIR/model.json instead of training, prints each comparison side by side (values, level, "
                + "m, u, weight), the total, the decision and the blocking rules the records share, and writes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (I/O error)", "2:usage, configuration or input error (named in the message)"})
final class DedupeCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
    Path input;

    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "Column with a unique record id.")
    String id;

    @Option(names = "--map", required = true, paramLabel = "FIELD=COLUMN[,COLUMN...]",
            description = "Canonical field from column(s); repeat for each field. Unmapped columns are ignored.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (created); with --explain, the folder of an earlier run, whose model.json is read.")
    Path out;

    @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",", description = "Field delimiter (default ',').")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "UTF-8", description = "File encoding (default UTF-8).")
    String encoding;

    @Option(names = "--region", paramLabel = "CC", defaultValue = "CN",
            description = "Phone region for numbers without a country code (default CN).")
    String region;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Birth date pattern, e.g. dd/MM/yyyy (default: ISO and other year-first formats; "
                    + "dates written day and month first, such as 07/03/1985, are read day-first or month-first "
                    + "as their values show, and the choice is printed).")
    String dateFormat;

    @Option(names = "--null-values", paramLabel = "V1,V2", split = ",",
            description = "Cell values that mean missing (default NA, N/A, n/a, NULL, null, NaN, #N/A, <NA>: what R, SQL "
                    + "and spreadsheets write); --null-values= (nothing) takes every value as written.")
    List<String> nullValues;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Optional CSV of labelled pairs that train the model (its m-probabilities): columns "
                    + "record_id_l, record_id_r, is_match (1/0, true/false, yes/no); see --label-columns.")
    Path labels;

    @Option(names = "--label-columns", paramLabel = "LEFT,RIGHT,MATCH", defaultValue = "record_id_l,record_id_r,is_match",
            description = "Column names of the --labels file (default record_id_l,record_id_r,is_match).")
    String labelColumns;

    @Option(names = "--conf", paramLabel = "DIR", defaultValue = "${env:CUSTMASTER_HOME:-.}/conf",
            description = "Configuration folder with matching.yml (default: conf/ of the installation).")
    Path conf;

    @Option(names = "--explain", paramLabel = "ID1,ID2", split = ",",
            description = "Explain the score of two records (by --id) with the model of an earlier run, DIR/model.json, "
                    + "instead of deduplicating; prints personal data to the terminal, writes nothing.")
    List<String> explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CsvDedupe.Options options;
        MatchingConfig config;
        try {
            options = new CsvDedupe.Options(input, id, mapping(), delimiter(), Charset.forName(encoding),
                    region.toUpperCase(Locale.ROOT), dateFormat, out, labels(),
                    nullValues == null ? CsvDedupe.Options.DEFAULT_NULL_VALUES
                            : nullValues.stream().map(String::trim).filter(v -> !v.isEmpty()).collect(java.util.stream.Collectors.toSet()));
            config = ConfigLoader.loadMatching(conf);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (explain != null) {
            return explain(options, config);
        }
        CsvDedupe.Summary summary;
        try {
            summary = CsvDedupe.run(options, config);
        } catch (CsvDedupe.InputException e) {
            System.err.println("input error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        System.out.printf(Locale.ROOT, "%,d records -> %,d clusters (%,d records with nothing to match on; %,d birth dates "
                        + "that are no calendar date: %,d compared as text, %,d left out)%n", summary.records(),
                summary.clusters(), summary.withoutIdentity(), summary.datesIgnored(), summary.datesAsText(),
                summary.datesIgnored() - summary.datesAsText());
        if (summary.guessedDateFormat() != null) {
            System.out.printf(Locale.ROOT, "birth dates read as %s (%s; say otherwise with --date-format)%n",
                    summary.guessedDateFormat(), summary.dateFormatReason());
        }
        System.out.printf(Locale.ROOT, "candidate pairs per blocking rule: %s%n", summary.candidatePairsPerRule());
        System.out.printf(Locale.ROOT, "pairs merged %,d, for review %,d; prior match probability %.3g (%s)%n",
                summary.pairsMatched(), summary.pairsForReview(), summary.model().priorMatchProbability(),
                summary.model().priorSource());
        System.out.printf(Locale.ROOT, "time: read+normalise %.1f s, match %.1f s, write %.1f s%n",
                summary.readMillis() / 1000.0, summary.matchMillis() / 1000.0, summary.writeMillis() / 1000.0);
        System.out.println("wrote " + out.resolve("clusters.csv") + ", " + out.resolve("pairs.csv") + ", "
                + out.resolve("model.json"));
        return 0;
    }

    /** {@code --explain ID1,ID2}: the pair scored with DIR/model.json; exit 2 for unknown ids or no model. */
    private int explain(CsvDedupe.Options options, MatchingConfig config) {
        PrintWriter err = spec.commandLine().getErr();
        if (explain.size() != 2 || explain.get(0).isBlank() || explain.get(1).isBlank()
                || explain.get(0).equals(explain.get(1))) {
            err.println("error: --explain needs two different record ids, ID1,ID2: " + String.join(",", explain));
            return Main.EXIT_USAGE;
        }
        Path modelFile = out.resolve("model.json");
        try {
            MatchModel model = MatchModelReader.read(modelFile);
            CsvDedupe.ExplainedPair pair = CsvDedupe.explain(options, config, model, explain.get(0), explain.get(1));
            PrintWriter printer = spec.commandLine().getOut();
            printer.print(new PairReport(pair.leftId(), pair.rightId(), pair.explanation(), config, modelFile, pair.records(),
                    null, null, null, null).text());
            printer.flush();
            return 0;
        } catch (CsvDedupe.InputException e) {
            err.println("input error: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + (Files.exists(modelFile) ? ""
                    : " (run the command without --explain first: it writes the model there)"));
            return Main.EXIT_USAGE;
        }
    }

    private CsvDedupe.Labels labels() {
        if (labels == null) {
            return null;
        }
        String[] columns = labelColumns.split(",");
        if (columns.length != 3) {
            throw new IllegalArgumentException("--label-columns needs three names LEFT,RIGHT,MATCH: '" + labelColumns + "'");
        }
        return new CsvDedupe.Labels(labels, columns[0].trim(), columns[1].trim(), columns[2].trim());
    }

    private char delimiter() {
        String d = "\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter) ? "\t" : delimiter;
        if (d.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character: '" + delimiter + "'");
        }
        return d.charAt(0);
    }

    private Map<CanonicalField, List<String>> mapping() {
        Map<CanonicalField, List<String>> mapping = new EnumMap<>(CanonicalField.class);
        for (String map : maps) {
            int equals = map.indexOf('=');
            if (equals <= 0 || equals == map.length() - 1) {
                throw new IllegalArgumentException("--map needs FIELD=COLUMN: '" + map + "'");
            }
            String fieldName = map.substring(0, equals).trim();
            CanonicalField field = CanonicalField.fromKey(fieldName)
                    .filter(f -> f != CanonicalField.SOURCE_RECORD_ID && f != CanonicalField.UPDATED_AT)
                    .orElseThrow(() -> new IllegalArgumentException("--map: unknown field '" + fieldName + "'"));
            List<String> columns = Arrays.stream(map.substring(equals + 1).split(",")).map(String::trim)
                    .filter(c -> !c.isEmpty()).toList();
            if (mapping.put(field, columns) != null) {
                throw new IllegalArgumentException("--map: field '" + fieldName + "' mapped twice");
            }
        }
        return mapping;
    }
}
