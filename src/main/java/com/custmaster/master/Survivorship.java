package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.SurvivorshipConfig;
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
 * Builds golden records. Each group of fields (name, e-mail, phone, birth date, address, company,
 * id number) is taken from one source record chosen by the group's rule in
 * {@code conf/survivorship.yml}: source priority, most recent, most complete or most frequent.
 * Ties, and the default, go by source priority (1 first), then most recently updated, then key.
 * Fields that only make sense together move together: the name parts come from one record, and so
 * do the parts of an address, so a golden record never mixes one person's street with another's
 * city. The lineage names the record and the rule behind every field.
 */
public final class Survivorship {

    private final Comparator<Contact> ranking;
    private final SurvivorshipConfig rules;

    public Survivorship(ToIntFunction<String> sourcePriority) {
        this(sourcePriority, SurvivorshipConfig.DEFAULT);
    }

    public Survivorship(ToIntFunction<String> sourcePriority, SurvivorshipConfig rules) {
        requireNonNull(sourcePriority, "sourcePriority is null");
        this.rules = requireNonNull(rules, "rules is null");
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

        Contact name = pick(ranked, "name", Contact::fullName, Contact::fullName, Contact::givenName, Contact::familyName);
        Contact address = pick(ranked, "address", c -> c.addressLine() != null ? c.addressLine() : c.city(),
                Contact::addressLine, Contact::city, Contact::postcode, Contact::region);
        Contact email = pick(ranked, "email", Contact::email, Contact::email);
        Contact phone = pick(ranked, "phone", Contact::phone, Contact::phone);
        Contact birth = pick(ranked, "birth_date", Contact::birthDate, Contact::birthDate);
        Contact company = pick(ranked, "company", Contact::company, Contact::company);
        Contact idNumber = pick(ranked, "id_number", Contact::idNumber, Contact::idNumber);
        Contact country = address != null && address.country() != null ? address : first(ranked, Contact::country);

        note(lineage, "full_name", name, "name");
        note(lineage, "given_name", name == null || name.givenName() == null ? null : name, "name");
        note(lineage, "family_name", name == null || name.familyName() == null ? null : name, "name");
        note(lineage, "email", email, "email");
        note(lineage, "phone", phone, "phone");
        note(lineage, "birth_date", birth, "birth_date");
        note(lineage, "address_line", address == null || address.addressLine() == null ? null : address, "address");
        note(lineage, "city", address == null || address.city() == null ? null : address, "address");
        note(lineage, "postcode", address == null || address.postcode() == null ? null : address, "address");
        note(lineage, "region", address == null || address.region() == null ? null : address, "address");
        if (country != null) {
            lineage.put("country", new GoldenRecord.Lineage(country.key(),
                    country == address ? rules.ruleFor("address").key() : SurvivorshipConfig.Rule.SOURCE_PRIORITY.key()));
        }
        note(lineage, "company", company, "company");
        note(lineage, "id_number", idNumber, "id_number");

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

    /**
     * The record a group comes from, by the group's rule, among the records that have the group's
     * key field ({@code present}); {@code parts} are the group's fields, for completeness.
     */
    @SafeVarargs
    private Contact pick(List<Contact> ranked, String group, Function<Contact, ?> present, Function<Contact, ?>... parts) {
        List<Contact> having = ranked.stream().filter(contact -> hasValue(present.apply(contact))).toList();
        if (having.isEmpty()) {
            return null;
        }
        return switch (rules.ruleFor(group)) {
            case SOURCE_PRIORITY -> having.get(0);
            case MOST_RECENT -> having.stream().filter(contact -> contact.updatedAt() != null)
                    .max(Comparator.comparing(Contact::updatedAt).thenComparing(having::indexOf, Comparator.reverseOrder()))
                    .orElse(having.get(0));
            case MOST_COMPLETE -> having.stream().max(Comparator.<Contact>comparingInt(contact -> completeness(contact, parts))
                    .thenComparing(having::indexOf, Comparator.reverseOrder())).orElseThrow();
            case MOST_FREQUENT -> {
                Map<Object, Integer> votes = new LinkedHashMap<>();
                having.forEach(contact -> votes.merge(present.apply(contact), 1, Integer::sum));
                int most = java.util.Collections.max(votes.values());
                yield having.stream().filter(contact -> votes.get(present.apply(contact)) == most).findFirst().orElseThrow();
            }
        };
    }

    /** Filled fields of the group, then the total length of their text: a fuller record wins. */
    @SafeVarargs
    private static int completeness(Contact contact, Function<Contact, ?>... parts) {
        int filled = 0;
        int length = 0;
        for (Function<Contact, ?> part : parts) {
            Object value = part.apply(contact);
            if (hasValue(value)) {
                filled++;
                length += value.toString().length();
            }
        }
        return filled * 10_000 + Math.min(length, 9_999);
    }

    private static boolean hasValue(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
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

    private void note(Map<String, GoldenRecord.Lineage> lineage, String field, Contact from, String group) {
        if (from != null) {
            lineage.put(field, new GoldenRecord.Lineage(from.key(), rules.ruleFor(group).key()));
        }
    }
}
