package org.ferstudio.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session for all Spark test classes of the run (a session costs seconds to start); stopped
 * when the test JVM ends. The UI is off so that tests running side by side do not compete for its port.
 */
final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().appName("FER Studio tests").master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
