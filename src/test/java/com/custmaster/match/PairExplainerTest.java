package com.custmaster.match;

import static com.custmaster.match.MatcherTest.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.Contact;
import com.custmaster.testing.SampleContacts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pair explained with a saved model gives what the engine gave it: the same levels, weights
 * (term-frequency adjusted ones included), total, blocking rule and decision, on the ~3,000 contacts of
 * data-samples/ as the nightly stages them.
 */
class PairExplainerTest {

    private static final PipelineConfig PIPELINE = new ConfigLoader(name -> null).load(Path.of("conf"),
            Path.of("target/unused"));
    private static final MatchingConfig CONFIG = PIPELINE.matching();

    @TempDir
    static Path folder;

    private static List<Contact> contacts;
    private static MatchRun run;
    /** The run's model after a round trip through its JSON file, as the explain command reads it. */
    private static MatchModel savedModel;

    @BeforeAll
    static void matchTheSampleContacts() {
        contacts = SampleContacts.read(PIPELINE, LocalDate.of(2026, 11, 22)).current();
        run = new MatchEngine(CONFIG).run(contacts);
        Path file = folder.resolve("match_model.json");
        run.model().writeJson(file);
        savedModel = MatchModelReader.read(file);
    }

    @Test
    void theSavedModelReadsBackEqualToTheTrainedOne() {
        assertThat(savedModel).isEqualTo(run.model());
    }

    @Test
    void everyCandidatePairGetsTheEnginesLevelsWeightsRuleAndDecision() {
        // given
        PairExplainer explainer = new PairExplainer(CONFIG, savedModel, contacts);
        assertThat(contacts).hasSizeGreaterThan(Scorer.MIN_VALUES_FOR_TERM_FREQUENCY);
        assertThat(run.pairCount()).isGreaterThan(500);
        int termFrequencyFields = 0;
        Set<MatchDecision> decisions = new HashSet<>();

        for (int p = 0; p < run.pairCount(); p++) {
            // when: in either order, as an operator may name the records
            PairExplanation explanation = p % 2 == 0 ? explainer.explain(run.left(p), run.right(p))
                    : explainer.explain(run.right(p), run.left(p));

            // then
            assertThat(explanation.left()).isEqualTo(run.left(p));
            assertThat(explanation.matchWeight()).as("pair %d", p).isEqualTo(run.matchWeight(p));
            assertThat(explanation.matchProbability()).isEqualTo(run.matchProbability(p));
            assertThat(explanation.fields()).extracting(PairExplanation.FieldExplanation::level)
                    .isEqualTo(run.evidence(p).stream().map(ScoredPair.FieldEvidence::level).toList());
            assertThat(explanation.fields()).extracting(PairExplanation.FieldExplanation::weight)
                    .isEqualTo(run.evidence(p).stream().map(ScoredPair.FieldEvidence::weight).toList());
            assertThat(explanation.priorWeight()
                    + explanation.fields().stream().mapToDouble(PairExplanation.FieldExplanation::weight).sum())
                    .isCloseTo(explanation.matchWeight(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(explanation.compared()).isTrue();
            assertThat(explanation.blockingRule()).isEqualTo(run.blockingRule(p));
            if (run.decision(p) == MatchDecision.REVIEW && explanation.decision() == MatchDecision.MATCH) {
                // held back by clustering's chain guard, which explain does not replay (docs/matching.md)
                assertThat(run.matchProbability(p)).isGreaterThanOrEqualTo(CONFIG.mergeThreshold());
            } else {
                assertThat(explanation.decision()).as("pair %d", p).isEqualTo(run.decision(p));
            }
            decisions.add(explanation.decision());
            for (PairExplanation.FieldExplanation field : explanation.fields()) {
                if (field.termFrequencyAdjusted()) {
                    termFrequencyFields++;
                    assertThat(field.leftValue()).isEqualTo(field.rightValue());
                    assertThat(field.weight()).isNotEqualTo(MatchModel.log2(field.m() / field.u()));
                }
            }
        }
        assertThat(termFrequencyFields).isPositive();
        assertThat(decisions).contains(MatchDecision.MATCH, MatchDecision.DISTINCT);
    }

    @Test
    void pairsTheEngineNeverComparedAreReportedAsNeverCompared() {
        PairExplainer explainer = new PairExplainer(CONFIG, savedModel, contacts);
        Set<Long> candidates = new HashSet<>();
        for (int p = 0; p < run.pairCount(); p++) {
            candidates.add(((long) run.left(p) << 32) | run.right(p));
        }
        SplittableRandom random = new SplittableRandom(7);
        int checked = 0;
        while (checked < 300) {
            int a = random.nextInt(contacts.size());
            int b = random.nextInt(contacts.size());
            if (a == b || candidates.contains(((long) Math.min(a, b) << 32) | Math.max(a, b))) {
                continue;
            }
            PairExplanation explanation = explainer.explain(a, b);

            assertThat(explanation.compared()).as("records %d and %d", a, b).isFalse();
            assertThat(explanation.blockingRule()).isNull();
            assertThat(explanation.sharedBlocks()).allSatisfy(block -> assertThat(block.oversized()).isTrue());
            checked++;
        }
    }

    @Test
    void twoRecordsSharingNoBlockingKeyAreNeverComparedWhateverTheirScore() {
        List<Contact> people = List.of(
                person("crm", "1", "Ann Lee", "ann.lee@example.com", null, null, null),
                person("shop", "2", "Bob Ray", null, "+86 138 0013 8000", "1975-05-06", "200002"));
        PairExplainer explainer = new PairExplainer(CONFIG, ModelTrainer.configured(CONFIG, people.size()), people);

        PairExplanation explanation = explainer.explain(0, 1);

        assertThat(explanation.sharedBlocks()).isEmpty();
        assertThat(explanation.compared()).isFalse();
        assertThat(explanation.decision()).isEqualTo(MatchDecision.DISTINCT);
    }

    @Test
    void aFieldMissingOnEitherSideIsLevelMissingWithWeightZero() {
        List<Contact> people = List.of(
                person("crm", "1", "Jonathan Smith", "j.smith@example.com", "+44 7911 123456", "1970-02-03", null),
                person("legacy", "9", "Jonathon Smith", null, "+44 7911 123456", "1970-03-02", null));
        PairExplainer explainer = new PairExplainer(CONFIG, ModelTrainer.configured(CONFIG, people.size()), people);

        PairExplanation explanation = explainer.explain(0, 1);

        PairExplanation.FieldExplanation email = field(explanation, "email_key");
        assertThat(email.leftValue()).isEqualTo("j.smith@example.com");
        assertThat(email.rightValue()).isNull();
        assertThat(email.level()).isEqualTo("missing");
        assertThat(email.weight()).isZero();
        assertThat(email.m()).isNull();
        assertThat(email.u()).isNull();
        PairExplanation.FieldExplanation phone = field(explanation, "phone");
        assertThat(phone.level()).isEqualTo("exact");
        assertThat(phone.weight()).isEqualTo(MatchModel.log2(phone.m() / phone.u())).isPositive();
        assertThat(explanation.sharedBlocks()).extracting(PairExplanation.SharedBlock::rule)
                .containsExactly("phone", "family_name");
        assertThat(explanation.blockingRule()).isEqualTo("phone");
        assertThat(explanation.sharedBlocks().get(0).values()).containsExactly("+447911123456");
    }

    @Test
    void aMergeGuardHoldsBackAHouseholdAboveTheMergeThresholdAsTheEngineDoes() {
        // two people of one household: phone, postcode and family name shared, given names different
        List<Contact> people = List.of(
                person("crm", "1", "Ann Lee", null, "+44 20 7946 0001", null, "SW1A 1AA"),
                person("crm", "2", "Bob Lee", null, "+44 20 7946 0001", null, "SW1A 1AA"));
        MatchRun household = new MatchEngine(CONFIG).run(people);
        PairExplainer explainer = new PairExplainer(CONFIG, household.model(), people);

        PairExplanation explanation = explainer.explain(1, 0);

        assertThat(explanation.matchProbability()).isGreaterThanOrEqualTo(CONFIG.mergeThreshold());
        assertThat(explanation.decision()).isEqualTo(MatchDecision.REVIEW).isEqualTo(household.decision(0));
        assertThat(explanation.mergeGuard()).isEqualTo(CONFIG.mergeGuards().get(0));
        assertThat(field(explanation, "given_key").level()).isEqualTo("different");
    }

    @Test
    void aModelTrainedWithOtherComparisonsIsRefused() {
        List<MatchModel.ComparisonModel> fewer = new ArrayList<>(savedModel.comparisons());
        fewer.remove(fewer.size() - 1);
        MatchModel other = new MatchModel(savedModel.priorMatchProbability(), savedModel.priorSource(),
                savedModel.recordCount(), savedModel.randomPairs(), fewer, savedModel.training());

        assertThatThrownBy(() -> new PairExplainer(CONFIG, other, contacts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the model was trained with another matching.yml");
    }

    @Test
    void aPairOfOneRecordOrAnIndexOutOfRangeIsRefused() {
        PairExplainer explainer = new PairExplainer(CONFIG, savedModel, contacts);

        assertThatThrownBy(() -> explainer.explain(3, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different records");
        assertThatThrownBy(() -> explainer.explain(0, contacts.size())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record indexes must be in 0..");
    }

    private static PairExplanation.FieldExplanation field(PairExplanation explanation, String field) {
        return explanation.fields().stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow();
    }
}
