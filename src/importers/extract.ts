import iconv from "iconv-lite";
import { DocxError, docxToHtml } from "./docx.js";
import { htmlToLines } from "./html.js";
import { ImportError } from "./import-error.js";

/** Documents larger than this are refused before any parsing (minutes are kilobytes, not megabytes). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The text of a document as lines, with how it was read. */
export type Extracted = {
  lines: string[];
  format: "docx" | "text";
  encoding: string;
  /** Things noticed while decoding that a person may want to check. */
  warnings: string[];
};

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Reads a minutes document (docx by content, else text) into normalised lines. */
export async function extractLines(bytes: Uint8Array, filename: string): Promise<Extracted> {
  checkSize(bytes, filename);
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    return { lines: docxLines(bytes, filename), format: "docx", encoding: "docx", warnings: [] };
  }
  refuseBinaryContainers(bytes, filename);
  const { text, encoding, warnings } = decodeText(bytes, filename);
  return { lines: splitLines(text), format: "text", encoding, warnings };
}

/** Refuses empty and oversized input before anything else looks at it. */
export function checkSize(bytes: Uint8Array, filename: string): void {
  if (bytes.length === 0) throw new ImportError(filename, "Filen är tom.");
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      filename,
      `Filen är ${Math.round(bytes.length / 1024 / 1024)} MB; största tillåtna storlek är ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      { tooLarge: true },
    );
  }
}

// Word files that are not .docx zips, and PDFs, fail later with confusing zip errors; say what they are.
function refuseBinaryContainers(bytes: Uint8Array, filename: string): void {
  if (startsWith(bytes, OLE)) {
    throw new ImportError(
      filename,
      "Filen är lösenordsskyddad eller en äldre Word-fil (.doc). Spara den som .docx utan lösenord och försök igen.",
    );
  }
  if (startsWith(bytes, PDF)) throw new ImportError(filename, "PDF-filer kan inte läsas; spara som .docx eller .txt.");
  if (/\.docx$/i.test(filename)) {
    throw new ImportError(filename, "Filen heter .docx men är ingen Word-fil (den är inte ett zip-arkiv).");
  }
}

function docxLines(bytes: Uint8Array, filename: string): string[] {
  let html: string;
  try {
    html = docxToHtml(bytes);
  } catch (e) {
    // Anything the zip or XML reading throws is a broken file, not a crash of the import.
    const reason = e instanceof DocxError ? e.message : ((e as Error)?.message ?? String(e));
    throw new ImportError(filename, `Word-filen kan inte läsas (skadad eller inte en .docx): ${reason.slice(0, 200)}`);
  }
  return splitLines(normalise(htmlToLines(html).join("\n")));
}

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 (BOM or evident), else Windows-1252. */
export function decodeText(
  bytes: Uint8Array,
  filename: string,
): { text: string; encoding: string; warnings: string[] } {
  const warnings: string[] = [];
  let encoding: string;
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = "utf-8-bom";
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = "utf-16le";
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = "utf-16be";
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = new TextDecoder(utf16).decode(bytes);
    } else {
      if (bytes.includes(0)) throw junk(filename);
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        encoding = "utf-8";
      } catch {
        text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252");
        encoding = "windows-1252";
      }
    }
  }
  const repaired = repairMojibake(text);
  if (repaired !== text) {
    warnings.push('Texten verkar ha sparats om med fel teckenkodning (t.ex. "Ã¤" för "ä"); å, ä och ö har rättats.');
    text = repaired;
  }
  if (looksBinary(text)) throw junk(filename);
  return { text: normalise(text), encoding, warnings };
}

const junk = (filename: string) =>
  new ImportError(
    filename,
    "Filen ser ut att vara binär (inte text, .md eller .docx) och kan inte läsas som protokoll.",
  );

// A BOM-less UTF-16 file has a NUL in (almost) every other byte; plain text never does.
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.02) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.02) return "utf-16be";
  return null;
}

function looksBinary(text: string): boolean {
  let bad = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0) as number;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  return total > 0 && bad / total > 0.02 && bad >= 3;
}

// "nÃ¤tverket" is UTF-8 read as Windows-1252 and saved again; undo it when it clearly happened.
function repairMojibake(text: string): string {
  const hits = text.match(/Ã[\u00a4\u00a5\u00b6\u0084\u0085\u2013\u2026\u201e\u00a9\u00bc]/g);
  if (!hits || hits.length < 2) return text;
  const fixed = iconv.decode(iconv.encode(text, "win1252"), "utf-8");
  return fixed.includes("\ufffd") ? text : fixed;
}

/** Line endings to \n, NFC, and the invisible characters Word and e-mail leave behind removed. */
export function normalise(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\f\v]/g, "\n")
    .replace(/[\ufeff\u200b\u2060\u00ad]/g, "")
    .replace(/\u00a0/g, " ")
    .normalize("NFC");
}

// Trailing tabs are empty table cells; trailing spaces stay, as "  " is Markdown's line break.
function splitLines(text: string): string[] {
  return text.split("\n").map((l) => l.replace(/\t+$/, "").replace(/^[ \t]+$/, ""));
}
