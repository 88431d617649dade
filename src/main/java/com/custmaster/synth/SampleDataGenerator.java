package com.custmaster.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the sample data in {@code data-samples/}: contacts of about 2,000 invented persons as four
 * source systems hold them (a CRM export, call-centre JSON lines, a distributor's GBK file, a legacy
 * ERP table as SQL), their orders, and the truth of who is who. It exists so that a newcomer can open
 * realistic, messy input and tests can check matching against a known answer; the same seed always
 * gives byte-identical files, so the committed files can be regenerated and compared.
 *
 * <p>Run without Maven (JDK only):
 * <pre>
 * javac -d /tmp/gen $(find src/main/java/com/custmaster/synth -name '*.java')
 * java -cp /tmp/gen com.custmaster.synth.SampleDataGenerator data-samples [seed]
 * </pre>
 */
public final class SampleDataGenerator {

    /** Seed of the committed sample data. */
    public static final long DEFAULT_SEED = 20261122L;
    /** Output directory when none is given. */
    public static final String DEFAULT_OUTPUT = "data-samples";
    /** The day the data is "as of": no record is updated and no order placed after it. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    private static final Charset GBK = Charset.forName("GBK");

    private final long seed;

    public SampleDataGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Entry point: {@code [output-directory [seed]]}, defaults {@value #DEFAULT_OUTPUT} and
     * {@value #DEFAULT_SEED}. Prints the counts that data-samples/README.md quotes.
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 2) {
            System.err.println("usage: SampleDataGenerator [output-directory [seed]]");
            System.exit(2);
        }
        Path output = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        System.out.print(new SampleDataGenerator(seed).generate(output));
    }

    /** Generates all files under {@code output} and returns the summary of counts as text. */
    public String generate(Path output) throws IOException {
        requireGbk(Hanzi.allCharacters(), "the Hanzi table");
        List<Person> persons = new PersonFactory(Dice.forStage(seed, "persons")).create();
        Map<Source, List<Draft>> drafts = SourcePlan.build(persons, Dice.forStage(seed, "sources"));
        Map<Source, List<SourceRow>> rows = new EnumMap<>(Source.class);
        rows.put(Source.CRM, new CrmSource(Dice.forStage(seed, "crm")).render(drafts.get(Source.CRM)));
        rows.put(Source.CALL_CENTRE,
                new CallCentreSource(Dice.forStage(seed, "callcentre")).render(drafts.get(Source.CALL_CENTRE)));
        rows.put(Source.DISTRIBUTOR,
                new DistributorSource(Dice.forStage(seed, "distributor")).render(drafts.get(Source.DISTRIBUTOR)));
        rows.put(Source.LEGACY_ERP,
                new LegacyErpSource(Dice.forStage(seed, "legacy")).render(drafts.get(Source.LEGACY_ERP)));

        Map<String, List<SourceRow>> rowsByPerson = new TreeMap<>();
        for (List<SourceRow> sourceRows : rows.values()) {
            for (SourceRow row : sourceRows) {
                rowsByPerson.computeIfAbsent(row.personId(), id -> new ArrayList<>()).add(row);
            }
        }
        OrderGenerator orderGenerator = new OrderGenerator(Dice.forStage(seed, "orders"));
        List<Order> orders = orderGenerator.generate(persons, rowsByPerson);

        writeSources(output, rows);
        writeOrders(output.resolve("orders/orders.csv"), orders);
        writeTruth(output.resolve("truth/contacts_truth.csv"), rows);
        writePersons(output.resolve("truth/persons.csv"), persons, rowsByPerson);
        return new Summary(seed, persons, rows, rowsByPerson, orders, orderGenerator.profiles()).render(output);
    }

    private static void writeSources(Path output, Map<Source, List<SourceRow>> rows) throws IOException {
        List<String> crm = new ArrayList<>();
        crm.add(CrmSource.HEADER);
        rows.get(Source.CRM).forEach(row -> crm.add(row.text()));
        write(output.resolve("crm/contacts.csv"), StandardCharsets.UTF_8, crm);

        List<String> calls = new ArrayList<>();
        rows.get(Source.CALL_CENTRE).forEach(row -> calls.add(row.text()));
        write(output.resolve("callcentre/calls.jsonl"), StandardCharsets.UTF_8, calls);

        List<String> distributor = new ArrayList<>();
        distributor.add(DistributorSource.HEADER);
        rows.get(Source.DISTRIBUTOR).forEach(row -> distributor.add(row.text()));
        for (String line : distributor) {
            requireGbk(line, "distributor line");
        }
        write(output.resolve("distributor/customers_gbk.csv"), GBK, distributor);

        List<String> legacy = new ArrayList<>();
        legacy.add("-- Legacy ERP customer table, loaded into a separate embedded H2 database that stands in");
        legacy.add("-- for the legacy system. Portable SQL; UTF-8. Generated by com.custmaster.synth.SampleDataGenerator.");
        legacy.add(LegacyErpSource.CREATE_TABLE);
        rows.get(Source.LEGACY_ERP).forEach(row -> legacy.add(row.text()));
        write(output.resolve("legacy/legacy_erp.sql"), StandardCharsets.UTF_8, legacy);
    }

    private static void writeOrders(Path file, List<Order> orders) throws IOException {
        List<String> lines = new ArrayList<>(orders.size() + 1);
        lines.add("order_id,source,customer_ref,order_ts,amount,currency,status");
        for (Order order : orders) {
            lines.add(Text.csvLine(List.of(order.orderId(), order.source().code(), order.customerRef(),
                    Text.SQL_TIMESTAMP.format(order.orderedAt()), order.amount().toPlainString(), order.currency(),
                    order.status())));
        }
        write(file, StandardCharsets.UTF_8, lines);
    }

    private static void writeTruth(Path file, Map<Source, List<SourceRow>> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("source,source_record_id,person_id,expected");
        for (List<SourceRow> sourceRows : rows.values()) {
            for (SourceRow row : sourceRows) {
                lines.add(Text.csvLine(List.of(row.source().code(), row.truthId(), row.personId(), row.expected())));
            }
        }
        write(file, StandardCharsets.UTF_8, lines);
    }

    private static void writePersons(Path file, List<Person> persons, Map<String, List<SourceRow>> rowsByPerson)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("person_id,culture,gender,family_name,given_name,family_name_latin,given_name_latin,english_name,"
                + "maiden_name,married_on,birth_date,email,mobile,landline,city,country,previous_city,moved_on,"
                + "company,hard_case,records");
        List<Person> sorted = new ArrayList<>(persons);
        sorted.sort((a, b) -> a.personId().compareTo(b.personId()));
        for (Person p : sorted) {
            lines.add(Text.csvLine(List.of(p.personId(), p.culture().name().toLowerCase(Locale.ROOT),
                    p.gender().name().toLowerCase(Locale.ROOT), p.familyName(), p.givenName(), p.familyLatin(),
                    p.givenLatin(), orEmpty(p.englishName()), orEmpty(p.maidenName()), orEmpty(p.marriedOn()),
                    orEmpty(p.birthDate()), orEmpty(p.email()), p.mobile().e164(),
                    p.landline() == null ? "" : p.landline().e164(), p.address().cityLatin(), p.address().country(),
                    p.previousAddress() == null ? "" : p.previousAddress().cityLatin(), orEmpty(p.movedOn()),
                    p.company() == null ? "" : p.company().latinName(), p.hardCase(),
                    String.valueOf(rowsByPerson.getOrDefault(p.personId(), List.of()).size()))));
        }
        write(file, StandardCharsets.UTF_8, lines);
    }

    /** The distributor file is GBK: fail with the offending character rather than write a '?'. */
    private static void requireGbk(String text, String what) {
        CharsetEncoder encoder = GBK.newEncoder();
        for (int i = 0; i < text.length(); i++) {
            if (!encoder.canEncode(text.charAt(i))) {
                throw new IllegalStateException("Character '" + text.charAt(i) + "' in " + what
                        + " cannot be encoded in GBK: " + text);
            }
        }
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Writes lines with "\n" endings (no BOM, whatever the platform). */
    private static void write(Path file, Charset charset, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(file, charset)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
    }
}
