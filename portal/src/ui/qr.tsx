import { generate, correction } from "lean-qr";

/** A QR code as an SVG image with a text alternative. */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const pad = 4;
  const n = code.size + pad * 2;
  let d = "";
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (code.get(x, y)) d += `M${x + pad} ${y + pad}h1v1h-1z`;
    }
  }
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${n} ${n}`}
      shape-rendering="crispEdges"
      data-text={text}
    >
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
