package cn.jincheng.brigades.station.architecture;

import cn.jincheng.brigades.common.testing.ServiceArchitectureTest;

/** The project's architecture rules, held by this service's main code. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("cn.jincheng.brigades.station");
    }
}
