package cn.jincheng.brigades.staffing.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.domain.audit.AuditLog;
import cn.jincheng.brigades.common.domain.audit.BrigadeAuditTrail;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.staffing.domain.compliance.CountyBudgets;
import cn.jincheng.brigades.staffing.domain.compliance.StaffingCompliance;
import cn.jincheng.brigades.staffing.domain.funding.FundingRepository;
import cn.jincheng.brigades.staffing.domain.funding.FundingService;
import cn.jincheng.brigades.staffing.domain.roster.RosterImports;
import cn.jincheng.brigades.staffing.domain.roster.RosterRepository;
import cn.jincheng.brigades.staffing.domain.roster.RosterService;
import cn.jincheng.brigades.staffing.domain.rules.RulesRepository;
import cn.jincheng.brigades.staffing.domain.rules.RulesService;

/**
 * The domain's services, built here because the domain is plain Java. They get the repositories
 * by their domain interfaces (the MongoDB ones in persistence are components), the brigade
 * directory, clock, ids and audit trail from common.
 */
@Configuration(proxyBeanMethods = false)
class StaffingConfiguration {

    @Bean
    RulesService rulesService(RulesRepository rules, TimeSource time) {
        return new RulesService(rules, time);
    }

    @Bean
    RosterService rosterService(RosterRepository rosters, BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        return new RosterService(rosters, directory, time, ids);
    }

    @Bean
    RosterImports rosterImports(RosterRepository rosters, BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        return new RosterImports(rosters, directory, time, ids);
    }

    @Bean
    FundingService fundingService(FundingRepository funding, BrigadeDirectory directory, TimeSource time) {
        return new FundingService(funding, directory, time);
    }

    @Bean
    StaffingCompliance staffingCompliance(RosterRepository rosters, FundingRepository funding, RulesService rules,
            BrigadeDirectory directory, TimeSource time) {
        return new StaffingCompliance(rosters, funding, rules, directory, time);
    }

    @Bean
    CountyBudgets countyBudgets(RosterRepository rosters, FundingRepository funding, RulesService rules,
            BrigadeDirectory directory, TimeSource time) {
        return new CountyBudgets(rosters, funding, rules, directory, time);
    }

    @Bean
    BrigadeAuditTrail brigadeTrails(BrigadeDirectory directory, AuditLog auditLog) {
        return new BrigadeAuditTrail(auditLog, directory);
    }
}
