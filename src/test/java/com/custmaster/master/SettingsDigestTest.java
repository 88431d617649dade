package com.custmaster.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** When a stored model no longer fits the settings: a retraining follows, so the digest must say it. */
class SettingsDigestTest {

    private static final MatchingConfig CONFIG = ConfigLoader.loadMatching(Path.of("conf"));

    private static MatchingConfig withIncremental(MatchingConfig c, MatchingConfig.Incremental incremental) {
        return new MatchingConfig(c.priorMatchProbability(), c.mergeThreshold(), c.reviewThreshold(), c.maxBlockSize(),
                c.blockingRules(), c.comparisons(), c.training(), c.clustering(), c.mergeGuards(), incremental);
    }

    @Test
    void theSameSettingsGiveTheSameDigest() {
        assertThat(MasterService.settingsDigest(CONFIG)).isEqualTo(MasterService.settingsDigest(ConfigLoader.loadMatching(
                Path.of("conf")))).hasSize(64);
    }

    @Test
    void changingWhenToRetrainDoesNotAskForARetraining() {
        assertThat(MasterService.settingsDigest(withIncremental(CONFIG, new MatchingConfig.Incremental(false, 30))))
                .isEqualTo(MasterService.settingsDigest(CONFIG));
    }

    @Test
    void changingHowPairsAreScoredOrDecidedDoes() {
        assertThat(MasterService.settingsDigest(CONFIG.withThresholds(0.9, 0.5)))
                .isNotEqualTo(MasterService.settingsDigest(CONFIG));
        assertThat(MasterService.settingsDigest(CONFIG.restrictedTo(CONFIG.blockingRules().subList(0, 3), CONFIG.comparisons())))
                .isNotEqualTo(MasterService.settingsDigest(CONFIG));
    }
}
