package cn.jincheng.brigades.equipment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;
import cn.jincheng.brigades.equipment.domain.compliance.ComplianceService;
import cn.jincheng.brigades.equipment.domain.compliance.EquipmentHoldings;
import cn.jincheng.brigades.equipment.domain.compliance.InventorySource;
import cn.jincheng.brigades.equipment.domain.inventory.FireDepartmentRecords;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryService;

/** The equipment rules applied: compliance of many brigades, expiring items, and what counts of each holding. */
@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    @Bean
    ComplianceService complianceService(InventorySource inventories, CatalogService catalogs,
            BrigadeDirectory directory, TimeSource time) {
        return new ComplianceService(inventories, catalogs, directory, time);
    }

    @Bean
    EquipmentHoldings equipmentHoldings(InventoryService inventory, FireDepartmentRecords records, TimeSource time) {
        return new EquipmentHoldings(inventory, records, time);
    }
}
