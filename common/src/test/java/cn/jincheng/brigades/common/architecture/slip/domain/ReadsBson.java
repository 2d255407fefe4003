package cn.jincheng.brigades.common.architecture.slip.domain;

import org.bson.Document;

/** A slip the rules must catch: a domain class that knows the storage format. */
public class ReadsBson {

    public Object notes(Document stored) {
        return stored.get("notes");
    }
}
