package com.custmaster.dedupe;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.FieldMapping;
import com.custmaster.config.MatchingConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.config.SourceType;
import com.custmaster.domain.CanonicalField;
import com.custmaster.domain.Contact;
import com.custmaster.domain.RawRecord;
import com.custmaster.domain.RejectReason;
import com.custmaster.domain.Rejection;
import com.custmaster.domain.SafeCsv;
import com.custmaster.domain.StagingOutcome;
import com.custmaster.domain.TextFiles;
import com.custmaster.match.MatchDecision;
import com.custmaster.match.MatchEngine;
import com.custmaster.match.MatchModel;
import com.custmaster.match.MatchRun;
import com.custmaster.match.PairExplainer;
import com.custmaster.match.PairExplanation;
import com.custmaster.normalize.ContactNormalizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Deduplicates any CSV file with a header row: its columns are mapped onto canonical contact
 * fields, normalised by the same code as the nightly ingest, matched by the same engine (its model
 * trained on the file itself), and written as {@code clusters.csv}, {@code pairs.csv} and
 * {@code model.json}. Every input record appears once in clusters.csv; a record with nothing to
 * match on (no name, email, phone or id) is a cluster of its own, and a birth date that is no
 * calendar date is compared as text (or, when it is not even year-first digits, left out) rather
 * than losing the record.
 */
public final class CsvDedupe {

    private static final String SOURCE = "input";

    /**
     * What to read and how.
     *
     * @param mapping canonical field to one or more columns (several are joined: by "/" for dates, else by a space)
     * @param dateFormat pattern for birth dates, or null for the common formats
     * @param nullValues cell values that mean "missing" ({@link #DEFAULT_NULL_VALUES} unless told otherwise)
     */
    public record Options(Path input, String idColumn, Map<CanonicalField, List<String>> mapping, char delimiter,
                          Charset encoding, String phoneRegion, String dateFormat, Path out, Labels labels,
                          Set<String> nullValues) {

        /**
         * What statistics packages and databases write for a missing value (R's {@code NA}, SQL's
         * {@code NULL}, spreadsheets' {@code #N/A}). Not {@code nan} or {@code None}: Nan is a Chinese
         * given name, and None a word. Compared exactly, case and all.
         */
        public static final Set<String> DEFAULT_NULL_VALUES = Set.of("NA", "N/A", "n/a", "NULL", "null", "NaN", "#N/A",
                "<NA>");

        public Options(Path input, String idColumn, Map<CanonicalField, List<String>> mapping, char delimiter,
                       Charset encoding, String phoneRegion, String dateFormat, Path out) {
            this(input, idColumn, mapping, delimiter, encoding, phoneRegion, dateFormat, out, null);
        }

        public Options(Path input, String idColumn, Map<CanonicalField, List<String>> mapping, char delimiter,
                       Charset encoding, String phoneRegion, String dateFormat, Path out, Labels labels) {
            this(input, idColumn, mapping, delimiter, encoding, phoneRegion, dateFormat, out, labels, DEFAULT_NULL_VALUES);
        }

        public Options {
            requireNonNull(input, "input is null");
            requireNonNull(idColumn, "idColumn is null");
            requireNonNull(mapping, "mapping is null");
            requireNonNull(encoding, "encoding is null");
            requireNonNull(phoneRegion, "phoneRegion is null");
            requireNonNull(out, "out is null");
            requireNonNull(nullValues, "nullValues is null");
            nullValues = Set.copyOf(nullValues);
            if (mapping.isEmpty()) {
                throw new IllegalArgumentException("map at least one field (--map FIELD=COLUMN)");
            }
            if (mapping.containsKey(CanonicalField.SOURCE_RECORD_ID)) {
                throw new IllegalArgumentException("the record id is given by --id, not --map");
            }
            mapping = Map.copyOf(mapping);
        }
    }

    /**
     * Labelled pairs that train the model (optional): a CSV with a header, two record-id columns and
     * a column saying whether the pair is one person (1, 1.0, true, yes, match / 0, 0.0, false, no,
     * distinct). Only the matching pairs are used: they teach the m-probabilities.
     */
    public record Labels(Path file, String leftColumn, String rightColumn, String matchColumn) {
        public Labels {
            requireNonNull(file, "file is null");
            requireNonNull(leftColumn, "leftColumn is null");
            requireNonNull(rightColumn, "rightColumn is null");
            requireNonNull(matchColumn, "matchColumn is null");
        }
    }

    /** What a run did, for the printed summary. */
    public record Summary(long records, long clusters, long withoutIdentity, long datesIgnored, long datesAsText,
                          long pairsMatched,
                          long pairsForReview, Map<String, Long> candidatePairsPerRule, MatchModel model, long readMillis,
                          long matchMillis, long writeMillis, String guessedDateFormat, String dateFormatReason) {
    }

    /** A problem with the input that stops the run: names the file, line and column. */
    public static final class InputException extends RuntimeException {
        public InputException(String message) {
            super(message);
        }
    }

    private CsvDedupe() {
    }

    /**
     * The input's records as the engine matches them: every id in file order, the contacts with something
     * to match on, and for each of those its record index and the unreadable birth date kept as text.
     */
    private record Population(String[] ids, List<Contact> matchable, int[] recordOf, String[] fallbackDates,
                              long withoutIdentity, long datesIgnored, long datesAsText) {

        /** The fallback values {@link MatchEngine#run(List, long[], long[], Map, long[])} takes. */
        Map<String, String[]> fallbacks() {
            return Map.of("birth_date", fallbackDates);
        }
    }

    /** Reads and normalises the input. */
    private static Population population(Options options) {
        SourceConfig source = sourceConfig(options);
        SourceConfig withoutDates = sourceConfig(options, CanonicalField.BIRTH_DATE);
        LocalDate today = LocalDate.now();
        ContactNormalizer normalizer = new ContactNormalizer(source, today, false);
        ContactNormalizer fallback = new ContactNormalizer(withoutDates, today, false);
        List<String> idList = new ArrayList<>();
        List<Contact> matchable = new ArrayList<>();
        List<Integer> recordIndexes = new ArrayList<>();
        List<String> fallbackDateList = new ArrayList<>();
        long[] counts = new long[3];
        // rows are normalised a batch at a time, in parallel, and only their contacts are kept:
        // a million raw rows held at once would cost gigabytes and the garbage collector's time
        read(options, batch -> {
            Contact[] contacts = new Contact[batch.size()];
            String[] unreadableDates = new String[batch.size()];
            boolean[] dateIgnored = new boolean[batch.size()];
            IntStream.range(0, batch.size()).parallel().forEach(i -> {
                StagingOutcome outcome = normalizer.normalize(batch.get(i));
                if (outcome instanceof Rejection rejection && rejection.reason() == RejectReason.INVALID_DATE) {
                    dateIgnored[i] = true;
                    outcome = fallback.normalize(batch.get(i));
                    unreadableDates[i] = source.fields().get(CanonicalField.BIRTH_DATE).extract(batch.get(i))
                            .map(CsvDedupe::dateText).orElse(null);
                }
                contacts[i] = outcome instanceof Contact contact ? contact : null;
            });
            for (int i = 0; i < contacts.length; i++) {
                int record = idList.size();
                idList.add(batch.get(i).value(options.idColumn()).orElseThrow());
                if (dateIgnored[i]) {
                    counts[1]++;
                    if (unreadableDates[i] != null) {
                        counts[2]++;
                    }
                }
                if (contacts[i] == null) {
                    counts[0]++;
                } else {
                    recordIndexes.add(record);
                    matchable.add(contacts[i]);
                    fallbackDateList.add(unreadableDates[i]);
                }
            }
        });
        long withoutIdentity = counts[0];
        long datesIgnored = counts[1];
        int[] recordOf = recordIndexes.stream().mapToInt(Integer::intValue).toArray();
        String[] ids = idList.toArray(new String[0]);
        String[] fallbackDates = fallbackDateList.toArray(new String[0]);
        return new Population(ids, matchable, recordOf, fallbackDates, withoutIdentity, datesIgnored, counts[2]);
    }

    public static Summary run(Options options, MatchingConfig config) {
        long started = System.nanoTime();
        DateOrder.Guess dateGuess = guessDateOrder(options).orElse(null);
        options = withDateFormat(options, dateGuess);
        Population population = population(options);
        String[] ids = population.ids();
        List<Contact> matchable = population.matchable();
        int[] recordOf = population.recordOf();
        long read = System.nanoTime();
        long[] labelled = options.labels() == null ? new long[0] : labelledMatches(options.labels(), ids, recordOf);
        MatchRun run = new MatchEngine(config).run(matchable, new long[0], new long[0], population.fallbacks(), labelled);
        long matched = System.nanoTime();

        int[] clusterRecord = new int[ids.length];
        for (int i = 0; i < clusterRecord.length; i++) {
            clusterRecord[i] = i;
        }
        for (int k = 0; k < matchable.size(); k++) {
            clusterRecord[recordOf[k]] = recordOf[run.clusterOf(k)];
        }
        write(options.out(), ids, clusterRecord, run, recordOf);
        long written = System.nanoTime();
        long clusters = 0;
        for (int i = 0; i < clusterRecord.length; i++) {
            if (clusterRecord[i] == i) {
                clusters++;
            }
        }
        return new Summary(ids.length, clusters, population.withoutIdentity(), population.datesIgnored(),
                population.datesAsText(),
                run.count(MatchDecision.MATCH), run.count(MatchDecision.REVIEW), run.candidatePairsPerRule(), run.model(),
                (read - started) / 1_000_000, (matched - read) / 1_000_000, (written - matched) / 1_000_000,
                dateGuess == null ? null : dateGuess.pattern(), dateGuess == null ? null : dateGuess.reason());
    }

    /** How the input file is parsed: its delimiter, a header row, values trimmed, empty lines skipped. */
    private static CSVFormat inputFormat(Options options) {
        return CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).setIgnoreEmptyLines(true).get();
    }

    /** The options with the guessed birth date pattern, when there is a guess. */
    private static Options withDateFormat(Options options, DateOrder.Guess guess) {
        return guess == null ? options : new Options(options.input(), options.idColumn(), options.mapping(),
                options.delimiter(), options.encoding(), options.phoneRegion(), guess.pattern(), options.out(),
                options.labels(), options.nullValues());
    }

    /** Birth dates looked at to tell a day-first file from a month-first one. */
    private static final int DATE_SAMPLE = 20_000;

    /**
     * Reads the birth dates of the first {@value #DATE_SAMPLE} rows and guesses their order when they are
     * written day and month first ({@link DateOrder}); empty when a date format was given, when they
     * are not, or when the file cannot be read here (the full read then reports why).
     */
    private static Optional<DateOrder.Guess> guessDateOrder(Options options) {
        List<String> columns = options.mapping().get(CanonicalField.BIRTH_DATE);
        if (options.dateFormat() != null || columns == null || columns.isEmpty()) {
            return Optional.empty();
        }
        CSVFormat format = inputFormat(options);
        DateOrder order = new DateOrder();
        try (Reader reader = TextFiles.open(options.input(), options.encoding());
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream().map(String::trim).toList();
            int[] indexes = columns.stream().mapToInt(header::indexOf).toArray();
            if (Arrays.stream(indexes).anyMatch(index -> index < 0)) {
                return Optional.empty();
            }
            int rows = 0;
            for (CSVRecord row : parser) {
                if (rows++ == DATE_SAMPLE) {
                    break;
                }
                StringBuilder value = new StringBuilder();
                for (int index : indexes) {
                    String part = index < row.size() ? row.get(index).trim() : "";
                    if (!part.isEmpty() && !options.nullValues().contains(part)) {
                        value.append(value.isEmpty() ? "" : "/").append(part);
                    }
                }
                order.add(value.toString());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return order.guess();
    }

    /**
     * A pair of the input explained with a model a run saved (its {@code model.json}).
     *
     * @param leftId the record id of the explanation's left record
     * @param records the records with something to match on: the population the weights are over
     */
    public record ExplainedPair(String leftId, String rightId, PairExplanation explanation, int records) {
        public ExplainedPair {
            requireNonNull(leftId, "leftId is null");
            requireNonNull(rightId, "rightId is null");
            requireNonNull(explanation, "explanation is null");
        }
    }

    /**
     * Explains two records of the input, by id, as {@link #run} scored them with {@code model}: the
     * same normalisation, record order and unreadable dates. Writes nothing.
     *
     * @throws InputException when an id is not in the input or its record has nothing to match on
     * @throws IllegalArgumentException when the model was trained with other comparisons than {@code config}'s
     */
    public static ExplainedPair explain(Options options, MatchingConfig config, MatchModel model, String firstId,
                                        String secondId) {
        requireNonNull(model, "model is null");
        Population population = population(withDateFormat(options, guessDateOrder(options).orElse(null)));
        Map<String, Integer> recordIndex = new HashMap<>();
        for (int i = 0; i < population.ids().length; i++) {
            recordIndex.put(population.ids()[i], i);
        }
        Map<Integer, Integer> matchableIndex = new HashMap<>();
        for (int k = 0; k < population.recordOf().length; k++) {
            matchableIndex.put(population.recordOf()[k], k);
        }
        int[] pair = new int[2];
        String[] wanted = {firstId, secondId};
        for (int w = 0; w < 2; w++) {
            Integer record = recordIndex.get(wanted[w]);
            if (record == null) {
                throw new InputException(options.input() + ": no record with id '" + wanted[w] + "' in column '"
                        + options.idColumn() + "'");
            }
            Integer index = matchableIndex.get(record);
            if (index == null) {
                throw new InputException(options.input() + ": record '" + wanted[w] + "' has nothing to match on (no "
                        + "name, e-mail, phone or id number): it is a cluster of its own");
            }
            pair[w] = index;
        }
        PairExplanation explanation = new PairExplainer(config, model, population.matchable(), population.fallbacks())
                .explain(pair[0], pair[1]);
        String[] ids = population.ids();
        int[] recordOf = population.recordOf();
        return new ExplainedPair(ids[recordOf[explanation.left()]], ids[recordOf[explanation.right()]], explanation,
                population.matchable().size());
    }

    /** The labelled matching pairs as index pairs of the matchable records; labels naming unknown ids are errors. */
    private static long[] labelledMatches(Labels labels, String[] ids, int[] recordOf) {
        Map<String, Integer> matchableIndex = new java.util.HashMap<>();
        for (int k = 0; k < recordOf.length; k++) {
            matchableIndex.put(ids[recordOf[k]], k);
        }
        Set<String> allIds = Set.of(ids);
        String file = labels.file().toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setTrim(true).get();
        List<Long> pairs = new ArrayList<>();
        try (Reader reader = TextFiles.open(labels.file(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : List.of(labels.leftColumn(), labels.rightColumn(), labels.matchColumn())) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new InputException(file + ": line 1: no column '" + column + "' in the header "
                            + parser.getHeaderNames());
                }
            }
            for (CSVRecord row : parser) {
                long line = row.getParser().getCurrentLineNumber();
                String left = row.get(labels.leftColumn());
                String right = row.get(labels.rightColumn());
                for (String id : List.of(left, right)) {
                    if (!allIds.contains(id)) {
                        throw new InputException(file + ": line " + line + ": record id '" + id + "' is not in the input");
                    }
                }
                String verdict = row.get(labels.matchColumn()).toLowerCase(java.util.Locale.ROOT);
                boolean match = switch (verdict) {
                    case "1", "1.0", "true", "yes", "match", "same" -> true;
                    case "0", "0.0", "false", "no", "distinct", "different" -> false;
                    default -> throw new InputException(file + ": line " + line + ": column '" + labels.matchColumn()
                            + "': '" + verdict + "' is neither a match (1, true, yes) nor a non-match (0, false, no)");
                };
                Integer a = matchableIndex.get(left);
                Integer b = matchableIndex.get(right);
                if (match && a != null && b != null && !a.equals(b)) {
                    pairs.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        return pairs.stream().mapToLong(Long::longValue).distinct().toArray();
    }

    /**
     * A date that is not a calendar date ("1994/11/71", "19671310") as yyyy-MM-dd text, so that
     * matching can still see it is one digit away from another; null when it has no such shape.
     */
    static String dateText(String raw) {
        String[] parts = raw.trim().split("[^0-9]+");
        if (parts.length == 1 && parts[0].length() == 8) {
            return parts[0].substring(0, 4) + "-" + parts[0].substring(4, 6) + "-" + parts[0].substring(6);
        }
        if (parts.length == 3 && parts[0].length() == 4 && parts[1].length() <= 2 && parts[2].length() <= 2
                && !parts[1].isEmpty() && !parts[2].isEmpty()) {
            return parts[0] + "-" + (parts[1].length() == 1 ? "0" : "") + parts[1] + "-"
                    + (parts[2].length() == 1 ? "0" : "") + parts[2];
        }
        return null;
    }

    /** Rows handed over in batches of this many. */
    private static final int BATCH = 20_000;

    /**
     * Reads the file in batches and hands each to {@code onBatch} on the calling thread, while a
     * second thread already parses the next ones: normalising a batch in parallel and parsing the
     * next one overlap instead of taking turns (a million rows: parsing alone is seconds).
     */
    private static void read(Options options, java.util.function.Consumer<List<RawRecord>> onBatch) {
        java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(2);
        Object end = new Object();
        Thread parser = new Thread(() -> {
            Object last = end;
            try {
                parse(options, batch -> put(queue, batch));
            } catch (RuntimeException | Error e) {
                last = e;
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                // the reader has stopped listening: nobody waits for the end
            }
        }, "csv-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item == end) {
                    return;
                }
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                if (item instanceof Error e) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                List<RawRecord> batch = (List<RawRecord>) item;
                onBatch.accept(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + options.input(), e);
        } finally {
            parser.interrupt();
        }
    }

    private static void put(java.util.concurrent.BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading stopped", e);
        }
    }

    private static void parse(Options options, java.util.function.Consumer<List<RawRecord>> onBatch) {
        CSVFormat format = inputFormat(options);
        String file = options.input().toString();
        List<RawRecord> records = new ArrayList<>(BATCH);
        try (Reader reader = TextFiles.open(options.input(), options.encoding());
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream().map(String::trim).toList();
            Set<String> needed = new java.util.LinkedHashSet<>();
            needed.add(options.idColumn());
            for (CanonicalField field : CanonicalField.values()) {
                needed.addAll(options.mapping().getOrDefault(field, List.of()));
            }
            for (String column : needed) {
                if (!header.contains(column)) {
                    throw new InputException(file + ": line 1: no column '" + column + "' in the header " + header);
                }
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord row : parser) {
                long line = row.getParser().getCurrentLineNumber();
                if (row.size() != header.size()) {
                    throw new InputException(file + ": line " + line + ": " + row.size() + " values, the header has "
                            + header.size() + " columns");
                }
                Map<String, String> values = new HashMap<>();
                for (String column : needed) {
                    String value = row.get(header.indexOf(column));
                    boolean missing = !column.equals(options.idColumn()) && options.nullValues().contains(value);
                    values.put(column, missing ? "" : value);
                }
                String id = values.get(options.idColumn());
                if (id == null || id.isBlank()) {
                    throw new InputException(file + ": line " + line + ": column '" + options.idColumn() + "' is empty");
                }
                if (!seen.add(id)) {
                    throw new InputException(file + ": line " + line + ": column '" + options.idColumn() + "': id '" + id
                            + "' appears twice");
                }
                records.add(RawRecord.parsed(SOURCE, file, line, values));
                if (records.size() == BATCH) {
                    onBatch.accept(records);
                    records = new ArrayList<>(BATCH);
                }
            }
            onBatch.accept(records);
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            if (hasCause(e, java.nio.charset.CharacterCodingException.class)) {
                throw new InputException(TextFiles.notInEncoding(options.input(), options.encoding()));
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file, io);
            }
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static SourceConfig sourceConfig(Options options, CanonicalField... leftOut) {
        Map<CanonicalField, FieldMapping> fields = new EnumMap<>(CanonicalField.class);
        Set<CanonicalField> skipped = Set.of(leftOut);
        options.mapping().forEach((field, columns) -> {
            if (skipped.contains(field)) {
                return;
            }
            String dateFormat = field == CanonicalField.BIRTH_DATE ? options.dateFormat() : null;
            fields.put(field, columns.size() == 1 ? new FieldMapping.Column(columns.get(0), dateFormat)
                    : new FieldMapping.Concat(columns, field == CanonicalField.BIRTH_DATE ? "/" : " ", dateFormat));
        });
        return new SourceConfig(SOURCE, options.input(), SourceType.CSV, options.input().toString(), options.encoding(),
                options.delimiter(), '"', true, options.idColumn(), 1, options.phoneRegion(), null, fields, null);
    }

    private static void write(Path out, String[] ids, int[] clusterRecord, MatchRun run, int[] recordOf) {
        try {
            Files.createDirectories(out);
            try (BufferedWriter writer = Files.newBufferedWriter(out.resolve("clusters.csv"), StandardCharsets.UTF_8)) {
                writer.write("record_id,cluster_id\n");
                for (int i = 0; i < ids.length; i++) {
                    writer.write(SafeCsv.cell(ids[i]));
                    writer.write(',');
                    writer.write(SafeCsv.cell(ids[clusterRecord[i]]));
                    writer.write('\n');
                }
            }
            try (BufferedWriter writer = Files.newBufferedWriter(out.resolve("pairs.csv"), StandardCharsets.UTF_8)) {
                writer.write("record_id_l,record_id_r,match_probability,decision\n");
                for (int p = 0; p < run.pairCount(); p++) {
                    MatchDecision decision = run.decision(p);
                    if (decision == MatchDecision.DISTINCT) {
                        continue;
                    }
                    writer.write(SafeCsv.cell(ids[recordOf[run.left(p)]]));
                    writer.write(',');
                    writer.write(SafeCsv.cell(ids[recordOf[run.right(p)]]));
                    writer.write(',');
                    writer.write(String.format(java.util.Locale.ROOT, "%.6f", run.matchProbability(p)));
                    writer.write(',');
                    writer.write(decision.code());
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
        run.model().writeJson(out.resolve("model.json"));
    }
}
