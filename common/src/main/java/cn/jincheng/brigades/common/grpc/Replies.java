package cn.jincheng.brigades.common.grpc;

import io.grpc.stub.StreamObserver;

/** A unary answer: one value, then done. */
public final class Replies {

    private Replies() {
    }

    public static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
