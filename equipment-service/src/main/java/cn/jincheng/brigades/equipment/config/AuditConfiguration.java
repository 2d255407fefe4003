package cn.jincheng.brigades.equipment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.domain.audit.AuditLog;
import cn.jincheng.brigades.common.domain.audit.BrigadeAuditTrail;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;

/** Reading this service's audit trail (the trail itself is common's, kept in this service's database). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    BrigadeAuditTrail brigadeAuditTrail(AuditLog trail, BrigadeDirectory directory) {
        return new BrigadeAuditTrail(trail, directory);
    }
}
