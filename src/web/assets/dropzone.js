// Drop-zone island for the import form (div[data-dropzone]): files dropped on it join those chosen
// in its file input, as if picked there. The input works on its own, without JavaScript and by
// keyboard; this only adds dropping and a line that names the chosen files.

const zone = document.querySelector("[data-dropzone]");
const input = zone?.querySelector('input[type="file"]');

if (zone && input && typeof DataTransfer === "function") {
  zone.classList.add("enhanced");
  const status = document.createElement("p");
  status.className = "hint";
  status.setAttribute("role", "status");
  zone.append(status);

  const show = () => {
    const names = [...input.files].map((f) => f.name);
    status.textContent = names.length ? `Valda filer (${names.length}): ${names.join(", ")}` : "";
  };
  input.addEventListener("change", show);

  for (const type of ["dragenter", "dragover"]) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add("dragover");
    });
  }
  for (const type of ["dragleave", "drop"]) zone.addEventListener(type, () => zone.classList.remove("dragover"));

  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    const dropped = [...(event.dataTransfer?.files ?? [])];
    const usable = dropped.filter((f) => /\.(?:docx|txt|md)$/i.test(f.name));
    if (usable.length === 0) {
      status.textContent = "Bara .docx-, .txt- och .md-filer kan importeras.";
      return;
    }
    const all = new DataTransfer();
    for (const f of [...input.files, ...usable]) all.items.add(f);
    input.files = all.files;
    show();
    if (usable.length < dropped.length) {
      status.textContent += ` (${dropped.length - usable.length} fil(er) av annan typ hoppades över)`;
    }
  });
}
