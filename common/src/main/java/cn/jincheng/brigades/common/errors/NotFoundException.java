package cn.jincheng.brigades.common.errors;

import io.grpc.Status;

/** An unknown id. NOT_FOUND. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist");
    }

    @Override
    public Status.Code code() {
        return Status.Code.NOT_FOUND;
    }
}
