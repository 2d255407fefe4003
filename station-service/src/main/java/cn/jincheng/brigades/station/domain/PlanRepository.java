package cn.jincheng.brigades.station.domain;

import java.util.Optional;

public interface PlanRepository {

    Optional<Plan> find(String id);

    java.util.List<Plan> findAll();

    boolean insertIfAbsent(Plan plan);

    /**
     * Stores the plan as the seed file states it when the stored one differs (a plan is reference
     * data: nothing in the system edits it); true if it was written.
     */
    boolean replaceIfChanged(Plan plan);
}
