package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.Contact;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Builds golden records. Records are ranked by source priority (1 first), then most recently
 * updated, then by key; each field takes the first non-empty value in that order. Fields that only
 * make sense together move together: the name parts come from one record, and so do the parts of an
 * address, so a golden record never mixes one person's street with another's city.
 */
public final class Survivorship {

    /** The rule name written to the lineage. */
    public static final String RULE = "source_priority_then_recency";

    private final Comparator<Contact> ranking;

    public Survivorship(ToIntFunction<String> sourcePriority) {
        requireNonNull(sourcePriority, "sourcePriority is null");
        this.ranking = Comparator.<Contact>comparingInt(contact -> sourcePriority.applyAsInt(contact.source()))
                .thenComparing(Contact::updatedAt, Comparator.nullsLast(Comparator.<LocalDateTime>reverseOrder()))
                .thenComparing(Contact::key);
    }

    public GoldenRecord build(String masterId, List<Contact> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no source records for " + masterId);
        }
        List<Contact> ranked = new ArrayList<>(members);
        ranked.sort(ranking);
        Map<String, GoldenRecord.Lineage> lineage = new LinkedHashMap<>();

        Contact name = first(ranked, Contact::fullName);
        Contact address = first(ranked, c -> c.addressLine() != null ? c.addressLine() : c.city());
        Contact email = first(ranked, Contact::email);
        Contact phone = first(ranked, Contact::phone);
        Contact birth = first(ranked, Contact::birthDate);
        Contact company = first(ranked, Contact::company);
        Contact idNumber = first(ranked, Contact::idNumber);
        Contact country = address != null && address.country() != null ? address : first(ranked, Contact::country);

        note(lineage, "full_name", name);
        note(lineage, "given_name", name == null || name.givenName() == null ? null : name);
        note(lineage, "family_name", name == null || name.familyName() == null ? null : name);
        note(lineage, "email", email);
        note(lineage, "phone", phone);
        note(lineage, "birth_date", birth);
        note(lineage, "address_line", address == null || address.addressLine() == null ? null : address);
        note(lineage, "city", address == null || address.city() == null ? null : address);
        note(lineage, "postcode", address == null || address.postcode() == null ? null : address);
        note(lineage, "region", address == null || address.region() == null ? null : address);
        note(lineage, "country", country);
        note(lineage, "company", company);
        note(lineage, "id_number", idNumber);

        return new GoldenRecord(masterId,
                name == null ? null : name.fullName(),
                name == null ? null : name.givenName(),
                name == null ? null : name.familyName(),
                email == null ? null : email.email(),
                phone == null ? null : phone.phone(),
                birth == null ? null : birth.birthDate(),
                address == null ? null : address.addressLine(),
                address == null ? null : address.city(),
                address == null ? null : address.postcode(),
                address == null ? null : address.region(),
                country == null ? null : country.country(),
                company == null ? null : company.company(),
                idNumber == null ? null : idNumber.idNumber(),
                members.size(), lineage);
    }

    private static Contact first(List<Contact> ranked, Function<Contact, ?> field) {
        for (Contact contact : ranked) {
            Object value = field.apply(contact);
            if (value != null && !(value instanceof String text && text.isBlank())) {
                return contact;
            }
        }
        return null;
    }

    private static void note(Map<String, GoldenRecord.Lineage> lineage, String field, Contact from) {
        if (from != null) {
            lineage.put(field, new GoldenRecord.Lineage(from.key(), RULE));
        }
    }
}
