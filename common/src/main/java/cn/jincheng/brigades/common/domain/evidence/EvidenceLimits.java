package cn.jincheng.brigades.common.domain.evidence;

/**
 * How much evidence the system keeps: per file, and per record (files and bytes). A phone photo is
 * 2–6 MB; ten of them and a few scanned PDFs fit a record comfortably.
 */
public record EvidenceLimits(long maxFileBytes, int maxFilesPerRecord, long maxBytesPerRecord) {

    public static final EvidenceLimits DEFAULT = new EvidenceLimits(10L * 1024 * 1024, 20, 50L * 1024 * 1024);

    public EvidenceLimits {
        if (maxFileBytes <= 0 || maxFilesPerRecord <= 0 || maxBytesPerRecord <= 0) {
            throw new IllegalArgumentException("evidence limits must be positive");
        }
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : (bytes / 1024) + " KB";
    }
}
