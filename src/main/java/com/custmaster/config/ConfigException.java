package com.custmaster.config;

/**
 * A configuration problem found before any data is read. The message names the file, the source
 * (where there is one) and the key, so a person can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
