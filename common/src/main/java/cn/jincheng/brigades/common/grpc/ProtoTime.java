package cn.jincheng.brigades.common.grpc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import com.google.protobuf.Timestamp;
import com.google.type.Date;

import cn.jincheng.brigades.common.domain.errors.ValidationException;

/** google.type.Date and google.protobuf.Timestamp ↔ java.time, the same way in every module. */
public final class ProtoTime {

    private ProtoTime() {
    }

    public static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    public static LocalDate localDate(Date d) {
        return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    /** The date of a request field, or null when it is unset; an impossible date is refused by field. */
    public static LocalDate localDate(Date d, boolean present, String field) {
        if (!present) {
            return null;
        }
        try {
            return localDate(d);
        } catch (DateTimeException e) {
            throw new ValidationException(field, "is not a valid date");
        }
    }

    public static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    public static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
