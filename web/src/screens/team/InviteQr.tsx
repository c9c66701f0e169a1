import { QRCodeSVG } from 'qrcode.react';

/**
 * The invitation link as a QR code, for a person standing beside the lead to scan from the screen. An SVG (sharp at any
 * size, no canvas), with a label for screen readers; the link itself stays in the text field above it. Loaded lazily
 * by the invitation links panel.
 */
export default function InviteQr({ url, label, hint }: { url: string; label: string; hint: string }) {
  return (
    <figure className="invite-qr">
      <QRCodeSVG value={url} size={176} marginSize={2} level="M" role="img" aria-label={label} title={label} />
      <figcaption className="hint">{hint}</figcaption>
    </figure>
  );
}
