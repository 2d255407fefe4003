package cn.jincheng.brigades.staffing.roster;

import java.time.LocalDate;

public record Certification(String name, LocalDate expiresOn) {
}
