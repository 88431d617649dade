package com.custmaster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void anEmailKeepsItsFirstCharacterAndDomain() {
        assertThat(Masking.email("zhang.wei@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("王伟@例子.中国")).isEqualTo("王***@例子.中国");
        assertThat(Masking.email("not-an-email")).isEqualTo("n***");
        assertThat(Masking.email(null)).isNull();
    }

    @Test
    void aPhoneKeepsOnlyItsLastTwoDigits() {
        assertThat(Masking.phone("+86 130 4476 2133")).isEqualTo("***33");
        assertThat(Masking.phone("7")).isEqualTo("***");
    }

    @Test
    void otherValuesKeepOnlyTheirFirstCharacter() {
        assertThat(Masking.text("Zhang Wei")).isEqualTo("Z***");
        assertThat(Masking.text("𠮷野家")).isEqualTo("𠮷***");
    }

    @Test
    void freeTextHasEveryEmailPhoneAndIdNumberMaskedAndEverythingElseKept() {
        String message = "Value too long for column \"EMAIL\": 'zhang.wei@example.com', '+86 130 4476 2133', "
                + "'13044762133', '11010519491231002X' in run 2026-11-22 at 04:39:11.205084731, 1000000 pairs, "
                + "record CRM-100001, pid 14387";

        String scrubbed = Masking.scrub(message);

        assertThat(scrubbed).doesNotContain("zhang.wei", "4476", "13044762133", "11010519491231002X")
                .contains("'z***@example.com'", "'***33'", "'***02'")
                .contains("run 2026-11-22 at 04:39:11.205084731, 1000000 pairs, record CRM-100001, pid 14387");
    }

    @Test
    void digitsInPathsAndFileNamesStayReadable() {
        String message = "file not found: /data/in/contacts_20261122103000.csv under /tmp/junit-690262773739353721/var";

        assertThat(Masking.scrub(message)).isEqualTo(message);
    }

    @Test
    void aJdbcUrlHidesItsPassword() {
        assertThat(Masking.jdbcUrl("jdbc:postgresql://db:5432/crm?user=etl&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/crm?user=etl&password=***&ssl=true");
        assertThat(Masking.jdbcUrl("jdbc:h2:tcp://erp/db;PASSWORD=s3cret;IFEXISTS=TRUE"))
                .isEqualTo("jdbc:h2:tcp://erp/db;PASSWORD=***;IFEXISTS=TRUE");
    }
}
