package com.custmaster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.config.AnalyticsSettings.RfmSegmentRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyticsSettingsTest {

    /** The default map as a grid, rows R5..R1, columns F1..F5: the table in the Javadoc. */
    private static final String[][] EXPECTED_GRID = {
        {"new_customers", "potential_loyalists", "loyal_customers", "champions", "champions"},
        {"promising", "potential_loyalists", "loyal_customers", "champions", "champions"},
        {"about_to_sleep", "need_attention", "loyal_customers", "loyal_customers", "loyal_customers"},
        {"hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"},
        {"hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"},
    };

    private static final AnalyticsSettings DEFAULTS = AnalyticsSettings.defaults();

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(DEFAULTS.keyCutoff()).isEqualTo(0.50);
        assertThat(DEFAULTS.importantCutoff()).isEqualTo(0.80);
        assertThat(DEFAULTS.normalCutoff()).isEqualTo(0.95);
        assertThat(DEFAULTS.kMin()).isEqualTo(2);
        assertThat(DEFAULTS.kMax()).isEqualTo(6);
        assertThat(DEFAULTS.seed()).isEqualTo(42L);
        assertThat(DEFAULTS.minClusterShare()).isEqualTo(0.02);
        assertThat(DEFAULTS.sampleSize()).isEqualTo(50_000);
        assertThat(DEFAULTS.inactiveFloorDays()).isEqualTo(180);
        assertThat(DEFAULTS.gapMultiple()).isEqualTo(3.0);
        assertThat(DEFAULTS.atRiskFraction()).isEqualTo(0.5);
        assertThat(DEFAULTS.rfmSegments()).hasSize(10);
    }

    @Test
    void defaultSegmentMapNamesEachOfThe25CellsAsDocumented() {
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                assertThat(DEFAULTS.rfmSegmentFor(r, f))
                        .as("R%d F%d", r, f)
                        .isEqualTo(EXPECTED_GRID[5 - r][f - 1]);
            }
        }
    }

    @Test
    void defaultSegmentMapUsesAllTenSegmentsAndEachRuleWinsACell() {
        Set<String> winners = new LinkedHashSet<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                winners.add(DEFAULTS.rfmSegmentFor(r, f));
            }
        }
        assertThat(winners).containsExactlyInAnyOrder("champions", "loyal_customers", "potential_loyalists",
                "new_customers", "promising", "need_attention", "about_to_sleep", "at_risk", "cant_lose",
                "hibernating");
        assertThat(DEFAULTS.rfmSegments()).extracting(RfmSegmentRule::segment).containsExactlyElementsOf(winners
                .stream().sorted((a, b) -> Integer.compare(ruleIndex(a), ruleIndex(b))).toList());
    }

    @Test
    void firstMatchingRuleWinsWhereRulesOverlap() {
        // champions (R4-5 F4-5) is listed before loyal_customers (R3-5 F3-5), which also covers R5 F5.
        assertThat(DEFAULTS.rfmSegments().get(1).contains(5, 5)).isTrue();
        assertThat(DEFAULTS.rfmSegmentFor(5, 5)).isEqualTo("champions");
    }

    @Test
    void rfmSegmentsAreCopiedSoTheCallerCannotChangeThem() {
        List<RfmSegmentRule> rules = new ArrayList<>(AnalyticsSettings.defaultRfmSegments());
        AnalyticsSettings settings = withSegments(rules);
        rules.clear();
        assertThat(settings.rfmSegments()).hasSize(10);
        assertThatThrownBy(() -> settings.rfmSegments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsCutoffsThatAreNotStrictlyIncreasing() {
        assertThatThrownBy(() -> withCutoffs(0.8, 0.8, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> withCutoffs(0.5, 0.95, 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing");
    }

    @Test
    void rejectsCutoffsOutsideZeroToOne() {
        assertThatThrownBy(() -> withCutoffs(0.0, 0.8, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyCutoff must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> withCutoffs(0.5, 0.8, 1.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("normalCutoff must be in (0, 1], got 1.01");
        assertThatThrownBy(() -> withCutoffs(0.5, Double.NaN, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("importantCutoff");
    }

    @Test
    void acceptsNormalCutoffOfExactlyOne() {
        assertThat(withCutoffs(0.5, 0.8, 1.0).normalCutoff()).isEqualTo(1.0);
    }

    @Test
    void rejectsBadKRange() {
        assertThatThrownBy(() -> DEFAULTS.withKRange(1, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kMin must be at least 2, got 1");
        assertThatThrownBy(() -> DEFAULTS.withKRange(5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kMax must be in [kMin=5, 20], got 4");
        assertThat(DEFAULTS.withKRange(3, 3).kMax()).isEqualTo(3);
    }

    @Test
    void rejectsMinClusterShareThatNoKCouldMeet() {
        assertThatThrownBy(() -> new AnalyticsSettings(0.5, 0.8, 0.95, 2, 6, 42L, 0.5, 50_000, 180, 3.0, 0.5, 0.10,
                AnalyticsSettings.defaultRfmSegments()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minClusterShare");
        assertThatThrownBy(() -> new AnalyticsSettings(0.5, 0.8, 0.95, 2, 6, 42L, -0.01, 50_000, 180, 3.0, 0.5, 0.10,
                AnalyticsSettings.defaultRfmSegments()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minClusterShare");
    }

    @Test
    void rejectsSampleTooSmallForKMax() {
        assertThatThrownBy(() -> DEFAULTS.withSampleSize(59))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleSize must be at least 10 x kMax = 60 to judge kMax clusters, got 59");
    }

    @Test
    void rejectsBadChurnRule() {
        assertThatThrownBy(() -> withChurn(0, 3.0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inactiveFloorDays must be at least 1, got 0");
        assertThatThrownBy(() -> withChurn(180, 0.0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gapMultiple must be a positive finite number, got 0.0");
        assertThatThrownBy(() -> withChurn(180, Double.POSITIVE_INFINITY, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gapMultiple");
        assertThatThrownBy(() -> withChurn(180, 3.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("atRiskFraction must be in (0, 1), got 1.0");
    }

    @Test
    void rejectsMissingOrEmptySegmentMap() {
        assertThatThrownBy(() -> withSegments(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("rfmSegments is null");
        assertThatThrownBy(() -> withSegments(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsSegmentMapThatLeavesCellsUnnamed() {
        List<RfmSegmentRule> withoutHibernating = AnalyticsSettings.defaultRfmSegments().subList(0, 9);
        assertThatThrownBy(() -> withSegments(withoutHibernating))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not name the R/F cells [R1 F1, R1 F2, R2 F1, R2 F2]");
    }

    @Test
    void rejectsSegmentRuleThatNeverWins() {
        List<RfmSegmentRule> rules = new ArrayList<>(AnalyticsSettings.defaultRfmSegments());
        rules.add(2, new RfmSegmentRule("super_champions", 5, 5, 5, 5));
        assertThatThrownBy(() -> withSegments(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule 3")
                .hasMessageContaining("never matches");
    }

    @Test
    void rejectsBadSegmentRule() {
        assertThatThrownBy(() -> new RfmSegmentRule(null, 1, 5, 1, 5))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("segment is null");
        assertThatThrownBy(() -> new RfmSegmentRule(" ", 1, 5, 1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segment is blank");
        assertThatThrownBy(() -> new RfmSegmentRule("x", 0, 5, 1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RFM segment x: R range must satisfy 1 <= min <= max <= 5, got 0-5");
        assertThatThrownBy(() -> new RfmSegmentRule("x", 1, 5, 4, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("F range");
    }

    @Test
    void rejectsScoresOutsideOneToFive() {
        assertThatThrownBy(() -> DEFAULTS.rfmSegmentFor(0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rScore must be in 1..5, got 0");
        assertThatThrownBy(() -> DEFAULTS.rfmSegmentFor(3, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fScore must be in 1..5, got 6");
    }

    private static int ruleIndex(String segment) {
        List<RfmSegmentRule> rules = DEFAULTS.rfmSegments();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).segment().equals(segment)) {
                return i;
            }
        }
        return -1;
    }

    private static AnalyticsSettings withCutoffs(double key, double important, double normal) {
        return new AnalyticsSettings(key, important, normal, 2, 6, 42L, 0.02, 50_000, 180, 3.0, 0.5, 0.10,
                AnalyticsSettings.defaultRfmSegments());
    }

    private static AnalyticsSettings withChurn(int floorDays, double gapMultiple, double atRiskFraction) {
        return new AnalyticsSettings(0.5, 0.8, 0.95, 2, 6, 42L, 0.02, 50_000, floorDays, gapMultiple,
                atRiskFraction, 0.10, AnalyticsSettings.defaultRfmSegments());
    }

    private static AnalyticsSettings withSegments(List<RfmSegmentRule> rules) {
        return new AnalyticsSettings(0.5, 0.8, 0.95, 2, 6, 42L, 0.02, 50_000, 180, 3.0, 0.5, 0.10, rules);
    }
}
