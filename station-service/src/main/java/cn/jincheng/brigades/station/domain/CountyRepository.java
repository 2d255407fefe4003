package cn.jincheng.brigades.station.domain;

import java.util.List;
import java.util.Optional;

public interface CountyRepository {

    List<County> findAll();

    Optional<County> find(String id);

    boolean insertIfAbsent(County county);
}
