package cn.jincheng.brigades.station.domain;

import java.util.List;

/** A page of brigades; {@code nextAfterId} is null on the last page. */
public record BrigadePage(List<Brigade> brigades, String nextAfterId) {
}
