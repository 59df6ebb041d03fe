package org.ferstudio.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The job's Spark session: the master spark-submit chose, else the one given, else all local cores. */
final class Sessions {

    private Sessions() {
    }

    static SparkSession open(String appName, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
