package cn.jincheng.brigades.station.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.station.domain.compliance.CatchUpService.Status;

class CatchUpStatusTest {

    private static final LocalDate END_2021 = LocalDate.of(2021, 12, 31);

    @Test
    void aCheckpointIsMetWhenNothingIsMissingElseJudgedOnTheBusinessDay() {
        assertThat(CatchUpService.status(true, END_2021, LocalDate.of(2023, 1, 1))).isEqualTo(Status.MET);
        assertThat(CatchUpService.status(false, END_2021, LocalDate.of(2022, 1, 1))).isEqualTo(Status.OVERDUE);
        assertThat(CatchUpService.status(false, END_2021, END_2021)).isEqualTo(Status.DUE);
        assertThat(CatchUpService.status(false, END_2021, LocalDate.of(2021, 1, 1))).isEqualTo(Status.DUE);
        assertThat(CatchUpService.status(false, END_2021, LocalDate.of(2020, 12, 31))).isEqualTo(Status.NOT_YET_DUE);
    }
}
