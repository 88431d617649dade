package com.custmaster.cli;

import com.custmaster.config.ConfigException;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.master.GoldenRecord;
import com.custmaster.master.StoredPairs;
import com.custmaster.match.RecordPair;
import com.custmaster.steward.AuditEntry;
import com.custmaster.steward.DecisionCsv;
import com.custmaster.steward.ImportedDecision;
import com.custmaster.steward.MasterView;
import com.custmaster.steward.PairView;
import com.custmaster.steward.QueuedPair;
import com.custmaster.steward.StewardAction;
import com.custmaster.steward.StewardException;
import com.custmaster.steward.StewardService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code custmaster steward …}: the review queue and the master records from a terminal, for ops
 * staff and for scripts. Every action is written with the user's name (and an optional reason) to
 * the audit; the nightly honours it from its next run on (docs/steward.md).
 */
@Command(name = "steward", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Review the pairs the nightly was unsure about and correct the customer master: list and show "
                + "queued pairs, accept (same customer), reject (different customers) or skip them, merge two master "
                + "records, split a source record out of its master record, undo the last action on a record, show a "
                + "master record and its history, search, and export the queue to CSV for offline review and import "
                + "the decisions back.",
                "",
                "Every action is stored with who (--user, default: the login name), when and why (--reason), and "
                        + "written to the master's audit. Decisions take effect at the next nightly run and hold in "
                        + "every later one: a rejected pair is never merged again automatically, an accepted pair stays "
                        + "merged, a split stays split. Records are named SOURCE:ID (crm:CRM-100001), master records by "
                        + "their ID (M000000042). Output holds personal data: for the terminal, not a log.",
                ""},
        subcommands = {picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  jobs/steward list --limit 20",
                "  jobs/steward show crm:CRM-100001 legacy_erp:E0008830",
                "  jobs/steward reject crm:CRM-100001 legacy_erp:E0008830 --reason 'father and son'",
                "  jobs/steward split crm:CRM-100001 --reason 'different birth date on the ID card'",
                "  jobs/steward export --out queue.csv   # fill the decision column, then:",
                "  jobs/steward import queue.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (an unexpected error)",
                "2:refused: usage error, unknown record or master, a malformed import (nothing written), no database "
                        + "(one line on standard error says which)"})
final class StewardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--user", paramLabel = "NAME", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Who decides, for the audit (default: the login name).")
    String user;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_USAGE;
    }

    // ------------------------------------------------------------------ reading

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The review queue, the most useful decisions first (nearest the middle of the review band; "
                    + "skipped pairs last).")
    int list(@Option(names = "--limit", defaultValue = "50", description = "At most this many pairs (default: ${DEFAULT-VALUE}).")
             int limit) {
        return run(service -> {
            List<QueuedPair> queue = service.queue(Math.max(1, limit));
            PrintWriter out = out();
            out.printf(Locale.ROOT, "%d pairs in the review queue%s%n", service.queueSize(),
                    service.latestRun().map(run -> " (run of " + run + ")").orElse(" (no run has matched yet)"));
            if (!queue.isEmpty()) {
                out.printf(Locale.ROOT, "%-6s %-7s %-28s %-28s %-11s %-11s %s%n", "prob", "weight", "left", "right", "left master",
                        "right master", "");
            }
            for (QueuedPair pair : queue) {
                out.printf(Locale.ROOT, "%-6.3f %+7.2f %-28s %-28s %-11s %-11s %s%n", pair.matchProbability(), pair.matchWeight(),
                        pair.pair().left(), pair.pair().right(), pair.leftMasterId(), pair.rightMasterId(),
                        (pair.sameMaster() ? "same master " : "") + (pair.skipped() ? "skipped" : ""));
            }
            return 0;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Two source records side by side, the stored field-by-field evidence and the decision that holds.")
    int show(@Parameters(index = "0", paramLabel = "SOURCE:ID") String first,
             @Parameters(index = "1", paramLabel = "SOURCE:ID") String second) {
        return run(service -> {
            PairView view = service.pair(pair(first, second));
            PrintWriter out = out();
            out.printf(Locale.ROOT, "%-14s %-36s %-36s%n", "", view.pair().left(), view.pair().right());
            out.printf(Locale.ROOT, "%-14s %-36s %-36s%n", "master", view.leftMasterId(), view.rightMasterId());
            for (Map.Entry<String, Function<Contact, Object>> field : FIELDS.entrySet()) {
                Object left = field.getValue().apply(view.left());
                Object right = field.getValue().apply(view.right());
                if (left != null || right != null) {
                    out.printf(Locale.ROOT, "%-14s %-36s %-36s%n", field.getKey(), left == null ? "" : left, right == null ? "" : right);
                }
            }
            StoredPairs.StoredPair latest = view.latestScore();
            if (latest == null) {
                out.println("score: no run kept this pair (it scored below the review threshold, or was never compared; "
                        + "jobs/explain tells why)");
            } else {
                out.printf(Locale.ROOT, "score (run of %s): probability %.4f, weight %+.2f bits, %s, blocking rule %s%n",
                        latest.runDate(), latest.matchProbability(), latest.matchWeight(), latest.decision(), latest.blockingRule());
                if (latest.evidence() != null) {
                    for (String part : latest.evidence().split("; ")) {
                        out.println("  " + part);
                    }
                }
            }
            out.println("decision: " + (view.verdict() == null ? "none yet"
                    : view.verdict().code() + " (" + view.decidedBy().describe() + ", " + view.decidedBy().createdAt() + ")"));
            return 0;
        });
    }

    private static final Map<String, Function<Contact, Object>> FIELDS = fields();

    private static Map<String, Function<Contact, Object>> fields() {
        Map<String, Function<Contact, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("full_name", Contact::fullName);
        fields.put("email", Contact::email);
        fields.put("phone", Contact::phone);
        fields.put("birth_date", Contact::birthDate);
        fields.put("address_line", Contact::addressLine);
        fields.put("city", Contact::city);
        fields.put("postcode", Contact::postcode);
        fields.put("region", Contact::region);
        fields.put("country", Contact::country);
        fields.put("company", Contact::company);
        fields.put("id_number", Contact::idNumber);
        fields.put("updated_at", Contact::updatedAt);
        return fields;
    }

    @Command(name = "master", mixinStandardHelpOptions = true,
            description = "A master record: golden fields with their lineage, its source records and the decisions that hold.")
    int master(@Parameters(paramLabel = "MASTER_ID") String id) {
        return run(service -> {
            MasterView view = service.master(id);
            GoldenRecord golden = view.golden();
            PrintWriter out = out();
            if (view.redirected()) {
                out.println(view.requestedId() + " was retired; it redirects to " + golden.masterId());
            }
            out.printf(Locale.ROOT, "%s (%s, %d source records)%n", golden.masterId(), view.status(), view.members().size());
            Map<String, Object> values = golden.fields();
            values.forEach((field, value) -> {
                if (value != null) {
                    GoldenRecord.Lineage from = golden.lineage().get(field);
                    out.printf(Locale.ROOT, "  %-13s %-40s %s%n", field, value, from == null ? "" : "from " + from.from() + " ("
                            + from.rule() + ")");
                }
            });
            out.println("source records:");
            view.members().forEach(member -> out.printf(Locale.ROOT, "  %-30s %s%n", member.key(), nullToEmpty(member.fullName())));
            if (!view.decisions().isEmpty()) {
                out.println("steward decisions that hold:");
                view.decisions().forEach(action -> out.println("  " + action.describe() + " at " + action.createdAt()
                        + (action.reason() == null ? "" : ": " + action.reason())));
            }
            return 0;
        });
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The audit of a master record and of every ID retired into it: who changed what, when and why.")
    int history(@Parameters(paramLabel = "MASTER_ID") String id) {
        return run(service -> {
            PrintWriter out = out();
            for (AuditEntry entry : service.history(id)) {
                out.printf(Locale.ROOT, "%s  %-8s %-11s %-14s %s%s%n", entry.createdAt().withNano(0),
                        entry.action(), entry.masterId(), entry.actor(), nullToEmpty(entry.detail()),
                        entry.reason() == null ? "" : " — " + entry.reason());
            }
            return 0;
        });
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Active master records whose name, e-mail or phone contains the text.")
    int search(@Parameters(paramLabel = "TEXT") String text,
               @Option(names = "--limit", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE}).")
               int limit) {
        return run(service -> {
            List<GoldenRecord> found = service.search(text, limit);
            PrintWriter out = out();
            found.forEach(golden -> out.printf(Locale.ROOT, "%-11s %-30s %-30s %s%n", golden.masterId(),
                    nullToEmpty(golden.fullName()), nullToEmpty(golden.email()), nullToEmpty(golden.phone())));
            if (found.isEmpty()) {
                out.println("no active master record matches '" + text + "'");
            }
            return 0;
        });
    }

    // ------------------------------------------------------------------ acting

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "The two records are one customer.")
    int accept(@Parameters(index = "0", paramLabel = "SOURCE:ID") String first,
               @Parameters(index = "1", paramLabel = "SOURCE:ID") String second,
               @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit.") String reason) {
        return act(service -> service.accept(pair(first, second), user(), reason));
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "The two records are different customers: never merged again automatically.")
    int reject(@Parameters(index = "0", paramLabel = "SOURCE:ID") String first,
               @Parameters(index = "1", paramLabel = "SOURCE:ID") String second,
               @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit.") String reason) {
        return act(service -> service.reject(pair(first, second), user(), reason));
    }

    @Command(name = "skip", mixinStandardHelpOptions = true,
            description = "No decision now: the pair moves behind the pairs nobody has looked at.")
    int skip(@Parameters(index = "0", paramLabel = "SOURCE:ID") String first,
             @Parameters(index = "1", paramLabel = "SOURCE:ID") String second,
             @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit.") String reason) {
        return act(service -> service.skip(pair(first, second), user(), reason));
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Two master records are one customer; the older ID survives at the next run, the other redirects to it.")
    int merge(@Parameters(index = "0", paramLabel = "MASTER_ID") String first,
              @Parameters(index = "1", paramLabel = "MASTER_ID") String second,
              @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit.") String reason) {
        return act(service -> service.merge(first, second, user(), reason));
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "A source record is not the customer of its master record: it leaves it at the next run.")
    int split(@Parameters(paramLabel = "SOURCE:ID") String record,
              @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit.") String reason) {
        return act(service -> service.split(StewardService.parseKey(record), user(), reason));
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = "Take back the latest action that holds on a source record (SOURCE:ID) or a master record (its ID).")
    int undo(@Parameters(paramLabel = "SOURCE:ID|MASTER_ID") String target,
             @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit.") String reason) {
        return act(service -> service.undo(target, user(), reason));
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the review queue to a CSV file for offline review: both records side by side, the score, "
                    + "and empty decision and reason columns to fill (same, different, skip). Formula-safe for spreadsheets.")
    int export(@Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.") Path file,
               @Option(names = "--limit", defaultValue = "100000", description = "At most this many pairs (default: ${DEFAULT-VALUE}).")
               int limit) {
        return run(service -> {
            List<QueuedPair> queue = service.queue(Math.max(1, limit));
            Path temp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
            try {
                if (temp.getParent() != null) {
                    Files.createDirectories(temp.getParent());
                }
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    DecisionCsv.write(queue, service::sourceRecord, writer);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            out().printf(Locale.ROOT, "%d queued pairs written to %s%n", queue.size(), file);
            return 0;
        });
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Record the decisions of a CSV file (an export with the decision column filled: same, different, "
                    + "skip, or empty for none). The file is taken whole or not at all: the first bad row refuses it, naming its line.")
    int importFile(@Parameters(paramLabel = "FILE") Path file) {
        return run(service -> {
            List<ImportedDecision> rows;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows = DecisionCsv.read(reader, file.getFileName().toString());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new StewardException("no file " + file);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new StewardException(file + ": not UTF-8 text");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            List<StewardAction> written = service.importDecisions(rows, user(), file.getFileName().toString());
            out().printf(Locale.ROOT, "%d decisions recorded from %s (%d accepted, %d rejected, %d skipped); they take effect "
                    + "at the next nightly run%n", written.size(), file, count(written, "accept"), count(written, "reject"),
                    count(written, "skip"));
            return 0;
        });
    }

    private static long count(List<StewardAction> actions, String code) {
        return actions.stream().filter(action -> action.kind().code().equals(code)).count();
    }

    // ------------------------------------------------------------------ plumbing

    private String user() {
        return user != null ? user : System.getProperty("user.name", "");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static RecordPair pair(String first, String second) {
        SourceRecordKey a = StewardService.parseKey(first);
        SourceRecordKey b = StewardService.parseKey(second);
        if (a.equals(b)) {
            throw new StewardException("name two different records, not " + a + " twice");
        }
        return RecordPair.of(a, b);
    }

    private int act(Function<StewardService, StewardAction> action) {
        return run(service -> {
            StewardAction done = action.apply(service);
            out().println("recorded " + done.describe() + "; it takes effect at the next nightly run");
            return 0;
        });
    }

    private int run(Function<StewardService, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            PipelineConfig config = pipeline.load();
            DataSource dataSource = OperationalDatabase.open(config.database());
            StewardService service = new StewardService(new JdbcTemplate(dataSource),
                    new DataSourceTransactionManager(dataSource), config.matching(), Clock.systemDefaultZone());
            int code = work.apply(service);
            out().flush();
            return code;
        } catch (StewardException | OperationalDatabase.Unavailable e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
