package com.custmaster.normalize;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Person names in Latin and Chinese script: clean-up, traditional to simplified Chinese, titles
 * removed, family/given split, and a romanised key (pinyin without tones) that lets the same person
 * meet across scripts. ICU4J does the script work; the rules about names live here only.
 */
public final class Names {

    /** Two-character Chinese family names; a name starting with one of these splits after two. */
    static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台");

    private static final Set<String> LATIN_TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir",
            "madam", "mme", "mlle", "herr", "frau", "rev", "jr", "sr", "phd");
    private static final List<String> CHINESE_TITLES = List.of("先生", "女士", "小姐", "太太", "夫人", "博士", "教授",
            "老师", "经理", "总");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern NOT_NAME_CHAR = Pattern.compile("[^\\p{L}\\p{M}' -]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.·•・_]+");

    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ThreadLocal<Transliterator> SURNAME_PINYIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin/Names; Latin-ASCII; Lower"));
    private static final ThreadLocal<Transliterator> PINYIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));
    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private Names() {
    }

    /**
     * Normalises a name given as separate parts and/or as one full name. Separate parts win where
     * present; a full name alone is split by the rules of its script.
     */
    public static PersonName normalize(String fullName, String givenName, String familyName) {
        String given = stripTitles(stripChineseTitle(simplified(Text.clean(givenName))));
        String family = stripTitles(simplified(Text.clean(familyName)));
        if (given == null && family == null) {
            String full = stripChineseTitle(simplified(Text.clean(fullName)));
            if (full == null) {
                return PersonName.EMPTY;
            }
            String[] parts = split(full);
            family = stripTitles(parts[0]);
            given = stripTitles(parts[1]);
            if (family != null && given == null && !isHan(family)) {
                given = family;
                family = null;
            }
        }
        String display = display(given, family);
        if (display == null) {
            return PersonName.EMPTY;
        }
        String key = key(given, family);
        return new PersonName(display, given, family, key);
    }

    /** Traditional Chinese characters to simplified; other scripts unchanged. */
    public static String simplified(String text) {
        if (text == null || !HAN.matcher(text).find()) {
            return text;
        }
        return TO_SIMPLIFIED.get().transliterate(text);
    }

    /** Pinyin without tones or spaces ("xiaoming") for Han text, ASCII-folded lower case otherwise. */
    static String romanise(String part, boolean isFamilyName) {
        if (part == null) {
            return null;
        }
        String latin = HAN.matcher(part).find()
                ? (isFamilyName ? SURNAME_PINYIN.get() : PINYIN.get()).transliterate(part)
                : TO_ASCII.get().transliterate(part);
        return latin.replaceAll("[^a-z0-9 ]", "").trim();
    }

    static boolean isHan(String text) {
        return text != null && HAN.matcher(text).find();
    }

    private static String[] split(String full) {
        if (isHan(full) && !full.matches(".*[A-Za-z].*")) {
            String compact = full.replaceAll("[\\s·•・.]", "");
            int familyLength = compact.length() >= 3 && COMPOUND_SURNAMES.contains(compact.substring(0, 2)) ? 2 : 1;
            if (compact.length() <= familyLength) {
                return new String[] {compact, null};
            }
            return new String[] {compact.substring(0, familyLength), compact.substring(familyLength)};
        }
        int comma = full.indexOf(',');
        if (comma >= 0) {
            String family = Text.clean(full.substring(0, comma));
            String given = Text.clean(full.substring(comma + 1));
            return new String[] {family, given};
        }
        String[] tokens = full.split(" ");
        if (tokens.length == 1) {
            return new String[] {null, tokens[0]};
        }
        String family = tokens[tokens.length - 1];
        String given = String.join(" ", Arrays.copyOf(tokens, tokens.length - 1));
        return new String[] {family, given};
    }

    /** "王芳女士" to "王芳": a Chinese honorific after a name of at least two characters. */
    private static String stripChineseTitle(String name) {
        if (name == null || !isHan(name)) {
            return name;
        }
        String text = name.replace(" ", "");
        for (String title : CHINESE_TITLES) {
            if (text.length() >= title.length() + 2 && text.endsWith(title)) {
                return text.substring(0, text.length() - title.length());
            }
        }
        return name;
    }

    /** Latin titles (Mr, Dr., Prof ...) dropped, punctuation other than ' and - removed. */
    private static String stripTitles(String name) {
        if (name == null) {
            return null;
        }
        String text = name;
        List<String> kept = new ArrayList<>();
        for (String token : text.split(" ")) {
            String bare = token.replace(".", "").toLowerCase(Locale.ROOT);
            if (!LATIN_TITLES.contains(bare)) {
                kept.add(token);
            }
        }
        String result = Text.clean(String.join(" ", kept));
        if (result == null) {
            return null;
        }
        result = Text.clean(NOT_NAME_CHAR.matcher(result).replaceAll(" "));
        return result;
    }

    private static String display(String given, String family) {
        if (given == null && family == null) {
            return null;
        }
        if (given == null) {
            return family;
        }
        if (family == null) {
            return given;
        }
        if (isHan(family) && isHan(given)) {
            return family + given;
        }
        return given + " " + family;
    }

    private static String key(String given, String family) {
        List<String> tokens = new ArrayList<>();
        addTokens(tokens, romanise(family, true), isHan(family));
        addTokens(tokens, romanise(given, false), isHan(given));
        if (tokens.isEmpty()) {
            return null;
        }
        return tokens.stream().sorted().collect(Collectors.joining(" "));
    }

    private static void addTokens(List<String> tokens, String romanised, boolean fromHan) {
        if (romanised == null || romanised.isBlank()) {
            return;
        }
        if (fromHan) {
            tokens.add(romanised.replace(" ", ""));
            return;
        }
        for (String token : SEPARATORS.split(romanised)) {
            if (!token.isBlank()) {
                tokens.add(token);
            }
        }
    }
}
