// The desk's only script: saves each field as the clerk types, shows the diagnostics beside the
// fields they concern, and follows each edit with the preview. No framework, no build step.
"use strict";

(function () {
  const body = document.body;
  // A form that asks first (deleting a person): its question is in `data-confirm`.
  document.querySelectorAll("form[data-confirm]").forEach((f) =>
    f.addEventListener("submit", (e) => { if (!confirm(f.dataset.confirm)) e.preventDefault(); }));

  // The members a field naming a person offers: the page carries the list once (a đảng ủy has
  // thousands), and a field gets it when the clerk opens it, the full members on the day of the
  // field's document first. Each entry: [id, name shown, full from, full until] (YYYY-MM-DD).
  const memberList = document.getElementById("members");
  const members = memberList ? JSON.parse(memberList.dataset.json) : [];
  function offerMembers(select) {
    if (select.dataset.offered) return;
    select.dataset.offered = "1";
    const day = select.dataset.day;
    const chosen = select.value;
    const full = document.createElement("optgroup");
    full.label = select.dataset.full;
    const others = document.createElement("optgroup");
    others.label = select.dataset.others;
    let known = false;
    for (const [id, name, from, until] of members) {
      const option = new Option(name, id, false, id === chosen);
      known = known || id === chosen;
      const isFull = from !== "" && from <= day && (until === "" || day < until);
      (isFull ? full : others).append(option);
    }
    // The empty choice first; a value no member has (a misspelling, an id not a member's) stays.
    const kept = [...select.options].filter((o) => o.value === "" || (o.value === chosen && !known));
    select.replaceChildren(...kept.slice(0, 1), ...[full, others].filter((g) => g.children.length),
      ...kept.slice(1));
    select.value = chosen;
  }
  for (const type of ["mousedown", "touchstart", "focusin", "keydown"]) {
    document.addEventListener(type, (e) => {
      const select = e.target.closest && e.target.closest("select[data-members]");
      if (select) offerMembers(select);
    }, true);
  }

  const person = body.dataset.person;
  // A person's page edits their record; the settings page names its own address.
  const editUrl = body.dataset.edit || (person ? "/person/" + person + "/edit" : null);
  if (!editUrl) return;
  let version = body.dataset.version;
  let stale = false;
  let queue = Promise.resolve();
  const words = JSON.parse(document.getElementById("words").dataset.json);

  // The path of the field a path belongs to: `a.b[2].c` → `a.b[2]` → `a.b` → `a`.
  function parent(path) {
    const m = path.match(/^(.*)(\.[^.\[\]]+|\[\d+\])$/);
    return m ? m[1] : "";
  }

  function diagBox(path) {
    let p = path;
    for (;;) {
      const box = document.querySelector('.diag[data-for="' + CSS.escape(p) + '"]');
      if (box) return box;
      if (p === "") return null;
      p = parent(p);
    }
  }

  function item(d) {
    const li = document.createElement("div");
    li.className = "msg " + d.severity;
    li.dataset.code = d.code;
    li.textContent = d.message;
    if (d.place) {
      const s = document.createElement("span");
      s.className = "place";
      s.textContent = " " + d.place;
      li.append(s);
    }
    if (d.hint) {
      const h = document.createElement("div");
      h.className = "hint";
      h.textContent = d.hint;
      li.append(h);
    }
    if (d.citation) {
      const c = document.createElement("div");
      c.className = "cite";
      c.textContent = d.citation;
      li.append(c);
    }
    return li;
  }

  function showDiagnostics(list) {
    document.querySelectorAll(".diag").forEach((b) => b.replaceChildren());
    document.querySelectorAll(".field.has-error, .field.has-warning").forEach((f) =>
      f.classList.remove("has-error", "has-warning"));
    document.querySelectorAll("details.section").forEach((s) => {
      s.classList.remove("has-error", "has-warning");
    });
    for (const d of list) {
      const box = diagBox(d.path) || document.querySelector(".diag.general");
      box.append(item(d));
      const field = box.closest(".field");
      if (field) field.classList.add("has-" + d.severity);
      const section = box.closest("details.section");
      if (section) section.classList.add("has-" + d.severity);
    }
  }

  function showRefusal(path, message) {
    const box = diagBox(path) || document.querySelector(".diag.general");
    const div = document.createElement("div");
    div.className = "msg refused";
    div.textContent = words.refused + ": " + message;
    box.prepend(div);
  }

  // The banner says what happened and what each way on does; the page saves nothing more
  // until the clerk chooses.
  function staleBanner() {
    stale = true;
    document.getElementById("banner").hidden = false;
  }

  // The file changed on disk: what the clerk typed beside what the file holds now. Keeping
  // theirs sends it again against the file's version (the file's other changes stay); taking the
  // file's reloads the page.
  function offerChoice(el, mine, onDisk) {
    const [fileVersion, fileValue] = onDisk;
    const field = el.closest(".field");
    const label = field ? field.querySelector("label") : null;
    document.getElementById("choice-label").textContent = label ? label.textContent : "";
    document.getElementById("choice-mine").textContent = mine === "" ? "—" : mine;
    document.getElementById("choice-file").textContent = fileValue === "" ? "—" : fileValue;
    document.getElementById("banner-choice").hidden = false;
    document.getElementById("keep-mine").onclick = () => {
      version = fileVersion;
      body.dataset.version = version;
      stale = false;
      document.getElementById("banner").hidden = true;
      document.getElementById("banner-choice").hidden = true;
      save(el).then(() => { if (!stale) location.reload(); });
    };
  }

  const preview = document.getElementById("preview");
  const chooser = document.getElementById("preview-form");
  const note = document.getElementById("preview-note");

  function previewForm() {
    return chooser ? chooser.value : null;
  }

  function refreshPreview() {
    const form = previewForm();
    if (!preview || !form || !person) return;
    preview.src = "/person/" + person + "/preview/" + form + "?v=" + version;
    document.getElementById("download-form").href = "/person/" + person + "/pdf/" + form;
    document.getElementById("download-blank").href = "/blank/" + form;
    document.querySelectorAll("form.number").forEach((f) => { f.hidden = f.dataset.forForm !== form; });
  }

  // What a field holds: a checkbox is `true` when ticked and nothing (the key removed) when not.
  function valueOf(el) {
    if (el.type === "checkbox") return el.checked ? "true" : "";
    return el.value;
  }

  function save(el) {
    const path = el.dataset.path;
    const value = valueOf(el);
    const field = el.closest(".field");
    if (field) field.classList.add("saving");
    queue = queue.then(() =>
      fetch(editUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ version: version, path: path, value: value }),
      })
        // An answer that is not the desk's JSON is an error of the desk; no answer at all, a
        // desk that is not running. Both are said in words beside the field.
        .then((r) => r.json()
          .catch(() => ({ ok: false, message: words.failed + " (HTTP " + r.status + ")" }))
          .then((a) => ({ status: r.status, a: a })),
          () => ({ status: 0, a: { ok: false, message: words.no_answer } }))
        .then(({ status, a }) => {
          if (field) field.classList.remove("saving");
          if (a.diagnostics) showDiagnostics(a.diagnostics);
          // A file changed on disk comes with what it holds now: the clerk chooses. Any other
          // refusal (a link, not a file) is said beside the field.
          if (status === 409 && a.on_disk) {
            staleBanner();
            showRefusal(path, a.message);
            offerChoice(el, value, a.on_disk);
            return;
          }
          if (!a.ok) {
            showRefusal(path, a.message);
            return;
          }
          version = a.version;
          body.dataset.version = version;
          // The forms that act on the whole file (rename, delete) name the version it is at.
          document.querySelectorAll('input[name="version"]').forEach((i) => { i.value = version; });
          const undo = document.getElementById("undo");
          if (undo) undo.hidden = !a.undo;
          el.dataset.saved = value;
          if (note) note.hidden = a.checked;
          if (a.checked) refreshPreview();
          // A document's date just saved orders the members offered in its fields by that day.
          for (const [at, day, title] of a.days || []) {
            const select = record.querySelector('select[data-members][data-path="' + CSS.escape(at) + '"]');
            if (select && select.dataset.day !== day) {
              select.dataset.day = day;
              select.dataset.full = title;
              delete select.dataset.offered;
            }
          }
          if (el.dataset.reload) location.reload();
        })
        .catch((e) => {
          if (field) field.classList.remove("saving");
          showRefusal(path, String(e));
        }));
    return queue;
  }

  const timers = new Map();
  function changed(el) {
    if (!el.dataset || !el.dataset.path || stale) return;
    if (el.dataset.saved === valueOf(el)) return;
    clearTimeout(timers.get(el));
    if (el.tagName === "SELECT" || el.type === "checkbox") {
      save(el);
    } else {
      timers.set(el, setTimeout(() => save(el), 500));
    }
  }

  const record = document.getElementById("record");
  record.addEventListener("submit", (e) => e.preventDefault());
  record.querySelectorAll("[data-path]").forEach((el) => { el.dataset.saved = valueOf(el); });
  record.addEventListener("input", (e) => changed(e.target));
  record.addEventListener("change", (e) => changed(e.target));

  record.addEventListener("click", (e) => {
    const add = e.target.closest("button.add");
    if (add) {
      const list = add.closest(".list");
      const n = Number(list.dataset.count);
      const tpl = list.querySelector("template");
      const fs = document.createElement("fieldset");
      fs.className = "item new";
      const legend = document.createElement("legend");
      legend.textContent = String(n + 1);
      fs.append(legend);
      const html = tpl.content.cloneNode(true);
      html.querySelectorAll("[data-path],[data-for],[data-field],[id],label[for]").forEach((el) => {
        for (const attr of ["data-path", "data-for", "data-field", "id", "for"]) {
          const v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.split("__i__").join(String(n)));
        }
      });
      fs.append(html);
      fs.querySelectorAll("[data-path]").forEach((el) => { el.dataset.saved = ""; });
      list.insertBefore(fs, add);
      list.dataset.count = String(n + 1);
      return;
    }
    const remove = e.target.closest("button.remove");
    if (remove && confirm(words.confirm_remove)) {
      const fake = { dataset: { path: remove.dataset.remove, reload: "1" }, value: "", closest: () => null };
      save(fake);
    }
  });

  // A form that cannot be filled: say why (the desk's page about it) where the preview would be.
  if (preview) preview.addEventListener("error", () => {
    fetch(preview.src).then((r) => r.text()).then((html) => {
      const page = new DOMParser().parseFromString(html, "text/html");
      const lines = [page.querySelector("h1"), ...page.querySelectorAll(".messages li")]
        .filter((e) => e).map((e) => e.textContent);
      if (note && lines.length) {
        note.textContent = lines.join(" — ");
        note.hidden = false;
      }
    });
  });

  if (chooser) chooser.addEventListener("change", refreshPreview);
  document.getElementById("reload").addEventListener("click", () => location.reload());
  showDiagnostics(JSON.parse(document.getElementById("diagnostics").dataset.json));
})();
