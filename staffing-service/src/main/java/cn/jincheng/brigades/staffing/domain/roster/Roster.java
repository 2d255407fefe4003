package cn.jincheng.brigades.staffing.domain.roster;

import java.time.LocalDate;
import java.util.List;

/** A brigade's roster as it stood on a day: everyone it has had (leavers stay), and who served that day. */
public record Roster(LocalDate day, List<Firefighter> firefighters) {

    public Roster {
        firefighters = List.copyOf(firefighters);
    }

    public boolean active(Firefighter firefighter) {
        return firefighter.activeOn(day);
    }

    public int activeCount() {
        return (int) firefighters.stream().filter(this::active).count();
    }
}
