package io.dst.it.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearizedSetTest {

    @Test
    void shouldBeEqualRegardlessOfInsertionOrder() {
        Random random = new Random(3);
        for (int round = 0; round < 500; round++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                if (random.nextInt(4) != 0 || i < random.nextInt(200)) {
                    members.add(i);
                }
            }
            LinearizedSet forward = LinearizedSet.EMPTY;
            for (int m : members) {
                forward = forward.with(m);
            }
            Collections.shuffle(members, random);
            LinearizedSet shuffled = LinearizedSet.EMPTY;
            for (int m : members) {
                shuffled = shuffled.with(m);
            }

            assertThat(shuffled).isEqualTo(forward).hasSameHashCodeAs(forward);
            assertThat(shuffled.size()).isEqualTo(members.size());
        }
    }

    @Test
    void shouldContainExactlyWhatWasAdded() {
        Random random = new Random(5);
        BitSet expected = new BitSet();
        LinearizedSet set = LinearizedSet.EMPTY;
        for (int i = 0; i < 2000; i++) {
            int index = random.nextInt(700);
            expected.set(index);
            set = set.with(index);
        }
        for (int i = 0; i < 800; i++) {
            assertThat(set.contains(i)).as("index %d", i).isEqualTo(expected.get(i));
        }
        assertThat(set.size()).isEqualTo(expected.cardinality());
    }

    @Test
    void shouldDifferWhenOneMemberDiffers() {
        LinearizedSet a = LinearizedSet.EMPTY.with(0).with(1).with(70);
        LinearizedSet b = LinearizedSet.EMPTY.with(0).with(1).with(71);

        assertThat(a).isNotEqualTo(b);
        assertThat(a.with(71)).isEqualTo(b.with(70));
    }
}
