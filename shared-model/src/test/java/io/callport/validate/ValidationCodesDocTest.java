package io.callport.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/validation-codes.md is what customers script against: every code must be there with its severity. */
class ValidationCodesDocTest {

    @Test
    void everyCodeIsDocumentedWithItsSeverity() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "validation-codes.md"));

        for (IssueCode code : IssueCode.values()) {
            assertThat(doc).as("docs/validation-codes.md row for %s", code)
                    .contains("| `" + code.name() + "` | " + code.severity().label() + " |");
        }
    }
}
