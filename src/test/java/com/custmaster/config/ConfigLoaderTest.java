package com.custmaster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custmaster.domain.CanonicalField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path temp;

    private final ConfigLoader loader = new ConfigLoader(Map.of("SECRET_URL", "jdbc:h2:mem:x")::get);

    @Test
    void loadsTheBundledConfiguration() {
        PipelineConfig config = loader.load(Path.of("conf"), temp.resolve("var"));

        assertThat(config.sources()).extracting(SourceConfig::name)
                .containsExactly("callcentre", "crm", "distributor", "legacy_erp");
        SourceConfig distributor = config.source("distributor");
        assertThat(distributor.encoding().name()).isEqualTo("GBK");
        assertThat(distributor.type()).isEqualTo(SourceType.CSV);
        assertThat(distributor.fields()).containsKey(CanonicalField.FULL_NAME);
        assertThat(config.source("legacy_erp").jdbc().table()).isEqualTo("CUSTOMERS");
        assertThat(config.database().url()).startsWith("jdbc:h2:file:" + temp.resolve("var"));
        assertThat(config.lakeUri()).isEqualTo(temp.resolve("var").resolve("lake").toString());
        assertThat(config.matching().blockingRules()).isNotEmpty();
        assertThat(config.analytics().keyCutoff()).isEqualTo(0.5);
        assertThat(config.transactions().columns()).containsKeys("order_id", "amount");
        assertThat(config.survivorship().ruleFor("address")).isEqualTo(SurvivorshipConfig.Rule.MOST_RECENT);
        assertThat(config.survivorship().ruleFor("name")).isEqualTo(SurvivorshipConfig.Rule.SOURCE_PRIORITY);
        assertThat(config.matching().trainingRules()).extracting(MatchingConfig.BlockingRule::keys)
                .allSatisfy(keys -> assertThat(keys).hasSize(1));
        assertThat(config.matching().mergeGuards()).singleElement()
                .satisfies(guard -> assertThat(guard.different()).isEqualTo("given_key"));
    }

    @Test
    void pseudonymisedOutputsTakeTheirKeyFromTheEnvironmentOnlyAndNeverShowIt() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("pipeline.yml"), "pseudonymise_contacts: false", "pseudonymise_contacts: true");
        String secret = "a-long-secret-key-0123";

        PipelineConfig withKey = new ConfigLoader(Map.of("CUSTMASTER_PSEUDONYM_KEY", secret)::get)
                .load(conf, temp.resolve("var"));

        assertThat(withKey.pseudonymKey()).isPresent();
        assertThat(withKey.toString()).doesNotContain(secret);
        assertThat(loader.load(Path.of("conf"), temp.resolve("var")).pseudonymKey()).isEmpty();
        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipeline.yml")
                .hasMessageContaining("pseudonymise_contacts")
                .hasMessageContaining("CUSTMASTER_PSEUDONYM_KEY");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CUSTMASTER_PSEUDONYM_KEY", "short-key")::get)
                .load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least 16 characters")
                .hasMessageNotContaining("short-key");
    }

    @Test
    void anUnknownSurvivorshipRuleIsNamedWithItsGroup() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("survivorship.yml"), "  phone: most_recent", "  phone: newest");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("survivorship.yml")
                .hasMessageContaining("phone")
                .hasMessageContaining("unknown rule 'newest'");
    }

    @Test
    void aMergeGuardOnAFieldWithoutAComparisonIsRefused() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("matching.yml"), "different: given_key", "different: company_key");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("matching.yml")
                .hasMessageContaining("company_key");
    }

    @Test
    void incrementalMatchingIsOnByDefaultAndANegativeRetrainingAgeIsRefused() throws IOException {
        assertThat(loader.load(Path.of("conf"), temp.resolve("var")).matching().incremental())
                .isEqualTo(new MatchingConfig.Incremental(true, 0));
        Path conf = copyConf();
        replace(conf.resolve("matching.yml"), "retrain_after_days: 0", "retrain_after_days: -7");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("matching.yml")
                .hasMessageContaining("retrain_after_days");
    }

    @Test
    void anUnknownCanonicalFieldNamesTheFileTheSourceAndTheKey() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("sources/crm.yml"), "  email: email", "  e_mail: email");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("crm.yml")
                .hasMessageContaining("source 'crm'")
                .hasMessageContaining("fields.e_mail")
                .hasMessageContaining("unknown canonical field");
    }

    @Test
    void anUnknownEncodingIsRejectedBeforeAnyDataIsRead() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("sources/distributor.yml"), "encoding: GBK", "encoding: GBK-9");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("distributor.yml")
                .hasMessageContaining("key 'encoding'")
                .hasMessageContaining("GBK-9");
    }

    @Test
    void aTypoInAKeyIsAnErrorNotASilentDefault() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("sources/crm.yml"), "priority: 1", "priorty: 1");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'priorty': unknown key");
    }

    @Test
    void anUnknownMatchKeyInABlockingRuleIsNamed() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("matching.yml"), "keys: [phone]", "keys: [telephone]");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("matching.yml")
                .hasMessageContaining("unknown match key 'telephone'");
    }

    @Test
    void environmentPlaceholdersAreExpandedAndMissingOnesNamed() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("sources/legacy_erp.yml"), "table: CUSTOMERS", "table: CUSTOMERS\n  query_timeout: 5");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .hasMessageContaining("jdbc.query_timeout");

        replace(conf.resolve("sources/legacy_erp.yml"), "\n  query_timeout: 5", "");
        replace(conf.resolve("pipeline.yml"), "url: jdbc:h2:file:${var}/db/custmaster", "url: ${env:SECRET_URL}");
        assertThat(loader.load(conf, temp.resolve("var")).database().url()).isEqualTo("jdbc:h2:mem:x");

        replace(conf.resolve("pipeline.yml"), "${env:SECRET_URL}", "${env:NOT_SET_ANYWHERE}");
        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .hasMessageContaining("environment variable NOT_SET_ANYWHERE is not set");
    }

    @Test
    void readsIncrementalSettingsAndTheRejectLimit() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("sources/legacy_erp.yml"), "priority: 2", "priority: 2\nmax_reject_share: 0.02\n"
                + "incremental: { column: LAST_MODIFIED, type: timestamp }");

        SourceConfig legacy = loader.load(conf, temp.resolve("var")).source("legacy_erp");

        assertThat(legacy.maxRejectShare()).isEqualTo(0.02);
        assertThat(legacy.incremental()).isEqualTo(new Incremental("LAST_MODIFIED", Incremental.Type.TIMESTAMP, null));
        assertThat(loader.load(Path.of("conf"), temp.resolve("var")).source("crm").incremental()).isNull();
    }

    @Test
    void anUnknownWatermarkTypeIsNamed() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("sources/legacy_erp.yml"), "priority: 2", "priority: 2\n"
                + "incremental: { column: LAST_MODIFIED, type: date }");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .hasMessageContaining("legacy_erp.yml")
                .hasMessageContaining("incremental.type")
                .hasMessageContaining("timestamp, number or text");
    }

    @Test
    void aSplitMappingNeedsASeparator() throws IOException {
        Path conf = copyConf();
        replace(conf.resolve("sources/crm.yml"), "  given_name: first_name", "  given_name: { split: first_name }");

        assertThatThrownBy(() -> loader.load(conf, temp.resolve("var")))
                .hasMessageContaining("separator")
                .hasMessageContaining("is required with split");
    }

    private Path copyConf() throws IOException {
        Path target = temp.resolve("conf");
        try (Stream<Path> files = Files.walk(Path.of("conf"))) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(Path.of("conf").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
