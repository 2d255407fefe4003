package cn.jincheng.brigades.common.domain.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Iterator;
import java.util.TimeZone;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

import net.coobird.thumbnailator.Thumbnails;

/**
 * What the system does with a photo's bytes: reads its EXIF (capture time, location, orientation)
 * with metadata-extractor, makes its thumbnail with Thumbnailator, and makes the copy served to
 * callers who may not see locations. That copy is the same JPEG without its EXIF and XMP segments
 * (Apache Commons Imaging rewrites the segments, the image data is untouched); a PNG is re-encoded,
 * which keeps no metadata chunks.
 */
public final class PhotoProcessing {

    /** The longer side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_SIZE = 320;

    static {
        ImageIO.setUseCache(false); // thumbnails are made from streams: no temp files for ImageIO's cache
    }

    /** What a photo's EXIF says; each part may be absent. */
    public record Facts(Instant capturedAt, Gps gps, int orientation) {
        static final Facts NONE = new Facts(null, null, 1);
    }

    private final ZoneId zone;

    /** @param zone the business zone, for an EXIF capture time that carries no offset */
    public PhotoProcessing(ZoneId zone) {
        this.zone = zone;
    }

    /** The photo's EXIF facts; a photo without EXIF (or with a damaged one) has none. */
    public Facts facts(InputStream photo) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(photo);
            Gps gps = null;
            GpsDirectory gpsDirectory = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (gpsDirectory != null) {
                GeoLocation location = gpsDirectory.getGeoLocation();
                if (location != null && !location.isZero()) {
                    gps = new Gps(location.getLatitude(), location.getLongitude());
                }
            }
            Instant captured = null;
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                Date original = exif.getDateOriginal(TimeZone.getTimeZone(zone));
                captured = original == null ? null : original.toInstant();
            }
            int orientation = 1;
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
            return new Facts(captured, gps, orientation);
        } catch (ImageProcessingException | IOException | MetadataException e) {
            return Facts.NONE;
        }
    }

    /**
     * A JPEG thumbnail of the photo, upright as its EXIF orientation says. The photo is decoded
     * subsampled to about twice the thumbnail's size, so that a 48-megapixel photo does not need
     * 200 MB of heap. @return false when the bytes do not decode as an image
     */
    public boolean thumbnail(InputStream photo, int orientation, OutputStream out) throws IOException {
        BufferedImage image = readSubsampled(photo, THUMBNAIL_SIZE * 2);
        if (image == null) {
            return false;
        }
        double rotation = switch (orientation) {
            case 3 -> 180;
            case 6 -> 90;
            case 8 -> 270;
            default -> 0;
        };
        Thumbnails.of(image).size(THUMBNAIL_SIZE, THUMBNAIL_SIZE).rotate(rotation)
                .imageType(BufferedImage.TYPE_INT_RGB).outputFormat("jpg").outputQuality(0.8).toOutputStream(out);
        return true;
    }

    /** The photo without location (nor any other metadata), as callers who may not see locations get it. */
    public byte[] withoutMetadata(String contentType, byte[] photo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
        if (ContentSniffer.JPEG.equals(contentType)) {
            try {
                ByteArrayOutputStream noExif = new ByteArrayOutputStream(photo.length);
                new ExifRewriter().removeExifMetadata(photo, noExif);
                new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), out);
            } catch (ImagingException e) {
                throw new IOException("the JPEG's segments could not be rewritten", e);
            }
            return out.toByteArray();
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
        if (image == null || !ImageIO.write(image, "png", out)) {
            throw new IOException("the image could not be re-encoded");
        }
        return out.toByteArray();
    }

    private static BufferedImage readSubsampled(InputStream photo, int target) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(photo)) {
            if (input == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
                int step = Math.max(1, longer / target);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
