package de.stadtportal.platform.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns an upload into an image the portal can serve safely. The format is recognised by its
 * first bytes (never by file name or Content-Type); the image is decoded completely, turned
 * upright, scaled down and encoded again, so nothing of the upload but its pixels survives
 * (no EXIF, no GPS, no embedded payload). Shared by every feature that takes images (directory,
 * news, start page); each keeps its bytes in its own table.
 */
public final class ImageProcessor {

    /** Larger images are refused before decoding: a small file can claim an enormous canvas. */
    public static final long MAX_PIXELS = 40_000_000L;

    public enum Format { JPEG, PNG, WEBP }

    public record Processed(byte[] data, String contentType, int width, int height) {

        /** "png" or "jpg", the ending of the image's public URL. */
        public String extension() {
            return ImageProcessor.extension(contentType);
        }
    }

    /** The largest upload a feature takes (the container allows more, so the form can say why). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** "png" for image/png, otherwise "jpg". */
    public static String extension(String contentType) {
        return "image/png".equals(contentType) ? "png" : "jpg";
    }

    static {
        // registers TwelveMonkeys' WebP reader also where the class loader hid it from ImageIO's first scan
        ImageIO.scanForPlugins();
    }

    private ImageProcessor() {
    }

    /** JPEG, PNG and WebP by their signatures; anything else is null. */
    public static Format sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0d && bytes[5] == 0x0a && bytes[6] == 0x1a && bytes[7] == 0x0a) {
            return Format.PNG;
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    /**
     * @param maxSide the longest side of the result; smaller images keep their size
     * @param png     PNG with transparency (logos), otherwise JPEG on white (photos)
     * @throws ImageRejectedException when the bytes are no JPEG, PNG or WebP, or a broken one
     */
    public static Processed process(byte[] bytes, int maxSide, boolean png) {
        Format format = sniff(bytes);
        if (format == null) {
            throw new ImageRejectedException("file", "platform.images.error.format");
        }
        BufferedImage image = decode(bytes, format);
        if (!png) {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = rgb.createGraphics();
            try {
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                graphics.drawImage(image, 0, 0, null);
            } finally {
                graphics.dispose();
            }
            image = rgb;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image);
            if (Math.max(image.getWidth(), image.getHeight()) > maxSide) {
                builder.size(maxSide, maxSide);
            } else {
                builder.scale(1.0);
            }
            BufferedImage result = builder.asBufferedImage();
            Thumbnails.Builder<BufferedImage> writer = Thumbnails.of(result).scale(1.0);
            if (png) {
                writer.imageType(BufferedImage.TYPE_INT_ARGB).outputFormat("png");
            } else {
                writer.imageType(BufferedImage.TYPE_INT_RGB).outputFormat("jpg").outputQuality(0.85f);
            }
            writer.toOutputStream(out);
            return new Processed(out.toByteArray(), png ? "image/png" : "image/jpeg", result.getWidth(), result.getHeight());
        } catch (IOException e) {
            throw new IllegalStateException("encoding failed", e);
        }
    }

    private static BufferedImage decode(byte[] bytes, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        // a truncated JPEG decodes "successfully" with grey rows; the reader only warns
        AtomicBoolean warned = new AtomicBoolean();
        IIOReadWarningListener listener = (source, warning) -> warned.set(true);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, false);
            reader.addIIOReadWarningListener(listener);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                throw new ImageRejectedException("file", "platform.images.error.tooManyPixels");
            }
            Orientation orientation = null;
            if (format == Format.JPEG) {
                try {
                    orientation = ExifUtils.getExifOrientation(reader, 0);
                } catch (IOException | RuntimeException e) {
                    orientation = null; // broken EXIF: the pixels may still be fine
                }
            }
            BufferedImage image = reader.read(0);
            if (image == null || warned.get()) {
                throw new ImageRejectedException("file", "platform.images.error.broken");
            }
            if (orientation != null && orientation != Orientation.TOP_LEFT) {
                image = ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
            }
            return image;
        } catch (ImageRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException("file", "platform.images.error.broken");
        } finally {
            reader.dispose();
        }
    }
}
