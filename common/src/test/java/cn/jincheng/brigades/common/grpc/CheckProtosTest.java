package cn.jincheng.brigades.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.proto.compliance.v1.Check;

/** Checks travel between services with how sure their rule is, and why the city promoted it if it did. */
class CheckProtosTest {

    @Test
    void aCheckGoesAndComesBackWithItsStatusAndPromotionReason() {
        CheckResult promoted = new CheckResult("ppe.helmet", Area.EQUIPMENT, Severity.REQUIRED, "≥ 10", "9 usable", false,
                "GA 621-2013", SourceStatus.REFERENCE, "市里核实后提升");
        assertThat(CheckProtos.fromProto(CheckProtos.check(promoted))).isEqualTo(promoted);
        for (SourceStatus status : SourceStatus.values()) {
            CheckResult advisory = new CheckResult("r", Area.VEHICLES, Severity.ADVISORY, "≥ 1", "0", false, "s", status);
            assertThat(CheckProtos.fromProto(CheckProtos.check(advisory))).isEqualTo(advisory);
        }
    }

    @Test
    void aServiceStillSendingTheRetiredStatusStandardIsReadAsReferenceAndCannotFailABrigadeByItself() {
        Check fromAnOldService = CheckProtos.check(new CheckResult("ppe.helmet", Area.EQUIPMENT, Severity.REQUIRED, "≥ 10",
                "0 usable", false, "GA 621-2013", SourceStatus.PLAN)).toBuilder()
                .setSourceStatusValue(CheckProtos.RETIRED_STANDARD).build();
        CheckResult read = CheckProtos.fromProto(fromAnOldService);
        assertThat(read.sourceStatus()).isEqualTo(SourceStatus.REFERENCE);
        assertThat(read.severity()).isEqualTo(Severity.ADVISORY);
        assertThat(read.met()).isFalse();

        CheckResult promoted = CheckProtos.fromProto(fromAnOldService.toBuilder().setPromotionReason("核实后提升").build());
        assertThat(promoted.severity()).isEqualTo(Severity.REQUIRED);
        assertThat(promoted.promotionReason()).isEqualTo("核实后提升");
    }

    @Test
    void aRequiredCheckOfAnUnverifiedSourceWithoutAReasonCountsAsAdvisoryWhoeverSentIt() {
        CheckResult unpromoted = CheckProtos.fromProto(CheckProtos.check(new CheckResult("r", Area.EQUIPMENT,
                Severity.REQUIRED, "≥ 1", "0", false, "s", SourceStatus.PRODUCT_DECISION)));
        assertThat(unpromoted.severity()).isEqualTo(Severity.ADVISORY);
        CheckResult plan = CheckProtos.fromProto(CheckProtos.check(new CheckResult("r", Area.VEHICLES, Severity.REQUIRED,
                "≥ 1", "0", false, "s", SourceStatus.PLAN)));
        assertThat(plan.severity()).isEqualTo(Severity.REQUIRED);
    }
}
