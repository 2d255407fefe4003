package cn.jincheng.brigades.station.domain.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.RefusingBrigadeRepository;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.County;
import cn.jincheng.brigades.station.domain.CountyRepository;
import cn.jincheng.brigades.station.domain.Plan;
import cn.jincheng.brigades.station.domain.PlanFixtures;
import cn.jincheng.brigades.station.domain.PlanRepository;
import cn.jincheng.brigades.station.domain.Result;
import cn.jincheng.brigades.station.domain.compliance.ComplianceComposer;
import io.grpc.Context;

/**
 * The report's chunking, with the composer replaced by one that records how it is called: the
 * next chunk is evaluated while one is, on the executor the gRPC layer hands in (carrying the
 * caller's gRPC context, as the service's does), and rows still go out in id order, each once. (Composition itself is tested through the real services elsewhere.)
 */
class AcceptanceReportTest {

    private static final Caller INSPECTOR = new Caller("inspector", Role.CITY_INSPECTOR, null);
    private static final Context.Key<String> REQUEST = Context.key("test-request");

    private final List<Brigade> city = IntStream.range(0, AcceptanceReport.CHUNK * 3 + 17)
            .mapToObj(i -> withId(String.format("b%05d", i))).toList();
    private final ExecutorService evaluators = Executors.newFixedThreadPool(AcceptanceReport.AHEAD + 1);
    private AcceptanceReport report;

    @AfterEach
    void stop() {
        evaluators.shutdownNow();
    }

    private static Brigade withId(String id) {
        Brigade b = PlanFixtures.brigade(ConstructionMode.SELF_BUILT);
        return new Brigade(id, b.planId(), b.countyId(), b.town(), b.level(), b.mode(), "", "", b.housing(), "", 1,
                b.milestones(), List.of());
    }

    @Test
    void theNextChunkIsEvaluatedWhileOneIsInTheCallersContextAndRowsComeInIdOrder() {
        RecordingComposer composer = new RecordingComposer(-1);
        report = new AcceptanceReport(new Brigades(city), new Counties(), composer, new Plans());
        List<String> ids = new ArrayList<>();
        Context.current().withValue(REQUEST, "report-1").run(
                () -> report.stream(INSPECTOR, 2019, null, Context.currentContextExecutor(evaluators),
                        row -> ids.add(row.brigade().id())));

        assertThat(ids).isEqualTo(city.stream().map(Brigade::id).toList());
        assertThat(composer.chunks).hasValue(4);
        assertThat(composer.overlapped).as("the second chunk started while the first was being evaluated").isTrue();
        assertThat(composer.requests).containsOnly("report-1");
    }

    @Test
    void aChunkThatFailsFailsTheReportWithItsOwnError() {
        report = new AcceptanceReport(new Brigades(city), new Counties(), new RecordingComposer(2), new Plans());
        List<String> ids = new ArrayList<>();
        assertThatThrownBy(() -> report.stream(INSPECTOR, 2019, null, evaluators, row -> ids.add(row.brigade().id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(ids).hasSize(AcceptanceReport.CHUNK); // the first chunk went out; nothing after the failure
    }

    @Test
    void aRowTheCallerCannotTakeEndsTheReportWithoutReadingTheRestOfTheCity() {
        RecordingComposer composer = new RecordingComposer(-1);
        report = new AcceptanceReport(new Brigades(city), new Counties(), composer, new Plans());
        IllegalStateException gone = new IllegalStateException("the caller went away");

        assertThatThrownBy(() -> report.stream(INSPECTOR, 2019, null, evaluators, row -> {
            throw gone;
        })).isSameAs(gone);
        assertThat(composer.chunks).as("the chunks read before the first row went out, of 4").hasValueLessThanOrEqualTo(
                AcceptanceReport.AHEAD + 1);
    }

    /** Answers every brigade with no rules to apply; the first chunk waits (up to 10 s) for the second to start. */
    private static final class RecordingComposer extends ComplianceComposer {

        private final int failingChunk;
        final AtomicInteger chunks = new AtomicInteger();
        final Set<String> requests = ConcurrentHashMap.newKeySet();
        private final CountDownLatch secondStarted = new CountDownLatch(1);
        volatile boolean overlapped;

        RecordingComposer(int failingChunk) {
            super(null, null, null, null);
            this.failingChunk = failingChunk;
        }

        @Override
        public List<Evaluated> verdicts(List<Brigade> batch, int year) {
            chunks.incrementAndGet();
            // which chunk of the city this is, by its brigades (the calls may start in any order)
            int chunk = Integer.parseInt(batch.get(0).id().substring(1)) / AcceptanceReport.CHUNK + 1;
            requests.add(String.valueOf(REQUEST.get()));
            if (chunk == 2) {
                secondStarted.countDown();
            }
            if (chunk == failingChunk) {
                throw new NotFoundException("plan", "gone");
            }
            if (chunk == 1) {
                try {
                    overlapped = secondStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return batch.stream().map(b -> new Evaluated(b, new Result(b.id(), year, List.of(), true, null, List.of()), null))
                    .toList();
        }
    }

    private static final class Brigades extends RefusingBrigadeRepository {
        private final List<Brigade> all;

        Brigades(List<Brigade> all) {
            this.all = all;
        }

        @Override
        public void forEach(String countyId, Consumer<Brigade> consumer) {
            all.forEach(consumer);
        }
    }

    private static final class Counties implements CountyRepository {

        @Override
        public List<County> findAll() {
            return List.of(new County("zezhou", "泽州县", "county"));
        }

        @Override
        public Optional<County> find(String id) {
            return findAll().stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public boolean insertIfAbsent(County county) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Plans implements PlanRepository {

        @Override
        public Optional<Plan> find(String id) {
            return Optional.of(PlanFixtures.jincheng2019());
        }

        @Override
        public List<Plan> findAll() {
            return List.of(PlanFixtures.jincheng2019());
        }

        @Override
        public boolean replaceIfChanged(Plan plan) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean insertIfAbsent(Plan plan) {
            throw new UnsupportedOperationException();
        }
    }
}
