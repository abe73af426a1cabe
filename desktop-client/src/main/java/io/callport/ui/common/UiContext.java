package io.callport.ui.common;

/**
 * What every screen's controller is given: where to run slow work, the file dialogs and the shared workspace.
 * Services that do the work are added here as screens need them.
 */
public record UiContext(Background background, FileDialogs dialogs, Workspace workspace) {
}
