package dev.monocle.auth.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/** The enrollment QR code: the {@code otpauth://} URI as a PNG, base64-encoded. */
final class QrCode {

  private QrCode() {}

  static String pngBase64(String content) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(content, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 2));
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
      return Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException | IOException e) {
      throw new IllegalStateException("QR code could not be made", e);
    }
  }
}
