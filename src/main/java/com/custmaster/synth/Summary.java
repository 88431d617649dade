package com.custmaster.synth;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The counts the generator prints after a run, which data-samples/README.md quotes: persons, records
 * per source and per verdict, overlap between sources, orders, revenue concentration. Printing them
 * from the data itself keeps the README factual.
 */
final class Summary {

    private final long seed;
    private final List<Person> persons;
    private final Map<Source, List<SourceRow>> rows;
    private final Map<String, List<SourceRow>> rowsByPerson;
    private final List<Order> orders;
    private final List<OrderGenerator.Profile> profiles;

    Summary(long seed, List<Person> persons, Map<Source, List<SourceRow>> rows,
            Map<String, List<SourceRow>> rowsByPerson, List<Order> orders, List<OrderGenerator.Profile> profiles) {
        this.seed = seed;
        this.persons = List.copyOf(persons);
        this.rows = rows;
        this.rowsByPerson = rowsByPerson;
        this.orders = List.copyOf(orders);
        this.profiles = List.copyOf(profiles);
    }

    String render(Path output) throws IOException {
        StringBuilder out = new StringBuilder();
        line(out, "seed", seed);
        line(out, "as_of", SampleDataGenerator.AS_OF);

        Map<String, Integer> byCulture = new TreeMap<>();
        Map<String, Integer> hardCases = new TreeMap<>();
        Map<String, Set<String>> hardCaseGroups = new TreeMap<>();
        for (Person p : persons) {
            byCulture.merge(p.culture().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (!p.hardCase().isEmpty()) {
                String kind = p.hardCase().substring(0, p.hardCase().indexOf(':') < 0
                        ? p.hardCase().length() : p.hardCase().indexOf(':'));
                hardCases.merge(kind, 1, Integer::sum);
                hardCaseGroups.computeIfAbsent(kind, k -> new HashSet<>()).add(p.hardCase());
            }
        }
        long chinese = persons.stream().filter(p -> p.culture().chinese()).count();
        line(out, "persons", persons.size());
        line(out, "persons.chinese", chinese);
        line(out, "persons.western", persons.size() - chinese);
        byCulture.forEach((culture, count) -> line(out, "persons.culture." + culture, count));
        hardCases.forEach((kind, count) -> line(out, "hard_case." + kind + ".persons", count
                + " in " + hardCaseGroups.get(kind).size() + " groups"));
        line(out, "persons.moved", persons.stream().filter(p -> p.movedOn() != null).count());
        line(out, "persons.name_changed_by_marriage", persons.stream().filter(p -> p.maidenName() != null).count());
        line(out, "persons.with_english_name", persons.stream().filter(p -> p.englishName() != null).count());

        int total = 0;
        for (Map.Entry<Source, List<SourceRow>> entry : rows.entrySet()) {
            String source = entry.getKey().code();
            List<SourceRow> sourceRows = entry.getValue();
            total += sourceRows.size();
            line(out, "records." + source, sourceRows.size());
            Map<String, Integer> verdicts = new TreeMap<>();
            sourceRows.forEach(row -> verdicts.merge(row.expected(), 1, Integer::sum));
            verdicts.forEach((verdict, count) -> line(out, "records." + source + "." + verdict, count));
            line(out, "records." + source + ".within_source_duplicates",
                    sourceRows.stream().filter(SourceRow::duplicate).count());
        }
        line(out, "records.total", total);

        Map<Integer, Integer> bySourceCount = new TreeMap<>();
        Map<Integer, Integer> byStagedSourceCount = new TreeMap<>();
        long truePairs = 0;
        for (Person p : persons) {
            List<SourceRow> personRows = rowsByPerson.getOrDefault(p.personId(), List.of());
            Set<Source> all = EnumSet.noneOf(Source.class);
            Set<Source> staged = EnumSet.noneOf(Source.class);
            int stagedRows = 0;
            for (SourceRow row : personRows) {
                all.add(row.source());
                if (row.defect() == Defect.NONE) {
                    staged.add(row.source());
                    stagedRows++;
                }
            }
            bySourceCount.merge(all.size(), 1, Integer::sum);
            byStagedSourceCount.merge(staged.size(), 1, Integer::sum);
            truePairs += (long) stagedRows * (stagedRows - 1) / 2;
        }
        bySourceCount.forEach((n, count) -> line(out, "persons.in_" + n + "_sources", count));
        long multi = bySourceCount.entrySet().stream().filter(e -> e.getKey() >= 2).mapToLong(Map.Entry::getValue)
                .sum();
        line(out, "persons.in_2_or_more_sources", multi + String.format(Locale.ROOT, " (%.1f%%)",
                100.0 * multi / persons.size()));
        byStagedSourceCount.forEach((n, count) -> line(out, "persons.staged_in_" + n + "_sources", count));
        line(out, "staged_record_pairs_of_same_person", truePairs);

        orders(out);

        for (String file : List.of("crm/contacts.csv", "callcentre/calls.jsonl", "distributor/customers_gbk.csv",
                "legacy/legacy_erp.sql", "orders/orders.csv", "truth/contacts_truth.csv", "truth/persons.csv")) {
            line(out, "bytes." + file, Files.size(output.resolve(file)));
        }
        return out.toString();
    }

    private void orders(StringBuilder out) {
        Map<String, SourceRow> rowById = new HashMap<>();
        rows.values().forEach(list -> list.forEach(row -> rowById.put(row.source().code() + "/" + row.recordId(), row)));
        long completed = orders.stream().filter(o -> o.status().equals("completed")).count();
        line(out, "orders", orders.size());
        line(out, "orders.completed", completed);
        line(out, "orders.returned", orders.size() - completed);
        line(out, "orders.first", orders.get(0).orderedAt().format(Text.SQL_TIMESTAMP));
        line(out, "orders.last", orders.get(orders.size() - 1).orderedAt().format(Text.SQL_TIMESTAMP));
        Map<String, Integer> bySource = new TreeMap<>();
        orders.forEach(o -> bySource.merge(o.source().code(), 1, Integer::sum));
        bySource.forEach((source, count) -> line(out, "orders.source." + source, count));
        line(out, "orders.referring_to_rejected_records", orders.stream()
                .filter(o -> rowById.get(o.source().code() + "/" + o.customerRef()).defect() != Defect.NONE).count());
        line(out, "orders.distinct_customer_refs", orders.stream().map(o -> o.source() + "/" + o.customerRef())
                .distinct().count());

        Map<String, Double> netGbp = new TreeMap<>();
        Map<String, Integer> completedCount = new TreeMap<>();
        Map<String, LocalDateTime> lastOrder = new TreeMap<>();
        Map<String, Set<LocalDate>> days = new TreeMap<>();
        Map<String, Set<LocalDate>> repeatDays = new TreeMap<>();
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        for (Order o : orders) {
            double gbp = o.amount().doubleValue() / OrderGenerator.PER_GBP.get(o.currency());
            netGbp.merge(o.personId(), gbp, Double::sum);
            byCurrency.merge(o.currency(), o.amount(), BigDecimal::add);
            if (o.status().equals("completed")) {
                completedCount.merge(o.personId(), 1, Integer::sum);
                lastOrder.merge(o.personId(), o.orderedAt(), (a, b) -> a.isAfter(b) ? a : b);
                if (!days.computeIfAbsent(o.personId(), k -> new HashSet<>()).add(o.orderedAt().toLocalDate())) {
                    repeatDays.computeIfAbsent(o.personId(), k -> new HashSet<>()).add(o.orderedAt().toLocalDate());
                }
            }
        }
        byCurrency.forEach((currency, sum) -> line(out, "orders.net_amount." + currency, sum.toPlainString()));
        line(out, "customers.with_orders", netGbp.size());
        line(out, "persons.without_orders", persons.size() - netGbp.size());
        long oneToFive = completedCount.values().stream().filter(n -> n <= 5).count();
        line(out, "customers.with_1_to_5_orders", oneToFive + String.format(Locale.ROOT, " (%.1f%%)",
                100.0 * oneToFive / completedCount.size()));
        line(out, "customers.with_more_than_20_orders", completedCount.values().stream().filter(n -> n > 20).count());
        line(out, "customers.with_several_orders_on_one_day", repeatDays.size());
        LocalDateTime cutoff = OrderGenerator.CHURN_CUTOFF.atStartOfDay();
        line(out, "customers.last_order_before_" + OrderGenerator.CHURN_CUTOFF,
                lastOrder.values().stream().filter(t -> t.isBefore(cutoff)).count());
        Map<String, Integer> tiers = new TreeMap<>();
        profiles.forEach(p -> tiers.merge(p.tier().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        tiers.forEach((tier, count) -> line(out, "profile." + tier, count));
        line(out, "profile.churned", profiles.stream().filter(OrderGenerator.Profile::churned).count());

        List<Double> values = new ArrayList<>(netGbp.values());
        values.sort((a, b) -> Double.compare(b, a));
        double sum = values.stream().mapToDouble(Double::doubleValue).sum();
        int top = (int) Math.ceil(values.size() * 0.2);
        double topSum = values.subList(0, top).stream().mapToDouble(Double::doubleValue).sum();
        line(out, "revenue.top_20pct_customers_share_gbp_equivalent",
                String.format(Locale.ROOT, "%.1f%%", 100.0 * topSum / sum));
        double running = 0;
        int needed = 0;
        while (running < 0.8 * sum) {
            running += values.get(needed++);
        }
        line(out, "revenue.customers_making_80pct_gbp_equivalent", String.format(Locale.ROOT, "%d (%.1f%%)", needed,
                100.0 * needed / values.size()));
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append(": ").append(value).append('\n');
    }
}
