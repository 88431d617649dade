package com.custmaster.ingest;

import com.custmaster.config.SourceConfig;
import com.custmaster.domain.RawRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON Lines files: one object per line, nested objects flattened to dotted paths
 * ({@code caller.name}) that the source's field mapping refers to. A line that is not a JSON object
 * comes out as a malformed record with its line number; blank lines are skipped.
 */
final class JsonLinesSourceReader extends FileSourceReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BufferedReader reader;
    private String origin;
    private long lineNumber;

    JsonLinesSourceReader(SourceConfig source) {
        super(source);
    }

    @Override
    protected void openFile(Path file) throws Exception {
        origin = file.toString();
        reader = new BufferedReader(SourceFiles.open(file, source, bytesCounter()));
        lineNumber = 0;
    }

    @Override
    protected RawRecord readFromFile() throws Exception {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> streamed = streamedValues(line);
            if (streamed != null) {
                return RawRecord.parsed(source.name(), origin, lineNumber, streamed);
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                return RawRecord.malformed(source.name(), origin, lineNumber,
                        "invalid JSON: " + e.getOriginalMessage(), line);
            }
            if (node == null || !node.isObject()) {
                return RawRecord.malformed(source.name(), origin, lineNumber, "expected a JSON object", line);
            }
            Map<String, String> values = new LinkedHashMap<>();
            flatten("", node, values);
            return RawRecord.parsed(source.name(), origin, lineNumber, values);
        }
        return null;
    }

    /**
     * The values {@link #flatten} gives for {@code line}, read with Jackson's streaming parser instead of
     * building a tree first (the tree was about a third of this reader's time); null when the line is
     * anything but the common case, and then the caller takes the tree path, which also produces the
     * error message of a bad line. The common case: one JSON object whose values are strings, whole
     * numbers that fit in a long, booleans, nulls, objects and arrays, without a key twice in one
     * object. Those rules keep the result exactly the tree's: the tree keeps the document's order
     * except for a repeated key (its value replaces the first in the first's place), prints whole
     * numbers as {@code String.valueOf} of their int or long (so "-0" is "0"), and prints decimals
     * in its own way; here a repeated key, a decimal or a big integer sends the line to the tree.
     * Text after the object is ignored, as {@code readTree} ignores it.
     */
    static Map<String, String> streamedValues(String line) {
        try (JsonParser parser = JSON.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            return streamObject(parser, "", values, new ArrayList<>()) ? values : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads the fields of the object whose START_OBJECT was just read; false when the line needs the tree. */
    private static boolean streamObject(JsonParser parser, String prefix, Map<String, String> values,
                                        List<String> names) throws IOException {
        int firstName = names.size();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            for (int i = firstName; i < names.size(); i++) {
                if (names.get(i).equals(name)) {
                    return false;
                }
            }
            names.add(name);
            parser.nextToken();
            if (!streamValue(parser, prefix.isEmpty() ? name : prefix + "." + name, values, names)) {
                return false;
            }
        }
        names.subList(firstName, names.size()).clear();
        return token == JsonToken.END_OBJECT;
    }

    /** Reads the value whose first token is current, as {@link #flatten} would put it; false when the line needs the tree. */
    private static boolean streamValue(JsonParser parser, String path, Map<String, String> values, List<String> names)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return false;
        }
        switch (token) {
            case START_OBJECT:
                return streamObject(parser, path, values, names);
            case START_ARRAY:
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!streamValue(parser, path + "." + index++, values, names)) {
                        return false;
                    }
                }
                return true;
            case VALUE_STRING:
                values.put(path, parser.getText());
                return true;
            case VALUE_TRUE:
            case VALUE_FALSE:
                values.put(path, String.valueOf(token == JsonToken.VALUE_TRUE));
                return true;
            case VALUE_NULL:
                return true;
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT) {
                    values.put(path, String.valueOf(parser.getIntValue()));
                    return true;
                }
                if (type == JsonParser.NumberType.LONG) {
                    values.put(path, String.valueOf(parser.getLongValue()));
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), values);
            }
        } else if (!node.isNull()) {
            values.put(prefix, node.asText());
        }
    }

    @Override
    protected void closeFile() throws Exception {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
