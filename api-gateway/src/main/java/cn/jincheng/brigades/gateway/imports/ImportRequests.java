package cn.jincheng.brigades.gateway.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentRow;
import cn.jincheng.brigades.proto.equipment.v1.ImportEquipmentChunk;
import cn.jincheng.brigades.proto.equipment.v1.ImportVehiclesChunk;
import cn.jincheng.brigades.proto.equipment.v1.VehicleRow;
import cn.jincheng.brigades.proto.equipment.v1.VehicleStatus;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.staffing.v1.Employment;
import cn.jincheng.brigades.proto.staffing.v1.FirefighterRow;
import cn.jincheng.brigades.proto.staffing.v1.ImportFirefightersChunk;
import cn.jincheng.brigades.proto.station.v1.BrigadeLevel;
import cn.jincheng.brigades.proto.station.v1.BrigadeRow;
import cn.jincheng.brigades.proto.station.v1.ConstructionMode;
import cn.jincheng.brigades.proto.station.v1.ImportBrigadesChunk;

/** Typed rows as the chunks of each service's import stream; the options ride on the first chunk. */
final class ImportRequests {

    static final int ROWS_PER_CHUNK = 1000;

    private ImportRequests() {
    }

    static List<ImportBrigadesChunk> brigades(List<ImportTable.TypedRow> rows, ImportOptions options) {
        return chunks(rows, options, r -> BrigadeRow.newBuilder().setRow(r.row()).setId(r.text("id"))
                .setCountyId(r.text("county")).setTown(r.text("town"))
                .setLevel(BrigadeLevel.valueOf("BRIGADE_LEVEL_" + r.text("level")))
                .setConstructionMode(ConstructionMode.valueOf("CONSTRUCTION_MODE_" + r.text("constructionMode")))
                .setPartner(r.text("partner")).setSituation(r.text("situation")).build(),
                (first, list) -> ImportBrigadesChunk.newBuilder().setOptions(first).addAllRows(list).build());
    }

    static List<ImportVehiclesChunk> vehicles(List<ImportTable.TypedRow> rows, ImportOptions options) {
        return chunks(rows, options, r -> VehicleRow.newBuilder().setRow(r.row()).setBrigadeId(r.text("brigadeId"))
                .setType(r.text("type")).setPlate(r.text("plate"))
                .setStatus(r.text("status").isEmpty() ? VehicleStatus.VEHICLE_STATUS_UNSPECIFIED
                        : VehicleStatus.valueOf("VEHICLE_STATUS_" + r.text("status")))
                .build(),
                (first, list) -> ImportVehiclesChunk.newBuilder().setOptions(first).addAllRows(list).build());
    }

    static List<ImportEquipmentChunk> equipment(List<ImportTable.TypedRow> rows, ImportOptions options) {
        return chunks(rows, options, r -> {
            EquipmentRow.Builder row = EquipmentRow.newBuilder().setRow(r.row()).setBrigadeId(r.text("brigadeId"))
                    .setItemCode(r.text("itemCode")).setQuantity(r.number("quantity"));
            if (r.date("expiresOn") != null) {
                row.setExpiresOn(ProtoTime.date(r.date("expiresOn")));
            }
            return row.build();
        }, (first, list) -> ImportEquipmentChunk.newBuilder().setOptions(first).addAllRows(list).build());
    }

    static List<ImportFirefightersChunk> firefighters(List<ImportTable.TypedRow> rows, ImportOptions options) {
        return chunks(rows, options, r -> {
            FirefighterRow.Builder row = FirefighterRow.newBuilder().setRow(r.row()).setBrigadeId(r.text("brigadeId"))
                    .setName(r.text("name")).setEmployment(Employment.valueOf("EMPLOYMENT_" + r.text("employment")))
                    .setStartDate(ProtoTime.date(r.date("startDate")));
            if (r.date("endDate") != null) {
                row.setEndDate(ProtoTime.date(r.date("endDate")));
            }
            return row.build();
        }, (first, list) -> ImportFirefightersChunk.newBuilder().setOptions(first).addAllRows(list).build());
    }

    /** At least one chunk, so that the options always arrive. */
    private static <R, C> List<C> chunks(List<ImportTable.TypedRow> rows, ImportOptions options,
            Function<ImportTable.TypedRow, R> toRow, BiFunction<ImportOptions, List<R>, C> toChunk) {
        List<C> chunks = new ArrayList<>();
        int from = 0;
        do {
            List<R> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_CHUNK)).stream().map(toRow).toList();
            chunks.add(toChunk.apply(options, part));
            from += ROWS_PER_CHUNK;
        } while (from < rows.size());
        return chunks;
    }
}
