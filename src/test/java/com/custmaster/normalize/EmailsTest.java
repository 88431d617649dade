package com.custmaster.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ' John.Smith@Example.COM '     | john.smith@example.com
            john.smith+news@example.com    | john.smith@example.com
            John.Smith+x@GoogleMail.com    | johnsmith@gmail.com
            j.o.h.n@gmail.com              | john@gmail.com
            张伟@例子.公司                  | -
            """, nullValues = "-")
    void buildsAKeyThatIgnoresTagsAndProviderIgnoredDots(String raw, String key) {
        assertThat(Emails.key(Emails.clean(raw))).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"bad@@example.com", "no-at-sign", "a@b", "a@-example.com", "a..b@example.com"})
    void rejectsBadSyntax(String raw) {
        assertThat(Emails.isValid(Emails.clean(raw))).isFalse();
        assertThat(Emails.key(Emails.clean(raw))).isNull();
    }
}
