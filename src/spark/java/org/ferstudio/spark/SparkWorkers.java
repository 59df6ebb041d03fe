package org.ferstudio.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ferstudio.data.FaceImages;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.train.DataParallel;
import org.ferstudio.train.ShardWorker;

/**
 * Data-parallel workers on Spark: one partition per shard, cached in the executors' memory for the whole run; each
 * round broadcasts the driver's parameters, optimiser state and random streams, runs {@link ShardWorker} on every
 * partition and adds the results up with {@code treeAggregate}, so that the driver receives one sum, not one update
 * per worker.
 */
public final class SparkWorkers implements DataParallel.Workers {

    private final JavaSparkContext jsc;
    private JavaRDD<Shard> shards;

    public SparkWorkers(SparkSession spark) {
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @Override
    public void distribute(List<FaceImages> list) {
        List<Shard> data = new ArrayList<>();
        for (int w = 0; w < list.size(); w++) {
            data.add(Shard.of(w, list.get(w)));
        }
        if (shards != null) {
            shards.unpersist(false);
        }
        // as many slices as shards: one shard per partition and task
        shards = jsc.parallelize(data, data.size()).persist(StorageLevel.MEMORY_AND_DISK());
    }

    @Override
    public DataParallel.RoundSum run(DataParallel.RoundTask task) {
        Broadcast<DataParallel.RoundTask> round = jsc.broadcast(task);
        try {
            int depth = Math.max(2, (int) Math.ceil(Math.log(Math.max(2, shards.getNumPartitions())) / Math.log(4)));
            return shards.map(s -> ShardWorker.train(s.images(), s.worker(), round.value()))
                    .treeAggregate(new DataParallel.RoundSum(), DataParallel.RoundSum::add, DataParallel.RoundSum::merge,
                            depth);
        } finally {
            round.destroy();
        }
    }

    /** A worker's images as they travel: grey pixels and labels; rebuilt once per executor while cached. */
    static final class Shard implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int worker;
        private final byte[] pixels;
        private final int[] labels;
        private transient FaceImages images;

        private Shard(int worker, byte[] pixels, int[] labels) {
            this.worker = worker;
            this.pixels = pixels;
            this.labels = labels;
        }

        static Shard of(int worker, FaceImages images) {
            byte[] pixels = new byte[images.size() * FaceTranslator.PIXELS];
            for (int i = 0; i < images.size(); i++) {
                images.copyImage(i, pixels, i * FaceTranslator.PIXELS);
            }
            return new Shard(worker, pixels, images.labels());
        }

        int worker() {
            return worker;
        }

        synchronized FaceImages images() {
            if (images == null) {
                FaceImages built = new FaceImages(labels.length);
                byte[] one = new byte[FaceTranslator.PIXELS];
                for (int i = 0; i < labels.length; i++) {
                    System.arraycopy(pixels, i * FaceTranslator.PIXELS, one, 0, FaceTranslator.PIXELS);
                    built.add(one, labels[i]);
                }
                images = built;
            }
            return images;
        }
    }
}
