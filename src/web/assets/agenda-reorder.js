// Drag-and-drop island for the agenda builder (ol[data-reorder-url]). The "Flytta upp/ned"
// buttons do the same without JavaScript and by keyboard; this only adds a handle for the mouse.

const list = document.querySelector("ol[data-reorder-url]");

function orderOf(ol) {
  return [...ol.children].map((li) => li.dataset.itemId);
}

if (list && list.children.length > 1) {
  const before = orderOf(list).join(",");
  let dragged = null;
  const status = document.createElement("p");
  status.className = "hint";
  status.setAttribute("role", "status");
  list.after(status);

  for (const li of list.children) {
    const head = li.querySelector(".agenda-row-head");
    const handle = document.createElement("span");
    handle.className = "drag-handle";
    handle.title = "Dra för att flytta";
    handle.setAttribute("aria-hidden", "true");
    handle.textContent = "⋮⋮";
    head?.prepend(handle);
    handle.draggable = true;
    handle.addEventListener("dragstart", (event) => {
      dragged = li;
      li.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", li.dataset.itemId);
      event.dataTransfer.setDragImage(li, 16, 16);
    });
    handle.addEventListener("dragend", async () => {
      li.classList.remove("dragging");
      dragged = null;
      const order = orderOf(list).join(",");
      if (order === before) return;
      status.textContent = "Sparar ordningen …";
      try {
        const res = await fetch(list.dataset.reorderUrl, {
          method: "POST",
          headers: {
            accept: "application/json",
            "content-type": "application/x-www-form-urlencoded",
            "x-csrf-token": list.dataset.csrf ?? "",
          },
          body: new URLSearchParams({ order }),
          credentials: "same-origin",
        });
        const body = await res.json().catch(() => ({}));
        if (!res.ok) {
          status.textContent = body.error?.message ?? "Ordningen kunde inte sparas.";
          return;
        }
        location.assign(`${location.pathname}?klart=sparat`);
      } catch {
        status.textContent = "Ingen kontakt med servern; ordningen är inte sparad.";
      }
    });
    li.addEventListener("dragover", (event) => {
      if (!dragged || dragged === li) return;
      event.preventDefault();
      const box = li.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? li.nextSibling : li);
    });
  }
}
