package io.callport.ui.keys;

import io.callport.ui.common.UiContext;

public final class KeysController {
    private final UiContext context;

    public KeysController(UiContext context) {
        this.context = context;
    }
}
