// What may be attached to a meeting, decided by the file's content, never by its name.

/** The largest attachment accepted, in bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file type Samråd accepts, as detected from the bytes. */
export type DetectedType = { mime: string; ext: string; label: string };

const PDF: DetectedType = { mime: "application/pdf", ext: "pdf", label: "PDF" };
const PNG: DetectedType = { mime: "image/png", ext: "png", label: "PNG-bild" };
const JPEG: DetectedType = { mime: "image/jpeg", ext: "jpg", label: "JPEG-bild" };
const TEXT: DetectedType = { mime: "text/plain; charset=utf-8", ext: "txt", label: "textfil" };
const OOXML: { marker: string; type: DetectedType }[] = [
  {
    marker: "word/",
    type: {
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ext: "docx",
      label: "Word-dokument",
    },
  },
  {
    marker: "ppt/",
    type: {
      mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      ext: "pptx",
      label: "PowerPoint-presentation",
    },
  },
  {
    marker: "xl/",
    type: {
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ext: "xlsx",
      label: "Excel-fil",
    },
  },
];
const ODF: Record<string, DetectedType> = {
  "application/vnd.oasis.opendocument.text": {
    mime: "application/vnd.oasis.opendocument.text",
    ext: "odt",
    label: "OpenDocument-text",
  },
  "application/vnd.oasis.opendocument.presentation": {
    mime: "application/vnd.oasis.opendocument.presentation",
    ext: "odp",
    label: "OpenDocument-presentation",
  },
  "application/vnd.oasis.opendocument.spreadsheet": {
    mime: "application/vnd.oasis.opendocument.spreadsheet",
    ext: "ods",
    label: "OpenDocument-kalkyl",
  },
};

/** The kinds of files accepted, for the form's hint. */
export const ALLOWED_FILE_KINDS = "PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG eller ren text";

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** The names of the entries in a ZIP file's central directory (empty when it is not a readable ZIP). */
export function zipEntryNames(b: Uint8Array): string[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  const min = Math.max(0, b.length - 65_557);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) return [];
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

function detectZip(b: Uint8Array): DetectedType | null {
  // OpenDocument: the first entry is an uncompressed "mimetype" file holding the type.
  const head = new TextDecoder().decode(b.subarray(30, 120));
  if (head.startsWith("mimetype")) {
    const mime = head.slice(8).replace(/[^a-z0-9./+-].*$/s, "");
    return ODF[mime] ?? null;
  }
  const names = zipEntryNames(b);
  if (!names.includes("[Content_Types].xml")) return null;
  // Macro-enabled documents are not accepted, whatever their name says.
  if (names.some((n) => n.toLowerCase().endsWith("vbaproject.bin"))) return null;
  return OOXML.find((o) => names.some((n) => n.startsWith(o.marker)))?.type ?? null;
}

function isPlainText(b: Uint8Array): boolean {
  // Control bytes other than tab, newline, form feed and carriage return mean binary.
  for (const byte of b) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f)
      return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The accepted type of a file from its first bytes and structure, or null when it is not accepted. */
export function detectFileType(b: Uint8Array): DetectedType | null {
  if (b.length === 0) return null;
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return detectZip(b);
  return isPlainText(b) ? TEXT : null;
}
