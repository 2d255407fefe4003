package cn.jincheng.brigades.common.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.errors.UnacceptableContentException;
import cn.jincheng.brigades.common.testing.TestImages;

/** The type comes from the bytes; a name narrows a container at most. */
class ContentSnifferTest {

    private final ContentSniffer sniffer = new ContentSniffer();

    private String type(byte[] bytes, String name) {
        return sniffer.allowedType(bytes, Math.min(bytes.length, ContentSniffer.HEAD_BYTES), name);
    }

    @Test
    void photosAndPdfAreKnownByTheirBytesWhateverTheirNames() {
        assertThat(type(TestImages.jpeg(40, 30), "scan.pdf")).isEqualTo(ContentSniffer.JPEG);
        assertThat(type(TestImages.png(40, 30), "photo")).isEqualTo(ContentSniffer.PNG);
        assertThat(type("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "a.jpg"))
                .isEqualTo(ContentSniffer.PDF);
    }

    @Test
    void anHtmlPageNamedLikeAPhotoIsRefusedAndNamedForWhatItIs() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> type(html, "photo.jpg")).isInstanceOfSatisfying(UnacceptableContentException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(UnacceptableContentException.Reason.UNSUPPORTED_TYPE);
                    assertThat(e.getMessage()).contains("text/html");
                });
    }

    @Test
    void bytesNothingRecognisesAreRefusedEvenWithAPhotosName() {
        byte[] noise = new byte[2048];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 1;
        assertThatThrownBy(() -> type(noise, "photo.jpg")).isInstanceOf(UnacceptableContentException.class);
    }

    @Test
    void anOfficeContainerTakesItsExactTypeFromTheNameButAZipIsNoPhoto() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        assertThat(type(docx, "report.docx")).isEqualTo(ContentSniffer.DOCX);
        assertThat(type(docx, "report.xlsx")).isEqualTo(ContentSniffer.XLSX);
        assertThatThrownBy(() -> type(docx, "photo.jpg")).isInstanceOf(UnacceptableContentException.class);
        assertThatThrownBy(() -> type(zip("a.txt"), "archive.zip")).isInstanceOf(UnacceptableContentException.class);
    }

    @Test
    void heicIsRefusedWithWhatToDoInstead() {
        byte[] heic = new byte[64];
        byte[] box = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c' };
        System.arraycopy(box, 0, heic, 0, box.length);
        assertThatThrownBy(() -> type(heic, "IMG_0001.HEIC")).isInstanceOfSatisfying(UnacceptableContentException.class,
                e -> assertThat(e.getMessage()).contains("HEIC").contains("JPEG"));
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
