package cn.jincheng.brigades.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IndexKeyDecodingTest {

    private static Object decoded(Object value) {
        return IndexKeyDecoding.fields(H2SecondaryIndex.encode(value), List.of("v"), Set.of("v")).get("v");
    }

    @Test
    void wholeNumbersComeBackAsTheNarrowestOfIntAndLong() {
        assertThat(decoded(0)).isEqualTo(0);
        assertThat(decoded(-7)).isEqualTo(-7);
        assertThat(decoded(50_000L)).isEqualTo(50_000);
        assertThat(decoded(Integer.MAX_VALUE + 1L)).isEqualTo(Integer.MAX_VALUE + 1L);
        assertThat(decoded(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(decoded(123_456_789_012_345_678L)).isEqualTo(123_456_789_012_345_678L);
        assertThat(decoded(3.0)).isEqualTo(3);
        assertThat(decoded(1e20)).isEqualTo(1e20);
    }

    @Test
    void fractionsAndSpecialDoublesComeBackAsDoubles() {
        assertThat(decoded(2.5)).isEqualTo(2.5);
        assertThat(decoded(-0.125)).isEqualTo(-0.125);
        assertThat(decoded(Double.NaN)).isEqualTo(Double.NaN);
        assertThat(decoded(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
