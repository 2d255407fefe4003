package cn.jincheng.brigades.standin;

import java.util.List;

import de.bwaldvogel.mongo.MongoVersion;

/**
 * The server version the stand-in announces: MongoDB 5.0, wire version 13. mongo-java-server's own
 * MONGO_5_0 reports wire version 8 (MongoDB 4.2), which mongosh 2 and the current Node driver refuse
 * ("requires at least 9"); 13 is what a real 5.0 server reports. What the stand-in does not implement
 * of 5.0 (transactions, TTL deletion, partial indexes) it refuses or ignores as before.
 */
enum AnnouncedVersion implements MongoVersion {
    INSTANCE;

    @Override
    public List<Integer> getVersionArray() {
        return List.of(5, 0, 0);
    }

    @Override
    public int getWireVersion() {
        return 13;
    }
}
