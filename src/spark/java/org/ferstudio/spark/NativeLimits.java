package org.ferstudio.spark;

import java.io.Serializable;

/**
 * The JVM settings the desktop launcher passes (native memory caps, DL4J's oneDNN helpers), applied inside an
 * executor when its command line did not set them, before the first ND4J class loads. JavaCPP frees native
 * buffers only on garbage collection, so without a cap a long job's executor grows until the cluster kills it.
 * Settings given on the command line ({@code spark.executor.extraJavaOptions}) win.
 */
public record NativeLimits(String maxBytes, String maxPhysicalBytes) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The desktop's caps: 6 GB of JavaCPP buffers, 10 GB for the whole process. */
    public static NativeLimits defaults() {
        return new NativeLimits("6G", "10G");
    }

    /** Sets each property this JVM has not set yet. */
    public void applyIfUnset() {
        setIfUnset("org.bytedeco.javacpp.maxbytes", maxBytes);
        setIfUnset("org.bytedeco.javacpp.maxphysicalbytes", maxPhysicalBytes);
        setIfUnset("org.eclipse.deeplearning4j.helpers.disable", "false");
    }

    private static void setIfUnset(String key, String value) {
        if (value != null && System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
