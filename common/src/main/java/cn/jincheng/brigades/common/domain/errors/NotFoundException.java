package cn.jincheng.brigades.common.domain.errors;

/** An unknown id. NOT_FOUND. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist");
    }
}
