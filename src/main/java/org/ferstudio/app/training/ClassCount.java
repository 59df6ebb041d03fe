package org.ferstudio.app.training;

/** One bar of the class-distribution chart: how many images of a class one split holds. */
public record ClassCount(String split, String className, int count) {
}
