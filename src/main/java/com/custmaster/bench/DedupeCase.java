package com.custmaster.bench;

import static java.util.Objects.requireNonNull;

import com.custmaster.dedupe.CsvDedupe;
import com.custmaster.domain.CanonicalField;
import com.custmaster.quality.EvaluationRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One CSV file to deduplicate with {@link CsvDedupe} and score against its known truth: how its
 * columns map onto canonical fields, the phone region for numbers without a country code, and
 * where the truth is (a column, or the first group of a pattern over the record id).
 *
 * @param name         what the tables call it
 * @param input        the CSV file (header row, comma-separated, UTF-8)
 * @param idColumn     the record id column
 * @param mapping      canonical field to column(s), as {@code jobs/dedupe --map} takes them
 * @param phoneRegion  region for phone numbers without a country code
 * @param truthColumn  the column holding each record's true entity, or null
 * @param truthFromId  a pattern whose first group in the id is the entity, or null
 */
record DedupeCase(String name, Path input, String idColumn, Map<CanonicalField, List<String>> mapping, String phoneRegion,
                  String truthColumn, Pattern truthFromId) {

    private static final Charset ENCODING = StandardCharsets.UTF_8;

    DedupeCase {
        requireNonNull(name, "name is null");
        requireNonNull(input, "input is null");
        requireNonNull(idColumn, "idColumn is null");
        requireNonNull(phoneRegion, "phoneRegion is null");
        mapping = Map.copyOf(requireNonNull(mapping, "mapping is null"));
        if ((truthColumn == null) == (truthFromId == null)) {
            throw new IllegalArgumentException(name + ": give the truth as a column or as a pattern over the id, not "
                    + (truthColumn == null ? "neither" : "both"));
        }
    }

    /** The fields of a {@link SyntheticPeople} file, all mapped, truth in {@code person_id}. */
    static DedupeCase people(String name, Path input, String phoneRegion) {
        return new DedupeCase(name, input, "record_id", mapping("given_name=given_name", "family_name=family_name",
                "birth_date=birth_date", "email=email", "phone=phone", "address_line=address_line", "city=city",
                "postcode=postcode"), phoneRegion, "person_id", null);
    }

    /**
     * A mapping from {@code FIELD=COLUMN[,COLUMN...]} strings, as {@code jobs/dedupe --map} takes them.
     *
     * @throws IllegalArgumentException for an unknown field or a field given twice
     */
    static Map<CanonicalField, List<String>> mapping(String... maps) {
        Map<CanonicalField, List<String>> mapping = new EnumMap<>(CanonicalField.class);
        for (String map : maps) {
            int equals = map.indexOf('=');
            if (equals <= 0 || equals == map.length() - 1) {
                throw new IllegalArgumentException("a mapping needs FIELD=COLUMN: '" + map + "'");
            }
            String key = map.substring(0, equals);
            CanonicalField field = CanonicalField.fromKey(key)
                    .orElseThrow(() -> new IllegalArgumentException("unknown field '" + key + "' in '" + map + "'"));
            List<String> columns = Arrays.stream(map.substring(equals + 1).split(",")).map(String::trim).toList();
            if (mapping.put(field, columns) != null) {
                throw new IllegalArgumentException("field '" + key + "' mapped twice");
            }
        }
        return mapping;
    }

    CsvDedupe.Options options(Path out) {
        return new CsvDedupe.Options(input, idColumn, mapping, ',', ENCODING, phoneRegion, null, out);
    }

    EvaluationRequest evaluation(Path clusters) {
        return new EvaluationRequest(input, idColumn, truthColumn, truthFromId, clusters, ',', ENCODING);
    }

    /** The mapping as {@code jobs/dedupe} options would give it, for the docs: {@code given_name=first_name, …}. */
    String describeMapping() {
        List<String> parts = new ArrayList<>();
        for (CanonicalField field : CanonicalField.values()) {
            List<String> columns = mapping.get(field);
            if (columns != null) {
                parts.add(field.key() + "=" + String.join(",", columns));
            }
        }
        return String.join(" ", parts);
    }

    String describeTruth() {
        return truthColumn != null ? "column `" + truthColumn + "`" : "id pattern `" + truthFromId.pattern() + "`";
    }
}
