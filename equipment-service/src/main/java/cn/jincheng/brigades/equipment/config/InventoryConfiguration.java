package cn.jincheng.brigades.equipment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;
import cn.jincheng.brigades.equipment.domain.evidence.EquipmentRecords;
import cn.jincheng.brigades.equipment.domain.inventory.FireDepartmentRecordRepository;
import cn.jincheng.brigades.equipment.domain.inventory.FireDepartmentRecords;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryImports;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryRepository;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryService;

/**
 * Vehicles, holdings, checks and drills. The directory (station-service's brigades and counties)
 * decides who may see and change a brigade's records.
 */
@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

    @Bean
    InventoryService inventoryService(InventoryRepository inventory, CatalogService catalogs,
            BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        return new InventoryService(inventory, catalogs, directory, time, ids);
    }

    @Bean
    FireDepartmentRecords fireDepartmentRecords(FireDepartmentRecordRepository records, InventoryRepository inventory,
            BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        return new FireDepartmentRecords(records, inventory, directory, time, ids);
    }

    @Bean
    InventoryImports inventoryImports(InventoryRepository inventory, CatalogService catalogs,
            BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        return new InventoryImports(inventory, catalogs, directory, time, ids);
    }

    /** Vehicles, holdings, checks and drills take evidence here (common's EvidenceAutoConfiguration). */
    @Bean
    EquipmentRecords attachableRecords(BrigadeDirectory directory, InventoryRepository inventory,
            FireDepartmentRecordRepository records) {
        return new EquipmentRecords(directory, inventory, records);
    }
}
