package com.custmaster.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming read of a line must give exactly what the tree and {@code flatten} give, or leave the line to them. */
class JsonLinesSourceReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"caller\":{\"id\":\"C1\",\"name\":\"Ann\",\"phone\":\"+86 138 0013 8000\"},\"dob\":\"01/02/1990\"}",
            "{\"caller\":{\"id\":\"C1\",\"name\":\"王小明\"},\"address\":{\"line\":\"人民路 1号\",\"postcode\":null}}",
            "{\"id\":7,\"big\":12345678901,\"neg\":-0,\"ok\":true,\"no\":false,\"none\":null}",
            "{\"tags\":[\"a\",null,{\"b\":\"c\"},[1,2]],\"empty\":{},\"list\":[]}",
            "{\"\":{\"x\":\"y\"},\"a.b\":\"1\",\"a\":{\"b\":\"2\"}}",
            "{\"a\":{\"k\":\"1\"},\"b\":{\"k\":\"2\"},\"k\":\"3\"}",
            "{\"escaped\":\"line\\nbreak \\u00e9 \\\"quoted\\\"\"}",
            "{\"a\":\"1\"} trailing text",
            "{}",
    })
    void streamingGivesWhatTheTreeGives(String line) throws Exception {
        Map<String, String> streamed = JsonLinesSourceReader.streamedValues(line);

        assertThat(streamed).isNotNull();
        assertThat(new ArrayList<>(streamed.entrySet())).isEqualTo(new ArrayList<>(treeValues(line).entrySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":\"1\",\"a\":\"2\"}",
            "{\"a\":null,\"b\":\"x\",\"a\":\"2\"}",
            "{\"o\":{\"a\":\"1\",\"a\":{\"b\":\"2\"}}}",
            "{\"price\":1.50}",
            "{\"huge\":123456789012345678901234567890}",
            "[{\"a\":\"1\"}]",
            "\"text\"",
            "null",
            "{not json",
            "{\"a\":\"1\"",
            "{\"a\":}",
    })
    void leavesEverythingElseToTheTree(String line) {
        assertThat(JsonLinesSourceReader.streamedValues(line)).isNull();
    }

    private static Map<String, String> treeValues(String line) throws Exception {
        JsonNode node = JSON.readTree(line);
        Map<String, String> values = new LinkedHashMap<>();
        JsonLinesSourceReader.flatten("", node, values);
        return values;
    }
}
