package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "{0} -> family {1}, given {2}, key {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            张伟                | 张       | 伟        | wei zhang
            張偉                | 张       | 伟        | wei zhang
            Zhang Wei           | Wei      | Zhang     | wei zhang
            ZHANG, WEI          | ZHANG    | WEI       | wei zhang
            欧阳修              | 欧阳     | 修        | ouyang xiu
            司马相如            | 司马     | 相如      | sima xiangru
            单雄信              | 单       | 雄信      | shan xiongxin
            王芳女士            | 王       | 芳        | fang wang
            Mr. John Smith      | Smith    | John      | john smith
            Dr. Jane Doe        | Doe      | Jane      | doe jane
            Ｊｏｈｎ　Ｓｍｉｔｈ   | Smith    | John      | john smith
            José Álvarez        | Álvarez  | José      | alvarez jose
            İsmail Kaya         | Kaya     | İsmail    | ismail kaya
            O'Brien, Mary-Ann   | O'Brien  | Mary-Ann  | maryann obrien
            Madonna             | -        | Madonna   | madonna
            """)
    void splitsFullNamesByScriptAndBuildsAScriptIndependentKey(String full, String family, String given, String key) {
        PersonName name = Names.normalize(full, null, null);

        assertThat(name.familyName()).isEqualTo(family);
        assertThat(name.givenName()).isEqualTo(given);
        assertThat(name.key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "given {0}, family {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Wei    | Zhang | Wei Zhang | wei zhang
            伟     | 张    | 张伟      | wei zhang
            偉     | 張    | 张伟      | wei zhang
            Mr John| Smith | John Smith| john smith
            """)
    void usesSeparateNamePartsWhenTheSourceHasThem(String given, String family, String display, String key) {
        PersonName name = Names.normalize(null, given, family);

        assertThat(name.fullName()).isEqualTo(display);
        assertThat(name.key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-", "'   '", "Mr.", "..."})
    void nameWithoutLettersIsEmpty(String full) {
        assertThat(Names.normalize(full, null, null).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"國際貿易,国际贸易", "abc,abc", "王明,王明", "剃发,剃髮", "于飛,于飞"})
    void convertsTraditionalToSimplifiedChinese(String traditional, String simplified) {
        assertThat(Names.simplified(traditional)).isEqualTo(simplified);
    }

    @Test
    void readsTheWordsTraditionalSimplifiedReplacesFromPlainRulesOnly() {
        assertThat(Names.replacedWords("張 > 张;\n于飛 > 于飞;\n于 > 于;")).containsExactlyInAnyOrder("張", "于飛");
        assertThat(Names.replacedWords("::NFD;\n張 > 张;")).isNull();
        assertThat(Names.replacedWords("{張} 三 > 张;")).isNull();
        // ICU's own rules have the plain form, so text without those words skips the transliterator.
        assertThat(Names.replacedWords(Transliterator.getInstance("Traditional-Simplified").toRules(false)))
                .isNotNull().contains("張", "于飛").doesNotContain("王");
    }
}
