package cn.jincheng.brigades.common.architecture.slip.grpc;

import cn.jincheng.brigades.common.architecture.slip.domain.CallsTheStore;

/** Part of the slips: an adapter calling the domain, as it should. */
public class Adapter {

    public Object service() {
        return new CallsTheStore();
    }
}
