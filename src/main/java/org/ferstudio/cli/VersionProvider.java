package org.ferstudio.cli;

import org.ferstudio.store.RuntimeInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: app, DL4J and Java versions. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        RuntimeInfo rt = RuntimeInfo.current();
        return new String[] {"FER Studio " + rt.appVersion(), "DL4J " + rt.dl4jVersion() + ", Java " + rt.javaVersion()};
    }
}
