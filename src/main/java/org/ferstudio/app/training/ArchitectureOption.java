package org.ferstudio.app.training;

/**
 * An architecture the wizard offers.
 *
 * @param reason why it cannot be trained here (shown beside the disabled entry); empty when available
 */
public record ArchitectureOption(String id, String label, String reason) {

    public boolean available() {
        return reason.isEmpty();
    }

    @Override
    public String toString() {
        return available() ? label : label + " (unavailable)";
    }
}
