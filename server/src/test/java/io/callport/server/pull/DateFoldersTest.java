package io.callport.server.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.store.InvalidValueException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateFoldersTest {
    private static final LocalDate FROM = LocalDate.of(2026, 2, 27);
    private static final LocalDate TO = LocalDate.of(2026, 3, 1);

    @Test
    void theCustomersConventionsGiveOneFolderPerDay() {
        assertThat(new DateFolders("yyyyMMdd").between(FROM, TO)).containsExactly("20260227", "20260228", "20260301");
        assertThat(new DateFolders("yyyy_MM_dd").between(FROM, FROM)).containsExactly("2026_02_27");
        assertThat(new DateFolders("yyyy/MM/dd").between(TO, TO)).containsExactly("2026/03/01");
        assertThat(new DateFolders("dd.MM.yy").between(TO, TO)).containsExactly("01.03.26");
    }

    @Test
    void withoutDateFoldersTheBasePathIsTheOnlyFolder() {
        assertThat(DateFolders.of(null).between(FROM, TO)).containsExactly("");
        assertThat(DateFolders.of(" ")).isEqualTo(DateFolders.NONE);
    }

    @Test
    void refusesPatternsThatAreNotDates() {
        for (String pattern : new String[] {"yyyyMM", "../yyyyMMdd", "yyyy MM dd", "/yyyy/MM/dd", "yyyy//MM/dd",
                "HHmm"}) {
            assertThatThrownBy(() -> new DateFolders(pattern)).as(pattern).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("'" + pattern + "'");
        }
        assertThatThrownBy(() -> new DateFolders("yyyyMMdd").between(TO, FROM)).hasMessageContaining("0 to 366 days");
    }
}
