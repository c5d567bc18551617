import { basename } from "node:path";
import { AppError } from "../errors.js";

/** Limits for every multipart upload (pass to @fastify/multipart's `limits`). */
export const UPLOAD_LIMITS = { fileSize: 20 * 1024 * 1024, files: 10, fields: 20, parts: 30, headerPairs: 200 };

/** What an uploaded file turned out to be, judged by its bytes. */
export type UploadKind = "docx" | "pdf" | "text";

const CONTENT_TYPES: Record<UploadKind, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  text: "text/plain; charset=utf-8",
};

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The file's kind by its content, or undefined: a .docx is a zip with Word's parts, a PDF says so, text is UTF-8. */
export function sniffKind(bytes: Uint8Array): UploadKind | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Word's own parts are named in the zip's local headers near the start.
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString("latin1");
    return head.includes("[Content_Types].xml") && head.includes("word/") ? "docx" : undefined;
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (bytes.includes(0)) return undefined;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "text";
  } catch {
    return undefined;
  }
}

/**
 * A file name safe to store and show: no folders (so no ../), no control or markup characters,
 * at most 120 characters; the extension follows the content, not what the name claimed.
 */
export function safeFileName(name: string, kind: UploadKind): string {
  const last = basename(name.replaceAll("\\", "/"));
  const stem = last
    .replace(/\.[^.]*$/, "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]+/gu, "_")
    .replace(/^[.\s_]+|[.\s_]+$/g, "")
    .slice(0, 100);
  const ext = kind === "docx" ? "docx" : kind === "pdf" ? "pdf" : last.toLowerCase().endsWith(".md") ? "md" : "txt";
  return `${stem || "dokument"}.${ext}`;
}

/** Checks an upload by its bytes and returns its kind, content type and safe name, or a 400 that says why. */
export function checkUpload(file: { filename: string; bytes: Uint8Array }) {
  if (file.bytes.length === 0) throw new AppError("bad_request", "Filen är tom.", { where: file.filename });
  if (file.bytes.length > UPLOAD_LIMITS.fileSize) {
    throw new AppError("too_large", "Filen är större än 20 MB.", { where: file.filename });
  }
  const kind = sniffKind(file.bytes);
  if (!kind) {
    throw new AppError("bad_request", "Filen är varken ett Word-dokument (.docx), en PDF eller en textfil.", {
      where: safeFileName(file.filename, "text"),
    });
  }
  return { kind, contentType: CONTENT_TYPES[kind], filename: safeFileName(file.filename, kind) };
}
