package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.FieldMapping;
import com.custmaster.config.SourceConfig;
import com.custmaster.config.SourceType;
import com.custmaster.domain.CanonicalField;
import com.custmaster.domain.Contact;
import com.custmaster.domain.RawRecord;
import com.custmaster.domain.RejectReason;
import com.custmaster.domain.Rejection;
import com.custmaster.domain.StagingOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactNormalizerTest {

    private static final SourceConfig SOURCE = new SourceConfig("crm", Path.of("conf/sources/crm.yml"), SourceType.CSV,
            "contacts.csv", StandardCharsets.UTF_8, ',', '"', true, "id", 1, "CN", "CN", Map.of(
                    CanonicalField.GIVEN_NAME, new FieldMapping.Column("first", null),
                    CanonicalField.FAMILY_NAME, new FieldMapping.Column("last", null),
                    CanonicalField.EMAIL, new FieldMapping.Column("email", null),
                    CanonicalField.PHONE, new FieldMapping.Column("phone", null),
                    CanonicalField.COUNTRY, new FieldMapping.Column("country", null),
                    CanonicalField.BIRTH_DATE, new FieldMapping.Column("born", "yyyy-MM-dd")), null);

    private final ContactNormalizer normalizer = new ContactNormalizer(SOURCE, LocalDate.of(2026, 11, 22));

    private static RawRecord row(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return RawRecord.parsed("crm", "contacts.csv", 7, values);
    }

    @Test
    void normalisesAGoodRowIntoAContact() {
        StagingOutcome outcome = normalizer.normalize(row("id", "C1", "first", "伟", "last", "張", "email",
                " Zhang.Wei@Example.com ", "phone", "138 0013 8000", "born", "1985-03-12"));

        assertThat(outcome).isInstanceOf(Contact.class);
        Contact contact = (Contact) outcome;
        assertThat(contact.fullName()).isEqualTo("张伟");
        assertThat(contact.nameKey()).isEqualTo("wei zhang");
        assertThat(contact.email()).isEqualTo("zhang.wei@example.com");
        assertThat(contact.phone()).isEqualTo("+8613800138000");
        assertThat(contact.birthDate()).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(contact.country()).isEqualTo("CN");
        assertThat(contact.qualityFlags()).isEmpty();
    }

    @Test
    void usesTheRowsCountryAsThePhoneRegion() {
        Contact contact = (Contact) normalizer.normalize(row("id", "C2", "first", "John", "last", "Smith", "phone",
                "07911 123456", "country", "GB"));

        assertThat(contact.phone()).isEqualTo("+447911123456");
    }

    @Test
    void anInvalidPhoneOrEmailIsAFlagNotAReject() {
        Contact contact = (Contact) normalizer.normalize(row("id", "C3", "first", "Ann", "last", "Lee", "phone", "12345",
                "email", "ann@@example"));

        assertThat(contact.qualityFlags()).containsExactly("email_invalid", "phone_invalid");
        assertThat(contact.phone()).isNull();
        assertThat(contact.phoneRaw()).isEqualTo("12345");
    }

    @Test
    void anImpossibleBirthDateIsRejectedNamingFileLineAndField() {
        Rejection rejection = (Rejection) normalizer.normalize(row("id", "C4", "first", "Ann", "born", "2023-02-30"));

        assertThat(rejection.reason()).isEqualTo(RejectReason.INVALID_DATE);
        assertThat(rejection.field()).isEqualTo("birth_date");
        assertThat(rejection.rawValue()).isEqualTo("2023-02-30");
        assertThat(rejection.message()).contains("contacts.csv line 7").contains("birth_date").contains("2023-02-30");
    }

    @Test
    void aBirthDateAfterTheRunDateIsRejected() {
        Rejection rejection = (Rejection) normalizer.normalize(row("id", "C5", "first", "Ann", "born", "2030-01-01"));

        assertThat(rejection.reason()).isEqualTo(RejectReason.INVALID_DATE);
    }

    @Test
    void aRowWithNothingToMatchOnIsRejected() {
        Rejection rejection = (Rejection) normalizer.normalize(row("id", "C6", "phone", "12345", "country", "CN"));

        assertThat(rejection.reason()).isEqualTo(RejectReason.NO_IDENTITY);
        assertThat(rejection.sourceRecordId()).isEqualTo("C6");
    }

    @Test
    void aRowWithoutAnIdIsRejected() {
        Rejection rejection = (Rejection) normalizer.normalize(row("id", " ", "first", "Ann"));

        assertThat(rejection.reason()).isEqualTo(RejectReason.MISSING_ID);
    }

    @Test
    void aMalformedRowIsRejectedWithTheReadersReason() {
        Rejection rejection = (Rejection) normalizer.normalize(RawRecord.malformed("crm", "contacts.csv", 12,
                "expected 14 columns, found 13", "a,b"));

        assertThat(rejection.reason()).isEqualTo(RejectReason.MALFORMED_ROW);
        assertThat(rejection.position()).isEqualTo(12);
        assertThat(rejection.message()).isEqualTo("contacts.csv line 12: expected 14 columns, found 13");
    }

    @Test
    void hostileValuesAreKeptAsData() {
        Contact contact = (Contact) normalizer.normalize(row("id", "'; DROP TABLE x; --", "first", "=HYPERLINK(\"x\")",
                "last", "😀 Lee"));

        assertThat(contact.key().sourceRecordId()).isEqualTo("'; DROP TABLE x; --");
        assertThat(contact.fullName()).contains("Lee");
    }

    @Test
    void aValueWithBytesInvalidInTheEncodingIsRejectedNamingTheColumn() {
        Rejection rejection = (Rejection) normalizer.normalize(row("id", "C7", "first", "Zo\uFFFD", "last", "Lee"));

        assertThat(rejection.reason()).isEqualTo(RejectReason.INVALID_ENCODING);
        assertThat(rejection.field()).isEqualTo("first");
        assertThat(rejection.message()).contains("line 7").contains("UTF-8");
    }
}
