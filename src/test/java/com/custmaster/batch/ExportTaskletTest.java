package com.custmaster.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.PseudonymKey;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class ExportTaskletTest {

    private static final Row MASTER = RowFactory.create("M000000001", "Zhang Wei", "Wei", "Zhang", "zhang.wei@example.com",
            "+8613044762133", LocalDate.of(1985, 7, 14), "Room 1401, 125 Heping Road", "Shanghai", "200085", "Shanghai",
            "CN", "Acme", "310101198507140011", 2, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 22));

    @Test
    void aPseudonymisedMasterKeepsItsIdPlaceAndFiguresAndHidesEveryContactValue() {
        Row row = ExportTasklet.pseudonymised(MASTER, PseudonymKey.of("a-long-secret-key-0123"));

        assertThat(row.getString(0)).isEqualTo("M000000001");
        for (int i = 1; i < MASTER.length(); i++) {
            if (MASTER.get(i) instanceof String value && ExportTasklet.PSEUDONYMISED_COLUMNS.contains(column(i))) {
                assertThat(row.getString(i)).as(column(i)).matches("p_[0-9a-f]{24}").doesNotContain(value);
            }
        }
        assertThat(row.get(6)).isEqualTo(LocalDate.of(1985, 1, 1));
        assertThat(row.getString(8)).isEqualTo("Shanghai");
        assertThat(row.getString(11)).isEqualTo("CN");
        assertThat(row.getInt(14)).isEqualTo(2);
    }

    @Test
    void theSameValueAndKeyGiveTheSamePseudonymAndAnotherKeyAnother() {
        PseudonymKey key = PseudonymKey.of("a-long-secret-key-0123");

        assertThat(ExportTasklet.pseudonymised(MASTER, key)).isEqualTo(ExportTasklet.pseudonymised(MASTER, key));
        assertThat(key.pseudonym("email", "zhang.wei@example.com"))
                .isNotEqualTo(PseudonymKey.of("another-secret-key-456").pseudonym("email", "zhang.wei@example.com"))
                .isNotEqualTo(key.pseudonym("phone", "zhang.wei@example.com"));
        assertThat(key.pseudonym("email", null)).isNull();
        assertThat(key.toString()).doesNotContain("secret");
    }

    private static String column(int index) {
        return com.custmaster.publish.LakeTables.CUSTOMER_MASTER_SCHEMA.fields()[index].name();
    }
}
