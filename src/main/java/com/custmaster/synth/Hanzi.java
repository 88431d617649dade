package com.custmaster.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Chinese character the generator puts in a person's name, with its toneless pinyin and,
 * where it differs, its traditional form. One table lets the generator write the same name as
 * 张伟, 張偉 or "Zhang Wei", lets a reader check each romanisation by eye, and is what the GBK check
 * runs over. Surname weights follow the usual frequency order of Chinese surnames.
 */
final class Hanzi {

    /**
     * One character of the table.
     *
     * @param simplified  simplified form (the form names are held in)
     * @param pinyin      toneless pinyin, lower case
     * @param traditional traditional form, the same character when unchanged
     */
    record Entry(char simplified, String pinyin, char traditional) {
    }

    /** simplified, toneless pinyin, traditional form (only where it differs). */
    private static final String TABLE = """
            王 wang
            李 li
            张 zhang 張
            刘 liu 劉
            陈 chen 陳
            杨 yang 楊
            黄 huang 黃
            赵 zhao 趙
            吴 wu 吳
            周 zhou
            徐 xu
            孙 sun 孫
            马 ma 馬
            朱 zhu
            胡 hu
            郭 guo
            何 he
            高 gao
            林 lin
            罗 luo 羅
            郑 zheng 鄭
            梁 liang
            谢 xie 謝
            宋 song
            唐 tang
            许 xu 許
            韩 han 韓
            冯 feng 馮
            邓 deng 鄧
            曹 cao
            彭 peng
            曾 zeng
            肖 xiao
            田 tian
            董 dong
            袁 yuan
            潘 pan
            于 yu
            蒋 jiang 蔣
            蔡 cai
            余 yu
            杜 du
            叶 ye 葉
            程 cheng
            苏 su 蘇
            魏 wei
            丁 ding
            沈 shen
            钟 zhong 鍾
            卢 lu 盧
            汪 wang
            姚 yao
            方 fang
            欧 ou 歐
            阳 yang 陽
            司 si
            诸 zhu 諸
            葛 ge
            上 shang
            官 guan
            伟 wei 偉
            强 qiang 強
            磊 lei
            军 jun 軍
            勇 yong
            杰 jie 傑
            涛 tao 濤
            明 ming
            超 chao
            刚 gang 剛
            建 jian
            国 guo 國
            东 dong 東
            志 zhi
            海 hai
            浩 hao
            宇 yu
            鹏 peng 鵬
            博 bo
            辉 hui 輝
            斌 bin
            俊 jun
            昊 hao
            晨 chen
            峰 feng
            龙 long 龍
            成 cheng
            凯 kai 凱
            飞 fei 飛
            亮 liang
            轩 xuan 軒
            天 tian
            修 xiu
            文 wen
            平 ping
            华 hua 華
            安 an
            鑫 xin
            瑞 rui
            子 zi
            嘉 jia
            新 xin
            洋 yang
            一 yi
            宁 ning 寧
            春 chun
            振 zhen
            德 de
            永 yong
            家 jia
            立 li
            坤 kun
            航 hang
            哲 zhe
            恒 heng
            毅 yi
            鸿 hong 鴻
            豪 hao
            光 guang
            大 da
            泽 ze 澤
            睿 rui
            梓 zi
            芳 fang
            娜 na
            敏 min
            静 jing 靜
            丽 li 麗
            艳 yan 艷
            娟 juan
            秀 xiu
            霞 xia
            英 ying
            玉 yu
            兰 lan 蘭
            红 hong 紅
            晓 xiao 曉
            慧 hui
            婷 ting
            雪 xue
            梅 mei
            琳 lin
            欣 xin
            怡 yi
            佳 jia
            雨 yu
            思 si
            涵 han
            颖 ying 穎
            倩 qian
            琴 qin
            燕 yan
            云 yun 雲
            诺 nuo 諾
            萱 xuan
            恩 en
            悦 yue 悅
            妍 yan
            桂 gui
            凤 feng 鳳
            洁 jie 潔
            莉 li
            婧 jing
            淑 shu
            珍 zhen
            美 mei
            秋 qiu
            月 yue
            婉 wan
            瑶 yao
            琪 qi
            雅 ya
            芬 fen
            晶 jing
            玮 wei 瑋
            炜 wei 煒
            君 jun
            民 min
            韬 tao 韜
            那 na
            蕾 lei
            铭 ming 銘
            亭 ting
            惠 hui
            """;

    /** Surnames with relative weights (roughly per mille of the population), compound ones last. */
    private static final String SURNAMES = """
            王 71 李 70 张 67 刘 54 陈 45 杨 31 黄 22 赵 22 吴 20 周 19 徐 17 孙 15 马 15 朱 14 胡 13
            郭 13 何 12 高 12 林 12 罗 12 郑 11 梁 10 谢 9 宋 8 唐 8 许 8 韩 7 冯 7 邓 7 曹 7 彭 7 曾 6
            肖 6 田 6 董 6 袁 5 潘 5 于 5 蒋 5 蔡 5 余 5 杜 5 叶 5 程 5 苏 5 魏 5 丁 4 沈 4 钟 4 卢 4 汪 4
            姚 4 方 3 欧阳 1 司马 1 诸葛 1 上官 1
            """;

    /** Characters for boys' given names; the first ones are the most common single-character names. */
    static final String MALE_GIVEN = "伟强磊军勇杰涛明超刚建国东志海浩宇鹏博辉斌俊昊峰龙成凯飞亮轩修振德永家立坤航哲恒毅鸿豪洋光大泽睿";

    /** Characters for girls' given names; the first ones are the most common single-character names. */
    static final String FEMALE_GIVEN = "芳娜敏静丽艳娟秀霞英玉兰红晓慧婷雪梅琳欣怡佳雨思涵颖倩琴燕云诺萱恩悦妍桂凤洁莉婧淑珍美秋月婉瑶琪雅芬晶";

    /** Characters used in either boys' or girls' names, often as the first of two. */
    static final String NEUTRAL_GIVEN = "子一文嘉晨宁安新春明天华平林梓阳鑫瑞";

    /** Same-sounding characters a pinyin input method offers: the typical typing error in a Hanzi name. */
    private static final String HOMOPHONES = "伟玮炜 丽莉 静婧晶 军君 芳方 敏民 杰洁 涛韬 娜那 磊蕾 明铭 婷亭 慧惠 艳燕 林琳 琳林";

    private static final Map<Character, Entry> ENTRIES = parseTable();
    private static final List<String> SURNAME_LIST = new ArrayList<>();
    private static final double[] SURNAME_WEIGHTS;
    private static final Map<Character, String> HOMOPHONE_MAP = new LinkedHashMap<>();

    static {
        String[] parts = SURNAMES.strip().split("\\s+");
        SURNAME_WEIGHTS = new double[parts.length / 2];
        for (int i = 0; i < parts.length; i += 2) {
            requireKnown(parts[i]);
            SURNAME_LIST.add(parts[i]);
            SURNAME_WEIGHTS[i / 2] = Double.parseDouble(parts[i + 1]);
        }
        requireKnown(MALE_GIVEN);
        requireKnown(FEMALE_GIVEN);
        requireKnown(NEUTRAL_GIVEN);
        for (String group : HOMOPHONES.split(" ")) {
            requireKnown(group);
            for (int i = 1; i < group.length(); i++) {
                if (!ENTRIES.get(group.charAt(0)).pinyin().equals(ENTRIES.get(group.charAt(i)).pinyin())) {
                    throw new IllegalStateException("Not homophones: " + group.charAt(0) + " and " + group.charAt(i));
                }
            }
            HOMOPHONE_MAP.put(group.charAt(0), group.substring(1));
        }
    }

    private Hanzi() {
    }

    private static Map<Character, Entry> parseTable() {
        Map<Character, Entry> entries = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2 || parts.length > 3 || parts[0].length() != 1
                    || (parts.length == 3 && parts[2].length() != 1)) {
                throw new IllegalStateException("Bad line in the Hanzi table: '" + line + "'");
            }
            char simplified = parts[0].charAt(0);
            char traditional = parts.length == 3 ? parts[2].charAt(0) : simplified;
            if (entries.put(simplified, new Entry(simplified, parts[1], traditional)) != null) {
                throw new IllegalStateException("Character listed twice in the Hanzi table: " + simplified);
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private static void requireKnown(String hanzi) {
        for (char c : hanzi.toCharArray()) {
            if (!ENTRIES.containsKey(c)) {
                throw new IllegalStateException("Character " + c + " is used but missing from the Hanzi table");
            }
        }
    }

    private static Entry entry(char c) {
        Entry entry = ENTRIES.get(c);
        if (entry == null) {
            throw new IllegalArgumentException("Character " + c + " is not in the Hanzi table");
        }
        return entry;
    }

    /** Every character that can appear in a name, in both scripts (for the GBK check). */
    static String allCharacters() {
        StringBuilder builder = new StringBuilder();
        for (Entry entry : ENTRIES.values()) {
            builder.append(entry.simplified()).append(entry.traditional());
        }
        return builder.toString();
    }

    /** A surname drawn by frequency (compound surnames included, rarely). */
    static String randomSurname(Dice dice) {
        return dice.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
    }

    /** A one- or two-character given name fitting the gender; the commonest characters come up most. */
    static String randomGivenName(Gender gender, Dice dice) {
        String own = gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
        if (dice.chance(0.3)) {
            // Single-character names crowd onto a few characters: that is what makes 张伟 so common.
            return String.valueOf(dice.chance(0.5) ? own.charAt(dice.between(0, 4)) : own.charAt(dice.between(0, own.length() - 1)));
        }
        if (gender == Gender.FEMALE && dice.chance(0.03)) {
            char c = own.charAt(dice.between(0, own.length() - 1));
            return "" + c + c;
        }
        String firstPool = dice.chance(0.35) ? NEUTRAL_GIVEN : own;
        char first = firstPool.charAt(dice.between(0, firstPool.length() - 1));
        char second;
        do {
            second = own.charAt(dice.between(0, own.length() - 1));
        } while (second == first);
        return "" + first + second;
    }

    /** A second given name for a twin: same first character (as twins are often named), other second. */
    static String twinGivenName(String sibling, Gender gender, Dice dice) {
        String own = gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
        char first = sibling.charAt(0);
        char second;
        do {
            second = own.charAt(dice.between(0, own.length() - 1));
        } while (second == first || (sibling.length() > 1 && second == sibling.charAt(1)));
        return "" + first + second;
    }

    /** "欧阳" → "Ouyang": the syllables of a family name run together, capitalised once. */
    static String romaniseFamily(String family) {
        StringBuilder builder = new StringBuilder();
        for (char c : family.toCharArray()) {
            builder.append(entry(c).pinyin());
        }
        return Text.capitalise(builder.toString());
    }

    /**
     * "晓明" → "Xiaoming", "嘉恩" → "Jia'en": syllables run together, with the pinyin apostrophe
     * before a syllable that starts with a, e or o.
     */
    static String romaniseGiven(String given) {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < given.length(); i++) {
            String syllable = entry(given.charAt(i)).pinyin();
            if (i > 0 && "aeo".indexOf(syllable.charAt(0)) >= 0) {
                builder.append('\'');
            }
            builder.append(syllable);
        }
        return Text.capitalise(builder.toString());
    }

    /** The text in traditional script, character by character. */
    static String traditional(String simplified) {
        StringBuilder builder = new StringBuilder(simplified.length());
        for (char c : simplified.toCharArray()) {
            Entry entry = ENTRIES.get(c);
            builder.append(entry == null ? c : entry.traditional());
        }
        return builder.toString();
    }

    /** The given name with one character replaced by a homophone, or unchanged if none has one. */
    static String homophoneTypo(String given, Dice dice) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < given.length(); i++) {
            if (HOMOPHONE_MAP.containsKey(given.charAt(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return given;
        }
        int position = dice.pick(positions);
        String options = HOMOPHONE_MAP.get(given.charAt(position));
        char replacement = options.charAt(dice.between(0, options.length() - 1));
        return given.substring(0, position) + replacement + given.substring(position + 1);
    }
}
