package cn.jincheng.brigades.common.architecture.slip.persistence;

import cn.jincheng.brigades.common.architecture.slip.grpc.Adapter;

/** A slip the rules must catch: a store that reaches into the gRPC adapters (and so closes a cycle). */
public class ConcreteStore {

    public int count() {
        return new Adapter().service() == null ? 0 : 1;
    }
}
