package io.callport.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the build wrote into the jar's manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"Callport Uploader " + (version == null ? "development build" : version)};
    }
}
