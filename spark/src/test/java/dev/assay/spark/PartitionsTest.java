package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the driver deals objects into partitions: each once, balanced by bytes, the same each time.
 */
class PartitionsTest {

  private static List<ObjectRef> objects(long seed, int n) {
    Random random = new Random(seed);
    List<ObjectRef> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Sizes spread over five orders of magnitude, as in a bucket export.
      long size = (long) Math.pow(10, 1 + random.nextDouble() * 6);
      refs.add(
          new ObjectRef(
              "/data",
              "b" + random.nextInt(3),
              "k/" + i,
              size,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    return refs;
  }

  @Test
  void everyObjectOnce_balanced_deterministic() {
    for (long seed = 1; seed <= 50; seed++) {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(500);
      int count = 1 + random.nextInt(Math.min(n, 40));
      List<ObjectRef> refs = objects(seed, n);
      List<ScanTask.Slice> slices = SparkScan.slices(refs, count, 7);

      assertThat(slices).hasSize(count);
      Set<String> seen = new HashSet<>();
      long total = 0;
      long largest = 0;
      long heaviest = 0;
      for (ScanTask.Slice slice : slices) {
        assertThat(slice.run()).isEqualTo(7);
        long weight = 0;
        for (ObjectRef r : slice.objects()) {
          assertThat(seen.add(r.bucket() + "/" + r.key()))
              .as("seed %d: %s twice", seed, r.key())
              .isTrue();
          weight += r.weight();
          largest = Math.max(largest, r.weight());
        }
        total += weight;
        heaviest = Math.max(heaviest, weight);
        // Within a partition, objects go in key order, as a single scan reads them.
        List<ObjectRef> sorted = new ArrayList<>(slice.objects());
        sorted.sort((a, b) -> (a.bucket() + "/" + a.key()).compareTo(b.bucket() + "/" + b.key()));
        assertThat(slice.objects()).isEqualTo(sorted);
      }
      assertThat(seen).hasSize(n);
      // Greedy largest-first: no partition exceeds the mean by more than one object.
      assertThat(heaviest).as("seed %d", seed).isLessThanOrEqualTo(total / count + largest);
      List<ObjectRef> shuffled = new ArrayList<>(refs);
      Collections.shuffle(shuffled, random);
      assertThat(SparkScan.slices(shuffled, count, 7))
          .as("seed %d: listing order does not matter", seed)
          .isEqualTo(slices);
    }
  }

  @Test
  void defaultPartitions_threePerCore_andAtMost64MbEach() {
    assertThat(SparkScan.defaultPartitions(objects(1, 10), 2)).isEqualTo(6);
    List<ObjectRef> big = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      big.add(
          new ObjectRef(
              null,
              "b",
              "k" + i,
              10L * 1024 * 1024,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    assertThat(SparkScan.defaultPartitions(big, 2)).isEqualTo(16);
  }
}
