package cn.jincheng.brigades.station.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.errors.Validator;

/** Opaque page tokens (base64url of the position) and page sizes, checked the same way everywhere. */
final class PageTokens {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private PageTokens() {
    }

    static int pageSize(int requested) {
        new Validator().range(requested, 0, MAX_PAGE_SIZE, "pageSize").throwIfInvalid();
        return requested == 0 ? DEFAULT_PAGE_SIZE : requested;
    }

    static String encode(String position) {
        return position == null ? "" : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in the token, or null for an empty token. */
    static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("pageToken", "is not a page token this service issued");
        }
    }
}
