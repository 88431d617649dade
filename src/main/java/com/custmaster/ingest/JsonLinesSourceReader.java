package com.custmaster.ingest;

import com.custmaster.config.SourceConfig;
import com.custmaster.domain.RawRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
        reader = new BufferedReader(SourceFiles.open(file, source));
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
