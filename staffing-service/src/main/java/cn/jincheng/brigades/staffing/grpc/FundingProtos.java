package cn.jincheng.brigades.staffing.grpc;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeFunding;
import cn.jincheng.brigades.proto.staffing.v1.FundingSource;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingResponse;
import cn.jincheng.brigades.staffing.domain.compliance.BudgetLine;
import cn.jincheng.brigades.staffing.domain.compliance.CountyBudget;
import cn.jincheng.brigades.staffing.domain.funding.Funding;

/** Funding and the county budget ↔ staffing.v1. */
final class FundingProtos {

    private FundingProtos() {
    }

    /** Unset or unknown: null, which the domain refuses naming the field. */
    static cn.jincheng.brigades.staffing.domain.funding.FundingSource source(FundingSource s) {
        return s == FundingSource.FUNDING_SOURCE_UNSPECIFIED || s == FundingSource.UNRECOGNIZED ? null
                : cn.jincheng.brigades.staffing.domain.funding.FundingSource.valueOf(
                        s.name().substring("FUNDING_SOURCE_".length()));
    }

    static cn.jincheng.brigades.proto.staffing.v1.Funding funding(Funding f) {
        return cn.jincheng.brigades.proto.staffing.v1.Funding.newBuilder().setBrigadeId(f.brigadeId()).setYear(f.year())
                .setSource(FundingSource.valueOf("FUNDING_SOURCE_" + f.source().name())).setAmountYuan(f.amountYuan())
                .setUpdatedBy(f.updatedBy()).setUpdatedAt(ProtoTime.timestamp(f.updatedAt())).build();
    }

    static GetCountyFundingResponse budget(CountyBudget budget) {
        return GetCountyFundingResponse.newBuilder().setCountyId(budget.countyId()).setYear(budget.year())
                .setRules(budget.rules()).addAllBrigades(budget.brigades().stream().map(FundingProtos::line).toList())
                .setAllocatedYuan(budget.allocatedYuan()).setRequiredYuan(budget.requiredYuan())
                .setShortfallYuan(budget.shortfallYuan()).build();
    }

    private static BrigadeFunding line(BudgetLine line) {
        return BrigadeFunding.newBuilder().setBrigadeId(line.brigadeId()).setTier(ComplianceProtos.tier(line.tier()))
                .setHeadcount(line.result().headcount()).setRequiredHeadcount(line.result().requiredHeadcount())
                .setAllocatedYuan(line.allocatedYuan()).setRequiredYuan(line.requiredYuan())
                .setShortfallYuan(line.shortfallYuan()).setOtherSourcesYuan(line.otherSourcesYuan())
                .setPayer(FundingSource.valueOf("FUNDING_SOURCE_" + line.payer().name())).build();
    }
}
