package cn.jincheng.brigades.station.domain;

import java.util.Optional;

public interface PlanRepository {

    Optional<Plan> find(String id);

    java.util.List<Plan> findAll();

    boolean insertIfAbsent(Plan plan);
}
