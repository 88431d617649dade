package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping node of a YAML configuration file that knows where it came from. Every accessor fails
 * with a {@link ConfigException} naming the file and the key path, and {@link #rejectUnknownKeys}
 * turns typos into errors instead of silently ignored settings.
 */
public final class YamlSection {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final String path;
    private final String context;
    private final JsonNode node;

    private YamlSection(Path file, String path, String context, JsonNode node) {
        this.file = requireNonNull(file, "file is null");
        this.path = requireNonNull(path, "path is null");
        this.context = requireNonNull(context, "context is null");
        this.node = requireNonNull(node, "node is null");
    }

    public static YamlSection load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": configuration file not found");
        }
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ConfigException(file + ": configuration file is empty");
            }
            if (!root.isObject()) {
                throw new ConfigException(file + ": expected a mapping of keys at the top level");
            }
            return new YamlSection(file, "", "", root);
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Names the entity this section configures (for example "source 'crm'") in later messages. */
    public YamlSection withContext(String newContext) {
        return new YamlSection(file, path, newContext, node);
    }

    public Path file() {
        return file;
    }

    public ConfigException error(String key, String problem) {
        String where = context.isEmpty() ? "" : context + ": ";
        return new ConfigException(file + ": " + where + "key '" + qualified(key) + "': " + problem);
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public void rejectUnknownKeys(Set<String> allowed) {
        for (String key : keys()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    public String requireString(String key) {
        return optionalString(key).orElseThrow(() -> error(key, "is required"));
    }

    public Optional<String> optionalString(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw error(key, "expected a single value, found " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.of(value.asText());
    }

    public String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    public double decimal(String key, double defaultValue) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw error(key, "expected a number, found '" + text.get() + "'");
        }
    }

    public int integer(String key, int defaultValue) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw error(key, "expected a whole number, found '" + text.get() + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> text = optionalString(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "expected true or false, found '" + text.get() + "'");
        };
    }

    public Optional<YamlSection> optionalSection(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw error(key, "expected a mapping of keys");
        }
        return Optional.of(new YamlSection(file, qualified(key), context, value));
    }

    public YamlSection requireSection(String key) {
        return optionalSection(key).orElseThrow(() -> error(key, "is required"));
    }

    /** A list of mappings, each as its own section ({@code key[0]}, {@code key[1]}, ...). */
    public List<YamlSection> sectionList(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key, "expected a list");
        }
        List<YamlSection> sections = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw error(key + "[" + i + "]", "expected a mapping of keys");
            }
            sections.add(new YamlSection(file, qualified(key) + "[" + i + "]", context, item));
        }
        return sections;
    }

    public List<String> stringList(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isValueNode()) {
            return List.of(value.asText());
        }
        if (!value.isArray()) {
            throw error(key, "expected a list of values");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode()) {
                throw error(key, "expected a list of single values");
            }
            items.add(item.asText());
        }
        return items;
    }

    /** Entries of a mapping whose values are either plain values or nested mappings. */
    public Map<String, Object> entries(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw error(key, "expected a mapping of keys");
        }
        Map<String, Object> entries = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode item = entry.getValue();
            if (item.isObject()) {
                entries.put(entry.getKey(), new YamlSection(file, qualified(key) + "." + entry.getKey(), context, item));
            } else if (item.isValueNode() && !item.isNull()) {
                entries.put(entry.getKey(), item.asText());
            } else {
                throw error(key + "." + entry.getKey(), "expected a column name or a mapping");
            }
        }
        return entries;
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
