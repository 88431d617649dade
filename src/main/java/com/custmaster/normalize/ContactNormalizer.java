package com.custmaster.normalize;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.FieldMapping;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.CanonicalField;
import com.custmaster.domain.Contact;
import com.custmaster.domain.RawRecord;
import com.custmaster.domain.RejectReason;
import com.custmaster.domain.Rejection;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.domain.StagingOutcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns one raw source record into a staged {@link Contact} or a {@link Rejection}, using the
 * source's declared field mapping. Hard rules (well-formed row, bytes valid in the declared
 * encoding, record id, identity, valid dates) reject; soft
 * problems (an invalid phone or email) become quality flags on the staged record.
 */
public final class ContactNormalizer {

    /** Longest raw value kept in a rejection; the rest is cut (the source still has it). */
    static final int MAX_RAW_VALUE_LENGTH = 1000;
    /** Width of the source_record_id columns. */
    static final int MAX_ID_LENGTH = 200;
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    /** What the readers' decoders put in place of bytes invalid in the declared encoding. */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final SourceConfig source;
    private final LocalDate runDate;
    private final boolean plausibleBirthDates;

    public ContactNormalizer(SourceConfig source, LocalDate runDate) {
        this(source, runDate, true);
    }

    /**
     * @param plausibleBirthDates reject birth dates before 1900 or after the run date (the nightly
     *                            ingest); false keeps any calendar date, for deduplicating a file
     *                            where "1764" is a typo of "1964" that matching should still see
     */
    public ContactNormalizer(SourceConfig source, LocalDate runDate, boolean plausibleBirthDates) {
        this.source = requireNonNull(source, "source is null");
        this.runDate = requireNonNull(runDate, "runDate is null");
        this.plausibleBirthDates = plausibleBirthDates;
    }

    public StagingOutcome normalize(RawRecord record) {
        if (record.isMalformed()) {
            return reject(record, null, null, record.rawText(), RejectReason.MALFORMED_ROW, record.malformedReason());
        }
        for (Map.Entry<String, String> value : record.values().entrySet()) {
            if (value.getValue() != null && value.getValue().indexOf(REPLACEMENT_CHARACTER) >= 0) {
                return reject(record, record.value(source.idColumn()).orElse(null), value.getKey(), value.getValue(),
                        RejectReason.INVALID_ENCODING, "bytes not valid in the declared encoding "
                                + source.encoding().name() + " (shown as \uFFFD)");
            }
        }
        Optional<String> id = record.value(source.idColumn()).map(String::trim).filter(s -> !s.isEmpty());
        if (id.isEmpty()) {
            return reject(record, null, source.idColumn(), null, RejectReason.MISSING_ID,
                    "no value in the id column '" + source.idColumn() + "'");
        }
        if (id.get().length() > MAX_ID_LENGTH) {
            return reject(record, null, source.idColumn(), id.get(), RejectReason.MALFORMED_ROW,
                    "record id longer than " + MAX_ID_LENGTH + " characters");
        }
        TreeSet<String> flags = new TreeSet<>();
        PersonName name = Names.normalize(value(record, CanonicalField.FULL_NAME), value(record, CanonicalField.GIVEN_NAME),
                value(record, CanonicalField.FAMILY_NAME));

        String email = Emails.clean(value(record, CanonicalField.EMAIL));
        String emailKey = Emails.key(email);
        if (email != null && emailKey == null) {
            flags.add("email_invalid");
        }

        String regionText = Text.clean(value(record, CanonicalField.REGION));
        String country = Addresses.country(value(record, CanonicalField.COUNTRY));
        if (country == null) {
            country = Addresses.countryOfRegion(regionText);
        }
        if (country == null) {
            country = source.defaultCountry();
        }
        String region = country != null && country.length() == 2 ? country : source.phoneRegion();
        PhoneNumber phone = Phones.normalize(value(record, CanonicalField.PHONE), region);
        if (phone != null && phone.e164() == null) {
            flags.add("phone_invalid");
        } else if (phone != null && !phone.valid()) {
            flags.add("phone_unassigned");
        }

        String birthDateRaw = value(record, CanonicalField.BIRTH_DATE);
        LocalDate birthDate = null;
        if (birthDateRaw != null) {
            String pattern = dateFormat(CanonicalField.BIRTH_DATE);
            Optional<LocalDate> parsed = Dates.parseDate(birthDateRaw, pattern);
            if (parsed.isEmpty()) {
                return reject(record, id.get(), CanonicalField.BIRTH_DATE.key(), birthDateRaw, RejectReason.INVALID_DATE,
                        "'" + birthDateRaw + "' is not a valid date" + (pattern == null ? "" : " (expected " + pattern + ")"));
            }
            birthDate = parsed.get();
            if (plausibleBirthDates && (birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(runDate))) {
                return reject(record, id.get(), CanonicalField.BIRTH_DATE.key(), birthDateRaw, RejectReason.INVALID_DATE,
                        "'" + birthDateRaw + "' is not a plausible birth date (before 1900 or after the run date)");
            }
        }

        String updatedRaw = value(record, CanonicalField.UPDATED_AT);
        LocalDateTime updatedAt = null;
        if (updatedRaw != null) {
            updatedAt = Dates.parseTimestamp(updatedRaw, dateFormat(CanonicalField.UPDATED_AT)).orElse(null);
            if (updatedAt == null) {
                flags.add("updated_at_invalid");
            }
        }

        String company = Text.clean(value(record, CanonicalField.COMPANY));
        String idNumber = Text.clean(value(record, CanonicalField.ID_NUMBER));
        Contact contact = new Contact(new SourceRecordKey(source.name(), id.get()), record.position(), name.fullName(),
                name.givenName(), name.familyName(), name.key(), email, emailKey,
                phone == null ? null : phone.e164(), phone == null ? null : phone.raw(), birthDate,
                Addresses.line(value(record, CanonicalField.ADDRESS_LINE)), Addresses.city(value(record, CanonicalField.CITY)),
                Addresses.postcode(value(record, CanonicalField.POSTCODE)), regionText,
                country, company, Addresses.companyKey(company), idNumber, updatedAt, flags);
        contact = fitToStorage(contact);
        if (!contact.hasIdentity()) {
            return reject(record, id.get(), null, null, RejectReason.NO_IDENTITY,
                    "no name, email, valid phone or id number: nothing to match on");
        }
        return contact;
    }

    /**
     * Cuts values longer than their staging column (a 1 MB "address" is data too, but no column
     * holds it) and flags each cut field as {@code truncated_<field>}.
     */
    static Contact fitToStorage(Contact c) {
        java.util.TreeSet<String> flags = new java.util.TreeSet<>(c.qualityFlags());
        Contact fitted = new Contact(c.key(), c.position(),
                cut("full_name", c.fullName(), flags), cut("given_name", c.givenName(), flags),
                cut("family_name", c.familyName(), flags), cut("name_key", c.nameKey(), flags),
                cut("email", c.email(), flags), cut("email_key", c.emailKey(), flags), c.phone(),
                cut("phone_raw", c.phoneRaw(), flags), c.birthDate(), cut("address_line", c.addressLine(), flags),
                cut("city", c.city(), flags), cut("postcode", c.postcode(), flags), cut("region", c.region(), flags),
                cut("country", c.country(), flags), cut("company", c.company(), flags),
                cut("company_key", c.companyKey(), flags), cut("id_number", c.idNumber(), flags), c.updatedAt(), flags);
        return flags.size() == c.qualityFlags().size() ? c : fitted;
    }

    private static String cut(String field, String value, java.util.Set<String> flags) {
        Integer limit = Contact.STORAGE_LIMITS.get(field);
        if (value == null || limit == null || value.length() <= limit) {
            return value;
        }
        flags.add("truncated_" + field);
        int end = limit;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    private String value(RawRecord record, CanonicalField field) {
        FieldMapping mapping = source.fields().get(field);
        return mapping == null ? null : mapping.extract(record).orElse(null);
    }

    private String dateFormat(CanonicalField field) {
        FieldMapping mapping = source.fields().get(field);
        return mapping == null ? null : mapping.dateFormat();
    }

    private Rejection reject(RawRecord record, String sourceRecordId, String field, String rawValue, RejectReason reason,
                             String detail) {
        String unit = record.origin().startsWith("table ") || record.origin().startsWith("query ") ? " row " : " line ";
        String where = record.origin() + unit + record.position() + (field == null ? "" : ", field " + field);
        String raw = rawValue == null || rawValue.length() <= MAX_RAW_VALUE_LENGTH
                ? rawValue : rawValue.substring(0, MAX_RAW_VALUE_LENGTH);
        return new Rejection(source.name(), record.origin(), record.position(), sourceRecordId, field, raw, reason,
                where + ": " + detail);
    }
}
