package com.custmaster.config;

import com.custmaster.domain.CanonicalField;
import com.custmaster.domain.MatchKeys;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code conf/} into a {@link PipelineConfig}:
 * {@code pipeline.yml} (paths, database), {@code sources/*.yml} (one file per source),
 * {@code matching.yml} and {@code analytics.yml}. String values may use {@code ${home}} (conf's
 * parent folder), {@code ${var}} (the var folder) and {@code ${env:NAME}}.
 * Every problem is reported with file, source and key before any data is read.
 */
public final class ConfigLoader {

    /** Overrides the database URL of pipeline.yml (production: a PostgreSQL URL). */
    public static final String DB_URL_ENV = "CUSTMASTER_DB_URL";
    public static final String DB_USER_ENV_DEFAULT = "CUSTMASTER_DB_USER";
    public static final String DB_PASSWORD_ENV_DEFAULT = "CUSTMASTER_DB_PASSWORD";
    public static final int CHUNK_SIZE_DEFAULT = 500;
    /** Environment variable holding the key of pseudonymised outputs (pipeline.yml {@code pseudonym_key_env}). */
    public static final String PSEUDONYM_KEY_ENV_DEFAULT = "CUSTMASTER_PSEUDONYM_KEY";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Set<String> SOURCE_KEYS = Set.of("name", "type", "path", "encoding", "delimiter", "quote",
            "header", "id", "priority", "phone_region", "country", "fields", "jdbc", "max_reject_share", "incremental");
    private static final Set<String> FIELD_MAPPING_KEYS = Set.of("column", "path", "constant", "concat", "split",
            "index", "separator", "date_format");

    private final UnaryOperator<String> environment;

    public ConfigLoader() {
        this(System::getenv);
    }

    /** For tests: environment lookups go through {@code environment}. */
    public ConfigLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Only {@code matching.yml} of a configuration folder (for the ad-hoc dedupe command). */
    public static MatchingConfig loadMatching(Path confDir) {
        Path file = confDir.resolve("matching.yml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such file");
        }
        return MatchingConfigReader.read(YamlSection.load(file));
    }

    /** Only the model settings of {@code analytics.yml} (for the ad-hoc analytics command; the orders feed is not read). */
    public static AnalyticsSettings loadAnalytics(Path confDir) {
        Path file = confDir.resolve("analytics.yml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such file");
        }
        return AnalyticsSettingsReader.read(YamlSection.load(file));
    }

    /**
     * @param confDir the configuration folder
     * @param varOverride a var folder that replaces pipeline.yml's (tests, ad-hoc runs), or null
     */
    public PipelineConfig load(Path confDir, Path varOverride) {
        Path conf = confDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(conf)) {
            throw new ConfigException(conf + ": configuration folder not found");
        }
        Path home = conf.getParent();
        YamlSection pipeline = YamlSection.load(conf.resolve("pipeline.yml"));
        pipeline.rejectUnknownKeys(Set.of("var_dir", "lake", "database", "chunk_size", "pseudonymise_contacts",
                "pseudonym_key_env"));
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("home", home.toString());
        Path varDir = varOverride != null
                ? varOverride.toAbsolutePath().normalize()
                : home.resolve(expand(pipeline, "var_dir", pipeline.string("var_dir", "var"), vars)).normalize();
        vars.put("var", varDir.toString());
        String lake = expand(pipeline, "lake", pipeline.string("lake", "${var}/lake"), vars);
        DatabaseSettings database = database(pipeline, vars);
        int chunkSize = pipeline.integer("chunk_size", CHUNK_SIZE_DEFAULT);
        if (chunkSize < 1) {
            throw pipeline.error("chunk_size", "must be at least 1");
        }

        List<SourceConfig> sources = sources(conf.resolve("sources"), vars);
        MatchingConfig matching = MatchingConfigReader.read(YamlSection.load(conf.resolve("matching.yml")));
        YamlSection analyticsFile = YamlSection.load(conf.resolve("analytics.yml"));
        TransactionsConfig transactions = transactions(analyticsFile, vars);
        AnalyticsSettings analytics = AnalyticsSettingsReader.read(analyticsFile);
        Path survivorshipFile = conf.resolve("survivorship.yml");
        SurvivorshipConfig survivorship = Files.isRegularFile(survivorshipFile)
                ? readSurvivorship(YamlSection.load(survivorshipFile)) : SurvivorshipConfig.DEFAULT;
        return new PipelineConfig(home, conf, varDir, lake, database, chunkSize, sources, matching, transactions,
                analytics, survivorship, pseudonymKey(pipeline));
    }

    /** The key of pseudonymised outputs, from the environment only; none unless {@code pseudonymise_contacts}. */
    private Optional<PseudonymKey> pseudonymKey(YamlSection pipeline) {
        String variable = pipeline.string("pseudonym_key_env", PSEUDONYM_KEY_ENV_DEFAULT);
        if (!pipeline.bool("pseudonymise_contacts", false)) {
            return Optional.empty();
        }
        String secret = environment.apply(variable);
        if (secret == null || secret.isBlank()) {
            throw pipeline.error("pseudonymise_contacts", "is true but the environment variable " + variable
                    + " (the key) is not set; the key never goes in conf/");
        }
        try {
            return Optional.of(PseudonymKey.of(secret));
        } catch (IllegalArgumentException e) {
            throw pipeline.error("pseudonym_key_env", "environment variable " + variable + ": " + e.getMessage());
        }
    }

    private DatabaseSettings database(YamlSection pipeline, Map<String, String> vars) {
        Optional<YamlSection> section = pipeline.optionalSection("database");
        String url = section.flatMap(s -> s.optionalString("url"))
                .map(text -> expand(section.get(), "url", text, vars))
                .orElse("jdbc:h2:file:" + vars.get("var") + "/db/custmaster");
        String override = environment.apply(DB_URL_ENV);
        if (override != null && !override.isBlank()) {
            url = override;
        }
        String userEnv = section.map(s -> s.string("user_env", DB_USER_ENV_DEFAULT)).orElse(DB_USER_ENV_DEFAULT);
        String passwordEnv = section.map(s -> s.string("password_env", DB_PASSWORD_ENV_DEFAULT))
                .orElse(DB_PASSWORD_ENV_DEFAULT);
        section.ifPresent(s -> s.rejectUnknownKeys(Set.of("url", "user_env", "password_env")));
        String user = environment.apply(userEnv);
        String password = environment.apply(passwordEnv);
        if (user == null && url.startsWith("jdbc:h2:")) {
            user = "sa";
            password = password == null ? "" : password;
        }
        try {
            return new DatabaseSettings(url, user, password);
        } catch (IllegalArgumentException e) {
            throw pipeline.error("database.url", e.getMessage());
        }
    }

    private List<SourceConfig> sources(Path sourcesDir, Map<String, String> vars) {
        if (!Files.isDirectory(sourcesDir)) {
            throw new ConfigException(sourcesDir + ": folder of source declarations not found");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(sourcesDir)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(sourcesDir + ": cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ConfigException(sourcesDir + ": no source declarations (*.yml)");
        }
        List<SourceConfig> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            SourceConfig source = source(YamlSection.load(file), vars);
            if (!names.add(source.name())) {
                throw new ConfigException(file + ": source '" + source.name() + "' is declared twice");
            }
            sources.add(source);
        }
        return sources;
    }

    SourceConfig source(YamlSection yaml, Map<String, String> vars) {
        String name = yaml.requireString("name");
        YamlSection section = yaml.withContext("source '" + name + "'");
        section.rejectUnknownKeys(SOURCE_KEYS);
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw section.error("name", "must be lower-case letters, digits and _ (found '" + name + "')");
        }
        SourceType type;
        try {
            type = SourceType.parse(section.requireString("type"));
        } catch (IllegalArgumentException e) {
            throw section.error("type", "expected csv, jsonl or jdbc, found '" + section.requireString("type") + "'");
        }
        Charset encoding = charset(section);
        String location = null;
        JdbcSettings jdbc = null;
        if (type == SourceType.JDBC) {
            YamlSection jdbcSection = section.requireSection("jdbc");
            jdbcSection.rejectUnknownKeys(Set.of("url", "table", "query", "user_env", "password_env"));
            String table = jdbcSection.optionalString("table").orElse(null);
            String query = jdbcSection.optionalString("query").orElse(null);
            if ((table == null) == (query == null)) {
                throw jdbcSection.error("table", "set exactly one of 'table' and 'query'");
            }
            if (query != null && !query.trim().toLowerCase(Locale.ROOT).startsWith("select")) {
                throw jdbcSection.error("query", "must be a read-only SELECT");
            }
            jdbc = new JdbcSettings(expand(jdbcSection, "url", jdbcSection.requireString("url"), vars), table, query,
                    jdbcSection.optionalString("user_env").orElse(null),
                    jdbcSection.optionalString("password_env").orElse(null));
        } else {
            location = expand(section, "path", section.requireString("path"), vars);
            if (!Path.of(location).isAbsolute()) {
                location = Path.of(vars.get("home")).resolve(location).normalize().toString();
            }
        }
        char delimiter = singleChar(section, "delimiter", ",");
        char quote = singleChar(section, "quote", "\"");
        String idColumn = section.requireString("id");
        int priority = section.integer("priority", 100);
        if (priority < 1) {
            throw section.error("priority", "must be at least 1 (1 = most trusted)");
        }
        String region = section.string("phone_region", "ZZ").toUpperCase(Locale.ROOT);
        String country = section.optionalString("country").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        Map<CanonicalField, FieldMapping> fields = fields(section);
        double maxRejectShare = section.decimal("max_reject_share", SourceConfig.MAX_REJECT_SHARE_DEFAULT);
        if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
            throw section.error("max_reject_share", "must be a share between 0 and 1, found " + maxRejectShare);
        }
        Incremental incremental = null;
        Optional<YamlSection> incrementalSection = section.optionalSection("incremental");
        if (incrementalSection.isPresent()) {
            YamlSection inc = incrementalSection.get();
            inc.rejectUnknownKeys(Set.of("column", "type", "date_format"));
            Incremental.Type incrementalType;
            try {
                incrementalType = Incremental.Type.parse(inc.string("type", "timestamp"));
            } catch (IllegalArgumentException e) {
                throw inc.error("type", "expected timestamp, number or text");
            }
            String column = inc.requireString("column");
            if (type == SourceType.JDBC && !column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw inc.error("column", "must be a plain column name for a jdbc source");
            }
            incremental = new Incremental(column, incrementalType, inc.optionalString("date_format").orElse(null));
        }
        return new SourceConfig(name, yaml.file(), type, location, encoding, delimiter, quote,
                section.bool("header", true), idColumn, priority, region, country, fields, jdbc, maxRejectShare,
                incremental);
    }

    private static Charset charset(YamlSection section) {
        String name = section.string("encoding", "UTF-8");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw section.error("encoding", "unknown encoding '" + name + "' (try UTF-8, GBK, GB18030, ISO-8859-1)");
        }
    }

    private static char singleChar(YamlSection section, String key, String defaultValue) {
        String text = section.string(key, defaultValue);
        if ("\\t".equals(text) || "tab".equalsIgnoreCase(text)) {
            return '\t';
        }
        if (text.length() != 1) {
            throw section.error(key, "expected a single character, found '" + text + "'");
        }
        return text.charAt(0);
    }

    private static Map<CanonicalField, FieldMapping> fields(YamlSection section) {
        Map<String, Object> entries = section.entries("fields");
        if (entries.isEmpty()) {
            throw section.error("fields", "is required: map canonical fields to source columns");
        }
        Map<CanonicalField, FieldMapping> fields = new EnumMap<>(CanonicalField.class);
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            CanonicalField field = CanonicalField.fromKey(entry.getKey()).orElseThrow(() -> section.error(
                    "fields." + entry.getKey(), "unknown canonical field (known: "
                            + String.join(", ", Stream.of(CanonicalField.values()).filter(f -> f != CanonicalField.SOURCE_RECORD_ID)
                            .map(CanonicalField::key).toList()) + ")"));
            if (field == CanonicalField.SOURCE_RECORD_ID) {
                throw section.error("fields." + entry.getKey(), "the record id is set with the source's 'id' key");
            }
            fields.put(field, mapping(section, entry.getKey(), entry.getValue()));
        }
        return fields;
    }

    private static FieldMapping mapping(YamlSection section, String key, Object value) {
        if (value instanceof String column) {
            return new FieldMapping.Column(column, null);
        }
        YamlSection spec = (YamlSection) value;
        spec.rejectUnknownKeys(FIELD_MAPPING_KEYS);
        String dateFormat = spec.optionalString("date_format").orElse(null);
        if (dateFormat != null) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw spec.error("date_format", "not a valid date pattern: " + e.getMessage());
            }
        }
        int kinds = (spec.has("column") ? 1 : 0) + (spec.has("path") ? 1 : 0) + (spec.has("constant") ? 1 : 0)
                + (spec.has("concat") ? 1 : 0) + (spec.has("split") ? 1 : 0);
        if (kinds != 1) {
            throw section.error("fields." + key, "set exactly one of column, path, constant, concat, split");
        }
        if (spec.has("split")) {
            if (!spec.has("separator")) {
                throw spec.error("separator", "is required with split");
            }
            return new FieldMapping.Split(spec.requireString("split"), spec.requireString("separator"),
                    spec.integer("index", 0), dateFormat);
        }
        if (spec.has("constant")) {
            return new FieldMapping.Constant(spec.requireString("constant"));
        }
        if (spec.has("concat")) {
            return new FieldMapping.Concat(spec.stringList("concat"), spec.string("separator", " "), dateFormat);
        }
        return new FieldMapping.Column(spec.has("column") ? spec.requireString("column") : spec.requireString("path"),
                dateFormat);
    }

    private TransactionsConfig transactions(YamlSection analytics, Map<String, String> vars) {
        YamlSection section = analytics.requireSection("transactions");
        section.rejectUnknownKeys(Set.of("path", "encoding", "delimiter", "columns", "timestamp_format"));
        String location = expand(section, "path", section.requireString("path"), vars);
        if (!location.contains("://") && !Path.of(location).isAbsolute()) {
            location = Path.of(vars.get("home")).resolve(location).normalize().toString();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : section.entries("columns").entrySet()) {
            if (!(entry.getValue() instanceof String column)) {
                throw section.error("columns." + entry.getKey(), "expected a column name");
            }
            columns.put(entry.getKey(), column);
        }
        for (String required : TransactionsConfig.REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                throw section.error("columns." + required, "is required (map it to the file's column)");
            }
        }
        return new TransactionsConfig(location, section.string("encoding", "UTF-8"), section.string("delimiter", ","),
                columns, section.string("timestamp_format", "yyyy-MM-dd HH:mm:ss"));
    }

    private String expand(YamlSection section, String key, String text, Map<String, String> vars) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (name.startsWith("env:")) {
                value = environment.apply(name.substring(4));
                if (value == null) {
                    throw section.error(key, "environment variable " + name.substring(4) + " is not set");
                }
            } else {
                value = vars.get(name);
                if (value == null) {
                    throw section.error(key, "unknown placeholder ${" + name + "} (known: ${home}, ${var}, ${env:NAME})");
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Reads survivorship.yml: a default rule and a rule per group of golden-record fields. */
    static SurvivorshipConfig readSurvivorship(YamlSection yaml) {
        YamlSection section = yaml.withContext("survivorship");
        section.rejectUnknownKeys(Set.of("default", "fields"));
        SurvivorshipConfig.Rule defaultRule = survivorshipRule(section, "default",
                section.string("default", SurvivorshipConfig.DEFAULT.defaultRule().key()));
        Map<String, SurvivorshipConfig.Rule> groups = new LinkedHashMap<>();
        section.optionalSection("fields").ifPresent(fields -> {
            fields.rejectUnknownKeys(Set.copyOf(SurvivorshipConfig.GROUPS));
            for (String group : fields.keys()) {
                groups.put(group, survivorshipRule(fields, group, fields.requireString(group)));
            }
        });
        return new SurvivorshipConfig(defaultRule, groups);
    }

    private static SurvivorshipConfig.Rule survivorshipRule(YamlSection section, String key, String value) {
        try {
            return SurvivorshipConfig.Rule.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw section.error(key, "unknown rule '" + value + "' (known: source_priority, most_recent, most_complete, "
                    + "most_frequent)");
        }
    }

    /** Reads matching.yml. Kept beside the loader: the keys and their defaults live in one place. */
    static final class MatchingConfigReader {
        static final double PRIOR_DEFAULT = 0.0005;
        static final int MAX_BLOCK_SIZE_DEFAULT = 100;

        private MatchingConfigReader() {
        }

        static MatchingConfig read(YamlSection yaml) {
            YamlSection section = yaml.withContext("matching");
            section.rejectUnknownKeys(Set.of("prior_match_probability", "thresholds", "max_block_size",
                    "blocking_rules", "comparisons", "training", "clustering", "merge_guards", "incremental"));
            YamlSection thresholds = section.requireSection("thresholds");
            thresholds.rejectUnknownKeys(Set.of("merge", "review"));
            List<MatchingConfig.BlockingRule> rules = rules(section, "blocking_rules");
            List<MatchingConfig.Comparison> comparisons = new ArrayList<>();
            for (YamlSection comparison : section.sectionList("comparisons")) {
                comparisons.add(comparison(comparison));
            }
            MatchingConfig.Training training = training(section.optionalSection("training"));
            MatchingConfig.Clustering clustering = section.optionalSection("clustering").map(c -> {
                c.rejectUnknownKeys(Set.of("min_mean_weight"));
                return new MatchingConfig.Clustering(c.decimal("min_mean_weight",
                        MatchingConfig.Clustering.DEFAULT.minMeanWeight()));
            }).orElse(MatchingConfig.Clustering.DEFAULT);
            List<MatchingConfig.MergeGuard> guards = new ArrayList<>();
            if (section.has("merge_guards")) {
                for (YamlSection guard : section.sectionList("merge_guards")) {
                    guard.rejectUnknownKeys(Set.of("different", "unless_exact"));
                    guards.add(new MatchingConfig.MergeGuard(guard.requireString("different"),
                            guard.has("unless_exact") ? guard.stringList("unless_exact") : List.of()));
                }
            }
            MatchingConfig.Incremental incremental = section.optionalSection("incremental").map(i -> {
                i.rejectUnknownKeys(Set.of("enabled", "retrain_after_days"));
                try {
                    return new MatchingConfig.Incremental(i.bool("enabled", MatchingConfig.Incremental.DEFAULT.enabled()),
                            i.integer("retrain_after_days", MatchingConfig.Incremental.DEFAULT.retrainAfterDays()));
                } catch (IllegalArgumentException e) {
                    throw i.error("retrain_after_days", e.getMessage());
                }
            }).orElse(MatchingConfig.Incremental.DEFAULT);
            try {
                return new MatchingConfig(section.decimal("prior_match_probability", PRIOR_DEFAULT),
                        thresholds.decimal("merge", 0.95), thresholds.decimal("review", 0.5),
                        section.integer("max_block_size", MAX_BLOCK_SIZE_DEFAULT), rules, comparisons, training, clustering,
                        guards, incremental);
            } catch (IllegalArgumentException e) {
                throw section.error("thresholds", e.getMessage());
            }
        }

        private static List<MatchingConfig.BlockingRule> rules(YamlSection section, String key) {
            List<MatchingConfig.BlockingRule> rules = new ArrayList<>();
            for (YamlSection rule : section.sectionList(key)) {
                rule.rejectUnknownKeys(Set.of("name", "keys"));
                List<String> keys = rule.stringList("keys");
                for (String name : keys) {
                    if (!MatchKeys.isKnown(name)) {
                        throw rule.error("keys", "unknown match key '" + name + "' (known: " + MatchKeys.names() + ")");
                    }
                }
                rules.add(new MatchingConfig.BlockingRule(rule.requireString("name"), keys));
            }
            return rules;
        }

        private static MatchingConfig.Comparison comparison(YamlSection comparison) {
            comparison.rejectUnknownKeys(Set.of("field", "term_frequency", "levels"));
            String field = comparison.requireString("field");
            if (!MatchKeys.isKnown(field)) {
                throw comparison.error("field", "unknown match key '" + field + "' (known: " + MatchKeys.names() + ")");
            }
            List<MatchingConfig.Level> levels = new ArrayList<>();
            for (YamlSection level : comparison.sectionList("levels")) {
                level.rejectUnknownKeys(Set.of("name", "kind", "threshold", "m", "u", "with"));
                MatchingConfig.LevelKind kind;
                try {
                    kind = MatchingConfig.LevelKind.valueOf(level.requireString("kind").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw level.error("kind", "expected one of " + java.util.Arrays.stream(MatchingConfig.LevelKind.values())
                            .map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
                }
                String with = level.optionalString("with").orElse(null);
                if (with != null && !MatchKeys.isKnown(with)) {
                    throw level.error("with", "unknown match key '" + with + "' (known: " + MatchKeys.names() + ")");
                }
                try {
                    levels.add(new MatchingConfig.Level(level.requireString("name"), kind,
                            level.decimal("threshold", 0), level.decimal("m", 0), level.decimal("u", 0), with));
                } catch (IllegalArgumentException e) {
                    throw level.error("m", e.getMessage());
                }
            }
            try {
                return new MatchingConfig.Comparison(field, comparison.bool("term_frequency", false), levels);
            } catch (IllegalArgumentException e) {
                throw comparison.error("levels", e.getMessage());
            }
        }

        private static MatchingConfig.Training training(Optional<YamlSection> yaml) {
            if (yaml.isEmpty()) {
                return MatchingConfig.Training.DEFAULT;
            }
            YamlSection t = yaml.get();
            t.rejectUnknownKeys(Set.of("enabled", "u_sample_pairs", "em_max_pairs", "max_iterations", "tolerance", "seed",
                    "min_pairs", "blocking_rules"));
            List<MatchingConfig.BlockingRule> rules = t.has("blocking_rules") ? rules(t, "blocking_rules") : List.of();
            MatchingConfig.Training d = MatchingConfig.Training.DEFAULT;
            try {
                return new MatchingConfig.Training(t.bool("enabled", d.enabled()), t.integer("u_sample_pairs", d.uSamplePairs()),
                        t.integer("em_max_pairs", d.emMaxPairs()), t.integer("max_iterations", d.maxIterations()),
                        t.decimal("tolerance", d.tolerance()), t.integer("seed", (int) d.seed()),
                        t.integer("min_pairs", d.minPairs()), rules);
            } catch (IllegalArgumentException e) {
                throw t.error("training", e.getMessage());
            }
        }
    }
}
