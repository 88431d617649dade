package com.custmaster.domain;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * A normalised contact: one source record in canonical fields, ready for matching. Display values
 * (names, email, phone in E.164) sit beside the matching keys derived from them ({@code nameKey},
 * {@code emailKey}, {@code companyKey}) so that survivorship shows people what they typed while
 * blocking and comparison use the normalised form.
 *
 * @param nameKey romanised, lower-case, order-independent name tokens ("wei zhang" for 张伟 and Zhang Wei)
 * @param qualityFlags soft problems found while normalising (for example {@code phone_invalid})
 */
public record Contact(
        SourceRecordKey key,
        long position,
        String fullName,
        String givenName,
        String familyName,
        String nameKey,
        String email,
        String emailKey,
        String phone,
        String phoneRaw,
        LocalDate birthDate,
        String addressLine,
        String city,
        String postcode,
        String region,
        String country,
        String company,
        String companyKey,
        String idNumber,
        LocalDateTime updatedAt,
        Set<String> qualityFlags) implements StagingOutcome {

    /**
     * Longest value each text field may have: the widths of the staging and master columns
     * (db/migration/common/V2__pipeline_tables.sql). Longer values are cut and flagged by the normaliser.
     */
    public static final java.util.Map<String, Integer> STORAGE_LIMITS = java.util.Map.ofEntries(
            java.util.Map.entry("full_name", 500), java.util.Map.entry("given_name", 300),
            java.util.Map.entry("family_name", 300), java.util.Map.entry("name_key", 500),
            java.util.Map.entry("email", 320), java.util.Map.entry("email_key", 320),
            java.util.Map.entry("phone_raw", 200), java.util.Map.entry("address_line", 1000),
            java.util.Map.entry("city", 300), java.util.Map.entry("postcode", 32), java.util.Map.entry("region", 300),
            java.util.Map.entry("country", 64), java.util.Map.entry("company", 500),
            java.util.Map.entry("company_key", 500), java.util.Map.entry("id_number", 100));

    public Contact {
        requireNonNull(key, "key is null");
        requireNonNull(qualityFlags, "qualityFlags is null");
        qualityFlags = java.util.Collections.unmodifiableSet(new TreeSet<>(qualityFlags));
    }

    public String source() {
        return key.source();
    }

    /** True when the record carries at least one field that can identify a person. */
    public boolean hasIdentity() {
        return notBlank(nameKey) || notBlank(emailKey) || notBlank(phone) || notBlank(idNumber);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
