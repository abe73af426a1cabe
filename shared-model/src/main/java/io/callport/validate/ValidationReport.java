package io.callport.validate;

import java.util.List;

/**
 * The outcome of validating a batch.
 *
 * @param issues   the issues kept, in the order they were found
 * @param errors   how many errors were found in all
 * @param warnings how many warnings were found in all
 * @param infos    how many informational notes were found in all
 * @param omitted  how many issues were counted but not kept (beyond the first ones of a code in a file)
 */
public record ValidationReport(List<Issue> issues, long errors, long warnings, long infos, long omitted) {

    public boolean hasErrors() {
        return errors > 0;
    }
}
