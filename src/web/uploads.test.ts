import { describe, expect, it } from "vitest";
import { checkUpload, safeFileName, sniffKind } from "./uploads.js";

const docx = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from("....[Content_Types].xml....word/document.xml...", "latin1"),
]);
const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj", "latin1");
const html = Buffer.from("<html><script>alert(1)</script></html>");
const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

describe("uploads are checked by content, not by name", () => {
  it("recognises Word, PDF and UTF-8 text by their bytes", () => {
    expect(sniffKind(docx)).toBe("docx");
    expect(sniffKind(pdf)).toBe("pdf");
    expect(sniffKind(Buffer.from("Minnesanteckningar\nNärvarande: …"))).toBe("text");
    expect(sniffKind(exe)).toBeUndefined();
    expect(sniffKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toBeUndefined(); // a zip, not Word
    expect(sniffKind(Buffer.from([0xff, 0xfe, 0x41]))).toBeUndefined(); // not UTF-8
  });

  it("refuses a program named like a document, and names the file in the message", () => {
    expect(() => checkUpload({ filename: "protokoll.docx", bytes: exe })).toThrow(/varken ett Word-dokument/);
    expect(() => checkUpload({ filename: "tom.txt", bytes: new Uint8Array() })).toThrow(/Filen är tom/);
  });

  it("gives the extension the content has, whatever the name claimed", () => {
    expect(checkUpload({ filename: "faktura.pdf", bytes: docx })).toMatchObject({
      kind: "docx",
      filename: "faktura.docx",
    });
    // HTML is text: it is stored and shown as text, never served as a page.
    expect(checkUpload({ filename: "sida.html", bytes: html })).toMatchObject({
      kind: "text",
      contentType: "text/plain; charset=utf-8",
      filename: "sida.txt",
    });
  });

  it("strips folders, ../ and markup from file names", () => {
    expect(safeFileName("../../etc/passwd", "text")).toBe("passwd.txt");
    expect(safeFileName("..\\..\\windows\\system.ini", "text")).toBe("system.txt");
    expect(safeFileName('<script>alert("x")</script>.docx', "docx")).not.toMatch(/[<>"/]/);
    expect(safeFileName("Protokoll 2021-03-05 (justerat).docx", "docx")).toBe("Protokoll 2021-03-05 (justerat).docx");
    expect(safeFileName("..", "pdf")).toBe("dokument.pdf");
    expect(safeFileName(`${"å".repeat(300)}.md`, "text")).toHaveLength(103);
  });
});
