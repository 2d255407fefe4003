package cn.jincheng.brigades.gateway.rest;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.time.TimeSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/calendar}: the business zone and today's date in it, the same "today" the
 * services judge due dates, overdue days and expiry by. The dashboard takes its default dates from
 * here instead of from the browser's own zone.
 */
@RestController
@Tag(name = "Calendar")
class CalendarController {

    record Calendar(String zone, LocalDate today) {
    }

    private final TimeSource time;

    CalendarController(TimeSource time) {
        this.time = time;
    }

    @Operation(summary = "The business time zone and today's date in it")
    @GetMapping(path = "/api/v1/calendar")
    Calendar calendar() {
        return new Calendar(time.zone().getId(), time.today());
    }
}
