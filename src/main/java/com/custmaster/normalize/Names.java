package com.custmaster.normalize;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Person names in Latin and Chinese script: clean-up, traditional to simplified Chinese, titles
 * removed, family/given split, and a romanised key (pinyin without tones) that lets the same person
 * meet across scripts. ICU4J does the script work; the rules about names live here only.
 *
 * <p>ICU's Han-Latin takes tens of microseconds a call, more than all the rest of a record's
 * normalisation, while names repeat: each thread keeps the script conversions of the last
 * {@value #RECENT_NAMES} distinct name parts it met. Text without Han characters skips the Chinese
 * conversions, text without traditional characters skips Traditional-Simplified, and ASCII text is
 * romanised by lower-casing it, which is what Any-Latin; Latin-ASCII; Lower does to ASCII.
 */
public final class Names {

    /** Two-character Chinese family names; a name starting with one of these splits after two. */
    static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台");

    private static final Set<String> LATIN_TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir",
            "madam", "mme", "mlle", "herr", "frau", "rev", "jr", "sr", "phd");
    private static final List<String> CHINESE_TITLES = List.of("先生", "女士", "小姐", "太太", "夫人", "博士", "教授",
            "老师", "经理", "总");
    /** Distinct inputs whose conversion each thread remembers, per conversion (about 20 MB at most). */
    static final int RECENT_NAMES = 1 << 17;
    private static final String TRADITIONAL_SIMPLIFIED = "Traditional-Simplified";
    /** Every character Traditional-Simplified has a rule for: text with none of them comes out unchanged. */
    private static final UnicodeSet TRADITIONAL = Transliterator.getInstance(TRADITIONAL_SIMPLIFIED).getSourceSet().freeze();
    /**
     * The words Traditional-Simplified replaces by something else ("張" > "张", "于飛" > "于飞"): text
     * that contains none of them comes out unchanged, although many simplified characters (明, 王 …)
     * are part of its rules. Read from ICU's own rules; null when they are not all plain
     * word-for-word replacements, and then all text with such characters goes through ICU.
     */
    private static final Set<String> TRADITIONAL_WORDS =
            replacedWords(Transliterator.getInstance(TRADITIONAL_SIMPLIFIED).toRules(false));
    private static final int LONGEST_TRADITIONAL_WORD =
            TRADITIONAL_WORDS == null ? 0 : TRADITIONAL_WORDS.stream().mapToInt(String::length).max().orElse(0);
    /**
     * The first UTF-16 unit of every word of {@link #TRADITIONAL_WORDS}: only where the text has one
     * of them can a word start, so the other positions need no look-up (and no substring).
     */
    private static final BitSet TRADITIONAL_WORD_STARTS = firstUnits(TRADITIONAL_WORDS);

    private static final ThreadLocal<RecentTransliterations> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> new RecentTransliterations(TRADITIONAL_SIMPLIFIED));
    private static final ThreadLocal<RecentTransliterations> SURNAME_PINYIN =
            ThreadLocal.withInitial(() -> new RecentTransliterations("Han-Latin/Names; Latin-ASCII; Lower"));
    private static final ThreadLocal<RecentTransliterations> PINYIN =
            ThreadLocal.withInitial(() -> new RecentTransliterations("Han-Latin; Latin-ASCII; Lower"));
    private static final ThreadLocal<RecentTransliterations> TO_ASCII =
            ThreadLocal.withInitial(() -> new RecentTransliterations("Any-Latin; Latin-ASCII; Lower"));

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

    /**
     * One name part as a matching key: pinyin without tones or spaces for Han ("xiaoming" for 小明,
     * "ouyang" for the surname 欧阳), ASCII-folded lower case otherwise ("muller" for Müller); null
     * when nothing is left. The family and given keys of "张伟" and "Zhang Wei" are then equal.
     */
    public static String partKey(String part, boolean isFamilyName) {
        String romanised = romanise(part, isFamilyName);
        if (romanised == null || romanised.isEmpty()) {
            return null;
        }
        return isHan(part) ? romanised.replace(" ", "") : romanised;
    }

    /** Traditional Chinese characters to simplified; other scripts unchanged. */
    public static String simplified(String text) {
        if (text == null || !isHan(text) || TRADITIONAL.containsNone(text)
                || (TRADITIONAL_WORDS != null && !containsTraditionalWord(text))) {
            return text;
        }
        return TO_SIMPLIFIED.get().transliterate(text);
    }

    private static boolean containsTraditionalWord(String text) {
        for (int start = 0; start < text.length(); start++) {
            if (!TRADITIONAL_WORD_STARTS.get(text.charAt(start))) {
                continue;
            }
            for (int end = start + 1; end <= Math.min(text.length(), start + LONGEST_TRADITIONAL_WORD); end++) {
                if (TRADITIONAL_WORDS.contains(text.substring(start, end))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BitSet firstUnits(Set<String> words) {
        BitSet units = new BitSet(Character.MAX_VALUE + 1);
        if (words != null) {
            for (String word : words) {
                if (!word.isEmpty()) {
                    units.set(word.charAt(0));
                }
            }
        }
        return units;
    }

    /**
     * The left-hand sides of rules {@code word > other;} whose right-hand side differs, when every
     * rule has that plain form (Han characters only, no context, filter or variable); otherwise null.
     */
    static Set<String> replacedWords(String rules) {
        Set<String> words = new HashSet<>();
        for (String rule : rules.split("\n")) {
            int arrow = rule.indexOf(" > ");
            if (arrow <= 0 || !rule.endsWith(";")) {
                return null;
            }
            String word = rule.substring(0, arrow);
            String replacement = rule.substring(arrow + 3, rule.length() - 1);
            if (!onlyHan(word) || !(replacement.isEmpty() || onlyHan(replacement))) {
                return null;
            }
            if (!word.equals(replacement)) {
                words.add(word);
            }
        }
        return Set.copyOf(words);
    }

    private static boolean onlyHan(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Pinyin without tones or spaces ("xiaoming") for Han text, ASCII-folded lower case otherwise. */
    static String romanise(String part, boolean isFamilyName) {
        if (part == null) {
            return null;
        }
        String latin;
        if (isHan(part)) {
            latin = (isFamilyName ? SURNAME_PINYIN.get() : PINYIN.get()).transliterate(part);
        } else if (Text.isAscii(part)) {
            latin = part.toLowerCase(Locale.ROOT);
        } else {
            latin = TO_ASCII.get().transliterate(part);
        }
        return keepLowerAsciiLettersDigitsAndSpaces(latin).trim();
    }

    /** True when the text has a character of the Han script ({@code \p{IsHan}}). */
    static boolean isHan(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint >= 0x80 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    /** {@code text.replaceAll("[^a-z0-9 ]", "")} without the regular expression. */
    private static String keepLowerAsciiLettersDigitsAndSpaces(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ';
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String[] split(String full) {
        if (isHan(full) && !matchesLatinLetterLine(full)) {
            String compact = withoutNameSeparators(full);
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

    /**
     * {@code text.matches(".*[A-Za-z].*")}: a Latin letter, and no line terminator (which {@code .}
     * does not match).
     */
    private static boolean matchesLatinLetterLine(String text) {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
            letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
        return letter;
    }

    /** {@code text.replaceAll("[\\s·•・.]", "")} without the regular expression. */
    private static String withoutNameSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == '·' || c == '•' || c == '・' || c == '.';
            if (!separator) {
                out.append(c);
            }
        }
        return out.toString();
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
        result = Text.clean(notNameCharactersToSpaces(result));
        return result;
    }

    /**
     * {@code text.replaceAll("[^\\p{L}\\p{M}' -]", " ")} without the regular expression: each code
     * point that is not a letter, a mark, an apostrophe, a space or a hyphen becomes one space.
     */
    private static String notNameCharactersToSpaces(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean keep = (type >= Character.UPPERCASE_LETTER && type <= Character.COMBINING_SPACING_MARK)
                    || codePoint == '\'' || codePoint == ' ' || codePoint == '-';
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (keep) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append(' ');
                }
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? text : out.toString();
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
        tokens.sort(null);
        return String.join(" ", tokens);
    }

    private static void addTokens(List<String> tokens, String romanised, boolean fromHan) {
        if (romanised == null || romanised.isBlank()) {
            return;
        }
        if (fromHan) {
            tokens.add(romanised.replace(" ", ""));
            return;
        }
        // romanise leaves only [a-z0-9 ], trimmed: the separators [\\s.·•・_]+ can only be runs of spaces.
        int start = 0;
        for (int i = 0; i <= romanised.length(); i++) {
            if (i == romanised.length() || romanised.charAt(i) == ' ') {
                if (i > start) {
                    tokens.add(romanised.substring(start, i));
                }
                start = i + 1;
            }
        }
    }

    /**
     * One thread's transliterator with the results for the last {@link #RECENT_NAMES} distinct
     * inputs, least recently used out first.
     */
    private static final class RecentTransliterations {

        private final Transliterator transliterator;
        private final Map<String, String> recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > RECENT_NAMES;
            }
        };

        RecentTransliterations(String id) {
            this.transliterator = Transliterator.getInstance(id);
        }

        String transliterate(String text) {
            String result = recent.get(text);
            if (result == null) {
                result = transliterator.transliterate(text);
                recent.put(text, result);
            }
            return result;
        }
    }
}
