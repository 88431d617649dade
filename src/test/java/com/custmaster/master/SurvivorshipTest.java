package com.custmaster.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.SurvivorshipConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurvivorshipTest {

    private final Survivorship survivorship = new Survivorship(Map.of("crm", 1, "shop", 2)::get);

    private static Contact contact(String source, String id, String name, String email, String phone, String street,
                                   String city, LocalDateTime updated) {
        return new Contact(new SourceRecordKey(source, id), 1, name, null, null, name == null ? null : name.toLowerCase(),
                email, email, phone, phone, null, street, city, null, null, "GB", null, null, null, updated, Set.of());
    }

    @Test
    void theMostTrustedSourceWinsEachFieldItHas() {
        Contact crm = contact("crm", "1", "John Smith", null, "+447911123456", null, null, LocalDateTime.of(2020, 1, 1, 0, 0));
        Contact shop = contact("shop", "9", "Jon Smith", "john@example.com", "+447911000000", "1 High St", "Leeds",
                LocalDateTime.of(2026, 1, 1, 0, 0));

        GoldenRecord golden = survivorship.build("M000000001", List.of(shop, crm));

        assertThat(golden.fullName()).isEqualTo("John Smith");
        assertThat(golden.phone()).isEqualTo("+447911123456");
        assertThat(golden.email()).isEqualTo("john@example.com");
        assertThat(golden.lineage().get("full_name").from()).isEqualTo(new SourceRecordKey("crm", "1"));
        assertThat(golden.lineage().get("email").from()).isEqualTo(new SourceRecordKey("shop", "9"));
        assertThat(golden.sourceCount()).isEqualTo(2);
        // Every field with lineage is one of the golden fields the views show, with the value it names.
        assertThat(golden.fields().keySet()).containsAll(golden.lineage().keySet());
        assertThat(golden.fields()).containsEntry("email", "john@example.com").containsEntry("phone", "+447911123456");
    }

    @Test
    void withinOneSourceTheMostRecentRecordWins() {
        Contact old = contact("crm", "1", "Ann Lee", "old@example.com", null, null, null, LocalDateTime.of(2020, 1, 1, 0, 0));
        Contact recent = contact("crm", "2", "Ann Lee", "new@example.com", null, null, null,
                LocalDateTime.of(2026, 1, 1, 0, 0));

        GoldenRecord golden = survivorship.build("M000000001", List.of(old, recent));

        assertThat(golden.email()).isEqualTo("new@example.com");
        assertThat(golden.lineage().get("email").from().sourceRecordId()).isEqualTo("2");
    }

    @Test
    void addressPartsComeFromOneRecord() {
        Contact crm = contact("crm", "1", "Ann Lee", null, null, null, "York", null);
        Contact shop = contact("shop", "2", "Ann Lee", null, null, "1 High St", "Leeds", null);

        GoldenRecord golden = survivorship.build("M000000001", List.of(crm, shop));

        // crm has only a city, but it ranks first for the address: street and city are not mixed
        assertThat(golden.city()).isEqualTo("York");
        assertThat(golden.addressLine()).isNull();
        assertThat(golden.lineage()).doesNotContainKey("address_line");
        assertThat(golden.lineage().get("city").from().source()).isEqualTo("crm");
    }

    @Test
    void fieldsNoRecordHasStayEmptyWithoutLineage() {
        GoldenRecord golden = survivorship.build("M000000001",
                List.of(contact("crm", "1", "Ann Lee", null, null, null, null, null)));

        assertThat(golden.birthDate()).isNull();
        assertThat(golden.lineage()).containsOnlyKeys("full_name", "country");
    }

    private static Survivorship withRule(String group, SurvivorshipConfig.Rule rule) {
        return new Survivorship(Map.of("crm", 1, "shop", 2)::get,
                new SurvivorshipConfig(SurvivorshipConfig.Rule.SOURCE_PRIORITY, Map.of(group, rule)));
    }

    @Test
    void mostRecentTakesTheNewestRecordEvenFromALessTrustedSource() {
        Contact crm = contact("crm", "1", "John Smith", null, "+447911123456", "9 Old Rd", "York",
                LocalDateTime.of(2020, 1, 1, 0, 0));
        Contact shop = contact("shop", "9", "Jon Smith", null, "+447911000000", "1 High St", "Leeds",
                LocalDateTime.of(2026, 1, 1, 0, 0));

        GoldenRecord golden = withRule("address", SurvivorshipConfig.Rule.MOST_RECENT).build("M1", List.of(crm, shop));

        assertThat(golden.addressLine()).isEqualTo("1 High St");
        assertThat(golden.city()).isEqualTo("Leeds");
        assertThat(golden.lineage().get("city").rule()).isEqualTo("most_recent");
        assertThat(golden.fullName()).isEqualTo("John Smith");
        assertThat(golden.lineage().get("full_name").rule()).isEqualTo("source_priority");
    }

    @Test
    void mostCompleteTakesTheRecordWithMoreOfTheGroup() {
        Contact crm = contact("crm", "1", "John Smith", null, null, "9 Old Rd", null, null);
        Contact shop = contact("shop", "9", "Jon Smith", null, null, "1 High St", "Leeds", null);

        GoldenRecord golden = withRule("address", SurvivorshipConfig.Rule.MOST_COMPLETE).build("M1", List.of(crm, shop));

        assertThat(golden.addressLine()).isEqualTo("1 High St");
        assertThat(golden.lineage().get("address_line").from()).isEqualTo(new SourceRecordKey("shop", "9"));
    }

    @Test
    void mostFrequentTakesTheValueMostRecordsAgreeOn() {
        Contact crm = contact("crm", "1", "John Smith", null, "+447911999999", null, null, null);
        Contact shop1 = contact("shop", "8", "John Smith", null, "+447911123456", null, null, null);
        Contact shop2 = contact("shop", "9", "John Smith", null, "+447911123456", null, null, null);

        GoldenRecord golden = withRule("phone", SurvivorshipConfig.Rule.MOST_FREQUENT).build("M1", List.of(crm, shop1, shop2));

        assertThat(golden.phone()).isEqualTo("+447911123456");
        assertThat(golden.lineage().get("phone")).isEqualTo(
                new GoldenRecord.Lineage(new SourceRecordKey("shop", "8"), "most_frequent"));
    }
}
