package cn.jincheng.brigades.station.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.station.domain.BrigadeImports;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.BrigadeService;
import cn.jincheng.brigades.station.domain.BrigadeWriter;
import cn.jincheng.brigades.station.domain.CountyRepository;
import cn.jincheng.brigades.station.domain.DirectorySync;
import cn.jincheng.brigades.station.domain.MilestoneService;
import cn.jincheng.brigades.station.domain.PlanRepository;
import cn.jincheng.brigades.station.domain.acceptance.AcceptanceReport;
import cn.jincheng.brigades.station.domain.acceptance.AcceptanceService;
import cn.jincheng.brigades.station.domain.acceptance.CountyAcceptanceRepository;
import cn.jincheng.brigades.station.domain.acceptance.CountyAcceptanceService;
import cn.jincheng.brigades.station.domain.compliance.CatchUpService;
import cn.jincheng.brigades.station.domain.compliance.ComplianceArea;
import cn.jincheng.brigades.station.domain.compliance.ComplianceComposer;
import cn.jincheng.brigades.station.domain.evidence.StationRecords;

/** The domain's services, built from the repositories (persistence) and the other services' areas (gRPC clients). */
@Configuration(proxyBeanMethods = false)
class StationDomainConfiguration {

    @Bean
    BrigadeWriter brigadeWriter(BrigadeRepository brigades) {
        return new BrigadeWriter(brigades);
    }

    @Bean
    BrigadeService brigadeService(BrigadeRepository brigades, CountyRepository counties, PlanRepository plans,
            BrigadeWriter writer, TimeSource time) {
        return new BrigadeService(brigades, counties, plans, writer, time);
    }

    @Bean
    MilestoneService milestoneService(BrigadeService brigadeService, BrigadeRepository brigades,
            CountyRepository counties, BrigadeWriter writer, TimeSource time, PlanRepository plans) {
        return new MilestoneService(brigadeService, brigades, counties, writer, time, plans);
    }

    @Bean
    BrigadeImports brigadeImports(BrigadeRepository brigades, CountyRepository counties, PlanRepository plans,
            TimeSource time, DirectorySync directory) {
        return new BrigadeImports(brigades, counties, plans, time, directory);
    }

    @Bean
    ComplianceComposer complianceComposer(BrigadeService brigades, PlanRepository plans,
            @Qualifier("staffingArea") ComplianceArea staffing, @Qualifier("equipmentArea") ComplianceArea equipment) {
        return new ComplianceComposer(brigades, plans, staffing, equipment);
    }

    @Bean
    AcceptanceService acceptanceService(BrigadeService brigades, BrigadeWriter writer, ComplianceComposer composer,
            PlanRepository plans, TimeSource time) {
        return new AcceptanceService(brigades, writer, composer, plans, time);
    }

    @Bean
    AcceptanceReport acceptanceReport(BrigadeRepository brigades, CountyRepository counties, ComplianceComposer composer,
            PlanRepository plans) {
        return new AcceptanceReport(brigades, counties, composer, plans);
    }

    @Bean
    CountyAcceptanceService countyAcceptanceService(CountyAcceptanceRepository store, CountyRepository counties,
            BrigadeRepository brigades, PlanRepository plans, TimeSource time) {
        return new CountyAcceptanceService(store, counties, brigades, plans, time);
    }

    @Bean
    CatchUpService catchUpService(BrigadeService brigades, ComplianceComposer composer, TimeSource time) {
        return new CatchUpService(brigades, composer, time);
    }

    /** Milestone submissions, housing, inspections and county acceptance take evidence here (common's EvidenceAutoConfiguration). */
    @Bean
    StationRecords attachableRecords(BrigadeRepository brigades) {
        return new StationRecords(brigades);
    }
}
