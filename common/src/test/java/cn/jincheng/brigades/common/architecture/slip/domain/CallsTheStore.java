package cn.jincheng.brigades.common.architecture.slip.domain;

import cn.jincheng.brigades.common.architecture.slip.persistence.ConcreteStore;

/** A slip the rules must catch: a domain service calling a concrete store instead of its own interface. */
public class CallsTheStore {

    public int count(ConcreteStore store) {
        return store.count();
    }
}
