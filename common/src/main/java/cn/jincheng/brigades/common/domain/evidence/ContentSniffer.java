package cn.jincheng.brigades.common.domain.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import cn.jincheng.brigades.common.domain.errors.UnacceptableContentException;

/**
 * Decides a file's type from its first bytes with Apache Tika's magic database, never from the
 * client's header. The name only narrows a container the bytes identify (a ZIP or OLE2 file into
 * a .docx/.xlsx or .doc/.xls): Tika's own rule, that a name may specialise the type the bytes
 * show but never contradict it. So an HTML page named photo.jpg is HTML, and bytes Tika cannot
 * place are refused whatever their name says.
 */
public final class ContentSniffer {

    /** Bytes enough for every magic pattern Tika has. */
    public static final int HEAD_BYTES = 64 * 1024;

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOC = "application/msword";
    public static final String XLS = "application/vnd.ms-excel";

    private static final Set<String> ALLOWED = Set.of(JPEG, PNG, PDF, DOCX, XLSX, DOC, XLS);
    /** Containers whose exact type only the name tells (Tika core reads no ZIP or OLE2 directory). */
    private static final Set<String> CONTAINERS = Set.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice", "application/x-tika-ooxml-protected");
    private static final Map<String, String> HEIC_FAMILY = Map.of("image/heic", "HEIC", "image/heif", "HEIF",
            "image/heic-sequence", "HEIC", "image/heif-sequence", "HEIF", "image/avif", "AVIF");

    private final MimeTypes types = TikaConfig.getDefaultConfig().getMimeRepository();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    /**
     * The type of a file from its head (up to {@link #HEAD_BYTES}), if it is one we keep.
     *
     * @throws UnacceptableContentException naming what the bytes are, for anything else
     */
    public String allowedType(byte[] head, int length, String name) {
        MediaType magic = detect(head, length, null);
        String type = magic.getBaseType().toString();
        if (CONTAINERS.contains(type) && name != null) {
            MediaType named = detect(head, length, name);
            if (registry.isSpecializationOf(named.getBaseType(), magic.getBaseType())
                    && ALLOWED.contains(named.getBaseType().toString())) {
                return named.getBaseType().toString();
            }
        }
        if (ALLOWED.contains(type)) {
            return type;
        }
        if (HEIC_FAMILY.containsKey(type)) {
            throw new UnacceptableContentException(UnacceptableContentException.Reason.UNSUPPORTED_TYPE,
                    HEIC_FAMILY.get(type) + " photos (" + type + ") are not accepted: set the phone's camera to "
                            + "\"Most Compatible\" (JPEG), or share the photo as JPEG, and upload that");
        }
        throw new UnacceptableContentException(UnacceptableContentException.Reason.UNSUPPORTED_TYPE,
                "the file's content is " + (type.equals("application/octet-stream") ? "not a type we recognise" : type)
                        + ", whatever its name says; allowed: JPEG or PNG photos, PDF, Word (.doc, .docx) "
                        + "and Excel (.xls, .xlsx) documents");
    }

    private MediaType detect(byte[] head, int length, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try {
            return types.detect(new ByteArrayInputStream(head, 0, length), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
