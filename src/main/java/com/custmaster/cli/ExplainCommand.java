package com.custmaster.cli;

import com.custmaster.config.ConfigException;
import com.custmaster.config.DatabaseSettings;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.master.MasterStore;
import com.custmaster.master.StoredPairs;
import com.custmaster.match.MatchModel;
import com.custmaster.match.MatchModelReader;
import com.custmaster.match.PairExplainer;
import com.custmaster.match.PairExplanation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code custmaster explain}: why the nightly merged two source records, queued them for review or
 * kept them apart, field by field, with the model of a run and today's source records. Reads the
 * database, never writes it, and logs nothing: what it prints is personal data for the operator's
 * terminal only.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explain the match score of two source records: loads the current source records from the "
                + "nightly database and the match model of a run (var/reports/<date>/match_model.json), and prints "
                + "each comparison side by side (the match-key values as compared, the level reached, its m and u, and "
                + "the weight in bits, adjusted for common values where term_frequency is on), the prior, the total "
                + "match weight and probability, the decision under conf/matching.yml's thresholds and merge guards, "
                + "the blocking rules whose keys both records share (none: the pair is never compared), the pair's "
                + "rows in match_pair and both master IDs.",
                "",
                "Records are named SOURCE:ID, the source's name in conf/sources and its record id (as in match_pair "
                        + "and the crosswalk). The output holds personal data: it is for your terminal, not for a log. "
                        + "For a file deduplicated with jobs/dedupe, run that command again with --explain ID1,ID2.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {"  jobs/explain crm:CRM-100001 legacy_erp:E0008830",
                "  jobs/explain --date 2026-11-22 --json crm:CRM-100001 crm:CRM-101131"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "1:failed (an unexpected error)",
                "2:usage error, unknown record, no match model for the date, no database or a model that does not fit "
                        + "matching.yml (one line on standard error says which)"})
final class ExplainCommand implements Callable<Integer> {

    private static final String MODEL_FILE = "match_model.json";

    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Run date whose model scores the pair (default: the latest run with a saved model).")
    LocalDate date;

    @Option(names = "--json", description = "Print the explanation as JSON instead of a table.")
    boolean json;

    @Parameters(index = "0", paramLabel = "SOURCE:ID",
            description = "One source record: the source's name in conf/sources, a colon, its record id (crm:CRM-100001).")
    String firstRecord;

    @Parameters(index = "1", paramLabel = "SOURCE:ID", description = "The other source record, named alike.")
    String secondRecord;

    /** A problem that ends the command with exit code 2 and one line on standard error. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SourceRecordKey first = key(firstRecord);
            SourceRecordKey second = key(secondRecord);
            if (first.equals(second)) {
                throw new Refusal("name two different records, not " + first + " twice");
            }
            PipelineConfig config = pipeline.load();
            Path reports = config.varDir().resolve("reports");
            Path modelFile = date != null ? reports.resolve(date.toString()).resolve(MODEL_FILE) : latestModel(reports);
            if (!Files.isRegularFile(modelFile)) {
                throw new Refusal("no match model for " + date + ": " + modelFile + " does not exist (the nightly saves "
                        + "one for each date it ran)");
            }
            MatchModel model = MatchModelReader.read(modelFile);
            LocalDate modelDate = LocalDate.parse(modelFile.getParent().getFileName().toString());

            JdbcTemplate jdbc = new JdbcTemplate(OperationalDatabase.open(config.database(), false));
            List<Contact> contacts = new ArrayList<>(loadSourceRecords(jdbc, config.database()));
            contacts.sort(Comparator.comparing(Contact::key));
            Map<SourceRecordKey, Integer> indexOf = new HashMap<>();
            for (int i = 0; i < contacts.size(); i++) {
                indexOf.put(contacts.get(i).key(), i);
            }
            int a = index(indexOf, first, contacts);
            int b = index(indexOf, second, contacts);
            PairExplainer explainer;
            try {
                explainer = new PairExplainer(config.matching(), model, contacts);
            } catch (IllegalArgumentException e) {
                throw new Refusal(modelFile + " does not fit " + config.confDir().resolve("matching.yml") + ": "
                        + e.getMessage());
            }
            PairExplanation explanation = explainer.explain(a, b);
            SourceRecordKey left = contacts.get(explanation.left()).key();
            SourceRecordKey right = contacts.get(explanation.right()).key();
            StoredPairs stored = new StoredPairs(jdbc);
            PairReport report = new PairReport(left.toString(), right.toString(), explanation, config.matching(), modelFile,
                    contacts.size(), modelDate, stored.of(left, right), stored.masterId(left).orElse(null),
                    stored.masterId(right).orElse(null));
            out.print(json ? report.jsonText() : report.text());
            out.flush();
            return 0;
        } catch (Refusal | ConfigException | OperationalDatabase.Unavailable e) {
            err.println((e instanceof ConfigException ? "configuration error: " : "error: ") + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
    }

    private static SourceRecordKey key(String text) {
        try {
            return SourceRecordKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
    }

    /** The model of the latest run date under reports/ that has one. */
    private static Path latestModel(Path reports) {
        Optional<LocalDate> latest;
        try (Stream<Path> dates = Files.isDirectory(reports) ? Files.list(reports) : Stream.empty()) {
            latest = dates.filter(dir -> Files.isRegularFile(dir.resolve(MODEL_FILE)))
                    .map(dir -> runDate(dir.getFileName().toString())).flatMap(Optional::stream)
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + reports, e);
        }
        return reports.resolve(latest.orElseThrow(() -> new Refusal("no match model under " + reports
                + ": no nightly run has matched yet (or pass --var DIR of the nightly)")).toString()).resolve(MODEL_FILE);
    }

    private static Optional<LocalDate> runDate(String folder) {
        try {
            return Optional.of(LocalDate.parse(folder));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<Contact> loadSourceRecords(JdbcTemplate jdbc, DatabaseSettings db) {
        List<Contact> contacts;
        try {
            contacts = new MasterStore(jdbc).loadSourceRecords();
        } catch (BadSqlGrammarException e) {
            throw new Refusal("the database " + db.safeUrl() + " has no source records (no table source_record): the "
                    + "nightly has not run against it");
        } catch (DataAccessException e) {
            throw new Refusal("cannot read the database " + db.safeUrl() + ": "
                    + OperationalDatabase.firstLine(e.getMostSpecificCause()));
        }
        if (contacts.isEmpty()) {
            throw new Refusal("the database " + db.safeUrl() + " holds no source records: the nightly has not staged any");
        }
        return contacts;
    }

    private static int index(Map<SourceRecordKey, Integer> indexOf, SourceRecordKey key, List<Contact> contacts) {
        Integer index = indexOf.get(key);
        if (index == null) {
            TreeSet<String> sources = new TreeSet<>();
            contacts.forEach(contact -> sources.add(contact.source()));
            throw new Refusal(String.format(Locale.ROOT, "no source record %s in the database (%,d current records from "
                    + "the sources %s)", key, contacts.size(), String.join(", ", sources)));
        }
        return index;
    }
}
