package cn.jincheng.brigades.common.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import io.grpc.stub.StreamObserver;

/**
 * The server side of an import's client stream: collects the rows of every chunk (options from the
 * first), and when the client is done hands them all to the import at once, because an
 * all-or-nothing import can only decide after seeing the last row. Answers once.
 */
public final class ImportStream<C, R> implements StreamObserver<C> {

    /**
     * Rows one import may carry (the gateway refuses longer files before sending). An import is
     * decided whole, so its rows, their documents and audit entries are in the service's memory at
     * once: 10,000 fit a service's heap beside its embedded store (the scale benchmark loads
     * 40,000 brigades' four million items in files of this size; 10,000 brigades in one file ran a
     * 160 MB station-service out of memory) and keep the journal's entries well under 16 MB.
     */
    public static final int MAX_ROWS = 10_000;

    private final StreamObserver<ImportResult> out;
    private final Function<C, ImportOptions> options;
    private final Function<C, List<R>> rows;
    private final BiFunction<ImportOptions, List<R>, ImportResult> importer;
    private final List<R> collected = new ArrayList<>();
    private ImportOptions chosen;
    private boolean failed;

    public ImportStream(StreamObserver<ImportResult> out, Function<C, ImportOptions> options, Function<C, List<R>> rows,
            BiFunction<ImportOptions, List<R>, ImportResult> importer) {
        this.out = out;
        this.options = options;
        this.rows = rows;
        this.importer = importer;
    }

    @Override
    public void onNext(C chunk) {
        if (failed) {
            return;
        }
        try {
            if (chosen == null) {
                chosen = options.apply(chunk);
            }
            collected.addAll(rows.apply(chunk));
        } catch (RuntimeException e) { // a row the service cannot even read (say, an impossible date)
            fail(e);
            return;
        }
        if (collected.size() > MAX_ROWS) {
            fail(new ValidationException("rows", "an import may carry at most " + MAX_ROWS + " rows; split the file"));
        }
    }

    @Override
    public void onError(Throwable t) {
        failed = true; // the client went away: nothing was stored, nothing to answer
        collected.clear();
    }

    @Override
    public void onCompleted() {
        if (failed) {
            return;
        }
        try {
            out.onNext(importer.apply(chosen == null ? ImportOptions.getDefaultInstance() : chosen, collected));
            out.onCompleted();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        failed = true;
        collected.clear();
        out.onError(DomainExceptionHandler.translate(e));
    }
}
