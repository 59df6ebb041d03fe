package org.ferstudio.data;

/** How many images of a class one split holds (one bar of the wizard's class-distribution chart). */
public record ClassCount(String split, String className, int count) {
}
