package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.Contact;
import com.custmaster.domain.SafeCsv;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.RecordPair;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The review queue as a CSV file for offline review, and the same file read back with decisions.
 *
 * <p>Export: one row per queued pair, both records' fields side by side, the score and evidence,
 * and two empty columns {@code decision} and {@code reason} for the reviewer. Every cell is
 * formula-safe ({@link SafeCsv}): a name like {@code =HYPERLINK(…)} opens as text in a spreadsheet.
 *
 * <p>Import: the columns {@code left_record}, {@code right_record} and {@code decision} are needed
 * ({@code reason} is optional, others are ignored, so the exported file comes back as it is).
 * A decision is {@code same} (or {@code accept}), {@code different} (or {@code reject}), {@code skip},
 * or empty for no decision. The file is refused as a whole at its first bad row, naming the line.
 */
public final class DecisionCsv {

    /** The columns of an export, in order. */
    public static final List<String> EXPORT_HEADER = List.of("left_record", "right_record", "match_probability", "match_weight",
            "left_master_id", "right_master_id", "left_name", "right_name", "left_email", "right_email", "left_phone",
            "right_phone", "left_birth_date", "right_birth_date", "left_address", "right_address", "left_company",
            "right_company", "left_id_number", "right_id_number", "evidence", "decision", "reason");

    private DecisionCsv() {
    }

    /**
     * Writes queued pairs with both records.
     *
     * @param records the current source record of a key
     */
    public static void write(List<QueuedPair> queue, Function<SourceRecordKey, Contact> records, Writer out) {
        requireNonNull(queue, "queue is null");
        requireNonNull(records, "records is null");
        try {
            out.write(SafeCsv.row(EXPORT_HEADER));
            out.write("\r\n");
            for (QueuedPair queued : queue) {
                Contact left = records.apply(queued.pair().left());
                Contact right = records.apply(queued.pair().right());
                List<Object> row = new ArrayList<>();
                row.add(queued.pair().left().toString());
                row.add(queued.pair().right().toString());
                row.add(String.format(Locale.ROOT, "%.4f", queued.matchProbability()));
                row.add(String.format(Locale.ROOT, "%.2f", queued.matchWeight()));
                row.add(queued.leftMasterId());
                row.add(queued.rightMasterId());
                row.add(left.fullName());
                row.add(right.fullName());
                row.add(left.email());
                row.add(right.email());
                row.add(left.phone());
                row.add(right.phone());
                row.add(left.birthDate());
                row.add(right.birthDate());
                row.add(address(left));
                row.add(address(right));
                row.add(left.company());
                row.add(right.company());
                row.add(left.idNumber());
                row.add(right.idNumber());
                row.add(queued.evidence());
                row.add("");
                row.add("");
                out.write(SafeCsv.row(row));
                out.write("\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the review queue", e);
        }
    }

    private static String address(Contact contact) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {contact.addressLine(), contact.postcode(), contact.city(), contact.country()}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    /**
     * Reads decisions. Rows with an empty decision are left out.
     *
     * @param origin the file's name, for messages
     * @throws StewardException at the first bad row (or a header without the needed columns), naming the line
     */
    public static List<ImportedDecision> read(Reader in, String origin) {
        requireNonNull(in, "in is null");
        requireNonNull(origin, "origin is null");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        List<ImportedDecision> decisions = new ArrayList<>();
        Map<RecordPair, Long> seen = new HashMap<>();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String needed : List.of("left_record", "right_record", "decision")) {
                if (!header.containsKey(needed)) {
                    throw new StewardException(origin + " line 1: no column '" + needed + "' in the header (needed: "
                            + "left_record, right_record, decision; optional: reason)");
                }
            }
            for (CSVRecord row : parser) {
                line = row.getRecordNumber() + 1;
                if (!row.isConsistent()) {
                    throw new StewardException(origin + " line " + line + ": " + row.size() + " cells, the header has "
                            + header.size());
                }
                String decision = SafeCsv.uncell(row.get("decision")).trim().toLowerCase(Locale.ROOT);
                if (decision.isEmpty()) {
                    continue;
                }
                ActionKind kind = switch (decision) {
                    case "same", "accept" -> ActionKind.ACCEPT;
                    case "different", "reject" -> ActionKind.REJECT;
                    case "skip" -> ActionKind.SKIP;
                    default -> throw new StewardException(origin + " line " + line + ": decision '" + decision
                            + "' is not one of same, different, skip (or empty for no decision)");
                };
                SourceRecordKey left = key(row, "left_record", origin, line);
                SourceRecordKey right = key(row, "right_record", origin, line);
                if (left.equals(right)) {
                    throw new StewardException(origin + " line " + line + ": left_record and right_record are both " + left);
                }
                RecordPair pair = RecordPair.of(left, right);
                Long earlier = seen.put(pair, line);
                if (earlier != null) {
                    throw new StewardException(origin + " line " + line + ": the pair " + pair + " was already decided on line "
                            + earlier);
                }
                String reason = header.containsKey("reason") ? SafeCsv.uncell(row.get("reason")) : null;
                if (reason != null && reason.length() > 1000) {
                    throw new StewardException(origin + " line " + line + ": reason longer than 1000 characters");
                }
                decisions.add(new ImportedDecision(line, pair, kind, reason));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StewardException(origin + " after line " + line + ": not a well-formed CSV file ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
        } catch (IllegalArgumentException e) {
            throw new StewardException(origin + " line 1: " + e.getMessage());
        }
        return decisions;
    }

    private static SourceRecordKey key(CSVRecord row, String column, String origin, long line) {
        try {
            return SourceRecordKey.parse(SafeCsv.uncell(row.get(column)));
        } catch (IllegalArgumentException e) {
            throw new StewardException(origin + " line " + line + ": " + column + ": " + e.getMessage());
        }
    }
}
