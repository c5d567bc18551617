import { describe, expect, it } from "vitest";
import { makeZip } from "../../test/files.js";
import { detectFileType, zipEntryNames } from "./file-type.js";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("attachment types by content", () => {
  it("recognises PDF, PNG and JPEG by their magic numbers", () => {
    expect(detectFileType(new TextEncoder().encode("%PDF-1.7\n..."))?.ext).toBe("pdf");
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))?.ext).toBe("png");
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))?.ext).toBe("jpg");
  });

  it("tells Word, PowerPoint and Excel apart by what the ZIP holds, and refuses macros and plain ZIPs", () => {
    const docx = makeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(zipEntryNames(docx)).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(detectFileType(docx)?.ext).toBe("docx");
    expect(
      detectFileType(
        makeZip([
          { name: "[Content_Types].xml", data: "" },
          { name: "ppt/presentation.xml", data: "" },
        ]),
      )?.ext,
    ).toBe("pptx");
    const macro = makeZip([
      { name: "[Content_Types].xml", data: "" },
      { name: "word/document.xml", data: "" },
      { name: "word/vbaProject.bin", data: "x" },
    ]);
    expect(detectFileType(macro)).toBeNull();
    expect(detectFileType(makeZip([{ name: "setup.exe", data: "MZ" }]))).toBeNull();
  });

  it("recognises OpenDocument by its mimetype entry", () => {
    const odt = makeZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text" }]);
    expect(detectFileType(odt)?.ext).toBe("odt");
  });

  it("accepts UTF-8 text and refuses binaries whatever they are called", () => {
    expect(detectFileType(new TextEncoder().encode("Läget i kommunerna\n- Bjuv: stabilt\n"))?.ext).toBe("txt");
    expect(detectFileType(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03))).toBeNull(); // a Windows program
    expect(detectFileType(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1))).toBeNull(); // an ELF binary
    expect(detectFileType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBeNull(); // legacy Office
    expect(detectFileType(new Uint8Array(0))).toBeNull();
  });
});
