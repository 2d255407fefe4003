package cn.jincheng.brigades.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The business zone is a setting; one that is not a time-zone id stops the start. */
class BusinessTimeAutoConfigurationTest {

    @Test
    void aZoneThatIsNotOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> BusinessTimeAutoConfiguration.businessZone("China/Jincheng"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BRIGADES_ZONE")
                .hasMessageContaining("China/Jincheng");
        assertThat(BusinessTimeAutoConfiguration.businessZone("Asia/Shanghai").getId()).isEqualTo("Asia/Shanghai");
    }
}
