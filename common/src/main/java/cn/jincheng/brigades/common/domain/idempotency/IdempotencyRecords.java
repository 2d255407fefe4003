package cn.jincheng.brigades.common.domain.idempotency;

/**
 * What each (caller, Idempotency-Key) was first used for and the answer it got, shared by every
 * replica of a service (and so by every gateway replica in front of it). A key is claimed before
 * the request runs, completed with its answer before the answer goes out, and released when the
 * request failed, so a failed request may be retried under its key.
 */
public interface IdempotencyRecords {

    /**
     * Claims the key for a request with this fingerprint (a hash of what the client sent), or says
     * why not.
     */
    Claim claim(String caller, String key, String fingerprint);

    /** Keeps the successful answer of the claim for retries. */
    void complete(Claim.Proceed claim, byte[] answer);

    /** Forgets the claim: the request failed and changed nothing, so a retry may run it again. */
    void release(Claim.Proceed claim);

    /** What a request under a key is to do. */
    sealed interface Claim {

        /** The key is this request's: run it. {@code mark} goes into the changed document. */
        record Proceed(String caller, String key, String token, IdempotencyMark mark) implements Claim {
        }

        /** The key was used for this very request, which succeeded: answer with its answer. */
        record Replay(byte[] answer) implements Claim {
        }

        /** The first request under the key is still running (or its service stopped only just). */
        record InProgress() implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /**
         * The first request's change was made (its mark is on a document) but its service stopped
         * before storing the answer: it is not made again; the client reads the resource instead.
         */
        record AppliedAnswerLost() implements Claim {
        }
    }
}
