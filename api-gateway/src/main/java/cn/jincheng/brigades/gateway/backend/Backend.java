package cn.jincheng.brigades.gateway.backend;

/** The services behind the gateway; the name is what a 503/504 problem body names. */
public enum Backend {
    STATION("station-service"),
    EQUIPMENT("equipment-service"),
    STAFFING("staffing-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public static java.util.Optional<Backend> byServiceName(String name) {
        return java.util.Arrays.stream(values()).filter(b -> b.serviceName.equals(name)).findFirst();
    }
}
