// Search as you type: while the box has three or more characters, the first hits are fetched from
// /api/sok and listed under it. Without JavaScript the form simply submits to /sok.
const input = document.querySelector("#sok-q");
const live = input && document.getElementById(input.dataset.live || "");
if (input && live && input.form) {
  const form = input.form;
  let timer = 0;
  let latest = 0;
  const kinds = { item: "Punkt", decision: "Beslut", action: "Uppdrag", person: "Person", network: "Nätverk" };

  const show = (hits, total, more) => {
    live.replaceChildren();
    if (hits.length === 0) return;
    const heading = document.createElement("p");
    heading.className = "live-heading";
    heading.textContent = more ? `Fler än ${total} träffar, de första:` : `${total} träffar, de första:`;
    const list = document.createElement("ul");
    for (const hit of hits) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = hit.url;
      a.textContent = hit.title;
      const meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = ` ${kinds[hit.kind] || ""}${hit.network && hit.kind !== "network" ? `, ${hit.network}` : ""}${hit.date ? `, ${hit.date}` : ""}`;
      li.append(a, meta);
      list.append(li);
    }
    live.append(heading, list);
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const value = input.value.trim();
    if (value.length < 3) {
      live.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      const ticket = ++latest;
      const params = new URLSearchParams(new FormData(form));
      params.set("limit", "6");
      try {
        const res = await fetch(`/api/sok?${params}`, { headers: { accept: "application/json" } });
        if (!res.ok || ticket !== latest) return;
        const body = await res.json();
        show(body.hits || [], body.total || 0, body.more);
      } catch {
        // offline or signed out: the form still works
      }
    }, 250);
  });
}
