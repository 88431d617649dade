package com.custmaster.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --name value} options of one benchmark subcommand. Every benchmark takes a few numbers
 * and paths and nothing else, so this is enough and keeps the benchmarks free of the CLI's
 * machinery; unknown or incomplete options fail with a message naming them.
 */
final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * @param known the option names the subcommand accepts, without the leading dashes
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray argument
     */
    static BenchOptions parse(String[] args, Set<String> known) {
        requireNonNull(args, "args is null");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options are --name value)");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "' (known: --" + String.join(", --", known.stream().sorted().toList()) + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option '" + arg + "' needs a value");
            }
            values.put(name, args[++i]);
        }
        return new BenchOptions(values);
    }

    /** A positive whole number; {@code 1_000_000} and {@code 1000000} are both accepted. */
    int positive(String name, int defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
            if (value < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'", e);
        }
    }

    /**
     * A comma-separated list of positive whole numbers ({@code 100000,300000,1_000_000}); the
     * default when the option is not given.
     */
    List<Integer> positiveList(String name, List<Integer> defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        List<Integer> numbers = new java.util.ArrayList<>();
        for (String element : text.split(",")) {
            try {
                int value = Integer.parseInt(element.trim().replace("_", ""));
                if (value < 1) {
                    throw new IllegalArgumentException("--" + name + ": every number must be at least 1, got " + element);
                }
                numbers.add(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be whole numbers separated by commas, got '"
                        + text + "'", e);
            }
        }
        return List.copyOf(numbers);
    }

    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** {@code yes} or {@code no}. */
    boolean yesNo(String name, boolean defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        return switch (text) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be yes or no, got '" + text + "'");
        };
    }

    long number(String name, long defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'", e);
        }
    }

    /** A comma-separated list, each element one of {@code allowed}. */
    List<String> list(String name, List<String> allowed) {
        String text = values.get(name);
        if (text == null) {
            return allowed;
        }
        List<String> elements = List.of(text.split(","));
        for (String element : elements) {
            if (!allowed.contains(element)) {
                throw new IllegalArgumentException("--" + name + ": unknown '" + element + "' (known: "
                        + String.join(", ", allowed) + ")");
            }
        }
        return elements;
    }

    Path path(String name, Path defaultValue) {
        return optionalPath(name).orElse(defaultValue);
    }

    Optional<Path> optionalPath(String name) {
        return Optional.ofNullable(values.get(name)).map(Path::of);
    }
}
