package io.callport.ui.batch;

import io.callport.ui.common.UiContext;

public final class BatchController {
    private final UiContext context;

    public BatchController(UiContext context) {
        this.context = context;
    }
}
