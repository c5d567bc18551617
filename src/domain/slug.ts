/** A URL-safe slug from a Swedish name: "Socialchefs nätverket" -> "socialchefs-natverket". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "natverk";
}

/** The local part of a made-up e-mail address from a name: "Lena O'Brien" -> "lena.o.brien". */
export function emailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");
}
