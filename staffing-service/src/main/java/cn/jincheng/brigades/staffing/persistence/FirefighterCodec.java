package cn.jincheng.brigades.staffing.persistence;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;

import cn.jincheng.brigades.staffing.domain.roster.Certification;
import cn.jincheng.brigades.staffing.domain.roster.Employment;
import cn.jincheng.brigades.staffing.domain.roster.Firefighter;

/** Firefighter ↔ BSON: dates as ISO text, so that they read the same in every zone. */
final class FirefighterCodec {

    private FirefighterCodec() {
    }

    static Document document(Firefighter f) {
        return new Document("_id", f.id()).append("brigadeId", f.brigadeId()).append("countyId", f.countyId())
                .append("name", f.name()).append("employment", f.employment().name())
                .append("startDate", f.startDate().toString())
                .append("endDate", f.endDate() == null ? null : f.endDate().toString())
                .append("certifications", f.certifications().stream().map(c -> new Document("name", c.name())
                        .append("expiresOn", c.expiresOn() == null ? null : c.expiresOn().toString())).toList());
    }

    static Firefighter firefighter(Document d) {
        String end = d.getString("endDate");
        return new Firefighter(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"), d.getString("name"),
                Employment.valueOf(d.getString("employment")), LocalDate.parse(d.getString("startDate")),
                end == null ? null : LocalDate.parse(end),
                d.getList("certifications", Document.class, List.of()).stream().map(c -> new Certification(
                        c.getString("name"), c.getString("expiresOn") == null ? null : LocalDate.parse(c.getString("expiresOn"))))
                        .toList());
    }
}
