package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a model saved by {@link MatchModel#writeJson} ({@code var/reports/<date>/match_model.json},
 * the dedupe's {@code model.json}), so a run's scores can be reproduced and explained later without
 * training again. Fields it does not know are ignored: a newer model file still reads.
 */
public final class MatchModelReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MatchModelReader() {
    }

    /**
     * @throws IllegalArgumentException when the file is missing or is not a match model (the message names the file)
     * @throws UncheckedIOException when it cannot be read
     */
    public static MatchModel read(Path file) {
        requireNonNull(file, "file is null");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the match model " + file, e);
        }
        return parse(json, file.toString());
    }

    /**
     * A model from JSON text (a file's, or the match_model table's).
     *
     * @param origin where the text came from, for the message
     * @throws IllegalArgumentException when it is not a match model
     */
    public static MatchModel parse(String json, String origin) {
        requireNonNull(json, "json is null");
        try {
            MatchModel model = JSON.readValue(json, MatchModel.class);
            if (model == null || model.comparisons().isEmpty()) {
                throw new IllegalArgumentException(origin + ": not a match model (no comparisons)");
            }
            return model;
        } catch (JacksonException e) {
            throw new IllegalArgumentException(origin + ": not a match model: " + e.getOriginalMessage(), e);
        }
    }
}
