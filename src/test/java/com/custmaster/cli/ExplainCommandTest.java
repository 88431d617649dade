package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.Contact;
import com.custmaster.master.MasterRunStats;
import com.custmaster.match.PairExplainer;
import com.custmaster.match.PairExplanation;
import com.custmaster.testing.MatchedNight;
import com.custmaster.testing.SampleContacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code custmaster explain} against a real nightly database: the sample sources staged into an H2
 * file database under a temporary var folder, matched by the master service and the night's model saved
 * as the match step saves it; then the command run through picocli.
 */
class ExplainCommandTest {

    private static final LocalDate RUN = LocalDate.of(2026, 11, 22);

    @TempDir
    static Path temp;

    private static Path var;
    /** A pair the run merged, as stored in match_pair. */
    private static Map<String, Object> merged;
    /** Two records that share no blocking key. */
    private static String[] apart;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void runTheMatchStepOfOneNight() throws Exception {
        var = temp.resolve("var");
        PipelineConfig config = new ConfigLoader(name -> null).load(Path.of("conf"), var);
        try (MatchedNight night = MatchedNight.run(config, RUN)) {
            JdbcTemplate jdbc = night.jdbc();
            SampleContacts sample = night.sample();
            MasterRunStats stats = night.stats();
            stats.model().writeJson(var.resolve("reports").resolve(RUN.toString()).resolve("match_model.json"));
            merged = jdbc.queryForList("SELECT * FROM match_pair WHERE decision = 'match' ORDER BY match_weight, "
                    + "left_source, left_record_id, right_source, right_record_id").get(0);

            List<Contact> contacts = sample.current();
            PairExplainer explainer = new PairExplainer(config.matching(), stats.model(), contacts);
            for (int j = contacts.size() - 1; apart == null; j--) {
                if (explainer.explain(0, j).sharedBlocks().isEmpty()) {
                    apart = new String[] {contacts.get(0).key().toString(), contacts.get(j).key().toString()};
                }
            }
        }
    }

    @Test
    void explainsAMergedPairWithTheWeightAndEvidenceTheRunStored() throws IOException {
        // given
        String left = merged.get("LEFT_SOURCE") + ":" + merged.get("LEFT_RECORD_ID");
        String right = merged.get("RIGHT_SOURCE") + ":" + merged.get("RIGHT_RECORD_ID");

        // when: named right first, as an operator may
        int exit = run("explain", "--var", var.toString(), right, left);

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("pair " + left + " ~ " + right)
                .contains("match_model.json over ")
                .containsPattern("(?m)^family_key +\\S")
                .contains(String.format(Locale.ROOT, "match weight (bits)"))
                .contains(String.format(Locale.ROOT, "%+.2f", ((Number) merged.get("MATCH_WEIGHT")).doubleValue()))
                .contains("match (merge at 0.95, review at 0.50)")
                .contains("blocking: compared, found by rule " + merged.get("BLOCKING_RULE"))
                .contains("match_pair:\n  " + RUN + "  match")
                .contains("(one customer)");

        // when: as JSON
        out.getBuffer().setLength(0);
        exit = run("explain", "--var", var.toString(), "--date", RUN.toString(), "--json", left, right);

        // then: the weights add up to what the run stored, and read as its evidence line
        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("match_weight").asDouble())
                .isCloseTo(((Number) merged.get("MATCH_WEIGHT")).doubleValue(), within(1e-9));
        assertThat(json.get("decision").asText()).isEqualTo("match");
        assertThat(json.get("compared").asBoolean()).isTrue();
        assertThat(json.get("blocking_rule").asText()).isEqualTo(merged.get("BLOCKING_RULE"));
        String evidence = StreamSupport.stream(json.get("fields").spliterator(), false)
                .map(field -> field.get("field").asText() + "=" + field.get("level").asText() + ":"
                        + String.format(Locale.ROOT, "%+.2f", field.get("weight").asDouble()))
                .collect(Collectors.joining("; "));
        assertThat(evidence).isEqualTo(merged.get("EVIDENCE"));
        assertThat(json.get("match_pair").get(0).get("run_date").asText()).isEqualTo(RUN.toString());
        assertThat(json.get("left").get("master_id").asText()).startsWith("M")
                .isEqualTo(json.get("right").get("master_id").asText());
    }

    @Test
    void aPairSharingNoBlockingKeyIsSaidToBeNeverCompared() {
        int exit = run("explain", "--var", var.toString(), apart[0], apart[1]);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("but the pair is never compared")
                .contains("blocking: never compared: the records agree on the keys of no blocking rule")
                .contains("match_pair: no run stored the pair");
    }

    @Test
    void anUnknownRecordIsAOneLineErrorWithExitCodeTwo() {
        int exit = run("explain", "--var", var.toString(), apart[0], "crm:NO-SUCH-ID");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("error: no source record crm:NO-SUCH-ID in the database (")
                .contains("callcentre, crm, distributor, legacy_erp");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aDateWithoutAModelIsAOneLineErrorWithExitCodeTwo() {
        int exit = run("explain", "--var", var.toString(), "--date", "2020-01-31", apart[0], apart[1]);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("error: no match model for 2020-01-31: ")
                .contains(Path.of("reports", "2020-01-31", "match_model.json").toString());
    }

    @Test
    void aVarFolderWithoutDatabaseIsAOneLineErrorAndNoDatabaseIsCreated() throws IOException {
        // given: a model, but no database
        Path empty = temp.resolve("empty-var");
        Path model = empty.resolve("reports").resolve(RUN.toString()).resolve("match_model.json");
        Files.createDirectories(model.getParent());
        Files.copy(var.resolve("reports").resolve(RUN.toString()).resolve("match_model.json"), model);

        int exit = run("explain", "--var", empty.toString(), apart[0], apart[1]);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("error: no database at jdbc:h2:file:");
        assertThat(empty.resolve("db")).doesNotExist();
    }

    @Test
    void aVarFolderWithoutAnyModelIsAOneLineErrorWithExitCodeTwo() {
        int exit = run("explain", "--var", temp.resolve("nothing").toString(), apart[0], apart[1]);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("error: no match model under ");
    }

    @Test
    void badRecordNamesAreUsageErrors() {
        assertThat(run("explain", "--var", var.toString(), "CRM-100001", apart[1])).isEqualTo(2);
        assertThat(err.toString()).contains("a record is named SOURCE:ID");

        assertThat(run("explain", "--var", var.toString(), apart[0], apart[0])).isEqualTo(2);
        assertThat(err.toString()).contains("name two different records");

        assertThat(run("explain", "--var", var.toString(), apart[0])).isEqualTo(2);
        assertThat(err.toString()).contains("try 'custmaster explain --help'");
    }

    @Test
    void helpSaysWhatIsPrintedHowRecordsAreNamedAndTheExitCodes() {
        assertThat(run("explain", "--help")).isZero();
        assertThat(out.toString()).contains("SOURCE:ID SOURCE:ID").contains("--date=YYYY-MM-DD").contains("--json")
                .contains("match_model.json").contains("never compared").contains("personal data")
                .contains("Examples:").contains("Exit codes:").contains("--explain ID1,ID2");
    }

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
