package org.ferstudio.nets;

/** The CUDA build started on a GPU its kernels were not compiled for; see {@link GpuSupport}. */
public final class UnsupportedGpuException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String statusText;

    public UnsupportedGpuException(String device, int major, int minor) {
        super(GpuSupport.problem(device, major, minor).orElseThrow());
        this.statusText = GpuSupport.statusText(device, major, minor);
    }

    /** One short line for a status bar. */
    public String statusText() {
        return statusText;
    }
}
