package org.ferstudio.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.ferstudio.model.ModelCard;
import org.ferstudio.store.ModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch prediction on Spark: photos and MJPG videos in, one row per face out ({@link PredictionRows}). The model
 * folder is broadcast as bytes and loaded once per executor JVM; files are spread over the partitions; a failing
 * file is a row, never the job's end.
 */
public final class BatchPrediction {

    private static final Logger LOG = LoggerFactory.getLogger(BatchPrediction.class);

    /** Parquet (the default) or CSV with a header line. */
    public enum Format { PARQUET, CSV }

    /** What the driver reports at the end. */
    public record Summary(int files, long faces, long failedFiles, String model, String sha256) {
    }

    private final SparkSession spark;

    public BatchPrediction(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * The rows for {@code inputs} (paths or globs on any Hadoop file system), computed lazily by Spark.
     *
     * @param partitions how many tasks share the files; 0 = four per core Spark offers, at most one per file
     */
    public Dataset<Row> predict(List<String> inputs, Path modelFolder, PredictionSettings settings, int partitions)
            throws IOException {
        return plan(inputs, modelFolder, settings, partitions).rows();
    }

    /** Predicts and writes the table to {@code output} (a folder, which must not exist yet). */
    public Summary run(List<String> inputs, Path modelFolder, PredictionSettings settings, int partitions,
                       String output, Format format) throws IOException {
        Plan plan = plan(inputs, modelFolder, settings, partitions);
        var writer = plan.rows().write().mode(SaveMode.ErrorIfExists);
        if (format == Format.CSV) {
            writer.option("header", true).csv(output);
        } else {
            writer.parquet(output);
        }
        Summary summary = new Summary(plan.files(), plan.faces().value(), plan.failed().value(), plan.model(),
                plan.bundle().sha256());
        LOG.info("{} files, {} faces, {} failed files -> {} ({})", summary.files(), summary.faces(),
                summary.failedFiles(), output, format.name().toLowerCase(Locale.ROOT));
        return summary;
    }

    private record Plan(Dataset<Row> rows, int files, String model, ModelBundle bundle, LongAccumulator faces, LongAccumulator failed) {
    }

    private Plan plan(List<String> inputs, Path modelFolder, PredictionSettings settings, int partitions)
            throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        InputFiles files = new InputFiles(jsc.hadoopConfiguration());
        List<String> listed = files.list(inputs);
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("no photos or videos found in " + inputs);
        }
        ModelBundle bundle = ModelBundle.read(modelFolder);
        ModelCard card = ModelStore.readCard(modelFolder);
        PredictionRows rows = new PredictionRows(card.classes(), card.name(), bundle.sha256(),
                settings.detector().id());
        Broadcast<ModelBundle> broadcast = jsc.broadcast(bundle);
        LongAccumulator faces = jsc.sc().longAccumulator("faces");
        LongAccumulator failed = jsc.sc().longAccumulator("failed files");
        int slices = partitions > 0 ? partitions : Math.max(1, Math.min(listed.size(), 4 * jsc.defaultParallelism()));
        LOG.info("{} files in {} partitions, model {} ({} bytes broadcast)", listed.size(), slices, bundle.name(),
                bundle.bytes());
        JavaRDD<Row> out = jsc.parallelize(listed, slices)
                .mapPartitions(new PredictPartition(broadcast, settings, rows, files, failed, faces));
        return new Plan(spark.createDataFrame(out, rows.schema()), listed.size(), card.name(), bundle, faces, failed);
    }
}
