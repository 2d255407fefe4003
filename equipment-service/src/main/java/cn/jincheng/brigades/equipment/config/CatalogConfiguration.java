package cn.jincheng.brigades.equipment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogRepository;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;

/** The standards catalog: read by every other part of the domain, published by the city administrator. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CatalogService catalogService(CatalogRepository catalogs, TimeSource time) {
        return new CatalogService(catalogs, time);
    }
}
