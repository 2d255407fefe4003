package cn.jincheng.brigades.equipment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.equipment.domain.compliance.Inventory;
import cn.jincheng.brigades.equipment.domain.compliance.InventoryLoader;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.Finding;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;
import cn.jincheng.brigades.standin.StandInServer;

/**
 * The report's inventories, summed by the store, count exactly what the rules count when they
 * read every holding: random holdings (with and without expiry dates, some expiring on the very
 * day) and random checks (before and after the day, naming held, foreign and unknown holdings),
 * read on several days.
 */
class MongoInventorySourceTest {

    static final String[] CODES = { "PPE_HELMET", "PPE_BOOTS", "HOSE_65", "SCBA", "AXE" };
    static final LocalDate DAY = LocalDate.of(2019, 12, 31);

    static StandInServer server;
    static MongoClient client;
    static MongoDatabase database;
    static final Map<String, List<EquipmentItem>> ITEMS = new HashMap<>();
    static final Map<String, List<EquipmentCheck>> CHECKS = new HashMap<>();
    static final List<String> BRIGADES = new ArrayList<>();

    @BeforeAll
    static void storeARandomCity() {
        server = StandInServer.start(LocalResources.tempDir("inventory-source-test"), "127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("equipment");
        Random random = new Random(2019);
        List<String> allItemIds = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            String brigade = "b" + b;
            BRIGADES.add(brigade);
            for (int i = 0; i < random.nextInt(12); i++) {
                LocalDate expires = switch (random.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> DAY;
                    default -> DAY.plusDays(random.nextInt(60) - 30);
                };
                EquipmentItem item = new EquipmentItem(brigade + "-i" + i, brigade, "county", CODES[random.nextInt(CODES.length)],
                        1 + random.nextInt(20), expires, List.of(), 1);
                ITEMS.computeIfAbsent(brigade, k -> new ArrayList<>()).add(item);
                allItemIds.add(item.id());
                database.getCollection(InventoryCodec.ITEMS).insertOne(InventoryCodec.document(item));
            }
        }
        for (String brigade : BRIGADES) {
            for (int c = 0; c < random.nextInt(3); c++) {
                List<ItemFinding> findings = new ArrayList<>();
                for (int f = 0; f < random.nextInt(6); f++) {
                    String itemId = random.nextInt(5) == 0 ? "unknown-" + f : allItemIds.get(random.nextInt(allItemIds.size()));
                    Finding finding = Finding.values()[random.nextInt(Finding.values().length)];
                    findings.add(new ItemFinding(itemId, finding, random.nextBoolean() ? null : random.nextInt(25), null));
                }
                List<EquipmentItem> own = ITEMS.getOrDefault(brigade, List.of());
                if (!own.isEmpty()) {
                    findings.add(new ItemFinding(own.get(random.nextInt(own.size())).id(), Finding.PRESENT, random.nextInt(5), null));
                }
                EquipmentCheck check = new EquipmentCheck(brigade + "-c" + c, brigade, "county",
                        DAY.plusDays(random.nextInt(40) - 30), "inspector", findings, null, Instant.ofEpochSecond(1_570_000_000L + c));
                CHECKS.computeIfAbsent(brigade, k -> new ArrayList<>()).add(check);
                database.getCollection(InventoryCodec.CHECKS).insertOne(InventoryCodec.document(check));
            }
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2019-12-01", "2019-12-31", "2020-01-01", "2020-02-29" })
    void theStoreSumsCountWhatTheRulesCountHoldingByHolding(String day) {
        LocalDate asOf = LocalDate.parse(day);
        Map<String, Inventory> summed = new InventoryLoader(new MongoInventorySource(database)).read(BRIGADES, asOf);

        assertThat(summed).hasSize(BRIGADES.size());
        for (String brigade : BRIGADES) {
            Inventory whole = new Inventory(List.of(), ITEMS.getOrDefault(brigade, List.of()),
                    CHECKS.getOrDefault(brigade, List.of()), List.of());
            assertThat(nonZero(summed.get(brigade).usableByCode(asOf))).as(brigade + " on " + day)
                    .isEqualTo(nonZero(whole.usableByCode(asOf)));
            assertThat(summed.get(brigade).checks()).hasSameElementsAs(whole.checks());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "2019-12-31" })
    void holdingsOnlyTheLatestCheckNamesAreReadOneByOne(String day) {
        LocalDate asOf = LocalDate.parse(day);
        Map<String, Inventory> summed = new InventoryLoader(new MongoInventorySource(database)).read(BRIGADES, asOf);

        int listed = summed.values().stream().mapToInt(i -> i.items().size()).sum();
        int held = ITEMS.values().stream().mapToInt(List::size).sum();
        assertThat(listed).isPositive().isLessThan(held);
        assertThat(summed.values().stream().mapToInt(i -> i.counted().size()).sum()).isPositive();
    }

    private static Map<String, Integer> nonZero(Map<String, Integer> byCode) {
        return byCode.entrySet().stream().filter(e -> e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
