package cn.jincheng.brigades.common.domain.evidence;

/** Where a photo was taken, as its EXIF says (WGS 84 degrees). */
public record Gps(double lat, double lon) {
}
