package cn.jincheng.brigades.staffing.domain.roster;

import java.time.LocalDate;

public record Certification(String name, LocalDate expiresOn) {
}
