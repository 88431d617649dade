package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;
import java.time.LocalDate;
import java.util.Map;

/**
 * The best view of one customer, assembled from its source records, with the lineage of every
 * field: which source record it came from and by which rule.
 */
public record GoldenRecord(
        String masterId,
        String fullName,
        String givenName,
        String familyName,
        String email,
        String phone,
        LocalDate birthDate,
        String addressLine,
        String city,
        String postcode,
        String region,
        String country,
        String company,
        String idNumber,
        int sourceCount,
        Map<String, Lineage> lineage) {

    public GoldenRecord {
        requireNonNull(masterId, "masterId is null");
        requireNonNull(lineage, "lineage is null");
        if (sourceCount < 1) {
            throw new IllegalArgumentException("a golden record needs at least one source record: " + masterId);
        }
        lineage = Map.copyOf(lineage);
    }

    /** Where a golden field's value came from. */
    public record Lineage(SourceRecordKey from, String rule) {
        public Lineage {
            requireNonNull(from, "from is null");
            requireNonNull(rule, "rule is null");
        }
    }

    /**
     * The golden fields by canonical name (the keys of {@link #lineage()}), in the order of
     * {@code customer_master}; values may be null. One list for every view that shows a golden record.
     */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("full_name", fullName);
        fields.put("given_name", givenName);
        fields.put("family_name", familyName);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("birth_date", birthDate);
        fields.put("address_line", addressLine);
        fields.put("city", city);
        fields.put("postcode", postcode);
        fields.put("region", region);
        fields.put("country", country);
        fields.put("company", company);
        fields.put("id_number", idNumber);
        return fields;
    }
}
