package cn.jincheng.brigades.common.persistence;

import org.bson.types.ObjectId;

import cn.jincheng.brigades.common.domain.ids.RecordIds;

/**
 * MongoDB's own ids: an ObjectId per record, kept as its hex string so that the ids written before
 * (opaque strings) and the new ones live in one collection and the API's ids keep one type.
 */
public final class ObjectIdRecordIds implements RecordIds {

    @Override
    public String next() {
        return new ObjectId().toHexString();
    }
}
