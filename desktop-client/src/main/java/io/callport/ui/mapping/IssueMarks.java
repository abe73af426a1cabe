package io.callport.ui.mapping;

import io.callport.validate.Issue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The issues of a sample by the cell (line and column) or the whole row they are about, to mark the preview. */
public final class IssueMarks {
    static final IssueMarks NONE = new IssueMarks(Map.of());

    private final Map<Cell, Issue> byCell;

    private IssueMarks(Map<Cell, Issue> byCell) {
        this.byCell = byCell;
    }

    /** Keeps the most severe issue of each cell; an issue without a column marks its whole row. */
    static IssueMarks of(List<Issue> issues) {
        Map<Cell, Issue> byCell = new HashMap<>();
        for (Issue issue : issues) {
            if (issue.line() > 0) {
                byCell.merge(new Cell(issue.line(), issue.column()), issue,
                        (kept, other) -> other.severity().compareTo(kept.severity()) < 0 ? other : kept);
            }
        }
        return new IssueMarks(byCell);
    }

    /** The issue of a cell, else the issue of its row, else null. */
    public Issue at(long line, String column) {
        Issue cell = byCell.get(new Cell(line, column));
        return cell != null ? cell : byCell.get(new Cell(line, null));
    }

    public boolean isEmpty() {
        return byCell.isEmpty();
    }

    private record Cell(long line, String column) {
    }
}
