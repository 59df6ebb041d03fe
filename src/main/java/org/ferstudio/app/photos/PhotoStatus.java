package org.ferstudio.app.photos;

/** Where one photo is in its analysis. */
public enum PhotoStatus {
    /** Waiting to be analysed (or to be analysed again with a newly chosen model). */
    PENDING,
    /** Read and searched for faces (possibly none). */
    ANALYSED,
    /** Could not be read or analysed; the entry carries the reason. */
    FAILED
}
