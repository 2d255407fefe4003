package cn.jincheng.brigades.common.domain.ids;

/**
 * New ids for the records a service keeps (vehicles, holdings, checks, drills, firefighters). The
 * store decides their form; everything else treats them as opaque strings.
 */
@FunctionalInterface
public interface RecordIds {

    String next();
}
