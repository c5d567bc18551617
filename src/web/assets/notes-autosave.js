// Autosave island for notes forms (form[data-autosave]). Without it the forms post normally.
// Saves while the writer types, keeps a copy in localStorage until the server has it (so a reload
// or a closed tab loses nothing), and on a conflict shows both texts and waits for the writer.

const DELAY_MS = 1200;
const RETRY_MS = 5000;

function timeNow() {
  return new Date().toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit" });
}

function readLocal(key) {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function writeLocal(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full store: autosave to the server still works.
  }
}

function setup(form) {
  const textarea = form.querySelector("textarea[name=notes]");
  const revisionInput = form.querySelector("input[name=revision]");
  const status = form.querySelector(".autosave-status");
  const csrf = form.querySelector("input[name=_csrf]")?.value ?? "";
  if (!textarea || !revisionInput) return;
  const key = `samrad:notes:${form.getAttribute("action")}`;
  // After a server-rendered conflict the saved text differs from what is in the field.
  let lastSaved = form.dataset.savedText ?? textarea.defaultValue;
  let blocked = form.dataset.savedText !== undefined;
  let timer = 0;
  let inflight = false;
  let again = false;
  let panel = null;

  const say = (text) => {
    if (status) status.textContent = text;
  };
  const remember = () => writeLocal(key, { text: textarea.value, base: Number(revisionInput.value), at: Date.now() });

  function showConflict(message, theirs, theirRevision) {
    blocked = true;
    panel?.remove();
    panel = document.createElement("div");
    panel.className = "conflict";
    panel.setAttribute("role", "alert");
    const p = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = message;
    p.append(strong);
    const label = document.createElement("label");
    const savedId = `${textarea.id}-sparad-js`;
    label.htmlFor = savedId;
    label.textContent = "Sparad text";
    const saved = document.createElement("textarea");
    saved.id = savedId;
    saved.readOnly = true;
    saved.rows = Math.min(12, Math.max(3, theirs.split("\n").length + 1));
    saved.value = theirs;
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = "Din text står kvar i fältet nedan och i webbläsaren. Välj hur du vill gå vidare:";
    const merge = document.createElement("button");
    merge.type = "button";
    merge.className = "button secondary small";
    merge.textContent = "Lägg in den sparade texten under min";
    merge.addEventListener("click", () => {
      textarea.value = `${textarea.value.trimEnd()}\n\n${theirs}`;
      resolve();
    });
    const keep = document.createElement("button");
    keep.type = "button";
    keep.className = "button secondary small";
    keep.textContent = "Spara min text som den är";
    keep.addEventListener("click", resolve);
    function resolve() {
      revisionInput.value = String(theirRevision);
      lastSaved = theirs;
      blocked = false;
      panel?.remove();
      panel = null;
      remember();
      save();
      textarea.focus();
    }
    panel.append(p, label, saved, hint, merge, " ", keep);
    textarea.before(panel);
    say("Inte sparat: konflikt.");
  }

  async function save() {
    clearTimeout(timer);
    if (blocked) return;
    const text = textarea.value;
    if (text === lastSaved) {
      writeLocal(key, null);
      return;
    }
    if (inflight) {
      again = true;
      return;
    }
    inflight = true;
    say("Sparar …");
    try {
      const res = await fetch(form.action, {
        method: "POST",
        headers: {
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
          "x-csrf-token": csrf,
        },
        body: new URLSearchParams({ notes: text, revision: revisionInput.value }),
        keepalive: text.length < 60000,
        credentials: "same-origin",
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        revisionInput.value = String(body.revision);
        lastSaved = text;
        if (textarea.value === text) {
          writeLocal(key, null);
          say(`Sparat kl. ${timeNow()}.`);
        } else {
          remember();
          again = true;
        }
      } else if (res.status === 409 && body.conflict) {
        showConflict(
          body.error?.message ?? "Någon annan har sparat andra anteckningar.",
          body.conflict.theirs,
          body.conflict.revision,
        );
      } else if (res.status === 409 || res.status === 403 || res.status === 401) {
        blocked = true;
        say(`Inte sparat: ${body.error?.message ?? "ladda om sidan"} Texten finns kvar i webbläsaren.`);
      } else {
        say(`Inte sparat: ${body.error?.message ?? "försöker igen"} Texten finns kvar i webbläsaren.`);
        timer = setTimeout(save, RETRY_MS);
      }
    } catch {
      say("Ingen kontakt med servern. Texten finns kvar i webbläsaren; försöker igen.");
      timer = setTimeout(save, RETRY_MS);
    } finally {
      inflight = false;
      if (again) {
        again = false;
        timer = setTimeout(save, 50);
      }
    }
  }

  // Restore what this browser typed but the server never got.
  const local = readLocal(key);
  if (local && typeof local.text === "string" && local.text !== textarea.value && !blocked) {
    const serverText = textarea.value;
    textarea.value = local.text;
    if (Number(local.base) === Number(revisionInput.value)) {
      say("Osparad text från den här webbläsaren är återställd och sparas nu.");
      timer = setTimeout(save, 50);
    } else {
      showConflict(
        "Du hade osparad text här, men någon annan har sparat punkten sedan dess. Båda texterna visas.",
        serverText,
        Number(revisionInput.value),
      );
    }
  } else if (local && local.text === textarea.value) {
    writeLocal(key, null);
  }

  textarea.addEventListener("input", () => {
    if (form.dataset.savedText !== undefined && blocked && !panel) {
      // A server-rendered conflict: the writer has seen both texts and now edits their own.
      blocked = false;
      delete form.dataset.savedText;
    }
    remember();
    clearTimeout(timer);
    if (!blocked) {
      say("Osparade ändringar …");
      timer = setTimeout(save, DELAY_MS);
    }
  });
  textarea.addEventListener("blur", () => {
    if (!blocked) save();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (form.dataset.savedText !== undefined) {
      blocked = false;
      delete form.dataset.savedText;
    }
    remember();
    save();
  });
  const flush = () => {
    if (!blocked && textarea.value !== lastSaved) save();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
}

for (const form of document.querySelectorAll("form[data-autosave]")) setup(form);
