package cn.jincheng.brigades.equipment.domain.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A published version of the standards catalog. Versions are immutable once published. */
public record Catalog(String id, int version, String title, Instant publishedAt, String publishedBy, String note,
        int defaultHeadcount, List<VehicleType> vehicleTypes, List<ItemDefinition> items, List<Rule> rules) {

    public Catalog {
        vehicleTypes = List.copyOf(vehicleTypes);
        items = List.copyOf(items);
        rules = List.copyOf(rules);
    }

    /** {@code <id>@<version>}: how compliance answers name the catalog they used. */
    public String reference() {
        return id + "@" + version;
    }

    public Optional<VehicleType> vehicleType(String code) {
        return vehicleTypes.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<ItemDefinition> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Map<String, VehicleType> vehicleTypesByCode() {
        return vehicleTypes.stream().collect(Collectors.toMap(VehicleType::code, Function.identity()));
    }
}
