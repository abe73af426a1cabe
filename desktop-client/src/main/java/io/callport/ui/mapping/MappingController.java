package io.callport.ui.mapping;

import io.callport.ui.common.UiContext;

public final class MappingController {
    private final UiContext context;

    public MappingController(UiContext context) {
        this.context = context;
    }
}
